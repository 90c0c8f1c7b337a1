package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

// run executes the command line in-process and returns stdout and stderr.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errb.String(), err
}

// buildFeed builds a store from a JSONL feed of the given documents, one
// per line, and returns the store's path.
func buildFeed(t *testing.T, docs ...string) string {
	t.Helper()
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(feed, []byte(strings.Join(docs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "store.db")
	if _, _, err := run(t, "build", "-q", "--dbpath", db, feed); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestExtractJSONL checks the JSONL contract that ../shared/eval/score.py reads.
func TestExtractJSONL(t *testing.T) {
	out, _, err := run(t, "extract", "-q", "--format", "jsonl", "../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var m map[string]interface{}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		for _, f := range []string{"doc", "sentence", "subject", "class", "predicate", "object", "object_type", "confidence"} {
			if _, ok := m[f]; !ok {
				t.Errorf("line %d lacks %s", n+1, f)
			}
		}
		if !strings.HasSuffix(m["doc"].(string), ".txt") {
			t.Errorf("doc %q is not the file name", m["doc"])
		}
		n++
	}
	if n < 50 {
		t.Errorf("%d statements from the sample corpus", n)
	}
	if !strings.Contains(out, `"date":"2022-01-27"`) {
		t.Error("no statement carries the date line of 001_*.txt")
	}
}

func TestBuildQueryStatsExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	out, _, err := run(t, "build", "-q", "--dbpath", db, "../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	_, errOut, err := run(t, "build", "-q", "--dbpath", db, "../../testdata/corpus")
	if err != nil || !strings.Contains(errOut, "quads added        0") {
		t.Errorf("re-build: %v\n%s", err, errOut)
	}
	_ = out
	out, _, err = run(t, "query", "--dbpath", db, "--name", "opponents", "russia", "--format", "table")
	if err != nil || !strings.Contains(out, "United States") {
		t.Errorf("opponents russia: %v\n%s", err, out)
	}
	out, _, err = run(t, "query", "--dbpath", db, `g.V("<sg:actor/china>").Out("<sg:SUPPORT>").Out("<rdfs:label>").All()`)
	if err != nil || !strings.Contains(out, "security concerns") {
		t.Errorf("China SUPPORT: %v\n%s", err, out)
	}
	if _, _, err = run(t, "query", "--dbpath", db, `g.V(`); err == nil || !strings.Contains(err.Error(), "gizmo query") {
		t.Errorf("bad query: %v", err)
	}
	out, _, err = run(t, "stats", "--dbpath", db)
	if err != nil || !strings.Contains(out, "documents   5") {
		t.Errorf("stats: %v\n%s", err, out)
	}
	dot := filepath.Join(dir, "g.dot")
	if _, _, err = run(t, "export", "--dbpath", db, "--format", "dot", "-o", dot); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dot); !bytes.HasPrefix(b, []byte("digraph stancegraph {")) {
		t.Errorf("export dot: %.80s", b)
	}
	for _, tc := range []struct{ args, want string }{
		{"--format svg", "<svg"},
		{"--network congruence --format dot", "graph stancegraph {"},
		{"--network affiliation --format graphml", "<graphml"},
		{"--format csv --class OPPOSE", "source,target,source_label"},
		{"--format csv-nodes", "id,label,type,kind"},
		{"--format jsonl", `"subject":"Russia"`},
		{"--format nquads", "<https://stancegraph.org/actor/russia>"},
		{"--format gexf", "<gexf"},
		{"--format jsonld", `"@context"`},
		{"--actor us --depth 1 --format json", `"kind": "stances"`},
		{`--query g.V("<sg:actor/china>").Out().All() --format dot`, "China"},
	} {
		out, _, err := run(t, append([]string{"export", "--dbpath", db}, strings.Fields(tc.args)...)...)
		if err != nil || !strings.Contains(out, tc.want) {
			t.Errorf("export %s: %v\n%.200s", tc.args, err, out)
		}
	}
	for _, args := range []string{"--format bmp", "--class LIKE", "--since yesterday", "--actor Atlantis", "--network friends"} {
		if _, _, err := run(t, append([]string{"export", "--dbpath", db}, strings.Fields(args)...)...); err == nil {
			t.Errorf("export %s accepted", args)
		}
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("a\x00b"), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Russia demands guarantees."), 0o644)
	os.WriteFile(filepath.Join(dir, "page.txt"), []byte("<!DOCTYPE html><html><body>Russia demands.</body></html>"), 0o644)
	out, _, err := run(t, "extract", "-q", dir)
	if err != nil || !strings.Contains(out, "guarantees") {
		t.Errorf("good document not extracted beside bad ones: %v %s", err, out)
	}
	db := filepath.Join(dir, "b.db")
	out, errOut, err := run(t, "build", "--dbpath", db, dir)
	for _, want := range []string{"documents read     1", "documents skipped  3", "skipped because:", "document is HTML", "document is empty", "document is binary"} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("build summary lacks %q:\n%s%s", want, out, errOut)
		}
	}
	_, _, err = run(t, "extract", "-q", "--strict", dir)
	if err == nil || !strings.Contains(err.Error(), "bin.txt") {
		t.Errorf("--strict: %v", err)
	}
	_, _, err = run(t, "extract", filepath.Join(dir, "nothing"))
	if err == nil || !strings.Contains(err.Error(), "nothing") {
		t.Errorf("missing path: %v", err)
	}
	none := filepath.Join(dir, "never.db")
	if _, _, err = run(t, "build", "--dbpath", none, filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("build of a missing path: %v", err)
	}
	if _, err := os.Stat(none); err == nil {
		t.Error("build of a missing path created the store")
	}
	_, _, err = run(t, "stats", "--db", "nosuch")
	if err == nil || !strings.Contains(err.Error(), "unknown") {
		t.Errorf("unknown backend: %v", err)
	}
	_, _, err = run(t, "stats", "--dbpath", filepath.Join(dir, "none.db"))
	if err == nil || !strings.Contains(err.Error(), "stancegraph build") {
		t.Errorf("missing store: %v", err)
	}
}

