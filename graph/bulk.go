package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	kvbolt "github.com/cayleygraph/cayley/graph/kv/bolt"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
	"github.com/stancegraph/stancegraph/schema"
)

// Bulk loads documents into a new bolt store (or an empty PostgreSQL
// database: pgbulkload.go), as the bulk importers of
// other databases do: it keeps the quads as node ids in memory (16 bytes a
// quad) and writes each of Cayley's buckets once, in key order, into a
// file of its own beside the store's, which Finish syncs and renames over
// the store's file. Store.Load's transactions each rewrite the pages of
// Cayley's node buckets (placed by a hash of the value, so a transaction
// touches most of them) and of the longest index lists: at 100,000
// statements their commits wrote 2.4 GB for a 500 MB file.
//
// Until Finish the store's own file is not written: a bulk load cut short
// (killed, or Close before Finish) leaves the store as it was, new and
// empty, and the next bulk load clears what it left. A Bulk is for one
// goroutine.
type Bulk struct {
	s       *Store
	staging string // the directory of the file being written
	db      *boltKV
	now     int64
	ids     map[cgraph.ValueHash]uint32 // node id by its value's hash
	hash    []cgraph.ValueHash          // by node id (hash[0] unused)
	quads   quadBlocks                  // in the order they came
	tally   bulkTally
	docs    map[string]struct{} // the documents loaded
	pg      *pgBulk             // PostgreSQL: the nodes' values are kept, not logged
	vals    []quad.Value        // by node id, for pg
	base    int                 // quads read from the store (BulkOver)
	log     *chunkWriter
	err     error // a failed write: the bulk is over
	done    bool
}

// blockQuads is how many quads a block holds: growing one slice of them
// copied it again and again (a second of a 100,000-statement load).
const blockQuads = 1 << 16

// quadBlocks is a list of quads in blocks of blockQuads.
type quadBlocks [][]bulkQuad

func (qb *quadBlocks) add(q bulkQuad) {
	if n := len(*qb); n == 0 || len((*qb)[n-1]) == blockQuads {
		*qb = append(*qb, make([]bulkQuad, 0, blockQuads))
	}
	last := &(*qb)[len(*qb)-1]
	*last = append(*last, q)
}

func (qb quadBlocks) len() int {
	if len(qb) == 0 {
		return 0
	}
	return (len(qb)-1)*blockQuads + len(qb[len(qb)-1])
}

func (qb quadBlocks) at(i int) *bulkQuad { return &qb[i/blockQuads][i%blockQuads] }

// truncate keeps the first n quads.
func (qb *quadBlocks) truncate(n int) {
	full := (n + blockQuads - 1) / blockQuads
	clear((*qb)[full:])
	*qb = (*qb)[:full]
	if full > 0 {
		(*qb)[full-1] = (*qb)[full-1][:n-(full-1)*blockQuads]
	}
}

// bulkQuad is a quad as the ids of its nodes (label 0: none).
type bulkQuad [4]uint32

// ErrDocAgain says a bulk load was given a document it holds already. A
// document loaded again replaces its statements, which a bulk load does
// not do: Finish it and load the document by Store.Load.
var ErrDocAgain = errors.New("document already in the bulk load")

// ErrNotNew says a bulk load was asked of a store that holds data.
var ErrNotNew = errors.New("bulk load needs a new store")

// Bulk starts a bulk load of the store, which must hold nothing and be a
// bolt store written by stancegraph's own writer (no_bloom, the default)
// or a PostgreSQL database. Until Finish, Load and Remove refuse. On bolt,
// Finish closes the store's file and opens the new one, so it must not run
// while queries do; on PostgreSQL it locks the tables for its transaction
// (see startPGBulk).
func (s *Store) Bulk(ctx context.Context) (*Bulk, error) {
	return s.startBulk(ctx, false)
}

