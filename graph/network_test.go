package graph

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os/exec"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/schema"
)

// handBuilt is a small graph whose networks are worked out by hand:
//
//	A SUPPORT p1, A SUPPORT p2, A OPPOSE p3 (2022-01-10)
//	B SUPPORT p1, B DEMAND  p2, B SUPPORT p3 (2022-01-20)
//	C OPPOSE  p1 twice                       (2022-02-01)
//	A CONSULT B
func handBuilt(t *testing.T) *Store {
	s := openTemp(t, "memstore")
	ctx := context.Background()
	dated := func(st schema.Statement, date string) schema.Statement { st.Date = date; return st }
	load := func(doc string, ss ...schema.Statement) {
		if _, err := s.Load(ctx, batch(doc, ss...)); err != nil {
			t.Fatal(err)
		}
	}
	load("a", dated(stmt("a", 0, "A", schema.Support, "p1"), "2022-01-10"), dated(stmt("a", 1, "A", schema.Support, "p2"), "2022-01-10"),
		dated(stmt("a", 2, "A", schema.Oppose, "p3"), "2022-01-10"), dated(stmt("a", 3, "A", schema.Consult, "B"), "2022-01-10"))
	load("b", dated(stmt("b", 0, "B", schema.Support, "p1"), "2022-01-20"), dated(stmt("b", 1, "B", schema.Demand, "p2"), "2022-01-20"),
		dated(stmt("b", 2, "B", schema.Support, "p3"), "2022-01-20"))
	load("c", dated(stmt("c", 0, "C", schema.Oppose, "p1"), "2022-02-01"), dated(stmt("c", 1, "C", schema.Oppose, "p1"), "2022-02-01"))
	return s
}

// weights maps "from|to" (by label) to the edge's count times its sign.
func weights(n *Network) map[string]int {
	m := map[string]int{}
	for _, e := range n.Edges {
		k := n.labelOf(e.From) + "|" + n.labelOf(e.To)
		if e.Class != "" && !n.Undirected && e.Class != Affiliation {
			k += "|" + e.Class
		}
		m[k] += e.Count * e.Sign
	}
	return m
}

func TestNetworks(t *testing.T) {
	s := handBuilt(t)
	ctx := context.Background()
	for _, tc := range []struct {
		kind   string
		filter Filter
		want   map[string]int
	}{
		{Congruence, Filter{}, map[string]int{"A|B": 2}},                      // p1 and p2 held alike
		{Conflict, Filter{}, map[string]int{"A|B": -1, "A|C": -1, "B|C": -1}}, // p3; p1; p1
		{Affiliation, Filter{}, map[string]int{"A|p1": 1, "A|p2": 1, "A|p3": -1, "B|p1": 1, "B|p2": 1, "B|p3": 1, "C|p1": -2}},
		{Congruence, Filter{Since: "2022-01-15"}, map[string]int{}},        // A's statements fall out
		{Conflict, Filter{Since: "2022-01-15"}, map[string]int{"B|C": -1}}, // only B and C remain
		{Affiliation, Filter{MinCount: 2}, map[string]int{"C|p1": -2}},     // backed by two statements
		{Stances, Filter{Classes: []schema.Class{schema.Demand}}, map[string]int{"B|p2|DEMAND": 1}},
		{Stances, Filter{Classes: []schema.Class{schema.Consult}}, map[string]int{"A|B|CONSULT": 0}},
		{Affiliation, Filter{Top: 1}, map[string]int{"C|p1": -2}},
	} {
		n, err := s.Network(ctx, tc.kind, tc.filter)
		if err != nil {
			t.Fatal(err)
		}
		got := weights(n)
		if len(got) != len(tc.want) {
			t.Errorf("%s %+v: edges %v, want %v", tc.kind, tc.filter, got, tc.want)
			continue
		}
		for k, w := range tc.want {
			if got[k] != w {
				t.Errorf("%s %+v: %s weight %d, want %d (all %v)", tc.kind, tc.filter, k, got[k], w, got)
			}
		}
	}
	if _, err := s.Network(ctx, "friendship", Filter{}); err == nil {
		t.Error("unknown network accepted")
	}
}

