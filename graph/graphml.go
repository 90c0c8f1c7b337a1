package graph

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// GraphML keys, declared with their types so Gephi, yEd and Cytoscape read
// them as attributes.
var graphmlKeys = []struct{ id, on, name, typ string }{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"kind", "node", "kind", "string"},
	{"elabel", "edge", "label", "string"},
	{"class", "edge", "class", "string"},
	{"weight", "edge", "weight", "int"},
	{"sign", "edge", "sign", "int"},
	{"first", "edge", "first", "string"},
	{"last", "edge", "last", "string"},
}

// WriteGraphML writes the network as GraphML.
func (n *Network) WriteGraphML(w io.Writer) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(&b, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.on, k.name, k.typ)
	}
	dir := "directed"
	if n.Undirected {
		dir = "undirected"
	}
	fmt.Fprintf(&b, `  <graph id="stancegraph-%s" edgedefault="%s">`+"\n", n.Kind, dir)
	for _, id := range n.nodeIDs() {
		node := n.Nodes[id]
		fmt.Fprintf(&b, `    <node id="%s"><data key="label">%s</data><data key="type">%s</data><data key="kind">%s</data></node>`+"\n",
			esc(id), esc(node.Label), esc(node.Type), esc(node.Kind))
	}
	for i, e := range n.Edges {
		fmt.Fprintf(&b, `    <edge id="e%d" source="%s" target="%s"><data key="elabel">%s</data><data key="class">%s</data><data key="weight">%d</data><data key="sign">%d</data><data key="first">%s</data><data key="last">%s</data></edge>`+"\n",
			i, esc(e.From), esc(e.To), esc(strings.Join(e.Predicates, "; ")), esc(e.Class), e.Count, e.Sign, esc(e.First), esc(e.Last))
	}
	b.WriteString("  </graph>\n</graphml>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteEdgesCSV writes the edge list: source, target and their labels,
// class, weight, sign, first and last date, predicates.
func (n *Network) WriteEdgesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"source", "target", "source_label", "target_label", "class", "weight", "sign", "first", "last", "predicates"})
	for _, e := range n.Edges {
		cw.Write([]string{e.From, e.To, n.labelOf(e.From), n.labelOf(e.To), e.Class, fmt.Sprint(e.Count), fmt.Sprint(e.Sign), e.First, e.Last, strings.Join(e.Predicates, "; ")})
	}
	cw.Flush()
	return cw.Error()
}

// WriteNodesCSV writes the node list: id, label, type, kind.
func (n *Network) WriteNodesCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "label", "type", "kind"})
	for _, id := range n.nodeIDs() {
		node := n.Nodes[id]
		cw.Write([]string{id, node.Label, node.Type, node.Kind})
	}
	cw.Flush()
	return cw.Error()
}

func (n *Network) labelOf(id string) string {
	if node, ok := n.Nodes[id]; ok {
		return node.Label
	}
	return id
}
