package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
)

// sampleServer serves the sample corpus, built into a bolt store.
func sampleServer(t *testing.T, opt Options) *httptest.Server {
	t.Helper()
	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "web.db")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	if err := g.BuildPaths(context.Background(), "../testdata/corpus"); err != nil {
		t.Fatal(err)
	}
	st := g.Store()
	h, err := Handler(st, opt)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func post(t *testing.T, url, body string) (int, map[string]interface{}) {
	t.Helper()
	resp, err := http.Post(url, "text/plain", strings.NewReader(body))
	return answer(t, url, resp, err)
}

func get(t *testing.T, url string) (int, map[string]interface{}) {
	t.Helper()
	resp, err := http.Get(url)
	return answer(t, url, resp, err)
}

// answer reads a JSON answer.
func answer(t *testing.T, url string, resp *http.Response, err error) (int, map[string]interface{}) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]interface{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: not JSON: %.200s", url, b)
	}
	return resp.StatusCode, m
}

func TestConsoleAPI(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: 2 * time.Second, Limit: 50, MaxBody: 4096})
	for _, page := range []string{"/", "/ui/visualize", "/static/js/cayley_query.js"} {
		resp, err := http.Get(srv.URL + page)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", page, err, resp)
		}
		resp.Body.Close()
	}
	code, m := post(t, srv.URL+"/api/v1/query/gizmo", Examples[0].Query)
	if code != 200 || !strings.Contains(toJSON(m["result"]), `"source":"United States"`) {
		t.Errorf("opponents of Russia's demands: %d %v", code, m)
	}
	code, m = post(t, srv.URL+"/api/v1/query/gizmo", `g.V(`)
	if code != 400 || m["error"] == nil {
		t.Errorf("bad query: %d %v", code, m)
	}
	code, m = post(t, srv.URL+"/api/v1/query/gizmo", `g.V().All()`)
	if n := len(m["result"].([]interface{})); code != 200 || n != 50 {
		t.Errorf("result cap: %d results", n)
	}
	code, m = post(t, srv.URL+"/api/v1/query/gizmo", strings.Repeat(" ", 5000)+"g.V().All()")
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized body: %d %v", code, m)
	}
	code, _ = post(t, srv.URL+"/api/v1/write", `[{"subject":"<a>","predicate":"<b>","object":"<c>"}]`)
	if code != http.StatusForbidden {
		t.Errorf("write on a read-only console: %d", code)
	}
	resp, err := http.Post(srv.URL+"/api/v2/write", "application/n-quads", strings.NewReader("<a> <b> <c> .\n"))
	if err != nil || resp.StatusCode < 400 {
		t.Errorf("v2 write on a read-only console: %v %v", err, resp.StatusCode)
	}
	resp.Body.Close()
	resp, err = http.Post(srv.URL+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(`g.V("<sg:actor/china>").Out("<rdfs:label>").All()`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("v2 query: %v %v", err, resp)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "China") {
		t.Errorf("v2 query: %s", b)
	}
}

// TestEndlessQuery: a query that never ends is stopped by the timeout and
// the server goes on answering others meanwhile.
func TestEndlessQuery(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: time.Second})
	var wg sync.WaitGroup
	wg.Add(1)
	var code int
	var m map[string]interface{}
	go func() {
		defer wg.Done()
		code, m = post(t, srv.URL+"/api/v1/query/gizmo", `while (true) {}`)
	}()
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	c2, m2 := post(t, srv.URL+"/api/v1/query/gizmo", `g.V("<sg:actor/china>").Out("<rdfs:label>").All()`)
	if c2 != 200 || !strings.Contains(toJSON(m2), "China") || time.Since(start) > 900*time.Millisecond {
		t.Errorf("other query during an endless one: %d %v after %v", c2, m2, time.Since(start))
	}
	wg.Wait()
	if code != 400 || !strings.Contains(toJSON(m), "timed out") {
		t.Errorf("endless query: %d %v", code, m)
	}
}

// TestExamples: every start-up example draws something on the sample corpus.
func TestExamples(t *testing.T) {
	srv := sampleServer(t, Options{})
	for _, e := range Examples {
		code, m := post(t, srv.URL+"/api/v1/query/gizmo", e.Query)
		res, _ := m["result"].([]interface{})
		if code != 200 || len(res) == 0 {
			t.Errorf("%s: %d %v", e.Title, code, m)
			continue
		}
		for _, r := range res {
			row := r.(map[string]interface{})
			if s, _ := row["source"].(string); s == "" || strings.HasPrefix(s, "<") {
				t.Errorf("%s: source %q is not a label", e.Title, s)
			}
		}
	}
}

