package queries

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/benchdata"
	"github.com/stancegraph/stancegraph/schema"
)

// TestNativeMatchesGizmo holds each query's Go form to its Gizmo script:
// the same rows in the same order, on a synthetic graph whose Zipf-ranked
// actors and positions give ties, interactions, undated statements and
// several statements to a cell.
func TestNativeMatchesGizmo(t *testing.T) {
	// Statements without a date.
	extra := graph.Batch{Doc: schema.DocumentInfo{ID: "extra.txt"}}
	for i, who := range []string{"China", "Iran", "Russia"} {
		extra.Statements = append(extra.Statements, schema.Statement{Doc: "extra.txt", SentenceIndex: i, Sentence: "x",
			Subject: who, SubjectKind: schema.KindState, Class: schema.Deny, Predicate: "denies",
			Object: "position 000000", ObjectType: schema.ObjectPosition, Polarity: "-", Confidence: 0.7})
	}
	sp := benchdata.Spec{Statements: 3000, PerDoc: 20, Actors: 60, Positions: 300, Seed: 3}
	st := syntheticStore(t, sp, extra)
	tally := st.Tally()
	if tally == nil {
		t.Fatal("the bolt store keeps no tally")
	}
	var args []string
	for rank := 0; rank < 12; rank++ {
		a, err := sp.Actor(rank)
		if err != nil {
			t.Fatal(err)
		}
		args = append(args, "<"+string(schema.ActorIRI(a))+">")
	}
	rows := 0
	for _, q := range []string{"opponents", "supporters", "alignment", "positions", "timeline"} {
		for _, a := range args {
			rows += same(t, st, q, a)
		}
	}
	for _, p := range []string{"position 000000", "position 000001", "position 000007", "position 000123"} {
		rows += same(t, st, "holders", "<"+string(schema.PositionIRI(p))+">")
	}
	same(t, st, "holders", "<"+string(schema.ActorIRI("Russia"))+">")
	for _, a := range args[:6] {
		for _, p := range []string{"position 000000", "position 000002", "position 000050"} {
			rows += same(t, st, "evidence", a, "<"+string(schema.PositionIRI(p))+">")
		}
	}
	if n := same(t, st, "opponents", "<sg:actor/nobody>"); n != 0 {
		t.Errorf("an unknown actor has %d opponents", n)
	}
	if rows < 1000 {
		t.Errorf("only %d rows compared", rows)
	}
}

