package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// kvWriter adds quads to a Cayley v0.7.7 key-value store (bolt, leveldb)
// in Cayley's own format, inside the store's write transaction, as pgBulk
// does for PostgreSQL. Cayley's writer is most of a load's time (profile
// at 100,000 statements: ApplyDeltas 21 s of 40): it hashes every value of
// every quad, checks each quad whose nodes exist against all indexes, and
// counts a node's references for duplicates it then skips. kvWriter
// remembers node ids across transactions, checks a quad against the one
// index that holds all of subject, predicate and object, counts only the
// quads it writes, and writes each bucket's keys in order.
//
// The format, as Cayley's graph/kv reads it:
//
//	meta/horizon          last id given (int64, little endian)
//	meta/size             live quads (int64, little endian)
//	v<h0><h1>/<hash>      a node's id (uvarint), by its value's hash
//	n<h0><h1>/<hash>      how many quad directions name the node (uvarint)
//	log/<id>              a node or quad (proto.Primitive), by id (8 bytes, big endian)
//	<dirs>/<ids>          an index: the ids (8 bytes each) of the quad's
//	                      nodes in the index's directions -> ids of the
//	                      quads (uvariants, ascending)
//
// Only additions: deletions go through Cayley, which marks a quad's log
// entry deleted and drops nodes no quad names; the store then forgets the
// node ids it remembers. Cayley's bloom filters would not see these writes,
// so the store uses kvWriter only with them off (no_bloom, its default).
type kvWriter struct {
	indexes []kv.QuadIndex
	exists  int // the index that finds a quad by its S, P and O; -1 if none
	// ids are the ids of nodes this process has written or read: a
	// node's value to its id. Cleared when over maxIDs, when Cayley
	// deletes, and when a write fails (its new ids are rolled back).
	ids map[quad.Value]uint64
}

// maxIDs bounds the ids remembered. The nodes named again in later
// transactions are few (predicates, classes, actors, positions, dates);
// a statement's own nodes are not, and a larger map only gave the garbage
// collector more to scan (300,000 statements: 1.70 GB peak RSS at 1<<20,
// 1.46 GB at 1<<16, no slower).
const maxIDs = 1 << 16

var (
	kvMeta = []byte("meta")
	kvLog  = []byte("log")
)

// newKVWriter reads the store's indexes, as Cayley records them.
func newKVWriter(ctx context.Context, db hkv.KV) (*kvWriter, error) {
	tx, err := db.Tx(false)
	if err != nil {
		return nil, err
	}
	defer tx.Close()
	w := &kvWriter{exists: -1}
	data, err := tx.Get(ctx, hkv.Key{kvMeta, []byte("indexes")})
	switch {
	case errors.Is(err, hkv.ErrNotFound):
		// A store older than Cayley 0.7.6: subject and object only.
		w.indexes = []kv.QuadIndex{{Dirs: []quad.Direction{quad.Subject}}, {Dirs: []quad.Direction{quad.Object}}}
	case err != nil:
		return nil, fmt.Errorf("read the store's indexes: %w", err)
	default:
		if err := json.Unmarshal(data, &w.indexes); err != nil {
			return nil, fmt.Errorf("read the store's indexes: %w", err)
		}
	}
	if len(w.indexes) == 0 {
		return nil, errors.New("the store lists no indexes")
	}
	for i, ind := range w.indexes {
		if covers(ind.Dirs) && (w.exists < 0 || len(ind.Dirs) < len(w.indexes[w.exists].Dirs)) {
			w.exists = i
		}
	}
	return w, nil
}

// covers says whether an index key holds subject, predicate and object.
func covers(dirs []quad.Direction) bool {
	n := 0
	for _, d := range dirs {
		if d == quad.Subject || d == quad.Predicate || d == quad.Object {
			n++
		}
	}
	return n == 3
}

// forget drops the remembered node ids.
func (w *kvWriter) forget() { w.ids = nil }

// kvNode is a node named by the quads of one add.
type kvNode struct {
	val  quad.Value
	hash cgraph.ValueHash
	id   uint64
	refs int // directions naming it among the quads written
	new  bool
}