func TestConfigCommand(t *testing.T) {
	t.Setenv("STANCEGRAPH_QUERY_LIMIT", "7")
	out, _, err := run(t, "config", "--dbpath", "x.db")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) >= 3 {
			rows[f[0]] = strings.Join(f[1:], " ")
		}
	}
	for key, want := range map[string]string{"store.path": "x.db flag --dbpath", "query.limit": "7 env STANCEGRAPH_QUERY_LIMIT", "store.backend": "bolt default"} {
		if rows[key] != want {
			t.Errorf("config %s = %q, want %q:\n%s", key, rows[key], want, out)
		}
	}
}

func TestConsolePiped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if _, _, err := run(t, "build", "-q", "--dbpath", db, "../../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetIn(strings.NewReader("g.V(\"<sg:actor/china>\")\n  .Out(\"<sg:SUPPORT>\")\n  .Out(\"<rdfs:label>\").All()\n" +
		":name opponents Russia\n:limit x\ng.V(\n:help\n:quit\ng.V().All()\n"))
	root.SetArgs([]string{"console", "--dbpath", db})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"security concerns", "United States", "usage: :limit N", "(the unfinished query was dropped)", ":name NAME ARG..."} {
		if !strings.Contains(got, want) {
			t.Errorf("console output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "<sg:actor/france>") {
		t.Error("the console went on after :quit")
	}
}

func TestRemoveCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "r.db")
	if _, _, err := run(t, "build", "-q", "--dbpath", db, "../../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "remove", "--dbpath", db, "000_0530b87b29110808.txt")
	if err != nil || !strings.Contains(out, "removed 000_0530b87b29110808.txt") {
		t.Fatalf("remove: %v %s", err, out)
	}
	out, _, _ = run(t, "stats", "--dbpath", db)
	if !strings.Contains(out, "documents   4") {
		t.Errorf("stats after remove:\n%s", out)
	}
	if _, _, err := run(t, "remove", "--dbpath", db, "nope.txt"); err == nil || !strings.Contains(err.Error(), "no such document") {
		t.Errorf("remove of a missing document: %v", err)
	}
	if _, _, err := run(t, "remove", "--dbpath", filepath.Join(t.TempDir(), "none.db"), "x"); err == nil {
		t.Error("remove created a store")
	}
}

