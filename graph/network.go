package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

// Network is a graph of actors and positions ready to draw or hand to a
// network tool.
type Network struct {
	Kind       string           `json:"kind"` // stances, affiliation, congruence, conflict
	Undirected bool             `json:"undirected"`
	Nodes      map[string]*Node `json:"nodes"`
	Edges      []*Edge          `json:"edges"`
}

// Filter selects part of the graph. Zero values select everything.
type Filter struct {
	Actors    []string       // actor IRIs: keep their neighbourhood
	Positions []string       // position IRIs: keep their neighbourhood
	Depth     int            // neighbourhood radius in edges; 0 means 1
	Classes   []schema.Class // keep statements of these classes
	Since     string         // YYYY-MM-DD, inclusive
	Until     string         // YYYY-MM-DD, inclusive
	MinCount  int            // drop edges backed by fewer statements
	Top       int            // keep the N edges backed by most statements
	Nodes     map[string]bool
}

// Network kinds, after Leifeld's Discourse Network Analyzer.
const (
	Stances     = "stances"     // actors, positions and actors, with stance and interaction edges
	Affiliation = "affiliation" // two-mode actor x position; weight = statements, sign = polarity
	Congruence  = "congruence"  // one-mode actor x actor; weight = positions held alike
	Conflict    = "conflict"    // one-mode actor x actor; weight = positions held oppositely
)

// NetworkKinds lists the kinds Network accepts.
var NetworkKinds = []string{Stances, Affiliation, Congruence, Conflict}

// Network builds a network of the given kind from the stored statements that
// pass the filter.
func (s *Store) Network(ctx context.Context, kind string, f Filter) (*Network, error) {
	rows, err := s.Statements(ctx)
	if err != nil {
		return nil, err
	}
	rows = f.rows(rows)
	var n *Network
	switch kind {
	case "", Stances:
		n = aggregate(rows, Stances)
	case Affiliation:
		n = aggregate(stanceRows(rows), Affiliation)
	case Congruence, Conflict:
		n = oneMode(stanceRows(rows), kind)
	default:
		return nil, fmt.Errorf("network %q is unknown (want one of %s)", kind, strings.Join(NetworkKinds, ", "))
	}
	n.Edges = f.edges(n.Edges)
	if err := s.label(ctx, n); err != nil {
		return nil, err
	}
	return n, nil
}

func (f Filter) rows(rows []StatementRow) []StatementRow {
	var out []StatementRow
	for _, r := range rows {
		if len(f.Classes) > 0 && !hasClass(f.Classes, r.Class) {
			continue
		}
		if f.Since != "" && (r.Date == "" || r.Date < f.Since) || f.Until != "" && (r.Date == "" || r.Date > f.Until) {
			continue
		}
		out = append(out, r)
	}
	return out
}

func hasClass(cs []schema.Class, c string) bool {
	for _, x := range cs {
		if string(x) == c {
			return true
		}
	}
	return false
}

func stanceRows(rows []StatementRow) []StatementRow {
	var out []StatementRow
	for _, r := range rows {
		if schema.Class(r.Class).IsStance() {
			out = append(out, r)
		}
	}
	return out
}

// edges applies the edge-level parts of the filter: minimum count,
// neighbourhoods, query nodes, top N.
func (f Filter) edges(es []*Edge) []*Edge {
	var out []*Edge
	for _, e := range es {
		if e.Count >= f.MinCount && (f.Nodes == nil || f.Nodes[e.From] || f.Nodes[e.To]) {
			out = append(out, e)
		}
	}
	if seeds := append(append([]string{}, f.Actors...), f.Positions...); len(seeds) > 0 {
		depth := f.Depth
		if depth <= 0 {
			depth = 1
		}
		keep := map[string]bool{}
		for _, s := range seeds {
			keep[s] = true
		}
		for d := 0; d < depth; d++ {
			next := map[string]bool{}
			for _, e := range out {
				if keep[e.From] || keep[e.To] {
					next[e.From], next[e.To] = true, true
				}
			}
			for k := range next {
				keep[k] = true
			}
		}
		var near []*Edge
		for _, e := range out {
			if keep[e.From] && keep[e.To] {
				near = append(near, e)
			}
		}
		out = near
	}
	if f.Top > 0 && len(out) > f.Top {
		sorted := append([]*Edge{}, out...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Count > sorted[j].Count })
		keep := map[*Edge]bool{}
		for _, e := range sorted[:f.Top] {
			keep[e] = true
		}
		var top []*Edge
		for _, e := range out {
			if keep[e] {
				top = append(top, e)
			}
		}
		out = top
	}
	return out
}

