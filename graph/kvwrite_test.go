package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/stancegraph/stancegraph/schema"
)

// kvSteps loads, re-loads changed, re-loads unchanged and removes
// documents: each step's quads go through kvWriter, and its deletions
// through Cayley.
func kvSteps(t *testing.T, ctx context.Context, s *Store, step int) LoadResult {
	t.Helper()
	docs := synthetic(24, 6)
	var r LoadResult
	var err error
	switch step {
	case 0: // new documents, three to a transaction
		for i := 0; i < 12 && err == nil; i += 3 {
			var r1 LoadResult
			r1, err = s.Load(ctx, docs[i:i+3]...)
			r.Added += r1.Added
		}
	case 1: // half of them changed: statements dropped, one changed, one new
		var bs []Batch
		for i := 0; i < 12; i += 2 {
			b := docs[i]
			b.Statements = append([]schema.Statement(nil), b.Statements[:3]...)
			b.Statements[1].Confidence = 0.25
			b.Statements = append(b.Statements, stmt(b.Doc.ID, 9, "Actor 900", schema.Oppose, "position 900"))
			bs = append(bs, b)
		}
		r, err = s.Load(ctx, bs...)
	case 2: // the rest again, unchanged
		for i := 1; i < 12 && err == nil; i += 2 {
			var r1 LoadResult
			r1, err = s.Load(ctx, docs[i])
			r.Added += r1.Added
		}
	case 3:
		_, err = s.Remove(ctx, docs[2].Doc.ID)
	case 4: // new documents naming stored actors and positions
		r, err = s.Load(ctx, docs[12:]...)
	}
	if err != nil {
		t.Fatalf("step %d: %v", step, err)
	}
	return r
}

// The store kvWriter writes reads as the one Cayley's writer writes (same
// quads and nodes), and its raw keys hold Cayley's format exactly: each
// node's id by hash, reference counts equal to the directions that name
// it, every live quad in each index list under its key, and size and
// horizon in the meta bucket.
func TestKVWriterAsCayley(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{"bolt", "leveldb"} {
		t.Run(backend, func(t *testing.T) {
			dir := t.TempDir()
			open := func(name string, direct bool) *Store {
				s, err := Open(Config{Backend: backend, Path: filepath.Join(dir, name)})
				if err != nil {
					t.Fatal(err)
				}
				if s.kvw == nil {
					t.Fatal("no kvWriter on a kv store")
				}
				if !direct {
					s.kvw = nil
				}
				return s
			}
			ours, theirs := open("ours.db", true), open("cayley.db", false)
			defer func() { ours.Close(); theirs.Close() }()
			for step := 0; step < 5; step++ {
				if step == 3 { // a new process: nothing remembered
					ours.Close()
					ours = open("ours.db", true)
				}
				a, b := kvSteps(t, ctx, ours, step), kvSteps(t, ctx, theirs, step)
				if step == 2 && a.Added != 0 {
					t.Errorf("step 2 re-loaded unchanged documents and wrote %d quads", a.Added)
				}
				if a != b {
					t.Errorf("step %d: kvWriter %+v, Cayley %+v", step, a, b)
				}
				if got, want := quadStrings(t, ours), quadStrings(t, theirs); fmt.Sprint(got) != fmt.Sprint(want) {
					t.Fatalf("step %d: quads differ:\nkvWriter %d %v\nCayley   %d %v", step, len(got), got[:min(5, len(got))], len(want), want[:min(5, len(want))])
				}
				// Cayley's writer counts references for the quads it skips
				// as stored, so a node it kept can outlive its quads
				// (a removed document's id): kvWriter's nodes are those its
				// quads name (checkKV), all of them among Cayley's.
				if got, want := nodeStrings(t, ours), nodeStrings(t, theirs); !subset(got, want) {
					t.Fatalf("step %d: nodes only kvWriter has:\n%s", step, diff(got, want))
				}
				checkKV(t, ctx, ours)
			}
			// The library reads the same tally from both.
			for _, s := range []*Store{ours, theirs} {
				if !s.tallied.Load() {
					t.Fatal("tally dropped")
				}
			}
		})
	}
}

func quadStrings(t *testing.T, s *Store) []string {
	return iterStrings(t, s.qs.QuadsAllIterator(), func(r cgraph.Ref) string { return s.qs.Quad(r).String() })
}

func nodeStrings(t *testing.T, s *Store) []string {
	return iterStrings(t, s.qs.NodesAllIterator(), func(r cgraph.Ref) string { return quad.StringOf(s.qs.NameOf(r)) })
}

