package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
	"github.com/stancegraph/stancegraph/schema"
)

// ErrNoDocument is returned by Remove for a document the store lacks.
var ErrNoDocument = errors.New("no such document in the store")

// Remove deletes a document, its statements, and the actors, people and
// positions no remaining statement refers to, in one transaction. It
// returns the number of quads deleted.
func (s *Store) Remove(ctx context.Context, doc string) (int, error) {
	if s.w == nil {
		return 0, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loading != nil {
		return 0, errBulking
	}
	s.known = nil // orphans it removes may be among them
	id := schema.DocumentIRI(doc)
	if s.qs.ValueOf(id) == nil {
		return 0, fmt.Errorf("remove %s: %w", doc, ErrNoDocument)
	}
	stmts, err := s.statementsOf(ctx, id)
	if err != nil {
		return 0, fmt.Errorf("remove %s: %w", doc, err)
	}
	var del []quad.Quad
	gone := map[quad.Value]bool{}
	for _, st := range append(stmts, id) {
		qs, err := s.labelled(ctx, st)
		if err != nil {
			return 0, fmt.Errorf("remove %s: %w", doc, err)
		}
		del = append(del, qs...)
		gone[st] = true
	}
	orphans, err := s.orphans(ctx, del, gone)
	if err != nil {
		return 0, fmt.Errorf("remove %s: %w", doc, err)
	}
	del = append(del, orphans...)
	tally := &tallyChange{labels: map[string]string{}}
	if s.tallied.Load() {
		if err := s.tallyRecount(ctx, del, gone, nil, tally); err != nil {
			return 0, fmt.Errorf("remove %s: %w", doc, err)
		}
	}
	if err := s.apply(ctx, del, nil, tally); err != nil {
		return 0, fmt.Errorf("remove %s: delete %d quads: %w", doc, len(del), err)
	}
	return len(del), nil
}

// labelled lists the quads whose label is v, a statement or a document:
// those of its own node (found by subject; Cayley's key-value stores keep
// no index by label, and a lookup by label reads every quad), and for a
// statement its two edges between actor and target, which its fields name.
func (s *Store) labelled(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	out, err := s.quadsAt(ctx, quad.Subject, v, func(q quad.Quad) bool { return q.Label == v })
	if err != nil {
		return nil, err
	}
	var actor, target, class, pred quad.Value
	for _, q := range out {
		switch q.Predicate {
		case schema.PActor:
			actor = q.Object
		case schema.PTarget:
			target = q.Object
		case schema.PClass:
			class = q.Object
		case schema.PPredicate:
			pred = schema.PredicateIRI(valueString(q.Object))
		}
	}
	if actor != nil && target != nil && class != nil && pred != nil {
		for _, p := range []quad.Value{pred, class} {
			if q := quad.Make(actor, p, target, v); s.has(ctx, q) {
				out = append(out, q)
			}
		}
	}
	return out, nil
}

// has reports whether the store holds the quad.
func (s *Store) has(ctx context.Context, q quad.Quad) bool {
	it := s.quadsLike(q)
	defer it.Close()
	return it.Next(ctx)
}

// quadsLike iterates over the stored quads that have q's values in its
// directions that are set (none, when a value is not stored); object
// first, as the (O,P,S) index reads them.
func (s *Store) quadsLike(q quad.Quad) cgraph.Iterator {
	var filter shape.Quads
	for _, dir := range []quad.Direction{quad.Object, quad.Predicate, quad.Subject, quad.Label} {
		v := q.Get(dir)
		if v == nil {
			continue
		}
		ref := s.qs.ValueOf(v)
		if ref == nil {
			return iterator.NewNull()
		}
		filter = append(filter, shape.QuadFilter{Dir: dir, Values: shape.Fixed{ref}})
	}
	return shape.BuildIterator(s.qs, filter)
}

// orphans lists the unlabelled quads describing the actors, people and
// positions the deleted statement quads referred to, when no statement
// outside gone refers to them any more.
func (s *Store) orphans(ctx context.Context, deleted []quad.Quad, gone map[quad.Value]bool) ([]quad.Quad, error) {
	nodes := map[quad.Value]bool{}
	for _, q := range deleted {
		switch q.Predicate {
		case schema.PActor, schema.PTarget, schema.PSpeaker:
			nodes[q.Object] = true
		}
	}
	var out []quad.Quad
	for n := range nodes {
		ref := s.qs.ValueOf(n)
		if ref == nil {
			continue
		}
		used, err := s.usedBeyond(ctx, ref, gone)
		if err != nil {
			return nil, err
		}
		if used {
			continue
		}
		it := s.qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			if q := s.qs.Quad(it.Result()); q.Label == nil {
				out = append(out, q)
			}
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// usedBeyond reports whether a statement outside gone refers to the node
// as its actor, target or speaker; it stops at the first.
func (s *Store) usedBeyond(ctx context.Context, ref cgraph.Ref, gone map[quad.Value]bool) (bool, error) {
	it := s.qs.QuadIterator(quad.Object, ref)
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		switch q.Predicate {
		case schema.PActor, schema.PTarget, schema.PSpeaker:
			if !gone[q.Subject] {
				return true, nil
			}
		}
	}
	return false, it.Err()
}
