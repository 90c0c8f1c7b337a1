// Raw writes through Cayley's writer, which drop the tally first.

package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// RawWriter is a Cayley quad writer on the store for writes that bypass
// Load (the console's write API). The tally cannot follow such writes, so
// the first one drops it: the library runs as Gizmo until the store is
// next opened for writing, which counts the tally again.
func (s *Store) RawWriter() (cgraph.QuadWriter, error) {
	w, err := cgraph.NewQuadWriter("single", s.qs, cgraph.Options{"ignore_duplicate": true})
	if err != nil {
		return nil, err
	}
	return &rawWriter{QuadWriter: w, s: s}, nil
}

type rawWriter struct {
	cgraph.QuadWriter
	s *Store
}

// write runs one raw write, holding the store: it drops the tally first,
// and after it the node ids the store's own writer remembers (a raw
// write may delete nodes).
func (w *rawWriter) write(fn func() error) error {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	if w.s.loading != nil {
		return errBulking
	}
	if err := w.drop(); err != nil {
		return err
	}
	err := fn()
	if w.s.kvw != nil {
		w.s.kvw.forget()
	}
	return err
}

func (w *rawWriter) drop() error {
	if !w.s.tallied.Load() {
		return nil
	}
	tx, err := w.s.guard.Tx(true)
	if err != nil {
		return err
	}
	defer tx.Close()
	if err := tx.Del(hkv.Key{tallyBucket, []byte("v")}); err != nil {
		return err
	}
	if err := tx.Commit(context.Background()); err != nil {
		return fmt.Errorf("drop the tally before a raw write: %w", err)
	}
	w.s.tallied.Store(false)
	return nil
}

func (w *rawWriter) AddQuad(q quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.AddQuad(q) })
}

func (w *rawWriter) AddQuadSet(qs []quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.AddQuadSet(qs) })
}

func (w *rawWriter) RemoveQuad(q quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.RemoveQuad(q) })
}

func (w *rawWriter) ApplyTransaction(t *cgraph.Transaction) error {
	return w.write(func() error { return w.QuadWriter.ApplyTransaction(t) })
}

func (w *rawWriter) RemoveNode(v quad.Value) error {
	return w.write(func() error { return w.QuadWriter.RemoveNode(v) })
}