// Shards extracted apart and loaded into one store give the statements of
// one build, and loading a shard again adds nothing.
func TestShardsLoadIntoOneStore(t *testing.T) {
	dir := t.TempDir()
	full := filepath.Join(dir, "full.db")
	if _, _, err := run(t, "build", "-q", "--dbpath", full, "../../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	shared := filepath.Join(dir, "shared.db")
	var files []string
	for k := 0; k < 3; k++ {
		out, _, err := run(t, "extract", "-q", "--shard", fmt.Sprintf("%d/3", k), "../../testdata/corpus")
		if err != nil {
			t.Fatal(err)
		}
		f := filepath.Join(dir, fmt.Sprintf("shard%d.jsonl", k))
		if err := os.WriteFile(f, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	for _, f := range files {
		if _, _, err := run(t, "load", "-q", "--dbpath", shared, f); err != nil {
			t.Fatal(err)
		}
	}
	statements := func(db string) string {
		out, _, err := run(t, "stats", "--dbpath", db)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "statements") || strings.HasPrefix(line, "positions") {
				return line
			}
		}
		return ""
	}
	if a, b := statements(full), statements(shared); a != b || a == "" {
		t.Errorf("build: %q, shards loaded: %q", a, b)
	}
	out, _, err := run(t, append([]string{"load", "--dbpath", shared}, files...)...)
	if err != nil || !regexp.MustCompile(`quads added\s+0\n`).MatchString(out) {
		t.Errorf("loading again: %v\n%s", err, out)
	}
}

func TestLoadBadInput(t *testing.T) {
	dir := t.TempDir()
	good, _, err := run(t, "extract", "-q", "../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(good), "\n") {
		lines = append(lines, l+"\n")
	}
	var st map[string]interface{}
	if err := json.Unmarshal([]byte(lines[0]), &st); err != nil {
		t.Fatal(err)
	}
	st["date"] = "27.1.2022"
	badDate, _ := json.Marshal(st)
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, text, want string
	}{
		{"notjson.jsonl", lines[0] + "{not json\n", "notjson.jsonl:2: not a statement"},
		{"invalid.jsonl", `{"doc":"a.txt","sentence":"x","subject":"Russia","class":"DEMAND","predicate":"demands","object":"y","object_type":"actor"}` + "\n", "invalid.jsonl:1: class DEMAND does not take an object of type actor"},
		{"baddate.jsonl", string(badDate) + "\n", "is not YYYY-MM-DD"},
		{"apart.jsonl", lines[0] + lines[len(lines)-1] + lines[0], "not on consecutive lines"},
	} {
		db := filepath.Join(dir, c.name+".db")
		_, _, err := run(t, "load", "-q", "--strict", "--dbpath", db, write(c.name, c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s --strict: err = %v, want %q", c.name, err, c.want)
		}
		// Without --strict the line is reported and skipped, and a load
		// of nothing but bad documents fails.
		_, stderr, err := run(t, "load", "-q", "--dbpath", db+"2", filepath.Join(dir, c.name))
		if err == nil || (c.name != "apart.jsonl" && !strings.Contains(stderr, c.want)) {
			t.Errorf("%s: err = %v, stderr %q, want %q", c.name, err, stderr, c.want)
		}
	}
	if _, _, err := run(t, "load", "--dbpath", filepath.Join(dir, "x.db"), filepath.Join(dir, "missing.jsonl")); err == nil || !strings.Contains(err.Error(), "missing.jsonl") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("a load of a missing file created a store")
	}
	if _, _, err := run(t, "extract", "--shard", "3/3", "../../testdata/corpus"); err == nil || !strings.Contains(err.Error(), "--shard") {
		t.Errorf("bad shard: %v", err)
	}
}

// A document given twice replaces its statements: a build into a new bolt
// store (in bulk, until the document comes again) ends as one into
// leveldb (transactions throughout).
func TestBuildDocumentTwice(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "feed.jsonl")
	lines := []string{
		`{"id":"a","date":"2022-01-26","text":"China called Russia's security concerns reasonable."}`,
		`{"id":"same","date":"2022-01-27","text":"Russia demands a halt to NATO expansion."}`,
	}
	// The second "same" in a later transaction than the first.
	for i := 0; i < graph.DocsPerTransaction; i++ {
		lines = append(lines, fmt.Sprintf(`{"id":"filler %d","date":"2022-01-27","text":"Germany backs the sanctions."}`, i))
	}
	lines = append(lines, `{"id":"same","date":"2022-01-28","text":"The United States rejected the Russian demand."}`)
	if err := os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stats := func(backend string) string {
		db := filepath.Join(dir, backend+".db")
		if _, _, err := run(t, "build", "-q", "--db", backend, "--dbpath", db, corpus); err != nil {
			t.Fatalf("build into %s: %v", backend, err)
		}
		out, _, err := run(t, "stats", "--db", backend, "--dbpath", db)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Replace(out, db, "", 1)
	}
	bolt, leveldb := stats("bolt"), stats("leveldb")
	if strings.Replace(bolt, "bolt", "leveldb", 1) != leveldb {
		t.Errorf("bolt:\n%s\nleveldb:\n%s", bolt, leveldb)
	}
	if !regexp.MustCompile(fmt.Sprintf(`documents\s+%d\n`, graph.DocsPerTransaction+2)).MatchString(bolt) {
		t.Errorf("want %d documents:\n%s", graph.DocsPerTransaction+2, bolt)
	}
}

