package stancegraph_test

import (
	"context"
	"fmt"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
)

// Build a graph from text and ask who opposes what Russia demands.
func Example() {
	ctx := context.Background()
	g, err := stancegraph.Open(graph.Config{Backend: "memstore"})
	if err != nil {
		panic(err)
	}
	defer g.Close()
	err = g.Build(ctx, &extract.Document{ID: "a.txt", Date: "2022-01-26",
		Text: "Russia demands a halt to NATO expansion. The United States rejected the Russian demand."})
	if err != nil {
		panic(err)
	}
	opponents, err := g.Opponents(ctx, "Russia")
	if err != nil {
		panic(err)
	}
	for _, o := range opponents {
		fmt.Printf("%s (%s) against Russia (%s) on %q\n", o.Actor, o.TheirStance, o.MyStance, o.Position)
	}
	// Output:
	// United States (+) against Russia (-) on "NATO expansion"
	// United States (-) against Russia (+) on "Russian demand"
}

// Walk the evidence of a stance: sentence, speaker, document and date.
func ExampleGraph_Evidence() {
	ctx := context.Background()
	g, _ := stancegraph.Open(graph.Config{Backend: "memstore"})
	defer g.Close()
	g.Build(ctx, &extract.Document{ID: "b.txt", Date: "2022-01-27",
		Text: "Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable."})
	ev, err := g.Evidence(ctx, "China", "Russia's security concerns")
	if err != nil {
		panic(err)
	}
	for _, e := range ev {
		fmt.Printf("%s %s (%s, %s, %s): %s\n", e.Class, e.Predicate, e.Speaker, e.Document, e.Date, e.Sentence)
	}
	// Output:
	// SUPPORT calls reasonable (Wang Yi, b.txt, 2022-01-27): Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable.
}
