package graph

import (
	"context"
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"

	"github.com/stancegraph/stancegraph/schema"
)

// Lookup finds the node of a type (schema.TypeActor, schema.TypePosition)
// whose label equals name, ignoring case; failing that, the one whose label
// contains it, if only one does.
func (s *Store) Lookup(ctx context.Context, typ quad.IRI, name string) (quad.IRI, bool, error) {
	// The node named so (IRIs are made from names), or labelled exactly so:
	// index lookups; the scan over all nodes of the type comes last.
	name = strings.TrimSpace(name)
	var iri quad.IRI
	switch typ {
	case schema.TypeActor:
		iri = schema.ActorIRI(name)
	case schema.TypePosition:
		iri = schema.PositionIRI(name)
	}
	if iri != "" {
		if n, err := path.StartPath(s.qs, iri).Has(schema.Type, typ).Iterate(ctx).Count(); err != nil {
			return "", false, err
		} else if n > 0 {
			return iri, true, nil
		}
	}
	if nodes, err := path.StartPath(s.qs).Has(schema.Label, quad.String(name)).Has(schema.Type, typ).Iterate(ctx).AllValues(s.qs); err != nil {
		return "", false, err
	} else if len(nodes) > 0 {
		if iri, ok := nodes[0].(quad.IRI); ok {
			return iri, true, nil
		}
	}
	want := strings.ToLower(name)
	var exact, partial []quad.IRI
	err := path.StartPath(s.qs).Has(schema.Type, typ).Tag("node").Save(schema.Label, "label").
		Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) {
		iri, ok := m["node"].(quad.IRI)
		if !ok {
			return
		}
		label := strings.ToLower(valueString(m["label"]))
		switch {
		case label == want:
			exact = append(exact, iri)
		case strings.Contains(label, want):
			partial = append(partial, iri)
		}
	})
	if err != nil {
		return "", false, err
	}
	if len(exact) > 0 {
		return exact[0], true, nil
	}
	if len(partial) == 1 {
		return partial[0], true, nil
	}
	return "", false, nil
}
