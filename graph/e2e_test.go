package graph_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/queries"
	"github.com/stancegraph/stancegraph/schema"
)

// buildCorpus extracts the sample corpus into a new store.
func buildCorpus(t testing.TB, cfg graph.Config) *graph.Store {
	t.Helper()
	g, err := stancegraph.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.BuildPaths(context.Background(), "../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	return g.Store()
}

// TestEndToEnd builds the sample corpus into a bolt store and asks who
// opposes what Russia demands.
func TestEndToEnd(t *testing.T) {
	ctx := context.Background()
	st := buildCorpus(t, graph.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "e2e.db")})
	defer st.Close()
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if before.Documents != 5 || before.Statements < 50 || before.Sentences < 100 {
		t.Fatalf("stats %+v", before)
	}
	q, err := queries.Get("opponents")
	if err != nil {
		t.Fatal(err)
	}
	script, err := q.Render("<" + string(schema.ActorIRI("Russia")) + ">")
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Query(ctx, script, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range res {
		if m, ok := r.(map[string]interface{}); ok && m["opponent"] == "United States" {
			found = true
		}
	}
	if !found {
		t.Errorf("the United States is not among those who oppose what Russia demands: %v", res)
	}
	// China supports Russia's security concerns (Wang Yi called them reasonable).
	res, err = st.Query(ctx, `g.V("<sg:actor/china>").Out("<sg:SUPPORT>").Out("<rdfs:label>").All()`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found = false
	for _, r := range res {
		if m, ok := r.(map[string]interface{}); ok {
			if s, _ := m["id"].(string); strings.Contains(s, "security concerns") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("China does not support Russia's security concerns: %v", res)
	}
	st.Close()
	// Building again adds nothing.
	st2 := buildCorpus(t, st.Config())
	defer st2.Close()
	after, err := st2.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != before {
		t.Errorf("re-build changed the store: %+v -> %+v", before, after)
	}
}