// aggregate makes one edge per actor, class (or, for affiliation,
// polarity) and target.
func aggregate(rows []StatementRow, kind string) *Network {
	n := &Network{Kind: kind, Nodes: map[string]*Node{}}
	byKey := map[string]*Edge{}
	for _, r := range rows {
		c := schema.Class(r.Class)
		class := r.Class
		if kind == Affiliation {
			class = Affiliation
		}
		k := r.Actor + "\x00" + class + "\x00" + r.Target + "\x00" + fmt.Sprint(c.Polarity())
		e := byKey[k]
		if e == nil {
			e = &Edge{From: r.Actor, To: r.Target, Class: class, Sign: c.Polarity()}
			byKey[k] = e
			n.Edges = append(n.Edges, e)
		}
		e.add(r.Date)
		if !containsString(e.Predicates, r.Predicate) {
			e.Predicates = append(e.Predicates, r.Predicate)
		}
	}
	sortEdges(n.Edges)
	return n
}

func (e *Edge) add(date string) {
	e.Count++
	if date != "" && (e.First == "" || date < e.First) {
		e.First = date
	}
	if date > e.Last {
		e.Last = date
	}
}

// oneMode links actors through the positions they hold: alike (congruence)
// or oppositely (conflict). An actor's stance on a position is the sign of
// the sum of its statements' polarities; a position an actor holds both ways
// equally counts for neither.
func oneMode(rows []StatementRow, kind string) *Network {
	n := &Network{Kind: kind, Undirected: true, Nodes: map[string]*Node{}}
	type key struct{ actor, position string }
	stance := map[key]int{}
	dates := map[key][]string{}
	byPosition := map[string][]string{}
	for _, r := range rows {
		k := key{r.Actor, r.Target}
		if _, seen := stance[k]; !seen {
			byPosition[r.Target] = append(byPosition[r.Target], r.Actor)
		}
		stance[k] += schema.Class(r.Class).Polarity()
		if r.Date != "" {
			dates[k] = append(dates[k], r.Date)
		}
	}
	byPair := map[[2]string]*Edge{}
	var positions []string
	for p := range byPosition {
		positions = append(positions, p)
	}
	sort.Strings(positions)
	for _, p := range positions {
		actors := byPosition[p]
		sort.Strings(actors)
		for i := 0; i < len(actors); i++ {
			for j := i + 1; j < len(actors); j++ {
				a, b := stance[key{actors[i], p}], stance[key{actors[j], p}]
				if a == 0 || b == 0 || (kind == Congruence) != (sign(a) == sign(b)) {
					continue
				}
				pair := [2]string{actors[i], actors[j]}
				e := byPair[pair]
				if e == nil {
					e = &Edge{From: pair[0], To: pair[1], Class: strings.ToUpper(kind), Sign: 1}
					if kind == Conflict {
						e.Sign = -1
					}
					byPair[pair] = e
					n.Edges = append(n.Edges, e)
				}
				e.Count++
				e.Predicates = append(e.Predicates, p)
				for _, d := range append(dates[key{actors[i], p}], dates[key{actors[j], p}]...) {
					if e.First == "" || d < e.First {
						e.First = d
					}
					if d > e.Last {
						e.Last = d
					}
				}
			}
		}
	}
	sortEdges(n.Edges)
	return n
}

func sign(x int) int {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

func sortEdges(es []*Edge) {
	sort.Slice(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		if a.Class != b.Class {
			return a.Class < b.Class
		}
		return a.Sign > b.Sign
	})
}

// label fills in the nodes of the network's edges with their labels and
// kinds; in the one-mode networks the shared positions' IRIs become labels.
func (s *Store) label(ctx context.Context, n *Network) error {
	for _, e := range n.Edges {
		for _, iri := range []string{e.From, e.To} {
			if _, ok := n.Nodes[iri]; ok {
				continue
			}
			node, err := s.node(ctx, iri)
			if err != nil {
				return err
			}
			n.Nodes[iri] = node
		}
		if n.Undirected {
			for i, p := range e.Predicates {
				node, err := s.node(ctx, p)
				if err != nil {
					return err
				}
				e.Predicates[i] = node.Label
			}
		}
	}
	return nil
}