// iterStrings lists what an iterator of the store gives, sorted.
func iterStrings(t *testing.T, it cgraph.Iterator, str func(cgraph.Ref) string) []string {
	t.Helper()
	defer it.Close()
	var out []string
	for it.Next(context.Background()) {
		out = append(out, str(it.Result()))
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// checkKV reads a kv store's raw keys and checks them against its log.
func checkKV(t *testing.T, ctx context.Context, s *Store) {
	t.Helper()
	tx, err := s.guard.Tx(false)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	nodes := map[uint64]quad.Value{}
	var quads []proto.Primitive
	var top uint64
	it := tx.Scan(hkv.Key{kvLog})
	for it.Next(ctx) {
		if len(it.Key()) < 2 {
			continue // leveldb lists the bucket's own key
		}
		var p proto.Primitive
		if err := p.Unmarshal(it.Val()); err != nil {
			t.Fatal(err)
		}
		if k := it.Key(); binary.BigEndian.Uint64(k[1]) != p.ID {
			t.Fatalf("log key %x holds entry %d", k[1], p.ID)
		}
		top = max(top, p.ID)
		switch {
		case p.IsNode():
			v, err := pquads.UnmarshalValue(p.Value)
			if err != nil {
				t.Fatal(err)
			}
			nodes[p.ID] = v
		case !p.Deleted:
			quads = append(quads, p)
		}
	}
	it.Close()
	refs := map[uint64]uint64{}
	for _, p := range quads {
		for _, id := range []uint64{p.Subject, p.Predicate, p.Object, p.Label} {
			if id == 0 {
				continue
			}
			if nodes[id] == nil {
				t.Errorf("quad %d names node %d, not in the log", p.ID, id)
			}
			refs[id]++
		}
	}
	for id, v := range nodes {
		if refs[id] == 0 {
			t.Errorf("node %v: no quad names it", v)
		}
		h := cgraph.HashOf(v)
		got, err := tx.Get(ctx, hashKey('v', h))
		if n, _ := binary.Uvarint(got); err != nil || n != id {
			t.Errorf("node %v: id %d by hash, want %d (%v)", v, n, id, err)
		}
		got, err = tx.Get(ctx, hashKey('n', h))
		if n, _ := binary.Uvarint(got); err != nil || n != refs[id] {
			t.Errorf("node %v: %d references counted, %d quad directions name it (%v)", v, n, refs[id], err)
		}
	}
	w, err := newKVWriter(ctx, s.guard)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range w.indexes {
		lists := map[string][]uint64{}
		for i := range quads {
			k := string(ind.KeyFor(&quads[i])[1])
			lists[k] = append(lists[k], quads[i].ID)
		}
		for k, ids := range lists {
			v, err := tx.Get(ctx, hkv.Key{ind.Key(nil)[0], []byte(k)})
			if err != nil {
				t.Fatalf("index %v: key %x missing: %v", ind.Dirs, k, err)
			}
			have := map[uint64]bool{}
			var last uint64
			for len(v) > 0 {
				id, n := binary.Uvarint(v)
				if id <= last {
					t.Errorf("index %v: key %x lists %d after %d", ind.Dirs, k, id, last)
				}
				have[id], last, v = true, id, v[n:]
			}
			for _, id := range ids {
				if !have[id] {
					t.Errorf("index %v: key %x lacks quad %d", ind.Dirs, k, id)
				}
			}
		}
	}
	if size, err := metaInt(ctx, tx, "size"); err != nil || size != int64(len(quads)) {
		t.Errorf("meta size %d, %d live quads (%v)", size, len(quads), err)
	}
	if h, err := metaInt(ctx, tx, "horizon"); err != nil || uint64(h) < top {
		t.Errorf("meta horizon %d below id %d (%v)", h, top, err)
	}
}

// diff lists the strings only one of two sorted lists holds.
func diff(a, b []string) string {
	in := map[string]int{}
	for _, s := range a {
		in[s] |= 1
	}
	for _, s := range b {
		in[s] |= 2
	}
	var out []string
	for s, w := range in {
		if w != 3 {
			out = append(out, fmt.Sprintf("%d %s", w, s))
		}
	}
	sort.Strings(out)
	return fmt.Sprint(out)
}

func subset(a, b []string) bool {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	for _, s := range a {
		if !in[s] {
			return false
		}
	}
	return true
}

// A bolt store's reads and writes go through boltKV, and the tally's scans
// reach bolt's own cursor through it.
func TestBoltKV(t *testing.T) {
	s := openTemp(t, "bolt")
	if _, ok := s.guard.KV.(*boltKV); !ok {
		t.Fatalf("bolt store opened through %T, not boltKV", s.guard.KV)
	}
	if _, ok := s.guard.KV.(interface{ DB() *bolt.DB }); !ok {
		t.Fatal("the tally cannot reach bolt's cursor")
	}
	ctx := context.Background()
	if _, err := s.Load(ctx, synthetic(2, 3)...); err != nil {
		t.Fatal(err)
	}
	tx, err := s.guard.Tx(true)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	// Nested buckets, as hidalgo's keys of three parts and more.
	for _, k := range []hkv.Key{{[]byte("x"), []byte("y"), []byte("k1")}, {[]byte("x"), []byte("y"), []byte("k2")}, {[]byte("x"), []byte("k0")}} {
		if err := tx.Put(k, []byte("v")); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	it := tx.Scan(hkv.Key{[]byte("x")})
	for it.Next(ctx) {
		got = append(got, fmt.Sprintf("%q=%s", it.Key(), it.Val()))
	}
	want := `["x" "k0"]=v ["x" "y" "k1"]=v ["x" "y" "k2"]=v`
	if strings.Join(got, " ") != want {
		t.Errorf("scan of nested buckets: %s, want %s", strings.Join(got, " "), want)
	}
	if v, err := tx.Get(ctx, hkv.Key{[]byte("x"), []byte("y"), []byte("k2")}); err != nil || string(v) != "v" {
		t.Errorf("get: %q %v", v, err)
	}
	if _, err := tx.Get(ctx, hkv.Key{[]byte("nope"), []byte("k")}); err != hkv.ErrNotFound {
		t.Errorf("get from a missing bucket: %v", err)
	}
}
