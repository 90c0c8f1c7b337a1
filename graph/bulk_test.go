package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/stancegraph/stancegraph/schema"
)

// bulkDocs are kvSteps' first documents, with a statement given twice,
// and the same actor and position named in several (their quads are
// made again each time).
func bulkDocs() []Batch {
	docs := synthetic(24, 6)[:12]
	docs[4].Statements = append(docs[4].Statements, docs[4].Statements[0])
	for i := 0; i < len(docs); i += 2 {
		docs[i].Statements = append(docs[i].Statements, stmt(docs[i].Doc.ID, 8, "Actor 1", schema.Oppose, "position 2"))
	}
	return docs
}

// A bulk-loaded store holds what transactions of Store.Load write into a
// new store: the same quads and nodes, Cayley's raw format exactly, and
// the same tally, key for key; later loads, changes and removals go on
// from it as from the other.
func TestBulkAsLoad(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func(name string) *Store {
		// A store whose tally is not whole counts it again at open, and says so.
		notify := func(msg string) { t.Errorf("%s: %s", name, msg) }
		s, err := Open(Config{Backend: "bolt", Path: filepath.Join(dir, name), Notify: notify})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	bulk, plain := open("bulk.db"), open("plain.db")
	docs := bulkDocs()
	b, err := bulk.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for i := 0; i < len(docs); i += 3 {
		if _, err := b.Load(ctx, docs[i:i+3]...); err != nil {
			t.Fatal(err)
		}
	}
	got, err := b.Finish(ctx, func(s string) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	var want LoadResult
	for i := 0; i < len(docs); i += 3 {
		r, err := plain.Load(ctx, docs[i:i+3]...)
		if err != nil {
			t.Fatal(err)
		}
		want.Added += r.Added
	}
	if got != want {
		t.Errorf("bulk load %+v, transactions %+v", got, want)
	}
	if !slices.Contains(steps, fmt.Sprintf("writing %d quads", want.Added)) {
		t.Errorf("progress told %q", steps)
	}
	if _, err := os.Stat(filepath.Join(dir, "bulk.db", "bulk.tmp")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the staging directory is left behind (%v)", err)
	}
	same := func(step string) { t.Helper(); sameStores(t, ctx, step, bulk, plain) }
	same("bulk load")
	if !bulk.tallied.Load() {
		t.Fatal("the bulk-loaded store keeps no tally")
	}
	for step := 1; step < 5; step++ {
		a, b := kvSteps(t, ctx, bulk, step), kvSteps(t, ctx, plain, step)
		if a != b {
			t.Errorf("step %d after the bulk load: %+v, after transactions %+v", step, a, b)
		}
		same(fmt.Sprintf("step %d", step))
	}
}

// sameStores holds store got to want: the same quads, nodes and tally
// keys, and got in Cayley's raw format.
func sameStores(t *testing.T, ctx context.Context, step string, got, want *Store) {
	t.Helper()
	if a, b := quadStrings(t, got), quadStrings(t, want); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("%s: quads differ:\n%s", step, diff(a, b))
	}
	if a, b := nodeStrings(t, got), nodeStrings(t, want); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("%s: nodes differ:\n%s", step, diff(a, b))
	}
	if a, b := tallyKeys(t, got), tallyKeys(t, want); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("%s: tallies differ:\n%s", step, diff(a, b))
	}
	checkKV(t, ctx, got)
}

// tallyKeys lists the tally's keys and values.
func tallyKeys(t *testing.T, s *Store) []string {
	t.Helper()
	tx, err := s.guard.Tx(false)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Close()
	var out []string
	it := tx.Scan(hkv.Key{tallyBucket})
	defer it.Close()
	for it.Next(context.Background()) {
		out = append(out, fmt.Sprintf("%q=%q", it.Key(), it.Val()))
	}
	if len(out) == 0 {
		t.Fatal("no tally")
	}
	return out
}

// A bulk load takes only a new bolt store, holds it against other writes
// until Finish, refuses a batch with an invalid statement whole, and ends
// at Finish.
func TestBulkRefuses(t *testing.T) {
	ctx := context.Background()
	for _, backend := range []string{"memstore", "leveldb"} {
		if _, err := openTemp(t, backend).Bulk(ctx); !errors.Is(err, ErrNotNew) {
			t.Errorf("%s: bulk load: %v, want ErrNotNew", backend, err)
		}
	}
	used := openTemp(t, "bolt")
	if _, err := used.Load(ctx, synthetic(1, 2)...); err != nil {
		t.Fatal(err)
	}
	if _, err := used.Bulk(ctx); !errors.Is(err, ErrNotNew) {
		t.Errorf("bulk load of a store that holds quads: %v, want ErrNotNew", err)
	}

	s := openTemp(t, "bolt")
	b, err := s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, synthetic(1, 2)...); !errors.Is(err, errBulking) {
		t.Errorf("Load during a bulk load: %v", err)
	}
	if _, err := s.Remove(ctx, "doc-000000.txt"); !errors.Is(err, errBulking) {
		t.Errorf("Remove during a bulk load: %v", err)
	}
	if _, err := s.Bulk(ctx); !errors.Is(err, errBulking) {
		t.Errorf("a second bulk load: %v", err)
	}
	docs := synthetic(3, 2)
	if _, err := b.Load(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}
	n := b.Quads()
	for _, again := range [][]Batch{{docs[0]}, {docs[2], docs[2]}} {
		if _, err := b.Load(ctx, again...); !errors.Is(err, ErrDocAgain) {
			t.Errorf("a document given twice: %v, want ErrDocAgain", err)
		}
	}
	if b.Quads() != n {
		t.Errorf("a batch with a document given twice added %d quads", b.Quads()-n)
	}
	bad := docs[1]
	bad.Statements = append([]schema.Statement(nil), bad.Statements...)
	bad.Statements[1].Class = "NOT_A_CLASS"
	if _, err := b.Load(ctx, docs[2], bad); err == nil || !strings.Contains(err.Error(), "doc-000001.txt: statement 1") {
		t.Errorf("a batch with an invalid statement: %v", err)
	}
	if b.Quads() != n {
		t.Errorf("the refused batch added %d quads", b.Quads()-n)
	}
	r, err := b.Finish(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if size, _ := s.quadCount(ctx); r.Added == 0 || size != int64(r.Added) {
		t.Errorf("Finish added %d quads, the store holds %d", r.Added, size)
	}
	if _, err := b.Load(ctx, docs[2]); err == nil {
		t.Error("Load after Finish")
	}
	if _, err := s.Load(ctx, docs[2]); err != nil {
		t.Errorf("Load after the bulk load: %v", err)
	}
}