// TestLoadSkipsBrokenDocuments: a bad line inside a document, or between
// two that it does not name, keeps those documents out whole; the others
// load, the store keeps what it held of the broken ones, and the run says
// which and where.
func TestLoadSkipsBrokenDocuments(t *testing.T) {
	dir := t.TempDir()
	good, _, err := run(t, "extract", "-q", "../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	byDoc := map[string][]string{}
	var order []string
	for _, l := range strings.Split(strings.TrimSpace(good), "\n") {
		var st struct{ Doc string }
		if err := json.Unmarshal([]byte(l), &st); err != nil {
			t.Fatal(err)
		}
		if _, ok := byDoc[st.Doc]; !ok {
			order = append(order, st.Doc)
		}
		byDoc[st.Doc] = append(byDoc[st.Doc], l)
	}
	if len(order) < 4 || len(byDoc[order[1]]) < 3 {
		t.Fatalf("sample corpus too small: %v", order)
	}
	statements := func(db string) map[string]int {
		out, _, err := run(t, "query", "--limit", "1000000", "--dbpath", db, `g.V().Has("<rdf:type>", "<sg:Statement>").Out().All()`)
		if err != nil {
			t.Fatal(err)
		}
		n := map[string]int{}
		for _, d := range order {
			n[d] = strings.Count(out, `"`+schema.DocumentIRI(d).String()+`"`)
		}
		return n
	}
	db := filepath.Join(dir, "s.db")
	full := filepath.Join(dir, "full.jsonl")
	os.WriteFile(full, []byte(good), 0o644)
	if _, _, err := run(t, "load", "-q", "--dbpath", db, full); err != nil {
		t.Fatal(err)
	}
	before := statements(db)
	for _, d := range order {
		if before[d] == 0 {
			t.Fatalf("document %s: no statements found in the store: %v", d, before)
		}
	}
	// A second version of the corpus: document 1 loses a line to a broken
	// one in its middle; a line naming nobody sits between 2 and 3.
	var b strings.Builder
	for i, d := range order {
		for j, l := range byDoc[d] {
			if i == 1 && j == 1 {
				b.WriteString(`{"doc": "` + d + `", "sentence": 3, "subj` + "\n")
				continue
			}
			b.WriteString(l + "\n")
		}
		if i == 2 {
			b.WriteString("{oops\n")
		}
	}
	broken := filepath.Join(dir, "broken.jsonl")
	os.WriteFile(broken, []byte(b.String()), 0o644)
	// Into a new store: the three documents are left out.
	db2 := filepath.Join(dir, "new.db")
	_, stderr, err := run(t, "load", "-q", "--dbpath", db2, broken)
	if err != nil {
		t.Fatalf("load with bad lines: %v\n%s", err, stderr)
	}
	for _, want := range []string{"broken.jsonl:", "documents skipped  3", `not loaded: document "` + order[1] + `"`, `not loaded: document "` + order[3] + `"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	got := statements(db2)
	for i, d := range order {
		if want := map[bool]int{true: 0, false: before[d]}[i >= 1 && i <= 3]; got[d] != want {
			t.Errorf("new store, document %d %s: %d statements, want %d", i, d, got[d], want)
		}
	}
	// Over the full store: the broken documents keep what they had.
	if _, _, err := run(t, "load", "-q", "--dbpath", db, broken); err != nil {
		t.Fatal(err)
	}
	if got := statements(db); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Errorf("after a load with broken documents: %v, want %v", got, before)
	}
}

// A run in which every document was skipped says so and fails.
func TestAllSkipped(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(bad, []byte("{\"id\": \"x\", \"text\": 5}\n{bad\n"), 0o644)
	for _, args := range [][]string{{"extract", "-q", bad}, {"build", "-q", "--dbpath", bad + ".db", bad}} {
		_, _, err := run(t, args...)
		if err == nil || !strings.Contains(err.Error(), "all 2 documents were skipped") {
			t.Errorf("%s: %v", args[0], err)
		}
	}
}

// TestConsoleAtTerminal: at the prompt a path waits until it asks for its
// results, a line starting with "." goes on, an empty line runs what is
// there, and a query pasted in several lines runs once, whole.
func TestConsoleAtTerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	if _, _, err := run(t, "build", "-q", "--extractor", "rules", "--dbpath", db, "../../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: db, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for _, tc := range []struct {
		name    string
		lines   []string
		want    []string
		prompts string // the prompts shown, one letter each: g for gizmo>, . for ...>
		runs    int
	}{
		{"a chain over three lines", []string{`g.V("<sg:actor/china>")`, `  .Out("<sg:SUPPORT>")`, `  .Out("<rdfs:label>").All()`},
			[]string{"security concerns"}, "g..g", 1},
		{"an empty line runs a path", []string{`g.V("<sg:actor/china>").Out("<rdfs:label>")`, ``},
			[]string{"China"}, "g.g", 1},
		{"one line that asks for results runs at once", []string{`g.V("<sg:actor/china>").Out("<rdfs:label>").All()`, `g.Emit(42)`},
			[]string{"China", "42"}, "ggg", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			c := &console{g: g, out: &out, format: "json", opt: graph.QueryOptions{Limit: 100}}
			var prompts strings.Builder
			i := 0
			err := c.run(func(p string) (string, error) {
				prompts.WriteByte(map[bool]byte{true: 'g', false: '.'}[strings.HasPrefix(p, "gizmo")])
				if i == len(tc.lines) {
					return "", io.EOF
				}
				i++
				return tc.lines[i-1], nil
			}, true)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
			if prompts.String() != tc.prompts {
				t.Errorf("prompts %q, want %q", prompts.String(), tc.prompts)
			}
			if strings.Contains(out.String(), "error:") {
				t.Errorf("errors:\n%s", out.String())
			}
		})
	}
}

func TestFinished(t *testing.T) {
	for src, want := range map[string]bool{
		`g.V().All()`:                    true,
		`g.V("x").Out("<p>")`:            false,
		`g.Emit(g.V().Count())`:          true,
		`var x = 1;`:                     true,
		`g.V().ForEach(function(d) { })`: true,
		`g.V().Has("<p>", "All()")`:      false,
		`g.V("a").Out(["<p>", "<q>"])`:   false,
		`g.V("a").Tag("x").TagArray()`:   true,
		`g.V("a").Out("<p>").Count() `:   true,
		`g.V("a").Out(g.V("b").All())`:   false,
	} {
		if got := finished(src); got != want {
			t.Errorf("finished(%s) = %v, want %v", src, got, want)
		}
	}
}

// TestTimelineUndatedLast: statements without a date come after the dated
// ones, and the run says how many there are.
func TestTimelineUndatedLast(t *testing.T) {
	db := buildFeed(t,
		`{"id":"undated","text":"Egypt rejected the plan to fill the dam."}`,
		`{"id":"dated","date":"2020-06-27","text":"Egypt rejected the plan to fill the dam."}`,
	)
	for _, gizmo := range []string{"", "--gizmo"} {
		args := []string{"query", "--dbpath", db, "--name", "timeline", "Egypt"}
		if gizmo != "" {
			args = append(args, gizmo)
		}
		out, stderr, err := run(t, args...)
		if err != nil {
			t.Fatal(err)
		}
		var rows []map[string]interface{}
		if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v %s", gizmo, err, out)
		}
		if rows[0]["date"] != "2020-06-27" || rows[len(rows)-1]["date"] != "" {
			t.Errorf("%s: dates %v first, %v last", gizmo, rows[0]["date"], rows[len(rows)-1]["date"])
		}
		if !strings.Contains(stderr, "have no date") {
			t.Errorf("%s: no note on undated statements: %q", gizmo, stderr)
		}
	}
}

// TestDocumentDates: a dateline gives a document its date, with the year
// from --date when it has none; --date dates the rest; the summary counts
// the documents left without one.
func TestDocumentDates(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("GENEVA, Jan 21 (Reuters) - Russia rejected the proposal.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Published: December 7, 2021\n\nEgypt rejected the plan.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Sudan rejected the plan.\n"), 0o644)
	dates := func(args ...string) (map[string]string, string) {
		out, stderr, err := run(t, append([]string{"extract", "--format", "jsonl"}, append(args, dir)...)...)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var s struct{ Doc, Date string }
			json.Unmarshal([]byte(l), &s)
			got[s.Doc] = s.Date
		}
		return got, stderr
	}
	got, stderr := dates()
	if got["a.txt"] != "" || got["b.txt"] != "2021-12-07" || got["c.txt"] != "" || !regexp.MustCompile(`undated documents\s+2`).MatchString(stderr) {
		t.Errorf("without --date: %v\n%s", got, stderr)
	}
	got, stderr = dates("--date", "2022-02-15")
	if got["a.txt"] != "2022-01-21" || got["b.txt"] != "2021-12-07" || got["c.txt"] != "2022-02-15" || !regexp.MustCompile(`undated documents\s+0`).MatchString(stderr) {
		t.Errorf("with --date: %v\n%s", got, stderr)
	}
	if _, _, err := run(t, "extract", "--date", "yesterday", dir); err == nil || !strings.Contains(err.Error(), "extract.date") {
		t.Errorf("bad --date: %v", err)
	}
}

// TestShifts: a stance that turned between two dates is listed, with the
// statements on each side; one that did not is not.
func TestShifts(t *testing.T) {
	db := buildFeed(t,
		`{"id":"a","date":"2021-12-01","text":"Germany rejected sanctions on Nord Stream 2."}`,
		`{"id":"b","date":"2022-01-20","text":"Germany supported sanctions on Nord Stream 2."}`,
		`{"id":"c","date":"2022-01-25","text":"Germany welcomed the talks in Paris. Germany backed the talks in Paris."}`,
	)
	out, _, err := run(t, "query", "--dbpath", db, "--name", "shifts", "Germany")
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]interface{}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(rows) != 1 || !strings.Contains(fmt.Sprint(rows[0]["position"]), "Nord Stream") || rows[0]["before"] != "2021-12-01" ||
		rows[0]["after"] != "2022-01-20" || !strings.HasPrefix(fmt.Sprint(rows[0]["from"]), "-") || !strings.HasPrefix(fmt.Sprint(rows[0]["to"]), "+") {
		t.Errorf("shifts: %s", out)
	}
	if list, _, _ := run(t, "query", "--list"); !strings.Contains(list, "shifts ACTOR") {
		t.Errorf("query --list lacks shifts:\n%s", list)
	}
}

// TestSinceUntil: a library question with --since and --until counts only
// the statements made in that window; undated statements are outside it
// and a note says how many; a bad date names the flag's format.
func TestSinceUntil(t *testing.T) {
	db := buildFeed(t,
		`{"id":"a","date":"2021-12-01","text":"Germany rejected sanctions on Nord Stream 2."}`,
		`{"id":"b","date":"2022-01-20","text":"Germany supported sanctions on Nord Stream 2."}`,
		`{"id":"c","text":"Germany welcomed the talks in Paris."}`,
	)
	positions := func(args ...string) (map[string]string, string) {
		t.Helper()
		out, stderr, err := run(t, append([]string{"query", "--dbpath", db, "--name", "positions", "Germany"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		var rows []map[string]interface{}
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		got := map[string]string{}
		for _, r := range rows {
			got[fmt.Sprint(r["position"])] += fmt.Sprint(r["class"]) + " "
		}
		return got, stderr
	}
	all, _ := positions()
	if len(all) != 2 || !strings.Contains(all["sanctions on Nord Stream 2"], "OPPOSE") || !strings.Contains(all["sanctions on Nord Stream 2"], "SUPPORT") {
		t.Fatalf("without a window: %v", all)
	}
	before, stderr := positions("--until", "2021-12-31")
	if len(before) != 1 || strings.TrimSpace(before["sanctions on Nord Stream 2"]) != "OPPOSE" {
		t.Errorf("--until 2021-12-31: %v", before)
	}
	if !strings.Contains(stderr, "1 statements have no date") {
		t.Errorf("no note of the undated statement: %q", stderr)
	}
	after, _ := positions("--since", "2022-01-01", "--until", "2022-12-31")
	if len(after) != 1 || strings.TrimSpace(after["sanctions on Nord Stream 2"]) != "SUPPORT" {
		t.Errorf("--since 2022-01-01: %v", after)
	}
	if _, _, err := run(t, "query", "--dbpath", db, "--name", "positions", "Germany", "--since", "2022-02-30"); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Errorf("a bad date: %v", err)
	}
	if _, _, err := run(t, "query", "--dbpath", db, "--since", "2022-01-01", `g.V().All()`); err == nil || !strings.Contains(err.Error(), "--name") {
		t.Errorf("--since with Gizmo: %v", err)
	}
}
