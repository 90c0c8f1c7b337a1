package main

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

// Past its bound a bulk load is written and the rest goes by
// transactions: the store ends as one loaded by transactions throughout.
func TestStoreWriterBound(t *testing.T) {
	ctx := context.Background()
	var batches []graph.Batch
	for d := 0; d < 6; d++ {
		doc := fmt.Sprintf("doc-%d.txt", d)
		b := graph.Batch{Doc: schema.DocumentInfo{ID: doc, Date: "2022-01-27"}}
		for i := 0; i < 3; i++ {
			b.Statements = append(b.Statements, schema.Statement{Doc: doc, SentenceIndex: i, Sentence: "s",
				Subject: fmt.Sprintf("Actor %d", (d+i)%4), SubjectKind: schema.KindState, Class: schema.Oppose,
				Predicate: "opposes", Object: fmt.Sprintf("position %d", i), ObjectType: schema.ObjectPosition,
				Polarity: "-", Date: "2022-01-27", Confidence: 0.9})
		}
		batches = append(batches, b)
	}
	open := func(backend string) *graph.Store {
		st, err := graph.Open(graph.Config{Backend: backend, Path: filepath.Join(t.TempDir(), "g.db")})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	bolt, leveldb := open("bolt"), open("leveldb")
	w, err := newStoreWriter(ctx, bolt, newProgress(nil, true, 0))
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
	a, err := bolt.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := leveldb.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Errorf("bolt %+v, leveldb %+v", a, b)
	}
}
