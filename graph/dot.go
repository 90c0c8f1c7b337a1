package graph

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

// WriteDOT draws the network for Graphviz: actors as boxes, positions as
// ellipses, stance edges green for support and red for opposition, labelled
// with the predicates and the number of statements, interactions dashed.
func (n *Network) WriteDOT(w io.Writer) error {
	var b strings.Builder
	b.WriteString("digraph stancegraph {\n")
	b.WriteString("  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\"];\n")
	b.WriteString("  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=9];\n")
	ids := make([]string, 0, len(n.Nodes))
	for id := range n.Nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		node := n.Nodes[id]
		shape, fill := "ellipse", "#fff7d6"
		if node.Type == "actor" {
			shape = "box"
			switch node.Kind {
			case schema.KindState:
				fill = "#cfe2ff"
			case schema.KindOrganisation:
				fill = "#e2d9f3"
			case schema.KindPerson:
				fill = "#f8d7da"
			default:
				fill = "#d1e7dd"
			}
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s, style=filled, fillcolor=%q];\n", dotID(id), dotString(node.Label), shape, fill)
	}
	for _, e := range n.Edges {
		c := schema.Class(e.Class)
		color, style := "gray40", "solid"
		switch {
		case c.IsInteraction():
			style = "dashed"
		case c.Polarity() > 0:
			color = "#198754"
		case c.Polarity() < 0:
			color = "#dc3545"
		}
		label := fmt.Sprintf("%s (%d)", strings.Join(e.Predicates, ", "), e.Count)
		width := 1 + float64(e.Count-1)*0.5
		if width > 6 {
			width = 6
		}
		fmt.Fprintf(&b, "  %s -> %s [label=%s, color=%q, fontcolor=%q, style=%s, penwidth=%.1f];\n",
			dotID(e.From), dotID(e.To), dotString(label), color, color, style, width)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func dotID(iri string) string { return dotString(iri) }

func dotString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
