package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

// writerDocs are documents from to, each of n statements; document d
// says (d+i)%4 opposes position i, so actors recur across documents.
func writerDocs(from, to, n int) []graph.Batch {
	var batches []graph.Batch
	for d := from; d < to; d++ {
		doc := fmt.Sprintf("doc-%d.txt", d)
		b := graph.Batch{Doc: schema.DocumentInfo{ID: doc, Date: "2022-01-27"}}
		for i := 0; i < n; i++ {
			b.Statements = append(b.Statements, schema.Statement{Doc: doc, SentenceIndex: i, Sentence: "s",
				Subject: fmt.Sprintf("Actor %d", (d+i)%4), SubjectKind: schema.KindState, Class: schema.Oppose,
				Predicate: "opposes", Object: fmt.Sprintf("position %d", i), ObjectType: schema.ObjectPosition,
				Polarity: "-", Date: "2022-01-27", Confidence: 0.9})
		}
		batches = append(batches, b)
	}
	return batches
}

func openWriterStore(t *testing.T, backend string) *graph.Store {
	t.Helper()
	st, err := graph.Open(graph.Config{Backend: backend, Path: filepath.Join(t.TempDir(), "g.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// sameStats holds a bolt store's counts to a leveldb store's.
func sameStats(t *testing.T, bolt, leveldb *graph.Store) {
	t.Helper()
	a, err := bolt.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, err := leveldb.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("bolt %+v, leveldb %+v", a, b)
	}
}

// Past its bound a bulk load is written and the rest goes by
// transactions: the store ends as one loaded by transactions throughout.
func TestStoreWriterBound(t *testing.T) {
	ctx := context.Background()
	batches := writerDocs(0, 6, 3)
	bolt, leveldb := openWriterStore(t, "bolt"), openWriterStore(t, "leveldb")
	w, err := newStoreWriter(ctx, bolt, newProgress(nil, true, 0), 0)
	if err != nil {
		t.Fatal(err)
	}
	if w.bulk == nil {
		t.Fatal("a new bolt store is not loaded in bulk")
	}
	w.maxQuads = 60
	for i, b := range batches {
		if err := w.load([]graph.Batch{b}); err != nil {
			t.Fatal(err)
		}
		if i == 1 && w.bulk != nil {
			t.Errorf("%d quads held in bulk, bound %d", w.bulk.Quads(), w.maxQuads)
		}
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	added := 0
	for _, b := range batches {
		r, err := leveldb.Load(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		added += r.Added
	}
	if w.result.Added != added {
		t.Errorf("bulk then transactions added %d quads, transactions %d", w.result.Added, added)
	}
	sameStats(t, bolt, leveldb)
}

// A load expected to add as much as the store holds goes over it in bulk;
// a document the store holds is held back and loaded after, by
// transactions, as it would have been throughout. A smaller load, or one
// of nothing new, leaves the store's file as it was.
func TestStoreWriterOver(t *testing.T) {
	ctx := context.Background()
	bolt, leveldb := openWriterStore(t, "bolt"), openWriterStore(t, "leveldb")
	first := writerDocs(0, 4, 3)
	for _, st := range []*graph.Store{bolt, leveldb} {
		if _, err := st.Load(ctx, first...); err != nil {
			t.Fatal(err)
		}
	}
	size, err := bolt.QuadCount(ctx)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(bolt.Config().Path, "indexes.bolt")
	stat := func() os.FileInfo {
		fi, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	// Too small a load, then one of documents the store holds: the file
	// stays (os.SameFile: a bulk load renames a new one over it).
	was := stat()
	for _, expect := range []int64{size / 3, 2 * size} {
		w, err := newStoreWriter(ctx, bolt, newProgress(nil, true, 0), expect)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.bulk != nil; got != (expect > size/2) {
			t.Errorf("expecting %d quads into %d: bulk %v", expect, size, got)
		}
		if err := w.load(first[:2]); err != nil {
			t.Fatal(err)
		}
		if err := w.finish(); err != nil {
			t.Fatal(err)
		}
		if !os.SameFile(was, stat()) {
			t.Errorf("expecting %d quads, a load of nothing new wrote the store again", expect)
		}
	}
	// Changed documents the store holds, with new ones.
	again := writerDocs(2, 4, 2)
	again[0].Statements[1].Object = "position 9"
	batches := append(writerDocs(4, 6, 3), again...)
	batches = append(batches, writerDocs(6, 9, 3)...)
	w, err := newStoreWriter(ctx, bolt, newProgress(nil, true, 0), 2*size)
	if err != nil {
		t.Fatal(err)
	}
	if !w.over {
		t.Fatal("not loaded over the store")
	}
	for i := 0; i < len(batches); i += 3 {
		if err := w.load(batches[i:min(i+3, len(batches))]); err != nil {
			t.Fatal(err)
		}
	}
	if len(w.later) != len(again) {
		t.Errorf("%d documents held back, want %d", len(w.later), len(again))
	}
	if err := w.finish(); err != nil {
		t.Fatal(err)
	}
	if os.SameFile(was, stat()) {
		t.Error("the store's file was not written again")
	}
	var want graph.LoadResult
	for i := 0; i < len(batches); i += 3 {
		r, err := leveldb.Load(ctx, batches[i:min(i+3, len(batches))]...)
		if err != nil {
			t.Fatal(err)
		}
		want.Added += r.Added
		want.Removed += r.Removed
	}
	if w.result != want {
		t.Errorf("over the store %+v, transactions %+v", w.result, want)
	}
	sameStats(t, bolt, leveldb)
	// The changed document's statement replaced its old one.
	evidence := func(st *graph.Store, position string) int {
		n := 0
		err := st.Tally().Evidence(ctx, string(schema.ActorIRI("Actor 3")), string(schema.PositionIRI(position)),
			func(graph.Evidence) error { n++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, p := range []string{"position 9", "position 1"} {
		if a, b := evidence(bolt, p), evidence(leveldb, p); a != b {
			t.Errorf("Actor 3 on %s: %d statements over the store, %d by transactions", p, a, b)
		}
	}
	if n := evidence(bolt, "position 9"); n != 1 {
		t.Errorf("Actor 3 on position 9: %d statements, want the changed one", n)
	}
}