func toJSON(v interface{}) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestReadersDuringBuild: queries answered while documents are being
// written see whole transactions: every query succeeds and the number of
// statements it sees only grows.
func TestReadersDuringBuild(t *testing.T) {
	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "rw.db")})
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	h, err := Handler(g.Store(), Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	done := make(chan error, 1)
	go func() {
		var err error
		for i := 0; i < 6 && err == nil; i++ {
			err = g.BuildPaths(context.Background(), "../testdata/corpus")
			if err == nil {
				// A changed copy of each document, under new ids.
				err = g.Build(context.Background(), &extract.Document{ID: fmt.Sprintf("extra-%d.txt", i),
					Text: "Russia demands guarantees. The United States rejected the Russian demand."})
			}
		}
		done <- err
	}()
	last := -1
	for running := true; running; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			running = false
		default:
		}
		code, m := post(t, srv.URL+"/api/v1/query/gizmo", `g.Emit(g.V().Has("<rdf:type>", "<sg:Statement>").Count())`)
		if code != 200 {
			t.Fatalf("query during the build: %d %v", code, m)
		}
		res := m["result"].([]interface{})
		n := int(res[0].(float64))
		if n < last {
			t.Fatalf("statements went from %d to %d while building", last, n)
		}
		last = n
	}
	if last <= 0 {
		t.Errorf("no statements seen: %d", last)
	}
}

func TestLibraryAPI(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: 5 * time.Second, Limit: 50})
	code, m := get(t, srv.URL+"/api/v1/library")
	if code != 200 || !strings.Contains(toJSON(m["result"]), `"name":"opponents","params":["ACTOR"]`) {
		t.Errorf("library list: %d %v", code, m)
	}
	tests := []struct {
		path, want string
		code       int
	}{
		{"/api/v1/library/opponents?arg=Russia", `"opponent":"United States"`, 200},
		{"/api/v1/library/opponents?arg=the+Kremlin&gizmo=1", `"opponent":"United States"`, 200},
		{"/api/v1/library/evidence?arg=China&arg=Russia%27s+security+concerns", `"speaker":"Wang Yi"`, 200},
		{"/api/v1/library/opponents", "usage: opponents ACTOR", 400},
		{"/api/v1/library/opponents?arg=Atlantis", `no actor called \"Atlantis\"`, 400},
		{"/api/v1/library/nope?arg=x", `no query named \"nope\"`, 400},
	}
	for _, tt := range tests {
		code, m := get(t, srv.URL+tt.path)
		if code != tt.code || !strings.Contains(toJSON(m), tt.want) {
			t.Errorf("GET %s: %d %s, want %d and %s", tt.path, code, toJSON(m), tt.code, tt.want)
		}
	}
	_, m = get(t, srv.URL+"/api/v1/library/timeline?arg=Russia&limit=3")
	if n := len(m["result"].([]interface{})); n != 3 {
		t.Errorf("limit=3: %d rows", n)
	}
}

// TestBodyLimit: every endpoint refuses a body past MaxBody with 413 and
// does not echo it; a body within the limit runs whole, past Cayley's own
// 1 MiB read on API v2.
func TestBodyLimit(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: 5 * time.Second, MaxBody: 2 << 20})
	pad := func(n int) string { return "g.Emit(1);" + strings.Repeat(" ", n) + "g.Emit(2);" }
	for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo", "/api/v1/shape/gizmo", "/api/v2/write", "/api/v2/read"} {
		for _, chunked := range []bool{false, true} {
			var body io.Reader = strings.NewReader(pad(3 << 20))
			if chunked { // no Content-Length: the limit is met while reading
				body = io.MultiReader(body)
			}
			resp, err := http.Post(srv.URL+path, "text/plain", body)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge || len(b) > 512 || !strings.Contains(string(b), "--max-body") {
				t.Errorf("%s (chunked %v): %d, %d bytes: %.120s", path, chunked, resp.StatusCode, len(b), b)
			}
		}
	}
	// 1.5 MiB of script runs to its end on both APIs.
	for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo"} {
		code, m := post(t, srv.URL+path, pad(3<<19))
		if code != 200 || toJSON(m["result"]) != "[1,2]" {
			t.Errorf("%s: a long script within the limit: %d %.200v", path, code, m)
		}
	}
	code, m := post(t, srv.URL+"/api/v2/query?lang=sql", "SELECT 1")
	if code != 400 || !strings.Contains(toJSON(m), "only gizmo") {
		t.Errorf("v2 query in another language: %d %v", code, m)
	}
}

// TestQueryMemory: a script that eats memory is stopped by the cap on
// both APIs, and the console answers the next query.
func TestQueryMemory(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: time.Minute, MaxMemory: 32 << 20})
	for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo"} {
		code, m := post(t, srv.URL+path, `var s = "x"; while (true) { s = s + s; }`)
		if code != 400 || !strings.Contains(toJSON(m), "max_memory") {
			t.Errorf("%s: memory-eating query: %d %v", path, code, m)
		}
		code, m = post(t, srv.URL+path, `g.V("<sg:actor/china>").Out("<rdfs:label>").All()`)
		if code != 200 || !strings.Contains(toJSON(m), "China") {
			t.Errorf("%s: next query: %d %v", path, code, m)
		}
	}
}

