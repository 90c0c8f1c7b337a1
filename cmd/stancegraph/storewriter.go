package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/stancegraph/stancegraph/graph"
)

// maxBulkQuads bounds what a bulk load holds in memory: past it the bulk
// is written and the rest of the input goes in by transactions. A
// 1,000,000-statement load (15.6 million quads) peaks at 2.7 GB RSS, so
// this is about 2 million statements and 6 GB.
const maxBulkQuads = 32 << 20

// storeWriter writes batches of documents: into a new bolt store in bulk
// (graph.Bulk), otherwise a transaction a batch.
type storeWriter struct {
	st       *graph.Store
	bulk     *graph.Bulk
	maxQuads int // maxBulkQuads
	prog     *progress
	result   graph.LoadResult
	held     int // documents in the bulk, not yet in the store
	lost     int // documents a failed bulk load held
}

func newStoreWriter(ctx context.Context, st *graph.Store, prog *progress) (*storeWriter, error) {
	w := &storeWriter{st: st, prog: prog, maxQuads: maxBulkQuads}
	b, err := st.Bulk(ctx)
	switch {
	case err == nil:
		w.bulk = b
	case !errors.Is(err, graph.ErrNotNew):
		return nil, err
	}
	return w, nil
}

// load writes whole documents; loads after an error add nothing.
func (w *storeWriter) load(batches []graph.Batch) error {
	if w.bulk == nil {
		r, err := w.st.Load(context.Background(), batches...)
		w.result.Added += r.Added
		w.result.Removed += r.Removed
		return err
	}
	_, err := w.bulk.Load(context.Background(), batches...)
	if err == nil {
		w.held += len(batches)
	}
	if errors.Is(err, graph.ErrDocAgain) {
		// A document again replaces its statements: transactions do that.
		if err := w.finish(); err != nil {
			return err
		}
		return w.load(batches)
	}
	if err != nil {
		return err
	}
	if w.bulk.Quads() > w.maxQuads {
		return w.finish()
	}
	return nil
}

// finish writes what a bulk load holds; the documents given so far are
// then stored whole, or, if it fails, none of those it held (lost).
func (w *storeWriter) finish() error {
	if w.bulk == nil {
		return nil
	}
	b := w.bulk
	w.bulk = nil
	r, err := b.Finish(context.Background(), func(step string) {
		w.prog.step(fmt.Sprintf("%s ...", step))
	})
	w.result.Added += r.Added
	if err != nil {
		w.lost += w.held
	}
	w.held = 0
	return err
}
