package stancegraph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
)

var tempDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if tempDir != "" {
		os.RemoveAll(tempDir)
	}
	os.Exit(code)
}

// sample builds the sample corpus into a bolt store once for all tests.
var sample = sync.OnceValues(func() (*stancegraph.Graph, error) {
	dir, err := os.MkdirTemp("", "stancegraph-test-")
	if err != nil {
		return nil, err
	}
	tempDir = dir
	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(dir, "sample.db")})
	if err != nil {
		return nil, err
	}
	return g, g.BuildPaths(context.Background(), "testdata/corpus")
})

func open(t *testing.T) *stancegraph.Graph {
	t.Helper()
	g, err := sample()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestOpponentsAndSupporters(t *testing.T) {
	g := open(t)
	ctx := context.Background()
	opp, err := g.Opponents(ctx, "russia")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, o := range opp {
		found = found || o.Actor == "United States" && o.TheirStance != o.MyStance && o.Statements > 0
	}
	if !found {
		t.Errorf("the US is not among Russia's opponents: %+v", opp)
	}
	if _, err := g.Opponents(ctx, "Atlantis"); err == nil || !strings.Contains(err.Error(), "Atlantis") {
		t.Errorf("unknown actor: %v", err)
	}
	// Aliases resolve: "US" is the United States.
	sup, err := g.Supporters(ctx, "US")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sup {
		if s.Actor == "United States" {
			t.Errorf("an actor supports itself: %+v", s)
		}
	}
}

func TestPositionsHoldersEvidence(t *testing.T) {
	g := open(t)
	ctx := context.Background()
	pos, err := g.Positions(ctx, "China")
	if err != nil {
		t.Fatal(err)
	}
	var concerns string
	for _, p := range pos {
		if p.Class == "SUPPORT" && strings.Contains(p.Position, "security concerns") {
			concerns = p.Position
		}
	}
	if concerns == "" {
		t.Fatalf("China does not support Russia's security concerns: %+v", pos)
	}
	holders, err := g.Holders(ctx, concerns)
	if err != nil {
		t.Fatal(err)
	}
	if len(holders) == 0 || holders[0].Actor != "China" || holders[0].Stance != "+" {
		t.Errorf("holders of %q: %+v", concerns, holders)
	}
	ev, err := g.Evidence(ctx, "China", concerns)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range ev {
		found = found || e.Speaker == "Wang Yi" && strings.Contains(e.Sentence, "reasonable") && e.Document == "000_0530b87b29110808.txt" && e.Class == "SUPPORT"
	}
	if !found {
		t.Errorf("evidence: %+v", ev)
	}
}

func TestAlignmentTimelinePath(t *testing.T) {
	g := open(t)
	ctx := context.Background()
	al, err := g.Alignment(ctx, "Russia")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(al); i++ {
		if al[i].Score > al[i-1].Score {
			t.Errorf("alignment not ranked: %+v", al)
		}
	}
	for _, a := range al {
		if a.Score != a.Agree-a.Disagree || a.Actor == "Russia" {
			t.Errorf("alignment row %+v", a)
		}
	}
	tl, err := g.Timeline(ctx, "Russia")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl) < 10 {
		t.Fatalf("timeline of %d events", len(tl))
	}
	for i := 1; i < len(tl); i++ {
		// Dated in order, undated last.
		if tl[i].Date != "" && (tl[i-1].Date == "" || tl[i].Date < tl[i-1].Date) {
			t.Errorf("timeline out of order at %d: %q after %q", i, tl[i].Date, tl[i-1].Date)
		}
	}
	chains, err := g.Path(ctx, "China", "Ukraine")
	if err != nil {
		t.Fatal(err)
	}
	if len(chains) == 0 || chains[0].Length > 4 || !strings.HasPrefix(chains[0].Path, "China --") || !strings.HasSuffix(chains[0].Path, "> Ukraine") {
		t.Errorf("path China -> Ukraine: %+v", chains)
	}
}