// TestSiteAPI: the start page's and the network view's endpoints.
func TestSiteAPI(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: 10 * time.Second})
	code, body := get(t, srv.URL+"/api/v1/stats")
	if code != 200 {
		t.Fatalf("stats: %d %v", code, body)
	}
	st := body["result"].(map[string]interface{})
	if st["documents"].(float64) != 5 || st["statements"].(float64) < 100 {
		t.Errorf("stats: %v", st)
	}
	code, body = get(t, srv.URL+"/api/v1/search?q=nato+expansion")
	if code != 200 || !strings.Contains(fmt.Sprint(body["result"]), "position") || !strings.Contains(strings.ToLower(fmt.Sprint(body["result"])), "expansion") {
		t.Errorf("search NATO expansion: %d %v", code, body)
	}
	code, body = get(t, srv.URL+"/api/v1/search?q=lavrov")
	if code != 200 || !strings.Contains(fmt.Sprint(body["result"]), "person") {
		t.Errorf("search Lavrov finds no person: %d %v", code, body)
	}
	code, body = get(t, srv.URL+"/api/v1/network?actor=Russia&class=OPPOSE,DENY&top=10")
	if code != 200 {
		t.Fatalf("network: %d %v", code, body)
	}
	net := body["result"].(map[string]interface{})
	edges := net["edges"].([]interface{})
	if len(edges) == 0 || len(edges) > 10 {
		t.Fatalf("network: %d edges", len(edges))
	}
	var from, to string
	for _, e := range edges {
		e := e.(map[string]interface{})
		if c := e["class"]; c != "OPPOSE" && c != "DENY" {
			t.Errorf("network with class=OPPOSE,DENY has a %v edge", c)
		}
		from, to = e["from"].(string), e["to"].(string)
	}
	code, body = get(t, srv.URL+"/api/v1/evidence?actor="+from+"&target="+to)
	if code != 200 || !strings.Contains(fmt.Sprint(body["result"]), "Sentence") {
		t.Errorf("evidence of %s -> %s: %d %v", from, to, code, body)
	}
	if code, body := get(t, srv.URL+"/api/v1/library/positions?arg=Russia&until=2000-01-01"); code != 200 || len(body["result"].([]interface{})) != 0 {
		t.Errorf("positions of Russia until 2000: %d %v, want none", code, body)
	}
	if code, body := get(t, srv.URL+"/api/v1/library/positions?arg=Russia&since=2022-01-01"); code != 200 || len(body["result"].([]interface{})) == 0 {
		t.Errorf("positions of Russia since 2022: %d %v, want some", code, body)
	}
	for _, bad := range []string{"/api/v1/library/positions?arg=Russia&since=soon", "/api/v1/network?class=LIKES", "/api/v1/network?actor=Atlantis", "/api/v1/evidence", "/api/v1/search"} {
		if code, body := get(t, srv.URL+bad); code != 400 || body["error"] == nil {
			t.Errorf("%s: %d %v, want 400 with an error", bad, code, body)
		}
	}
}

// TestSitePages: the start page at /, the Gizmo editor at /ui/query with
// an example of this schema and only Gizmo, and the cheat-sheet its
// documentation links lead to.
func TestSitePages(t *testing.T) {
	srv := sampleServer(t, Options{Timeout: 10 * time.Second})
	page := func(path string) string {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return string(b)
	}
	if p := page("/"); !strings.Contains(p, "Ask a question") || !strings.Contains(p, "/network") {
		t.Errorf("/ is not the start page")
	}
	editor := page("/ui/query")
	for _, gone := range []string{"Hello World", "MQL", "GraphQL", "/docs/Quickstart"} {
		if strings.Contains(editor, gone) {
			t.Errorf("the Gizmo editor still offers %q", gone)
		}
	}
	if !strings.Contains(editor, "sg:actor/russia") || !strings.Contains(editor, "/docs/gizmo") {
		t.Errorf("the Gizmo editor opens without this schema's example or its documentation link")
	}
	if js := page("/static/js/cayley_main.js"); strings.Contains(js, "Hello World'") {
		t.Errorf("the editor's script still defaults to Hello World")
	}
	if doc := page("/docs/gizmo"); !strings.Contains(doc, "sg:DEMAND") || !strings.Contains(doc, "/api/v1/network") {
		t.Errorf("the cheat-sheet lacks the schema or the API")
	}
	resp, err := http.Get(srv.URL + "/ui/write")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(b), "--writable") || !strings.Contains(string(b), "<html") {
		t.Errorf("the Write page of a read-only console: %d %q", resp.StatusCode, b)
	}
	if p := page("/network"); !strings.Contains(p, "cytoscape.min.js") {
		t.Errorf("the network page loads no Cytoscape.js")
	}
	if js := page("/site/vendor/cytoscape.min.js"); len(js) < 100000 {
		t.Errorf("Cytoscape.js is not served whole: %d bytes", len(js))
	}
}