// add writes the quads the store lacks; now is the time stamped on the
// new log entries. (Load counts what it wrote from the store's size.)
func (w *kvWriter) add(ctx context.Context, tx hkv.Tx, qs []quad.Quad, now int64) error {
	if len(qs) == 0 {
		return nil
	}
	if w.ids == nil || len(w.ids) > maxIDs {
		w.ids = make(map[quad.Value]uint64)
	}
	horizon, err := metaInt(ctx, tx, "horizon")
	if err != nil {
		return err
	}
	// Nodes: remembered, stored, or new.
	nodes := make(map[quad.Value]*kvNode)
	var lookup []*kvNode
	for _, q := range qs {
		if !q.IsValid() {
			return fmt.Errorf("quad %v lacks a subject, predicate or object", q)
		}
		for _, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil || nodes[v] != nil {
				continue
			}
			n := &kvNode{val: v}
			nodes[v] = n
			if id, ok := w.ids[v]; ok {
				n.id = id
				continue
			}
			n.hash = cgraph.HashOf(v)
			lookup = append(lookup, n)
		}
	}
	sort.Slice(lookup, func(i, j int) bool { return bytes.Compare(lookup[i].hash[:], lookup[j].hash[:]) < 0 })
	keys := make([]hkv.Key, len(lookup))
	for i, n := range lookup {
		keys[i] = hashKey('v', n.hash)
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return fmt.Errorf("look up %d nodes: %w", len(keys), err)
	}
	var fresh []*kvNode // in the order the quads name them
	for i, n := range lookup {
		if len(vals[i]) == 0 {
			n.new = true
			continue
		}
		id, k := binary.Uvarint(vals[i])
		if k <= 0 || id == 0 {
			return fmt.Errorf("node %v: bad id %x in the store", n.val, vals[i])
		}
		n.id = id
	}
	for _, q := range qs {
		for _, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if n := nodes[v]; n != nil && n.new && n.id == 0 {
				horizon++
				n.id = uint64(horizon)
				fresh = append(fresh, n)
			}
		}
	}
	// Quads: those naming a new node are new; the others are looked up.
	var links, old []proto.Primitive
	seen := make(map[[4]uint64]bool, len(qs))
	for _, q := range qs {
		var key [4]uint64
		isNew := false
		for i, v := range [4]quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil {
				key[i] = nodes[v].id
				isNew = isNew || nodes[v].new
			}
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		p := proto.Primitive{Subject: key[0], Predicate: key[1], Object: key[2], Label: key[3]}
		if isNew {
			links = append(links, p)
		} else {
			old = append(old, p)
		}
	}
	held, err := w.stored(ctx, tx, old)
	if err != nil {
		return err
	}
	for i := range old {
		if !held[i] {
			links = append(links, old[i])
		}
	}
	// Log entries: new nodes, then new quads, ids in order (so the log
	// bucket is appended to).
	byID := make(map[uint64]*kvNode, len(nodes))
	for _, n := range nodes {
		byID[n.id] = n
	}
	for _, n := range fresh {
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return fmt.Errorf("node %v: %w", n.val, err)
		}
		if err := putLog(tx, &proto.Primitive{ID: n.id, Value: val, Timestamp: now}); err != nil {
			return err
		}
	}
	index := make([][]indexEntry, len(w.indexes))
	for i := range links {
		horizon++
		p := &links[i]
		p.ID, p.Timestamp = uint64(horizon), now
		if err := putLog(tx, p); err != nil {
			return err
		}
		for _, id := range [4]uint64{p.Subject, p.Predicate, p.Object, p.Label} {
			if id != 0 {
				byID[id].refs++
			}
		}
		for j, ind := range w.indexes {
			e := indexEntry{id: p.ID, old: true}
			for k, d := range ind.Dirs {
				e.key[k] = p.GetDirection(d)
				e.old = e.old && (e.key[k] == 0 || !byID[e.key[k]].new)
			}
			index[j] = append(index[j], e)
		}
	}
	// Nodes by hash: new ones, then the reference counts of all written.
	sort.Slice(fresh, func(i, j int) bool { return bytes.Compare(fresh[i].hash[:], fresh[j].hash[:]) < 0 })
	var buf [binary.MaxVarintLen64]byte
	for _, n := range fresh {
		if err := tx.Put(hashKey('v', n.hash), append([]byte(nil), buf[:binary.PutUvarint(buf[:], n.id)]...)); err != nil {
			return fmt.Errorf("write node %v: %w", n.val, err)
		}
	}
	if err := w.countRefs(ctx, tx, nodes); err != nil {
		return err
	}
	for i, ind := range w.indexes {
		if err := appendIndexes(ctx, tx, ind, index[i]); err != nil {
			return err
		}
	}
	if err := putMetaInt(tx, "horizon", horizon); err != nil {
		return err
	}
	size, err := metaInt(ctx, tx, "size")
	if err != nil {
		return err
	}
	if err := putMetaInt(tx, "size", size+int64(len(links))); err != nil {
		return err
	}
	for v, n := range nodes {
		w.ids[v] = n.id
	}
	return nil
}

