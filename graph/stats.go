package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/stancegraph/stancegraph/schema"
)

// Stats counts what a store holds.
type Stats struct {
	Documents  int64 `json:"documents"`
	Sentences  int64 `json:"sentences"`
	Actors     int64 `json:"actors"` // collective actors: states, organisations, groups
	People     int64 `json:"people"` // speakers
	Positions  int64 `json:"positions"`
	Statements int64 `json:"statements"`
	Quads      int64 `json:"quads"`
}

// Stats counts documents, sentences, actors, positions, statements and quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	count := func(typ quad.IRI) (int64, error) {
		return path.StartPath(s.qs, typ).In(schema.Type).Unique().Iterate(ctx).Count()
	}
	var err error
	if st.Documents, err = count(schema.TypeDocument); err != nil {
		return st, fmt.Errorf("count documents: %w", err)
	}
	if st.Positions, err = count(schema.TypePosition); err != nil {
		return st, fmt.Errorf("count positions: %w", err)
	}
	if st.Statements, err = count(schema.TypeStatement); err != nil {
		return st, fmt.Errorf("count statements: %w", err)
	}
	all, err := count(schema.TypeActor)
	if err != nil {
		return st, fmt.Errorf("count actors: %w", err)
	}
	st.People, err = path.StartPath(s.qs, quad.String(schema.KindPerson)).In(schema.Kind).Unique().Iterate(ctx).Count()
	if err != nil {
		return st, fmt.Errorf("count people: %w", err)
	}
	st.Actors = all - st.People
	err = path.StartPath(s.qs).Has(schema.Type, schema.TypeDocument).Out(schema.PSentences).
		Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		if n, ok := v.(quad.Int); ok {
			st.Sentences += int64(n)
		}
	})
	if err != nil {
		return st, fmt.Errorf("count sentences: %w", err)
	}
	if st.Quads, err = s.quadCount(ctx); err != nil {
		return st, err
	}
	return st, nil
}