// TestTallyAnswersAsGizmo asks the sample corpus' graph each library query
// with a Go form both ways: from the tally and as the Gizmo script.
func TestTallyAnswersAsGizmo(t *testing.T) {
	g := open(t)
	ctx := context.Background()
	if g.Store().Tally() == nil {
		t.Fatal("the sample's bolt store keeps no tally")
	}
	actors := []string{"Russia", "China", "United States", "NATO", "Ukraine", "Germany", "France"}
	type ask struct {
		name string
		args []string
	}
	var asks []ask
	for _, a := range actors {
		for _, q := range []string{"opponents", "supporters", "alignment", "positions", "timeline"} {
			asks = append(asks, ask{q, []string{a}})
		}
		held, err := g.Positions(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		for i, h := range held {
			if i == 3 {
				break
			}
			asks = append(asks, ask{"holders", []string{h.Position}}, ask{"evidence", []string{a, h.Position}})
		}
	}
	rows := 0
	for _, q := range asks {
		fast, err := g.RunWith(ctx, stancegraph.RunOptions{}, q.name, q.args...)
		if err != nil {
			t.Fatalf("%s %v from the tally: %v", q.name, q.args, err)
		}
		slow, err := g.RunWith(ctx, stancegraph.RunOptions{Gizmo: true}, q.name, q.args...)
		if err != nil {
			t.Fatalf("%s %v as Gizmo: %v", q.name, q.args, err)
		}
		a, _ := json.Marshal(fast)
		b, _ := json.Marshal(slow)
		if string(a) != string(b) {
			t.Errorf("%s %v: from the tally\n%s\nas Gizmo\n%s", q.name, q.args, a, b)
		}
		rows += len(slow)
	}
	if rows < 200 {
		t.Errorf("only %d rows compared", rows)
	}
	// Opponents and Supporters read the tally's rows as Go values: the
	// same as the Gizmo script's rows decoded.
	for _, a := range actors {
		opp, err := g.Opponents(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		sup, err := g.Supporters(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name      string
			got, want interface{}
		}{{"opponents", opp, &[]stancegraph.Opponent{}}, {"supporters", sup, &[]stancegraph.Supporter{}}} {
			slow, err := g.RunWith(ctx, stancegraph.RunOptions{Gizmo: true}, c.name, a)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(slow)
			if err := json.Unmarshal(b, c.want); err != nil {
				t.Fatal(err)
			}
			if want := reflect.ValueOf(c.want).Elem().Interface(); !reflect.DeepEqual(c.got, want) {
				got, _ := json.Marshal(c.got)
				want, _ := json.Marshal(want)
				t.Errorf("%s %s as Go values\n%s\nas Gizmo\n%s", c.name, a, got, want)
			}
		}
	}
}

// TestAgentsInSides: opposing what an actor does is opposing the actor
// ("Japan condemned China's drills" makes Japan an opponent of China), and
// backing it is backing the actor, in opponents, supporters and alignment,
// from the tally and from Gizmo alike.
func TestAgentsInSides(t *testing.T) {
	ctx := context.Background()
	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "agents.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	err = g.Build(ctx, &extract.Document{ID: "drills.txt", Date: "2023-04-08",
		Text: "Japan condemned China's military drills around Taiwan. Russia backed the Chinese drills."})
	if err != nil {
		t.Fatal(err)
	}
	for _, gizmo := range []bool{false, true} {
		rows, err := g.RunWith(ctx, stancegraph.RunOptions{Gizmo: gizmo}, "opponents", "China")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fmt.Sprint(rows), "Japan") {
			t.Errorf("opponents of China (gizmo %v) lack Japan: %v", gizmo, rows)
		}
		rows, err = g.RunWith(ctx, stancegraph.RunOptions{Gizmo: gizmo}, "supporters", "China")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(fmt.Sprint(rows), "Russia") || strings.Contains(fmt.Sprint(rows), "Japan") {
			t.Errorf("supporters of China (gizmo %v): %v, want Russia and not Japan", gizmo, rows)
		}
		rows, err = g.RunWith(ctx, stancegraph.RunOptions{Gizmo: gizmo}, "alignment", "China")
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(rows); !strings.Contains(got, "Russia") || !strings.Contains(got, "Japan") ||
			strings.Index(got, "Russia") > strings.Index(got, "Japan") {
			t.Errorf("alignment of China (gizmo %v): %v, want Russia first and Japan after", gizmo, rows)
		}
	}
}
