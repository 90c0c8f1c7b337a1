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

// Edge aggregates the statements of one actor, class and target.
type Edge struct {
	From       string   `json:"from"` // IRI
	To         string   `json:"to"`
	Class      string   `json:"class"`
	Predicates []string `json:"predicates"`
	Count      int      `json:"count"`
	First      string   `json:"first,omitempty"` // earliest date
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

// Network is the actors, positions and aggregated edges of the graph.
type Network struct {
	Nodes map[string]*Node
	Edges []*Edge
}

// Network aggregates the stored statements into nodes and edges.
func (s *Store) Network(ctx context.Context) (*Network, error) {
	rows, err := s.Statements(ctx)
	if err != nil {
		return nil, err
	}
	n := &Network{Nodes: map[string]*Node{}}
	byKey := map[string]*Edge{}
	for _, r := range rows {
		for _, iri := range []string{r.Actor, r.Target} {
			if _, ok := n.Nodes[iri]; !ok {
				node, err := s.node(ctx, iri)
				if err != nil {
					return nil, err
				}
				n.Nodes[iri] = node
			}
		}
		k := r.Actor + "\x00" + r.Class + "\x00" + r.Target
		e := byKey[k]
		if e == nil {
			e = &Edge{From: r.Actor, To: r.Target, Class: r.Class}
			byKey[k] = e
			n.Edges = append(n.Edges, e)
		}
		e.Count++
		if !containsString(e.Predicates, r.Predicate) {
			e.Predicates = append(e.Predicates, r.Predicate)
		}
		if r.Date != "" && (e.First == "" || r.Date < e.First) {
			e.First = r.Date
		}
		if r.Date > e.Last {
			e.Last = r.Date
		}
	}
	sort.Slice(n.Edges, func(i, j int) bool {
		a, b := n.Edges[i], n.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		return a.Class < b.Class
	})
	return n, nil
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
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		if err := qw.WriteQuad(q); err != nil {
			return fmt.Errorf("write %s: %w", format, err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read store: %w", err)
	}
	return qw.Close()
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
