package graph

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/stancegraph/stancegraph/schema"
)

// ErrReadOnly is returned by writes to a store opened read-only.
var ErrReadOnly = errors.New("store is open read-only")

// DocsPerTransaction is how many documents build writes in one transaction:
// a crash loses at most the batch under way, never part of a document, and
// the store syncs to disk once per batch. BenchmarkLoad: 25k quads/s at one
// document a transaction on bolt, 62k at 32, 69k at 128.
const DocsPerTransaction = 128

// Batch is one document and the statements taken from it.
type Batch struct {
	Doc        schema.DocumentInfo
	Statements []schema.Statement
}

// LoadResult says what a Load changed.
type LoadResult struct {
	Added   int // quads written that were not in the store
	Removed int // quads of the document's earlier statements that are gone
}

// Load writes documents and their statements in one transaction, so a
// crash leaves each document either whole or absent. Loading the same
// batch twice writes nothing new; loading a changed document replaces the
// statements an earlier load took from it.
func (s *Store) Load(ctx context.Context, batches ...Batch) (LoadResult, error) {
	if s.w == nil {
		return LoadResult{}, ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return LoadResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	fresh := make(map[quad.Quad]bool)
	var add, stale []quad.Quad
	put := func(qs []quad.Quad) {
		for _, q := range qs {
			if !fresh[q] {
				fresh[q] = true
				if q.Label == nil && s.isKnown(q) {
					continue
				}
				add = append(add, q)
			}
		}
	}
	keep := make(map[quad.IRI]bool)
	for _, b := range batches {
		if b.Doc.ID == "" {
			return LoadResult{}, errors.New("load: document has no id")
		}
		put(b.Doc.Quads())
		for i := range b.Statements {
			st := &b.Statements[i]
			if err := st.Validate(); err != nil {
				return LoadResult{}, fmt.Errorf("load %s: statement %d: %w", b.Doc.ID, i, err)
			}
			keep[st.ID()] = true
			put(st.Quads())
		}
	}
	for _, b := range batches {
		old, err := s.staleQuads(ctx, b.Doc.ID, keep, fresh)
		if err != nil {
			return LoadResult{}, fmt.Errorf("load %s: find earlier statements: %w", b.Doc.ID, err)
		}
		stale = append(stale, old...)
	}
	if len(stale) > 0 {
		gone := map[quad.Value]bool{}
		for _, q := range stale {
			if q.Label != nil {
				gone[q.Label] = true
			}
		}
		orphans, err := s.orphans(ctx, stale, gone)
		if err != nil {
			return LoadResult{}, fmt.Errorf("load: %w", err)
		}
		for _, q := range orphans {
			if !fresh[q] {
				stale = append(stale, q)
			}
		}
	}
	if s.bulk != nil {
		removed, added, err := s.bulk.apply(ctx, stale, add)
		if err != nil {
			s.known = nil
			return LoadResult{}, fmt.Errorf("load %s: write %d quads: %w", docIDs(batches), len(add), err)
		}
		if len(stale) > 0 {
			s.known = nil
		}
		s.remember(add)
		return LoadResult{Added: added, Removed: removed}, nil
	}
	before, err := s.quadCount(ctx)
	if err != nil {
		return LoadResult{}, err
	}
	tx := cgraph.NewTransactionN(len(add) + len(stale))
	for _, q := range stale {
		tx.RemoveQuad(q)
	}
	for _, q := range add {
		tx.AddQuad(q)
	}
	if err := s.w.ApplyTransaction(tx); err != nil {
		s.known = nil
		return LoadResult{}, fmt.Errorf("load %s: write %d quads: %w", docIDs(batches), len(add), err)
	}
	if len(stale) > 0 {
		s.known = nil // removed orphans may be among them
	}
	s.remember(add)
	after, err := s.quadCount(ctx)
	if err != nil {
		return LoadResult{}, err
	}
	return LoadResult{Added: int(after - before + int64(len(stale))), Removed: len(stale)}, nil
}

// Entity quads (an actor's type, label and kind, a position's, a person's)
// come with every statement that names the entity. Cayley checks each
// quad it is given against the store, and for a quad whose nodes all exist
// it reads and intersects the quad lists of every index; with (P,O) among
// them that means the list of all positions for each position named again.
// The store remembers the entity quads it wrote in this process and does
// not send them twice (BenchmarkLoadLarge).
const maxKnown = 4 << 20

func entityKey(q quad.Quad) uint64 {
	h := fnv.New64a()
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
		h.Write([]byte(quad.StringOf(v)))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func (s *Store) isKnown(q quad.Quad) bool {
	_, ok := s.known[entityKey(q)]
	return ok
}

func (s *Store) remember(qs []quad.Quad) {
	if s.known == nil || len(s.known) > maxKnown {
		s.known = make(map[uint64]struct{})
	}
	for _, q := range qs {
		if q.Label == nil {
			s.known[entityKey(q)] = struct{}{}
		}
	}
}

func docIDs(bs []Batch) string {
	if len(bs) == 1 {
		return bs[0].Doc.ID
	}
	return fmt.Sprintf("%d documents (%s ...)", len(bs), bs[0].Doc.ID)
}

func (s *Store) quadCount(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new kv store has no size yet
	}
	if err != nil {
		return 0, fmt.Errorf("read store size: %w", err)
	}
	if st.Quads.Size < 0 { // SQL stores only estimate unless asked
		if st, err = s.qs.Stats(ctx, true); err != nil {
			return 0, fmt.Errorf("count quads: %w", err)
		}
	}
	return st.Quads.Size, nil
}

// staleQuads lists the quads of the document's stored statements that the
// new load does not write again.
func (s *Store) staleQuads(ctx context.Context, doc string, keep map[quad.IRI]bool, fresh map[quad.Quad]bool) ([]quad.Quad, error) {
	old, err := path.StartPath(s.qs, schema.DocumentIRI(doc)).In(schema.PDocument).Iterate(ctx).AllValues(s.qs)
	if err != nil {
		return nil, err
	}
	var stale []quad.Quad
	for _, v := range old {
		id, ok := v.(quad.IRI)
		if !ok || keep[id] {
			continue
		}
		ref := s.qs.ValueOf(id)
		if ref == nil {
			continue
		}
		it := s.qs.QuadIterator(quad.Label, ref)
		for it.Next(ctx) {
			if q := s.qs.Quad(it.Result()); !fresh[q] {
				stale = append(stale, q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	return stale, nil
}
