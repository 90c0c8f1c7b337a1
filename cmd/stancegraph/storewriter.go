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

// Bytes of input a quad, as measured on the benchmark corpora: what
// `extract` prints (100,000 statements, 36 MB, 1.6 million quads) and
// articles (50 MB, 4.8 million quads). They estimate what a load adds.
const (
	statementBytesPerQuad = 22
	articleBytesPerQuad   = 11
)

// storeWriter writes batches of documents: in bulk (graph.Bulk) into a new
// bolt store or an empty PostgreSQL database; over a bolt store in bulk
// when the load is expected to add at least half as many quads as it holds
// (graph.Store.BulkOver: the store is read and written again with the
// load); otherwise a transaction a batch.
type storeWriter struct {
	st       *graph.Store
	bulk     *graph.Bulk
	over     bool // the bulk started from the store's content
	maxQuads int  // maxBulkQuads
	prog     *progress
	result   graph.LoadResult
	held     int // documents in the bulk, not yet in the store
	lost     int // documents a failed bulk load held
	// Documents the bulk holds already, for transactions after it.
	later           []graph.Batch
	laterStatements int
}

// newStoreWriter picks how to write; expect is about how many quads the
// load will add (0: unknown).
func newStoreWriter(ctx context.Context, st *graph.Store, prog *progress, expect int64) (*storeWriter, error) {
	w := &storeWriter{st: st, prog: prog, maxQuads: maxBulkQuads}
	b, err := st.Bulk(ctx)
	switch {
	case err == nil:
		w.bulk = b
		return w, nil
	case !errors.Is(err, graph.ErrNotNew):
		return nil, err
	}
	if expect <= 0 || !st.CanBulkOver() {
		return w, nil
	}
	size, err := st.QuadCount(ctx)
	if err != nil {
		return nil, err
	}
	// Written over, the store costs its quads again; by transactions,
	// the load goes at a half to a tenth of a bulk's rate, the larger
	// the store the slower. Into a store of 100,000 statements (1.6
	// million quads), 100,000 more took 15.7 s over it against 36.2 s
	// by transactions, 50,000 more 10.7 s against 16.8 s.
	if size > 2*expect || size > int64(maxBulkQuads/2) {
		return w, nil
	}
	prog.step(fmt.Sprintf("reading the store's %d quads to write them again with the load ...", size))
	if w.bulk, err = st.BulkOver(ctx); err != nil {
		return nil, err
	}
	w.over = true
	return w, nil
}

// load writes whole documents; loads after an error add nothing. A
// document the bulk holds already (graph.ErrDocAgain) is held back and
// loaded by transactions once the bulk is written: loaded again, its
// statements are replaced, which a bulk load does not do.
func (w *storeWriter) load(batches []graph.Batch) error {
	ctx := context.Background()
	if w.bulk == nil {
		r, err := w.st.Load(ctx, batches...)
		w.result.Added += r.Added
		w.result.Removed += r.Removed
		return err
	}
	_, err := w.bulk.Load(ctx, batches...)
	switch {
	case err == nil:
		w.held += len(batches)
	case errors.Is(err, graph.ErrDocAgain):
		for _, b := range batches {
			_, err := w.bulk.Load(ctx, b)
			switch {
			case errors.Is(err, graph.ErrDocAgain):
				w.later = append(w.later, b)
				w.laterStatements += len(b.Statements)
			case err != nil:
				return err
			default:
				w.held++
			}
		}
		if w.laterStatements > maxLater {
			return w.finish()
		}
	default:
		return err
	}
	if w.bulk.Quads() > w.maxQuads {
		return w.finish()
	}
	return nil
}

// maxLater bounds the statements held back for after a bulk load.
const maxLater = 1 << 18

// finish writes what a bulk load holds, then the documents held back. The
// documents given so far are then stored whole; if it fails, none of
// those not yet written (lost).
func (w *storeWriter) finish() error {
	if w.bulk == nil {
		return nil
	}
	b, later := w.bulk, w.later
	w.bulk, w.later, w.laterStatements = nil, nil, 0
	if w.over && w.held == 0 {
		b.Abandon() // nothing new: the store need not be written again
	} else {
		r, err := b.Finish(context.Background(), func(step string) {
			w.prog.step(fmt.Sprintf("%s ...", step))
		})
		w.result.Added += r.Added
		if err != nil {
			w.lost += w.held + len(later)
			w.held = 0
			return err
		}
	}
	w.held = 0
	for i := 0; i < len(later); i += graph.DocsPerTransaction {
		if err := w.load(later[i:min(i+graph.DocsPerTransaction, len(later))]); err != nil {
			w.lost += len(later) - i
			return err
		}
	}
	return nil
}
