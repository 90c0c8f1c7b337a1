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
	want := strings.ToLower(strings.TrimSpace(name))
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
