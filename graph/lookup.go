package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

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
	wantWords := stems(name)
	var exact, partial, byWords []quad.IRI
	var partialLabels, byWordsLabels []string
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
			partialLabels = append(partialLabels, valueString(m["label"]))
		case len(wantWords) > 0 && hasStems(stems(label), wantWords):
			byWords = append(byWords, iri)
			byWordsLabels = append(byWordsLabels, valueString(m["label"]))
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
	if len(partial) == 0 && len(byWords) == 1 {
		return byWords[0], true, nil
	}
	if len(partial) > 1 {
		return "", false, &AmbiguousError{Name: name, Candidates: partialLabels}
	}
	if len(byWords) > 1 {
		return "", false, &AmbiguousError{Name: name, Candidates: byWordsLabels}
	}
	return "", false, nil
}

// AmbiguousError is a name whose words several nodes' labels hold.
type AmbiguousError struct {
	Name       string
	Candidates []string // their labels
}

func (e *AmbiguousError) Error() string {
	c := append([]string(nil), e.Candidates...)
	sort.Strings(c)
	more := ""
	if len(c) > 8 {
		c, more = c[:8], fmt.Sprintf(" and %d more", len(e.Candidates)-8)
	}
	return fmt.Sprintf("%q names several: %q%s; give one of them, or more words", e.Name, c, more)
}

// stems are a text's words, lower case, without possessives, cut to five
// letters so that a verb and its noun meet ("expand", "expansion";
// "join", "joining"). Words of three letters or fewer that are not names
// of several capitals are left out ("the", "of", "to").
func stems(text string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' }) {
		if i := strings.IndexAny(w, "'’"); i > 0 {
			w = w[:i]
		}
		upper := strings.ToUpper(w) == w && len(w) >= 2
		w = strings.ToLower(w)
		if len(w) < 4 && !upper {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		out = append(out, w)
	}
	return out
}

// hasStems reports whether every wanted stem is a prefix of one of have's
// or has one of them as its prefix.
func hasStems(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) || strings.HasPrefix(w, h) && len(h) >= 4 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