// stored says which of the quads the store holds, live: it reads their
// keys in the index of S, P and O (a short list: the quads between the
// same nodes) and their log entries.
func (w *kvWriter) stored(ctx context.Context, tx hkv.Tx, qs []proto.Primitive) ([]bool, error) {
	out := make([]bool, len(qs))
	if len(qs) == 0 {
		return out, nil
	}
	ind := w.indexes[0]
	if w.exists >= 0 {
		ind = w.indexes[w.exists]
	}
	keys := make([]hkv.Key, len(qs))
	for i := range qs {
		keys[i] = hkv.Key(ind.KeyFor(&qs[i]))
	}
	lists, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("look up %d quads: %w", len(keys), err)
	}
	for i := range qs {
		for l := lists[i]; len(l) > 0; {
			id, k := binary.Uvarint(l)
			if k <= 0 {
				return nil, fmt.Errorf("index %s: bad list %x", ind.Dirs, lists[i])
			}
			l = l[k:]
			v, err := tx.Get(ctx, logKey(id))
			if errors.Is(err, hkv.ErrNotFound) {
				continue
			} else if err != nil {
				return nil, fmt.Errorf("read quad %d: %w", id, err)
			}
			var p proto.Primitive
			if err := p.Unmarshal(v); err != nil {
				return nil, fmt.Errorf("read quad %d: %w", id, err)
			}
			if !p.Deleted && p.IsSameLink(&qs[i]) {
				out[i] = true
				break
			}
		}
	}
	return out, nil
}

// countRefs adds to the reference counts of the nodes the written quads
// name, in hash order.
func (w *kvWriter) countRefs(ctx context.Context, tx hkv.Tx, nodes map[quad.Value]*kvNode) error {
	var ns []*kvNode
	for _, n := range nodes {
		if n.refs > 0 {
			if n.hash == (cgraph.ValueHash{}) {
				n.hash = cgraph.HashOf(n.val)
			}
			ns = append(ns, n)
		}
	}
	sort.Slice(ns, func(i, j int) bool { return bytes.Compare(ns[i].hash[:], ns[j].hash[:]) < 0 })
	keys := make([]hkv.Key, 0, len(ns))
	var old []int
	for i, n := range ns {
		keys = append(keys, hashKey('n', n.hash))
		if !n.new {
			old = append(old, i)
		}
	}
	have := make([]hkv.Value, len(ns))
	if len(old) > 0 {
		ks := make([]hkv.Key, len(old))
		for j, i := range old {
			ks[j] = keys[i]
		}
		vs, err := tx.GetBatch(ctx, ks)
		if err != nil {
			return fmt.Errorf("read %d reference counts: %w", len(ks), err)
		}
		for j, i := range old {
			have[i] = vs[j]
		}
	}
	var buf [binary.MaxVarintLen64]byte
	for i, n := range ns {
		count := uint64(n.refs)
		if len(have[i]) > 0 {
			c, k := binary.Uvarint(have[i])
			if k <= 0 {
				return fmt.Errorf("node %v: bad reference count %x", n.val, have[i])
			}
			count += c
		}
		if err := tx.Put(keys[i], append([]byte(nil), buf[:binary.PutUvarint(buf[:], count)]...)); err != nil {
			return fmt.Errorf("count node %v: %w", n.val, err)
		}
	}
	return nil
}

