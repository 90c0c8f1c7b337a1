package graph

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

// Colours of the drawing.
const (
	colourSupport = "#198754" // green: positive stances, congruence
	colourOppose  = "#dc3545" // red: negative stances, conflict
	colourNeutral = "#6c757d" // interactions
)

var kindFill = map[string]string{
	schema.KindState:        "#cfe2ff",
	schema.KindOrganisation: "#e2d9f3",
	schema.KindPerson:       "#f8d7da",
	schema.KindGroup:        "#d1e7dd",
}

// WriteDOT draws the network for Graphviz: actors as boxes filled by kind
// (state, organisation, group, person), positions as ellipses, edges green
// for support and congruence and red for opposition and conflict, labelled
// with the predicates and the number of statements, wider the more
// statements back them; interactions are dashed.
func (n *Network) WriteDOT(w io.Writer) error {
	var b strings.Builder
	graphType, arrow := "digraph", "->"
	if n.Undirected {
		graphType, arrow = "graph", "--"
	}
	fmt.Fprintf(&b, "%s stancegraph {\n", graphType)
	b.WriteString("  graph [rankdir=LR, overlap=false, splines=true, fontname=\"Helvetica\", label=" + dotString("stancegraph: "+n.Kind) + ", labelloc=t];\n")
	b.WriteString("  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n  edge [fontname=\"Helvetica\", fontsize=9];\n")
	for _, id := range n.nodeIDs() {
		node := n.Nodes[id]
		shape, fill := "ellipse", "#fff7d6"
		if node.Type == "actor" {
			shape, fill = "box", kindFill[node.Kind]
			if fill == "" {
				fill = kindFill[schema.KindGroup]
			}
		}
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s, fillcolor=%q];\n", dotString(id), dotString(node.Label), shape, fill)
	}
	for _, e := range n.Edges {
		colour, style := colourNeutral, "solid"
		switch {
		case schema.Class(e.Class).IsInteraction():
			style = "dashed"
		case e.Sign > 0:
			colour = colourSupport
		case e.Sign < 0:
			colour = colourOppose
		}
		label := fmt.Sprintf("%s (%d)", strings.Join(e.Predicates, ", "), e.Count)
		if n.Undirected {
			label = fmt.Sprint(e.Count)
		}
		width := 1 + float64(e.Count-1)*0.5
		if width > 6 {
			width = 6
		}
		fmt.Fprintf(&b, "  %s %s %s [label=%s, color=%q, fontcolor=%q, style=%s, penwidth=%.1f, weight=%d];\n",
			dotString(e.From), arrow, dotString(e.To), dotString(label), colour, colour, style, width, e.Count)
	}
	b.WriteString("}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// nodeIDs lists the nodes that edges touch, sorted.
func (n *Network) nodeIDs() []string {
	seen := map[string]bool{}
	for _, e := range n.Edges {
		seen[e.From], seen[e.To] = true, true
	}
	ids := make([]string, 0, len(seen))
	for id := range seen {
		if _, ok := n.Nodes[id]; ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func dotString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