// A bulk load cut short leaves the store new and empty: closed before
// Finish, or killed (its staging file left behind), the store opens, holds
// nothing, and a new bulk load gives what an uncut one does.
func TestBulkCutShort(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	open := func() *Store {
		s, err := Open(Config{Backend: "bolt", Path: path})
		if err != nil {
			t.Fatalf("open after a bulk load cut short: %v", err)
		}
		return s
	}
	s := open()
	b, err := s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.log.limit = 512 // commit to the staging file as it goes
	if _, err := b.Load(ctx, bulkDocs()...); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(path, "bulk.tmp")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Close left the staging directory (%v)", err)
	}
	// A killed process leaves its staging file.
	if err := os.MkdirAll(filepath.Join(path, "bulk.tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(path, "bulk.tmp", "indexes.bolt"), []byte("half a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	s = open()
	defer func() { s.Close() }()
	if n, err := s.quadCount(ctx); err != nil || n != 0 {
		t.Fatalf("the store holds %d quads after a bulk load cut short (%v)", n, err)
	}
	b, err = s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load(ctx, bulkDocs()...); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Finish(ctx, nil); err != nil {
		t.Fatal(err)
	}
	want := openTemp(t, "bolt")
	if _, err := want.Load(ctx, bulkDocs()...); err != nil {
		t.Fatal(err)
	}
	if a, b := quadStrings(t, s), quadStrings(t, want); fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("quads differ:\n%s", diff(a, b))
	}
	checkKV(t, ctx, s)
}

// A bulk load over a store that holds data leaves it as transactions of
// Store.Load would: the same quads, nodes and tally, in Cayley's format,
// with what was changed, removed and written raw before it. A document
// the store holds is ErrDocAgain. Closed before Finish, it leaves the
// store as it was.
func TestBulkOver(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func(name string) *Store {
		s, err := Open(Config{Backend: "bolt", Path: filepath.Join(dir, name)})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	over, plain, cut := open("over.db"), open("plain.db"), open("cut.db")
	raw := quad.Make(quad.IRI("console/a"), quad.IRI("console/says"), quad.String("written raw"), nil)
	for _, s := range []*Store{over, plain, cut} {
		for step := range 4 { // loads, changes, a removal
			kvSteps(t, ctx, s, step)
		}
		w, err := s.RawWriter()
		if err != nil {
			t.Fatal(err)
		}
		if err := w.AddQuad(raw); err != nil {
			t.Fatal(err)
		}
	}
	// A raw write drops the tally; a store opened for writing counts it.
	over.Close()
	plain.Close()
	cut.Close()
	over, plain, cut = open("over.db"), open("plain.db"), open("cut.db")
	before := quadStrings(t, plain)

	b, err := over.BulkOver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b.Quads() != len(before) {
		t.Errorf("the bulk read %d quads of the store's %d", b.Quads(), len(before))
	}
	docs := synthetic(24, 6)
	if _, err := b.Load(ctx, docs[0]); !errors.Is(err, ErrDocAgain) {
		t.Errorf("a document the store holds: %v, want ErrDocAgain", err)
	}
	if _, err := b.Load(ctx, docs[2]); err != nil { // removed before: new again
		t.Errorf("a document the store no longer holds: %v", err)
	}
	for i := 12; i < len(docs); i += 4 {
		if _, err := b.Load(ctx, docs[i:i+4]...); err != nil {
			t.Fatal(err)
		}
	}
	got, err := b.Finish(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var want LoadResult
	for _, bs := range [][]Batch{docs[2:3], docs[12:]} {
		r, err := plain.Load(ctx, bs...)
		if err != nil {
			t.Fatal(err)
		}
		want.Added += r.Added
	}
	if got != want {
		t.Errorf("bulk load over the store %+v, transactions %+v", got, want)
	}
	same := func(step string) {
		t.Helper()
		sameStores(t, ctx, step, over, plain)
		if !slices.Contains(quadStrings(t, over), raw.String()) {
			t.Fatalf("%s: the raw quad is lost", step)
		}
	}
	same("bulk load over the store")
	for step := 1; step < 4; step++ { // changes and a removal go on alike
		if a, b := kvSteps(t, ctx, over, step), kvSteps(t, ctx, plain, step); a != b {
			t.Errorf("step %d after the bulk load: %+v, after transactions %+v", step, a, b)
		}
		same(fmt.Sprintf("step %d", step))
	}

	// Cut short: the store's file is as it was.
	b, err = cut.BulkOver(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b.log.limit = 512 // commit to the staging file as it goes
	if _, err := b.Load(ctx, docs[12:]...); err != nil {
		t.Fatal(err)
	}
	cut.Close()
	cut = open("cut.db")
	if after := quadStrings(t, cut); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatalf("a bulk load over the store, cut short, changed it:\n%s", diff(after, before))
	}
	checkKV(t, ctx, cut)
}