// indexEntry is a quad's key in one index (its nodes' ids in the index's
// directions) and its id.
type indexEntry struct {
	key [4]uint64
	id  uint64
	old bool // all the key's nodes were stored before: it may have a list
}

// appendIndexes appends quad ids to an index's lists, in key order. Only a
// key of nodes stored before can have a list to append to.
func appendIndexes(ctx context.Context, tx hkv.Tx, ind kv.QuadIndex, es []indexEntry) error {
	if len(es) == 0 {
		return nil
	}
	bucket := ind.Key(nil)[0]
	sort.Slice(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		for k := range ind.Dirs {
			if a.key[k] != b.key[k] {
				return a.key[k] < b.key[k]
			}
		}
		return a.id < b.id
	})
	type run struct {
		key   hkv.Key
		first int // es[first:end] share the key
		end   int
		have  []byte
	}
	var runs []run
	var old []hkv.Key
	var oldRuns []int
	for i := 0; i < len(es); {
		j := i + 1
		for j < len(es) && es[j].key == es[i].key {
			j++
		}
		k := make([]byte, 0, 8*len(ind.Dirs))
		for n := range ind.Dirs {
			k = binary.BigEndian.AppendUint64(k, es[i].key[n])
		}
		r := run{key: hkv.Key{bucket, k}, first: i, end: j}
		if es[i].old {
			old = append(old, r.key)
			oldRuns = append(oldRuns, len(runs))
		}
		runs = append(runs, r)
		i = j
	}
	if len(old) > 0 {
		have, err := tx.GetBatch(ctx, old)
		if err != nil {
			return fmt.Errorf("read index %s: %w", bucket, err)
		}
		for i, r := range oldRuns {
			runs[r].have = have[i]
		}
	}
	for _, r := range runs {
		val := make([]byte, len(r.have), len(r.have)+binary.MaxVarintLen64*(r.end-r.first))
		copy(val, r.have)
		for _, e := range es[r.first:r.end] {
			val = binary.AppendUvarint(val, e.id)
		}
		if err := tx.Put(r.key, val); err != nil {
			return fmt.Errorf("write index %s: %w", bucket, err)
		}
	}
	return nil
}

func hashKey(bucket byte, h cgraph.ValueHash) hkv.Key {
	return hkv.Key{[]byte{bucket, h[0], h[1]}, append([]byte(nil), h[:]...)}
}

func logKey(id uint64) hkv.Key {
	return hkv.Key{kvLog, binary.BigEndian.AppendUint64(nil, id)}
}

func putLog(tx hkv.Tx, p *proto.Primitive) error {
	buf, err := p.Marshal()
	if err != nil {
		return fmt.Errorf("encode entry %d: %w", p.ID, err)
	}
	if err := tx.Put(logKey(p.ID), buf); err != nil {
		return fmt.Errorf("write entry %d: %w", p.ID, err)
	}
	return nil
}

func metaInt(ctx context.Context, tx hkv.Tx, key string) (int64, error) {
	v, err := tx.Get(ctx, hkv.Key{kvMeta, []byte(key)})
	if errors.Is(err, hkv.ErrNotFound) {
		return 0, nil
	} else if err != nil {
		return 0, fmt.Errorf("read %s: %w", key, err)
	}
	if len(v) != 8 {
		return 0, fmt.Errorf("read %s: %d bytes, want 8", key, len(v))
	}
	return int64(binary.LittleEndian.Uint64(v)), nil
}

func putMetaInt(tx hkv.Tx, key string, n int64) error {
	if err := tx.Put(hkv.Key{kvMeta, []byte(key)}, binary.LittleEndian.AppendUint64(nil, uint64(n))); err != nil {
		return fmt.Errorf("write %s: %w", key, err)
	}
	return nil
}
