package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	_ "github.com/cayleygraph/quad/dot" // quad writers, registered by name
	_ "github.com/cayleygraph/quad/gml"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
	"github.com/stancegraph/stancegraph/schema"
)

// Node is an actor or a position.
type Node struct {
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Type  string `json:"type"` // "actor" or "position"
	Kind  string `json:"kind,omitempty"`
}

// Edge aggregates the statements of one actor, class and target; in the
// one-mode networks, the positions two actors share.
type Edge struct {
	From       string   `json:"from"` // IRI
	To         string   `json:"to"`
	Class      string   `json:"class"`                // a class, or CONGRUENCE / CONFLICT / AFFILIATION
	Predicates []string `json:"predicates,omitempty"` // the verbs, or the shared positions' labels
	Count      int      `json:"count"`                // statements, or shared positions
	Sign       int      `json:"sign"`                 // +1, -1, or 0 for interactions
	First      string   `json:"first,omitempty"`      // earliest date
	Last       string   `json:"last,omitempty"`
}

// StatementRow is one stored statement, flattened.
type StatementRow struct {
	IRI, Actor, Class, Predicate, Target, Date string
}

// Statements lists every stored statement.
func (s *Store) Statements(ctx context.Context) ([]StatementRow, error) {
	p := path.StartPath(s.qs).Has(schema.Type, schema.TypeStatement).Tag("s").
		Save(schema.PActor, "actor").Save(schema.PClass, "class").
		Save(schema.PPredicate, "predicate").Save(schema.PTarget, "target").
		SaveOptional(schema.PDate, "date")
	var rows []StatementRow
	err := p.Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) {
		rows = append(rows, StatementRow{
			IRI: iriString(m["s"]), Actor: iriString(m["actor"]), Class: strings.TrimPrefix(iriString(m["class"]), schema.Prefix),
			Predicate: valueString(m["predicate"]), Target: iriString(m["target"]), Date: valueString(m["date"]),
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list statements: %w", err)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].IRI < rows[j].IRI })
	return rows, nil
}

func (s *Store) node(ctx context.Context, iri string) (*Node, error) {
	node := &Node{IRI: iri, Label: iri, Type: "position"}
	v := quad.IRI(iri)
	if l, err := path.StartPath(s.qs, v).Out(schema.Label).Iterate(ctx).FirstValue(s.qs); err == nil && l != nil {
		node.Label = valueString(l)
	}
	if k, err := path.StartPath(s.qs, v).Out(schema.Kind).Iterate(ctx).FirstValue(s.qs); err == nil && k != nil {
		node.Type, node.Kind = "actor", valueString(k)
	}
	return node, nil
}

// WriteQuads writes every quad of the store in one of quad's formats
// (nquads, jsonld, graphml, gml, graphviz).
func (s *Store) WriteQuads(ctx context.Context, w io.Writer, format string) error {
	f := quad.FormatByName(format)
	if f == nil || f.Writer == nil {
		return fmt.Errorf("no quad writer for format %q", format)
	}
	qw := f.Writer(w)
	// RDF formats get full IRIs (sg:actor/russia is
	// https://stancegraph.org/actor/russia), which RDF tools need;
	// JSON-LD is compacted with a context that gives the short forms back.
	rdf := format == "nquads" || format == "jsonld"
	if c, ok := qw.(interface{ SetLdContext(interface{}) }); ok {
		c.SetLdContext(LDContext())
	}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		if rdf {
			q = fullQuad(q)
		}
		if err := qw.WriteQuad(q); err != nil {
			return fmt.Errorf("write %s: %w", format, err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return qw.Close()
}

// LDContext is the JSON-LD context of the exports: the stancegraph, RDF
// and RDF Schema namespaces by their prefixes.
func LDContext() map[string]interface{} {
	return map[string]interface{}{
		"sg":   schema.NS,
		"rdf":  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
		"rdfs": "http://www.w3.org/2000/01/rdf-schema#",
		"xsd":  "http://www.w3.org/2001/XMLSchema#",
	}
}

// fullQuad writes a quad's IRIs in full.
func fullQuad(q quad.Quad) quad.Quad {
	return quad.Quad{Subject: fullValue(q.Subject), Predicate: fullValue(q.Predicate), Object: fullValue(q.Object), Label: fullValue(q.Label)}
}

func fullValue(v quad.Value) quad.Value {
	switch x := v.(type) {
	case quad.IRI:
		return x.Full()
	case quad.TypedString:
		x.Type = x.Type.Full()
		return x
	case interface{ TypedString() quad.TypedString }: // numbers, booleans, times
		ts := x.TypedString()
		ts.Type = ts.Type.Full()
		return ts
	}
	return v
}

func iriString(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return valueString(v)
}

func valueString(v quad.Value) string {
	if v == nil {
		return ""
	}
	switch x := v.(type) {
	case quad.String:
		return string(x)
	case quad.IRI:
		return string(x)
	case quad.TypedString:
		return string(x.Value)
	case quad.LangString:
		return string(x.Value)
	}
	return quad.StringOf(v)
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
