package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph/path"
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
	s.known = nil // orphans it removes may be among them
	id := schema.DocumentIRI(doc)
	if s.qs.ValueOf(id) == nil {
		return 0, fmt.Errorf("remove %s: %w", doc, ErrNoDocument)
	}
	stmts, err := path.StartPath(s.qs, id).In(schema.PDocument).Iterate(ctx).AllValues(s.qs)
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

// labelled lists the quads whose label is v.
func (s *Store) labelled(ctx context.Context, v quad.Value) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(quad.Label, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.qs.Quad(it.Result()))
	}
	return out, it.Err()
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
		used := false
		for _, p := range []quad.IRI{schema.PActor, schema.PTarget, schema.PSpeaker} {
			err := path.StartPath(s.qs, n).In(p).Iterate(ctx).EachValue(s.qs, func(st quad.Value) {
				if !gone[st] {
					used = true
				}
			})
			if err != nil {
				return nil, err
			}
		}
		if used {
			continue
		}
		ref := s.qs.ValueOf(n)
		if ref == nil {
			continue
		}
		it := s.qs.QuadIterator(quad.Subject, ref)
		for it.Next(ctx) {
			if q := s.qs.Quad(it.Result()); q.Label == nil {
				out = append(out, q)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