// startBulk opens the staging file of a bulk load; a store that holds
// data takes one only if over is set.
func (s *Store) startBulk(ctx context.Context, over bool) (*Bulk, error) {
	if s.w == nil {
		return nil, ErrReadOnly
	}
	if s.bulk != nil && !over {
		return s.startPGBulk(ctx)
	}
	if !s.CanBulkOver() {
		return nil, fmt.Errorf("%w: only a bolt store with no_bloom takes one (this one: %s)", ErrNotNew, s.cfg.Backend)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loading != nil {
		return nil, errBulking
	}
	tx, err := s.guard.Tx(false)
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	horizon, err := metaInt(ctx, tx, "horizon")
	tx.Close()
	if err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	if horizon != 0 && !over {
		return nil, fmt.Errorf("%w: %s holds %d nodes and quads", ErrNotNew, s.cfg.Path, horizon)
	}
	staging := filepath.Join(s.cfg.Path, "bulk.tmp")
	if err := os.RemoveAll(staging); err != nil { // an earlier bulk load cut short
		return nil, fmt.Errorf("bulk load: clear %s: %w", staging, err)
	}
	opts := kvOptions(s.cfg.Backend, s.cfg.Options)
	if err := initStore("bolt", staging, opts); err != nil {
		return nil, fmt.Errorf("bulk load: create %s: %w", staging, err)
	}
	kdb, err := kvbolt.Open(staging, opts)
	if err != nil {
		os.RemoveAll(staging)
		return nil, fmt.Errorf("bulk load: open %s: %w", staging, err)
	}
	db := &boltKV{db: kdb.(*hbolt.DB).DB()}
	db.db.NoSync = true // nobody reads the file before Finish syncs it
	b := &Bulk{s: s, staging: staging, db: db, now: time.Now().UnixNano(),
		ids: make(map[cgraph.ValueHash]uint32), hash: make([]cgraph.ValueHash, 1), tally: newBulkTally(),
		docs: make(map[string]struct{})}
	b.log = &chunkWriter{kv: db, limit: chunkBytes}
	s.loading = b
	return b, nil
}

// Load adds documents and their statements, as Store.Load would to a new
// store: a statement met again is left out. A batch with an invalid
// statement, or with a document given before (ErrDocAgain), adds nothing.
// Its result is empty: Finish counts.
func (b *Bulk) Load(ctx context.Context, batches ...Batch) (LoadResult, error) {
	if err := b.usable(); err != nil {
		return LoadResult{}, err
	}
	if err := ctx.Err(); err != nil {
		return LoadResult{}, err
	}
	again := map[string]bool{}
	for _, bt := range batches {
		if bt.Doc.ID == "" {
			return LoadResult{}, errors.New("load: document has no id")
		}
		if _, ok := b.docs[bt.Doc.ID]; ok || again[bt.Doc.ID] || b.holds(schema.DocumentIRI(bt.Doc.ID)) {
			return LoadResult{}, fmt.Errorf("load %s: %w", bt.Doc.ID, ErrDocAgain)
		}
		again[bt.Doc.ID] = true
		for i := range bt.Statements {
			if err := bt.Statements[i].Validate(); err != nil {
				return LoadResult{}, fmt.Errorf("load %s: statement %d: %w", bt.Doc.ID, i, err)
			}
		}
	}
	local := make(map[quad.Value]uint32) // this call's nodes, hashed once
	var fresh []quad.Value               // new nodes, in id order
	node := func(v quad.Value, h cgraph.ValueHash) uint32 {
		n, ok := b.ids[h]
		if !ok {
			n = uint32(len(b.hash))
			b.ids[h] = n
			b.hash = append(b.hash, h)
			fresh = append(fresh, v)
		}
		local[v] = n
		return n
	}
	id := func(v quad.Value) uint32 {
		if n, ok := local[v]; ok {
			return n
		}
		return node(v, cgraph.HashOf(v))
	}
	add := func(qs []quad.Quad) {
		for _, q := range qs {
			var bq bulkQuad
			bq[0], bq[1], bq[2] = id(q.Subject), id(q.Predicate), id(q.Object)
			if q.Label != nil {
				bq[3] = id(q.Label)
			}
			b.quads.add(bq)
		}
	}
	var news []*schema.Statement
	for _, bt := range batches {
		b.docs[bt.Doc.ID] = struct{}{}
		add(bt.Doc.Quads())
		for i := range bt.Statements {
			st := &bt.Statements[i]
			sid := st.ID()
			if _, ok := local[sid]; ok {
				continue // the same statement twice
			}
			h := cgraph.HashOf(sid)
			if _, ok := b.ids[h]; ok {
				continue
			}
			node(sid, h)
			news = append(news, st)
			add(st.Quads())
		}
	}
	if len(b.hash) > math.MaxUint32/2 || b.quads.len() > math.MaxUint32/2 {
		return LoadResult{}, b.fail(fmt.Errorf("bulk load: %d nodes and %d quads, more than it can number", len(b.hash), b.quads.len()))
	}
	if b.pg != nil {
		b.vals = append(b.vals, fresh...)
		return LoadResult{}, nil
	}
	// The nodes' log entries, in id order: the log is appended to.
	first := uint64(len(b.hash) - len(fresh))
	for i, v := range fresh {
		val, err := pquads.MarshalValue(v)
		if err != nil {
			return LoadResult{}, b.fail(fmt.Errorf("bulk load: node %v: %w", v, err))
		}
		p := proto.Primitive{ID: first + uint64(i), Value: val, Timestamp: b.now}
		if err := b.log.putLog(&p); err != nil {
			return LoadResult{}, b.fail(fmt.Errorf("bulk load %s: %w", docIDs(batches), err))
		}
	}
	for _, st := range news {
		b.tally.add(st)
	}
	return LoadResult{}, nil
}

// fail ends the bulk load; the store stays as it was.
func (b *Bulk) fail(err error) error {
	b.err = err
	b.abandon()
	return err
}

// abandon drops what the bulk load wrote and frees the store for writes.
func (b *Bulk) abandon() {
	if b.log != nil {
		b.log.abort()
	}
	if b.db != nil {
		b.db.Close()
		b.db = nil
		os.RemoveAll(b.staging)
	}
	b.quads, b.ids, b.hash, b.tally, b.docs, b.vals = nil, nil, nil, bulkTally{}, nil, nil
	b.s.mu.Lock()
	if b.s.loading == b {
		b.s.loading = nil
	}
	b.s.mu.Unlock()
}

func (b *Bulk) usable() error {
	switch {
	case b.done:
		return errors.New("bulk load: already finished")
	case b.err != nil:
		return fmt.Errorf("bulk load failed earlier: %w", b.err)
	}
	return nil
}

// Nodes and Quads say how many nodes and quads (duplicates included) the
// bulk holds so far.
func (b *Bulk) Nodes() int { return len(b.hash) - 1 }
func (b *Bulk) Quads() int { return b.quads.len() }

// Finish writes the quads in Cayley's format and puts the new file in
// place of the store's: the store is then as Store.Load would have left
// it. It writes in transactions of about chunkBytes; progress, if set, is
// told each part it writes.
func (b *Bulk) Finish(ctx context.Context, progress func(step string)) (LoadResult, error) {
	if err := b.usable(); err != nil {
		return LoadResult{}, err
	}
	b.done = true
	if progress == nil {
		progress = func(string) {}
	}
	if b.pg != nil {
		return b.finishPG(ctx, progress)
	}
	nodes := uint64(len(b.hash) - 1)
	b.ids = nil // Finish names nodes by id
	w := b.log
	fail := func(what string, err error) (LoadResult, error) {
		return LoadResult{}, b.fail(fmt.Errorf("bulk load: write %s: %w", what, err))
	}
	defer func() {
		if b.db != nil { // failed: leave the store as it was
			b.abandon()
		}
	}()
	// What is written first is let go first: the tally, then the nodes'
	// hashes, before the indexes' sorts (1,000,000 statements: peak RSS
	// 3.65 to 2.7 GB).
	progress("writing the tally")
	if err := b.tally.write(w); err != nil {
		return fail("the tally", err)
	}
	b.tally = bulkTally{}
	es, tmp := make([]sortEntry, b.quads.len()), make([]sortEntry, b.quads.len())
	b.dedup(es, tmp)
	quads := b.quads
	progress(fmt.Sprintf("writing %d quads", quads.len()))
	for i := range quads.len() {
		q := quads.at(i)
		p := proto.Primitive{ID: nodes + 1 + uint64(i), Subject: uint64(q[0]), Predicate: uint64(q[1]),
			Object: uint64(q[2]), Label: uint64(q[3]), Timestamp: b.now}
		if err := w.putLog(&p); err != nil {
			return fail("the log", err)
		}
	}
	// The node buckets (n.., v..: 131,072 of them in bolt's root) in the
	// order of their names: one created before others in the same
	// transaction moves them all.
	progress(fmt.Sprintf("writing %d nodes", nodes))
	order := b.byHash()
	if err := b.writeRefs(w, order, quads); err != nil {
		return fail("the nodes' reference counts", err)
	}
	if err := b.writeIDs(w, order); err != nil {
		return fail("the nodes' ids", err)
	}
	b.hash = nil
	for _, ind := range b.s.kvw.indexes {
		progress(fmt.Sprintf("writing index %s", ind.Key(nil)[0]))
		if err := b.writeIndex(w, ind.Dirs, ind.Key(nil)[0], quads, nodes, es, tmp); err != nil {
			return fail("index "+string(ind.Key(nil)[0]), err)
		}
	}
	horizon := int64(nodes) + int64(quads.len())
	err := w.with(ctx, func(_ context.Context, tx hkv.Tx) error {
		if err := putMetaInt(tx, "horizon", horizon); err != nil {
			return err
		}
		return putMetaInt(tx, "size", int64(quads.len()))
	})
	if err == nil {
		err = w.commit(ctx)
	}
	if err == nil {
		err = b.db.db.Sync()
	}
	if err != nil {
		return fail("the store's size", err)
	}
	progress("opening the store")
	if err := b.db.Close(); err != nil {
		return fail(b.staging, err)
	}
	b.db = nil
	added := quads.len() - b.base
	b.quads, b.ids, b.hash, b.tally, b.docs = nil, nil, nil, bulkTally{}, nil
	err = b.s.replaceFile(filepath.Join(b.staging, "indexes.bolt"))
	os.RemoveAll(b.staging)
	b.s.mu.Lock()
	b.s.loading = nil
	b.s.mu.Unlock()
	if err != nil {
		return LoadResult{}, fmt.Errorf("bulk load: %w", err)
	}
	return LoadResult{Added: added}, nil
}

// replaceFile closes the bolt store, moves file over its own and opens it
// again.
func (s *Store) replaceFile(file string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.w != nil {
		s.w.Close()
	}
	if err := s.qs.Close(); err != nil {
		s.failed = err
		return fmt.Errorf("close %s: %w", s.cfg.Path, err)
	}
	dst := filepath.Join(s.cfg.Path, "indexes.bolt")
	err := os.Rename(file, dst)
	if err == nil {
		err = syncDir(s.cfg.Path)
	}
	ns, oerr := Open(s.cfg)
	if err == nil {
		err = oerr
	}
	if oerr != nil {
		s.failed = oerr
		return fmt.Errorf("put %s in place of %s: %w", file, dst, err)
	}
	s.qs, s.w, s.kvw, s.guard, s.known = ns.qs, ns.w, ns.kvw, ns.guard, nil
	s.tallied.Store(ns.tallied.Load())
	if err != nil {
		return fmt.Errorf("put %s in place of %s: %w", file, dst, err)
	}
	return nil
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// dedup drops the quads met before (Cayley ignores a duplicate), keeping
// the rest in the order they came; es and tmp are scratch for the sort,
// as long as the quads.
func (b *Bulk) dedup(es, tmp []sortEntry) {
	qs := b.quads
	n := qs.len()
	for i := range n {
		es[i] = sortEntry{key: *qs.at(i), pos: uint32(i)}
	}
	es, _ = radixSort(es, tmp, 4)
	dup := make([]bool, n)
	for k := 1; k < n; k++ {
		if es[k].key == es[k-1].key {
			dup[es[k].pos] = true // equal keys keep their order: the first stays
		}
	}
	kept := 0
	for i := range n {
		if !dup[i] {
			*qs.at(kept) = *qs.at(i)
			kept++
		}
	}
	b.quads.truncate(kept)
}

// byHash lists the node ids in the order of their hashes.
func (b *Bulk) byHash() []uint32 {
	order := make([]uint32, 0, len(b.hash)-1)
	for n := 1; n < len(b.hash); n++ {
		order = append(order, uint32(n))
	}
	slices.SortFunc(order, func(i, j uint32) int { return bytes.Compare(b.hash[i][:], b.hash[j][:]) })
	return order
}

// writeRefs writes how many quad directions name each node, by hash.
func (b *Bulk) writeRefs(w *chunkWriter, order []uint32, quads quadBlocks) error {
	refs := make([]uint32, len(b.hash))
	for i := range quads.len() {
		for _, n := range quads.at(i) {
			refs[n]++ // refs[0] counts missing labels
		}
	}
	for _, n := range order {
		h := &b.hash[n]
		if err := w.put([]byte{'n', h[0], h[1]}, h[:], nil, uint64(refs[n])); err != nil {
			return err
		}
	}
	return nil
}

// writeIDs writes each node's id by its hash.
func (b *Bulk) writeIDs(w *chunkWriter, order []uint32) error {
	for _, n := range order {
		h := &b.hash[n]
		if err := w.put([]byte{'v', h[0], h[1]}, h[:], nil, uint64(n)); err != nil {
			return err
		}
	}
	return nil
}

// writeIndex writes an index's lists: its keys in order, each with the
// ids of its quads, ascending. A quad's id is nodes+1 plus its place.
func (b *Bulk) writeIndex(w *chunkWriter, dirs []quad.Direction, bucket []byte, quads quadBlocks, nodes uint64, es, tmp []sortEntry) error {
	es, tmp = es[:quads.len()], tmp[:quads.len()]
	for i := range quads.len() {
		e := sortEntry{pos: uint32(i)}
		q := quads.at(i)
		for k, d := range dirs {
			e.key[k] = q[dirIndex(d)]
		}
		es[i] = e
	}
	es, _ = radixSort(es, tmp, len(dirs))
	key := make([]byte, 8*len(dirs))
	var list []byte
	for k := 0; k < len(es); {
		at := es[k].key
		for n := range dirs {
			binary.BigEndian.PutUint64(key[8*n:], uint64(at[n]))
		}
		list = list[:0]
		for ; k < len(es) && es[k].key == at; k++ {
			list = binary.AppendUvarint(list, nodes+1+uint64(es[k].pos))
		}
		if err := w.put(bucket, key, list, 0); err != nil {
			return err
		}
	}
	return nil
}

func dirIndex(d quad.Direction) int {
	switch d {
	case quad.Subject:
		return 0
	case quad.Predicate:
		return 1
	case quad.Object:
		return 2
	}
	return 3
}

// chunkBytes is about how much a bulk load writes in one transaction. Bolt
// keeps a transaction's keys in one in-memory node a page until the commit
// splits them: the larger the transaction, the more it copies as that node
// grows (100,000 statements: 10.6 s at 2 MB, 11.8 s at 4, 17.8 s at 16,
// 21 s at 64).
const chunkBytes = 2 << 20

// chunkWriter puts keys in transactions of about limit bytes. Bolt keeps
// a key and value it is given until the commit: they are copied into an
// arena, one allocation with no pointers for the collector to scan, used
// again after each commit.
type chunkWriter struct {
	kv    hkv.KV
	limit int
	tx    hkv.Tx
	arena []byte
}

func (c *chunkWriter) begin() error {
	if c.tx != nil {
		return nil
	}
	tx, err := c.kv.Tx(true)
	if err != nil {
		return err
	}
	if bt, ok := tx.(*boltTx); ok {
		bt.fill = 1.0 // every bucket is written in key order
	}
	c.tx = tx
	if c.arena == nil {
		c.arena = make([]byte, 0, c.limit)
	}
	return nil
}

// reserve begins a transaction, or commits the current one and begins
// another if n more bytes would pass the limit, and makes room for them.
func (c *chunkWriter) reserve(n int) error {
	if c.tx != nil && len(c.arena) > 0 && len(c.arena)+n > c.limit {
		if err := c.commit(context.Background()); err != nil {
			return err
		}
	}
	if err := c.begin(); err != nil {
		return err
	}
	if len(c.arena)+n > cap(c.arena) {
		// Bolt holds slices of the old arena until the commit: a new one.
		c.arena = make([]byte, 0, max(c.limit, n))
	}
	return nil
}

// put writes bucket/key -> val; with val nil, n as a uvarint.
func (c *chunkWriter) put(bucket, key, val []byte, n uint64) error {
	if err := c.reserve(len(key) + len(val) + binary.MaxVarintLen64); err != nil {
		return err
	}
	start := len(c.arena)
	c.arena = append(c.arena, key...)
	k := c.arena[start:len(c.arena):len(c.arena)]
	start = len(c.arena)
	if val == nil {
		c.arena = binary.AppendUvarint(c.arena, n)
	} else {
		c.arena = append(c.arena, val...)
	}
	return c.tx.Put(hkv.Key{bucket, k}, c.arena[start:len(c.arena):len(c.arena)])
}

func (c *chunkWriter) putLog(p *proto.Primitive) error {
	var key [8]byte
	binary.BigEndian.PutUint64(key[:], p.ID)
	n := p.ProtoSize()
	if err := c.reserve(len(key) + n); err != nil {
		return err
	}
	start := len(c.arena)
	c.arena = append(c.arena, key[:]...)
	k := c.arena[start:len(c.arena):len(c.arena)]
	start = len(c.arena)
	c.arena = c.arena[:start+n]
	if _, err := p.MarshalTo(c.arena[start:]); err != nil {
		return fmt.Errorf("encode entry %d: %w", p.ID, err)
	}
	return c.tx.Put(hkv.Key{kvLog, k}, c.arena[start:len(c.arena):len(c.arena)])
}

// with runs fn in the current transaction.
func (c *chunkWriter) with(ctx context.Context, fn func(context.Context, hkv.Tx) error) error {
	if err := c.begin(); err != nil {
		return err
	}
	return fn(ctx, c.tx)
}

func (c *chunkWriter) commit(ctx context.Context) error {
	if c.tx == nil {
		return nil
	}
	err := c.tx.Commit(ctx)
	c.tx, c.arena = nil, c.arena[:0] // the store holds none of it now
	return err
}

func (c *chunkWriter) abort() {
	if c.tx != nil {
		c.tx.Close()
		c.tx, c.arena = nil, c.arena[:0]
	}
}