func TestNeighbourhood(t *testing.T) {
	s := handBuilt(t)
	ctx := context.Background()
	c := string(schema.ActorIRI("C"))
	n, err := s.Network(ctx, Stances, Filter{Actors: []string{c}})
	if err != nil {
		t.Fatal(err)
	}
	if got := weights(n); len(got) != 1 || got["C|p1|OPPOSE"] != -2 {
		t.Errorf("depth 1 around C: %v", got)
	}
	n, _ = s.Network(ctx, Stances, Filter{Actors: []string{c}, Depth: 2})
	if got := weights(n); got["A|p1|SUPPORT"] != 1 || got["B|p1|SUPPORT"] != 1 || got["A|p2|SUPPORT"] != 0 {
		t.Errorf("depth 2 around C: %v", got)
	}
}

func TestGraphMLAndCSV(t *testing.T) {
	s := handBuilt(t)
	n, err := s.Network(context.Background(), Affiliation, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := n.WriteGraphML(&b); err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	used := map[string]bool{}
	nodes, edges := 0, 0
	dec := xml.NewDecoder(&b)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("GraphML is not well-formed XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			attr := map[string]string{}
			for _, a := range se.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch se.Name.Local {
			case "key":
				declared[attr["id"]] = true
				if attr["attr.type"] == "" {
					t.Errorf("key %s has no type", attr["id"])
				}
			case "data":
				used[attr["key"]] = true
			case "node":
				nodes++
			case "edge":
				edges++
			}
		}
	}
	for k := range used {
		if !declared[k] {
			t.Errorf("data key %q is not declared", k)
		}
	}
	if nodes != 6 || edges != 7 {
		t.Errorf("%d nodes, %d edges; want 6 and 7", nodes, edges)
	}
	var c bytes.Buffer
	if err := n.WriteEdgesCSV(&c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&c).ReadAll()
	if err != nil || len(rows) != 8 || rows[0][0] != "source" || rows[0][5] != "weight" {
		t.Errorf("edge CSV: %v %v", rows, err)
	}
}

// TestDOTRenders hands the drawing to Graphviz (installed by .ci/run).
func TestDOTRenders(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Fatal("Graphviz's dot is not installed (apt-get install graphviz); .ci/run installs it")
	}
	s := handBuilt(t)
	for _, kind := range NetworkKinds {
		n, err := s.Network(context.Background(), kind, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var src, out, stderr bytes.Buffer
		if err := n.WriteDOT(&src); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(dot, "-Tsvg")
		cmd.Stdin, cmd.Stdout, cmd.Stderr = &src, &out, &stderr
		if err := cmd.Run(); err != nil || stderr.Len() > 0 {
			t.Errorf("%s: dot -Tsvg: %v %s\n%s", kind, err, stderr.String(), src.String())
		}
		if !strings.Contains(out.String(), "<svg") {
			t.Errorf("%s: no SVG out", kind)
		}
	}
}

// TestGEXF: the GEXF export is well-formed, holds every node and edge, and
// dates each edge by its first and last statement for Gephi's timeline.
func TestGEXF(t *testing.T) {
	n := &Network{Kind: "stances", Nodes: map[string]*Node{
		"sg:actor/egypt":       {Label: "Egypt", Type: "actor", Kind: "state"},
		"sg:position/the-fill": {Label: `the "first" filling & more`, Type: "position"},
	}, Edges: []*Edge{{From: "sg:actor/egypt", To: "sg:position/the-fill", Class: "OPPOSE", Count: 3, Sign: -1, First: "2020-06-01", Last: "2020-07-15", Predicates: []string{"rejects"}}}}
	var b strings.Builder
	if err := n.WriteGEXF(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Mode  string `xml:"mode,attr"`
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Weight string `xml:"weight,attr"`
				Start  string `xml:"start,attr"`
				End    string `xml:"end,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b.String())
	}
	g := doc.Graph
	if g.Mode != "dynamic" || len(g.Nodes) != 2 || len(g.Edges) != 1 {
		t.Fatalf("graph %+v", g)
	}
	if e := g.Edges[0]; e.Source != "sg:actor/egypt" || e.Weight != "3" || e.Start != "2020-06-01" || e.End != "2020-07-15" {
		t.Errorf("edge %+v", e)
	}
	if g.Nodes[1].Label != `the "first" filling & more` {
		t.Errorf("label %q", g.Nodes[1].Label)
	}
}