// same runs the query both ways and returns how many rows it compared.
// syntheticStore loads the spec's graph and the extra batches into a new
// bolt store, a transaction's worth of documents at a time.
func syntheticStore(tb testing.TB, sp benchdata.Spec, extra ...graph.Batch) *graph.Store {
	tb.Helper()
	ctx := context.Background()
	st, err := graph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(tb.TempDir(), "g.db")})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	batch := extra
	err = sp.Batches(func(x graph.Batch) error {
		batch = append(batch, x)
		if len(batch) >= graph.DocsPerTransaction {
			_, err := st.Load(ctx, batch...)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil {
		_, err = st.Load(ctx, batch...)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

func same(t *testing.T, st *graph.Store, name string, arg ...string) int {
	t.Helper()
	ctx := context.Background()
	q, err := Get(name)
	if err != nil {
		t.Fatal(err)
	}
	if !q.HasNative() {
		t.Fatalf("%s has no Go form", name)
	}
	script, err := q.Render(arg...)
	if err != nil {
		t.Fatal(err)
	}
	want, err := st.Query(ctx, script, graph.QueryOptions{Limit: 1 << 20})
	if err != nil {
		t.Fatalf("%s %s as Gizmo: %v", name, arg, err)
	}
	got, err := q.RunNative(ctx, st.Tally(), 1<<20, arg...)
	if err != nil {
		t.Fatalf("%s %s from the tally: %v", name, arg, err)
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Errorf("%s %s: %d rows from the tally, %d from Gizmo; first difference: %s", name, arg, len(got), len(want), firstDiff(got, want))
	}
	return len(want)
}

func firstDiff(a, b []interface{}) string {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, _ := json.Marshal(a[i])
		y, _ := json.Marshal(b[i])
		if string(x) != string(y) {
			return fmt.Sprintf("row %d: %s vs %s", i, x, y)
		}
	}
	return "one is longer"
}

// TestNativeInPartsAndLimits checks what TestNativeMatchesGizmo cannot
// reach on a small graph: the positions read in several parts side by
// side give the rows of one part, and a limit gives the first rows of the
// whole list (the rows cut before labels are read are the right ones).
func TestNativeInPartsAndLimits(t *testing.T) {
	ctx := context.Background()
	sp := benchdata.Spec{Statements: 3000, PerDoc: 20, Actors: 60, Positions: 300, Seed: 5}
	st := syntheticStore(t, sp)
	tally := st.Tally()
	type run func(actor string, limit, parts int) ([]map[string]interface{}, error)
	questions := map[string]run{
		"opponents": func(a string, limit, parts int) ([]map[string]interface{}, error) {
			rows, err := sides(ctx, tally, a, false, limit, parts)
			return sideMaps(rows, false), err
		},
		"supporters": func(a string, limit, parts int) ([]map[string]interface{}, error) {
			rows, err := sides(ctx, tally, a, true, limit, parts)
			return sideMaps(rows, true), err
		},
		"alignment": func(a string, limit, parts int) ([]map[string]interface{}, error) {
			return alignment(ctx, tally, a, limit, parts)
		},
	}
	for name, q := range questions {
		for rank := 0; rank < 6; rank++ {
			a, err := sp.Actor(rank)
			if err != nil {
				t.Fatal(err)
			}
			id := string(schema.ActorIRI(a))
			all, err := q(id, 0, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) < 10 {
				t.Fatalf("%s %s: only %d rows", name, a, len(all))
			}
			for _, c := range []struct{ limit, parts int }{{0, 2}, {0, 3}, {0, 7}, {1, 1}, {5, 2}, {37, 1}, {37, 3}, {len(all) - 1, 2}, {len(all) + 5, 2}} {
				got, err := q(id, c.limit, c.parts)
				if err != nil {
					t.Fatal(err)
				}
				want := all
				if c.limit > 0 && c.limit < len(all) {
					want = all[:c.limit]
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s %s, limit %d, %d parts: %d rows, want %d; first difference: %s",
						name, a, c.limit, c.parts, len(got), len(want), firstDiff(asAny(got), asAny(want)))
				}
			}
		}
	}
}

func asAny(rows []map[string]interface{}) []interface{} {
	out := make([]interface{}, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out
}

func TestNthLargest(t *testing.T) {
	for _, c := range []struct {
		counts  []int32
		n       int
		want    int32
		atLeast int
	}{
		{[]int32{1}, 1, 1, 1},
		{[]int32{3, 1, 2}, 1, 3, 1},
		{[]int32{3, 1, 2}, 3, 1, 3},
		{[]int32{1, 1, 1, 2}, 2, 1, 4},
		{[]int32{5, 5, 1, 5}, 3, 5, 3},
		{[]int32{5, 5, 1, 5}, 2, 5, 3},
		{[]int32{1 << 20, 7, 1 << 17, 9}, 2, 1 << 17, 2}, // counts too large to histogram
		{[]int32{1 << 20, 7, 1 << 17, 9}, 4, 7, 4},
		{[]int32{1 << 20, 7, 7, 9}, 3, 7, 4},
	} {
		if got, atLeast := nthLargest(slices.Clone(c.counts), c.n); got != c.want || atLeast != c.atLeast {
			t.Errorf("nthLargest(%v, %d) = %d, %d; want %d, %d", c.counts, c.n, got, atLeast, c.want, c.atLeast)
		}
	}
}

func TestRunNativeLimitAndErrors(t *testing.T) {
	q, err := Get("path")
	if err != nil {
		t.Fatal(err)
	}
	if q.HasNative() {
		t.Error("path has no Go form")
	}
	if _, err := q.RunNative(context.Background(), nil, 0, "a", "b"); err == nil {
		t.Error("no error without a Go form")
	}
}

// BenchmarkNative asks the same questions from the tally and as Gizmo on
// a synthetic graph of 20,000 statements (Zipf-ranked actors and
// positions; the first actor has about a tenth of them).
func BenchmarkNative(b *testing.B) {
	ctx := context.Background()
	sp := benchdata.DefaultSpec(20000)
	st := syntheticStore(b, sp)
	first, _ := sp.Actor(0)
	mid, _ := sp.Actor(100)
	for _, c := range []struct{ name, arg string }{
		{"opponents", first}, {"opponents", mid}, {"alignment", first}, {"timeline", first}, {"positions", mid},
	} {
		q, err := Get(c.name)
		if err != nil {
			b.Fatal(err)
		}
		arg := "<" + string(schema.ActorIRI(c.arg)) + ">"
		script, err := q.Render(arg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(c.name+"/"+c.arg+"/tally", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := q.RunNative(ctx, st.Tally(), graph.DefaultLimit, arg); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/"+c.arg+"/gizmo", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := st.Query(ctx, script, graph.QueryOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
