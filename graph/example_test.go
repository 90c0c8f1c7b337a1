package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stancegraph/stancegraph/extract"
	_ "github.com/stancegraph/stancegraph/extract/rules"
	"github.com/stancegraph/stancegraph/graph"
)

// Build a graph from text and ask who opposes what Russia demands.
func Example() {
	ctx := context.Background()
	st, err := graph.Open(graph.Config{Backend: "memstore"})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	ex, err := extract.New("rules", extract.Config{})
	if err != nil {
		panic(err)
	}
	doc := &extract.Document{ID: "example.txt", Date: "2022-01-27",
		Text: "Russia demands a halt to NATO expansion. The United States rejected the Russian demand."}
	r, err := ex.Extract(ctx, doc)
	if err != nil {
		panic(err)
	}
	if _, err := st.Load(ctx, graph.Batch{Doc: doc.Info(r.Sentences), Statements: r.Statements}); err != nil {
		panic(err)
	}
	res, err := st.Query(ctx, `g.V("<sg:actor/russia>").Out("<sg:OPPOSE>").Tag("position").In("<sg:SUPPORT>").Out("<rdfs:label>").All()`, graph.QueryOptions{})
	if err != nil {
		panic(err)
	}
	for _, row := range res {
		fmt.Println(row.(map[string]interface{})["id"])
	}
	// Output:
	// United States
}

// Walk the evidence of a stance: the statements behind an edge, with their
// sentence and speaker.
func ExampleStore_Query_evidence() {
	ctx := context.Background()
	st, _ := graph.Open(graph.Config{Backend: "memstore"})
	defer st.Close()
	ex, _ := extract.New("rules", extract.Config{})
	doc := &extract.Document{ID: "example.txt", Date: "2022-01-27",
		Text: "Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable."}
	r, _ := ex.Extract(ctx, doc)
	st.Load(ctx, graph.Batch{Doc: doc.Info(r.Sentences), Statements: r.Statements})
	res, err := st.Query(ctx, `g.V().Has("<rdf:type>", "<sg:Statement>").Has("<sg:actor>", "<sg:actor/china>")
		.Save("<sg:predicate>", "predicate").Save("<sg:date>", "date")
		.Save("<sg:sentence>", "sentence").Out("<sg:speaker>").Out("<rdfs:label>").All()`, graph.QueryOptions{})
	if err != nil {
		panic(err)
	}
	for _, row := range res {
		m := row.(map[string]interface{})
		fmt.Printf("%s | %s | %s | %s\n", m["id"], m["predicate"], m["date"], m["sentence"])
	}
	// Output:
	// Wang Yi | calls reasonable | 2022-01-27 | Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable.
}

// Load a corpus into a new bolt store in bulk: Finish writes the store.
func ExampleStore_Bulk() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "stancegraph-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	st, err := graph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(dir, "g.db")})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	ex, err := extract.New("rules", extract.Config{})
	if err != nil {
		panic(err)
	}
	bulk, err := st.Bulk(ctx) // graph.ErrNotNew if the store holds anything
	if err != nil {
		panic(err)
	}
	for i, text := range []string{
		"Russia demands a halt to NATO expansion.",
		"The United States rejected the Russian demand.",
	} {
		doc := &extract.Document{ID: fmt.Sprintf("doc-%d.txt", i), Date: "2022-01-27", Text: text}
		r, err := ex.Extract(ctx, doc)
		if err != nil {
			panic(err)
		}
		if _, err := bulk.Load(ctx, graph.Batch{Doc: doc.Info(r.Sentences), Statements: r.Statements}); err != nil {
			panic(err)
		}
	}
	if _, err := bulk.Finish(ctx, nil); err != nil {
		panic(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(stats.Documents, "documents,", stats.Statements, "statements")
	// Output:
	// 2 documents, 2 statements
}

// A load about as large as the store, or larger, goes faster over it in
// bulk: the store's content is read into the bulk and written again with
// the new documents. A document the store holds already is ErrDocAgain:
// load it by Store.Load after Finish, which replaces its statements.
func ExampleStore_BulkOver() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "stancegraph-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	st, err := graph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(dir, "g.db")})
	if err != nil {
		panic(err)
	}
	defer st.Close()
	ex, err := extract.New("rules", extract.Config{})
	if err != nil {
		panic(err)
	}
	batch := func(id, text string) graph.Batch {
		doc := &extract.Document{ID: id, Date: "2022-01-27", Text: text}
		r, err := ex.Extract(ctx, doc)
		if err != nil {
			panic(err)
		}
		return graph.Batch{Doc: doc.Info(r.Sentences), Statements: r.Statements}
	}
	if _, err := st.Load(ctx, batch("a.txt", "Russia demands a halt to NATO expansion.")); err != nil {
		panic(err)
	}
	bulk, err := st.BulkOver(ctx)
	if err != nil {
		panic(err)
	}
	_, err = bulk.Load(ctx, batch("a.txt", "Russia rejects the US response."))
	fmt.Println("a.txt again:", errors.Is(err, graph.ErrDocAgain))
	if _, err := bulk.Load(ctx, batch("b.txt", "The United States rejected the Russian demand.")); err != nil {
		panic(err)
	}
	r, err := bulk.Finish(ctx, nil)
	if err != nil {
		panic(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Added > 0, stats.Documents, "documents,", stats.Statements, "statements")
	// Output:
	// a.txt again: true
	// true 2 documents, 2 statements
}
