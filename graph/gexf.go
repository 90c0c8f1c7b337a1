package graph

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// WriteGEXF writes the network as GEXF 1.3, Gephi's own format: nodes with
// their type and kind, edges with their class, sign and number of
// statements as weight, and the dates of their first and last statement as
// the edge's start and end, which Gephi's timeline plays.
func (n *Network) WriteGEXF(w io.Writer) error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">` + "\n")
	b.WriteString("  <meta><creator>stancegraph</creator></meta>\n")
	dir := "directed"
	if n.Undirected {
		dir = "undirected"
	}
	fmt.Fprintf(&b, `  <graph mode="dynamic" defaultedgetype="%s" timeformat="date">`+"\n", dir)
	b.WriteString(`    <attributes class="node"><attribute id="type" title="type" type="string"/><attribute id="kind" title="kind" type="string"/></attributes>` + "\n")
	b.WriteString(`    <attributes class="edge"><attribute id="class" title="class" type="string"/><attribute id="sign" title="sign" type="integer"/><attribute id="predicates" title="predicates" type="string"/></attributes>` + "\n")
	b.WriteString("    <nodes>\n")
	for _, id := range n.nodeIDs() {
		node := n.Nodes[id]
		fmt.Fprintf(&b, `      <node id="%s" label="%s"><attvalues><attvalue for="type" value="%s"/><attvalue for="kind" value="%s"/></attvalues></node>`+"\n",
			attr(id), attr(node.Label), attr(node.Type), attr(node.Kind))
	}
	b.WriteString("    </nodes>\n    <edges>\n")
	for i, e := range n.Edges {
		span := ""
		if e.First != "" {
			span += fmt.Sprintf(` start="%s"`, attr(e.First))
		}
		if e.Last != "" {
			span += fmt.Sprintf(` end="%s"`, attr(e.Last))
		}
		fmt.Fprintf(&b, `      <edge id="e%d" source="%s" target="%s" label="%s" weight="%d"%s><attvalues><attvalue for="class" value="%s"/><attvalue for="sign" value="%d"/><attvalue for="predicates" value="%s"/></attvalues></edge>`+"\n",
			i, attr(e.From), attr(e.To), attr(strings.ToLower(e.Class)), e.Count, span, attr(e.Class), e.Sign, attr(strings.Join(e.Predicates, "; ")))
	}
	b.WriteString("    </edges>\n  </graph>\n</gexf>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// attr escapes text for an XML attribute.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), `"`, "&quot;")
}
