// Package web serves the web console over a stancegraph store:
// stancegraph's start page (figures, search, the query library as forms)
// and stance network (site/), Cayley's own Gizmo editor, Visualize and
// Query Shape pages and assets under /ui/,
// Cayley's HTTP API v1 (/api/v1/query/gizmo, /api/v1/shape/gizmo) and v2
// (/api/v2/...), with stancegraph's limits: read-only unless asked, a query
// timeout, a cap on results and on request bodies.
package web

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query/gizmo"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/julienschmidt/httprouter"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/queries"
)

// assets are Cayley v0.7.7's console pages and static files, copied from
// its module by `make assets` (Apache License 2.0, see assets/LICENSE).
//
//go:embed assets/templates assets/static
var assets embed.FS

// Options bound what the console lets a client do.
type Options struct {
	Writable bool          // allow writes through API v2
	Timeout  time.Duration // per query; graph.DefaultTimeout if 0
	Limit    int           // results per query at most; 1000 if 0
	MaxBody  int64         // request body bytes at most; 1 MiB if 0
	// MaxMemory is the heap a query may add; graph.DefaultMaxMemory if 0,
	// no cap if negative.
	MaxMemory int64
	Lexicons  []string // extra lexicon files, for names in library queries
}

// Handler serves the console and the API over the store.
func Handler(st *graph.Store, opt Options) (http.Handler, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = graph.DefaultTimeout
	}
	if opt.Limit <= 0 {
		opt.Limit = 1000
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = 1 << 20
	}
	tmpl, err := cayleyPages()
	if err != nil {
		return nil, err
	}
	mainJS, err := cayleyMain()
	if err != nil {
		return nil, err
	}
	files, err := siteFiles()
	if err != nil {
		return nil, err
	}
	g, err := stancegraph.Wrap(st, opt.Lexicons...)
	if err != nil {
		return nil, err
	}
	s := &server{st: st, g: g, opt: opt, tmpl: tmpl}
	r := httprouter.New()
	r.POST("/api/v1/query/:lang", s.query)
	r.GET("/api/v1/library", s.libraryList)
	r.GET("/api/v1/library/:name", s.library)
	r.POST("/api/v1/shape/:lang", s.shape)
	for _, p := range []string{"/api/v1/write", "/api/v1/write/file/nquad", "/api/v1/delete"} {
		r.POST(p, s.readOnlyV1)
	}
	h := &cgraph.Handle{QuadStore: st.QuadStore()}
	if opt.Writable {
		w, err := st.RawWriter()
		if err != nil {
			return nil, err
		}
		h.QuadWriter = w
	}
	v2 := cayleyhttp.NewAPIv2(h)
	v2.SetReadOnly(!opt.Writable)
	v2.SetQueryTimeout(opt.Timeout)
	v2.SetQueryLimit(opt.Limit)
	v2.RegisterOn(r)
	r.GET("/api/v1/stats", s.stats)
	r.GET("/api/v1/search", s.search)
	r.GET("/api/v1/network", s.network)
	r.GET("/api/v1/evidence", s.evidence)
	r.GET("/", sitePage("index.html"))
	r.GET("/network", sitePage("network.html"))
	r.GET("/docs/*page", sitePage("gizmo.html"))
	r.Handler(http.MethodGet, "/site/*path", files)
	r.GET("/ui/:page", s.page)
	static, err := fs.Sub(assets, "assets/static")
	if err != nil {
		return nil, err
	}
	staticFiles := http.StripPrefix("/static", http.FileServer(http.FS(static)))
	r.Handler(http.MethodGet, "/static/*path", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/static/js/cayley_main.js" {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			_, _ = w.Write(mainJS)
			return
		}
		staticFiles.ServeHTTP(w, r)
	}))
	return s.limit(r), nil
}

type server struct {
	st   *graph.Store
	g    *stancegraph.Graph
	opt  Options
	tmpl *template.Template
}

// limit caps request bodies on every endpoint: a body longer than MaxBody
// is refused whole with 413 before any handler sees a byte of it, so no
// handler can run a cut query or echo what it was sent. It also routes
// /api/v2/query to the console's own query handler, which keeps the
// console's limits (Cayley's own reads at most 1 MiB and runs the rest).
func (s *server) limit(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil && r.Body != http.NoBody {
			if r.ContentLength > s.opt.MaxBody {
				s.tooLarge(w)
				return
			}
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
			if err != nil {
				var mb *http.MaxBytesError
				if errors.As(err, &mb) {
					s.tooLarge(w)
				} else {
					writeJSON(w, http.StatusBadRequest, map[string]string{"error": "reading the request body: " + err.Error()})
				}
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if r.URL.Path == "/api/v2/query" && (r.Method == http.MethodPost || r.Method == http.MethodGet) {
			s.queryV2(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// tooLarge answers a body past MaxBody.
func (s *server) tooLarge(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{
		"error": fmt.Sprintf("request body larger than %d bytes: send less, or start serve with a larger --max-body", s.opt.MaxBody)})
}

// queryV2 answers /api/v2/query?lang=gizmo as Cayley's API v2 does
// ({"result": [...]} or {"error": "..."}; the query in the body, or in
// qu= on GET) with the console's limits.
func (s *server) queryV2(w http.ResponseWriter, r *http.Request) {
	switch lang := r.URL.Query().Get("lang"); lang {
	case "gizmo":
	case "":
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "query language not specified: add ?lang=gizmo"})
		return
	default:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf("query language %q is not served: only gizmo", lang)})
		return
	}
	var q string
	if r.Method == http.MethodGet {
		q = r.URL.Query().Get("qu")
	} else {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "reading the query: " + err.Error()})
			return
		}
		q = string(b)
	}
	if strings.TrimSpace(q) == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "query is empty"})
		return
	}
	res, err := s.st.Query(r.Context(), q, graph.QueryOptions{Limit: s.resultLimit(r), Timeout: s.opt.Timeout, MaxMemory: s.opt.MaxMemory})
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": res})
}

func (s *server) page(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	name := p.ByName("page")
	if name == "" {
		name = "query"
	}
	if name == "write" && !s.opt.Writable {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, readOnlyPage)
		return
	}
	t := s.tmpl.Lookup(name + ".html")
	if t == nil {
		http.NotFound(w, r)
		return
	}
	if err := t.Execute(w, nil); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// query answers /api/v1/query/gizmo as Cayley does: {"result": [...]} or
// {"error": "..."}, with the console's limits.
func (s *server) query(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	if p.ByName("lang") != "gizmo" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "only gizmo queries are served"})
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf("query body: %v (at most %d bytes)", err, s.opt.MaxBody)})
		return
	}
	res, err := s.st.Query(r.Context(), string(body), graph.QueryOptions{Limit: s.resultLimit(r), Timeout: s.opt.Timeout, MaxMemory: s.opt.MaxMemory})
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": res})
}

// resultLimit is the console's result limit, or the request's limit=N below it.
func (s *server) resultLimit(r *http.Request) int {
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 && n < s.opt.Limit {
		return n
	}
	return s.opt.Limit
}

// libraryList answers GET /api/v1/library: the library's queries.
func (s *server) libraryList(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	all, err := queries.List()
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	type entry struct {
		Name        string   `json:"name"`
		Params      []string `json:"params"`
		Description string   `json:"description"`
	}
	out := make([]entry, len(all))
	for i, q := range all {
		out[i] = entry{q.Name, q.Params, q.Description}
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": out})
}

// library answers GET /api/v1/library/NAME?arg=A&arg=B: the library query
// with its arguments (names, as on the command line), from the store's
// tally where it can (gizmo=1 runs the script), with the console's limits
// (limit=N lowers them), over the statements made between since= and
// until= if given.
func (s *server) library(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	opt := stancegraph.RunOptions{QueryOptions: graph.QueryOptions{Limit: s.resultLimit(r), Timeout: s.opt.Timeout, MaxMemory: s.opt.MaxMemory},
		Gizmo: r.URL.Query().Get("gizmo") == "1", Since: r.URL.Query().Get("since"), Until: r.URL.Query().Get("until")}
	res, err := s.g.RunWith(r.Context(), opt, p.ByName("name"), r.URL.Query()["arg"]...)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": res})
}

func (s *server) shape(w http.ResponseWriter, r *http.Request, p httprouter.Params) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": err.Error()})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.opt.Timeout)
	defer cancel()
	done := make(chan struct{})
	var out interface{}
	go func() {
		defer close(done)
		out, err = gizmo.NewSession(s.st.QuadStore()).ShapeOf(string(body))
	}()
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *server) readOnlyV1(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	writeJSON(w, http.StatusForbidden, map[string]string{"error": "writes go through /api/v2 when the console runs with --writable"})
}

// writeJSON writes without a JSON content type, as Cayley's console
// expects a body it parses itself.
func writeJSON(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// Examples are queries that draw something meaningful in the console: the
// Visualize page links the tags "source" and "target", here the nodes'
// labels, so the drawing reads "United States" rather than an IRI.
var Examples = []struct{ Title, Query string }{
	{"who opposes what Russia demands (Visualize)",
		`g.V("<sg:actor/russia>").Out("<sg:DEMAND>").Save("<rdfs:label>", "target").In("<sg:OPPOSE>").Save("<rdfs:label>", "source").All()`},
	{"everyone's stances on the positions China supports (Visualize)",
		`g.V("<sg:actor/china>").Out("<sg:SUPPORT>").Save("<rdfs:label>", "target").In(["<sg:SUPPORT>", "<sg:OPPOSE>", "<sg:DEMAND>"]).Save("<rdfs:label>", "source").All()`},
	{"who talks to whom (Visualize)",
		`g.V().Has("<sg:kind>", "state").Save("<rdfs:label>", "source").Out(["<sg:CONSULT>", "<sg:DELIVER>"]).Save("<rdfs:label>", "target").All()`},
}

// Banner is the start-up message: where the console is, and queries to paste.
func Banner(addr string, writable bool) string {
	var b strings.Builder
	mode := "read-only"
	if writable {
		mode = "writable"
	}
	fmt.Fprintf(&b, "stancegraph console (%s) at http://%s/\n", mode, addr)
	fmt.Fprintf(&b, "API: POST http://%s/api/v1/query/gizmo, http://%s/api/v2/query?lang=gizmo\n", addr, addr)
	fmt.Fprintf(&b, "library: GET http://%s/api/v1/library, http://%s/api/v1/library/opponents?arg=Russia\n\nqueries to paste:\n", addr, addr)
	for _, e := range Examples {
		fmt.Fprintf(&b, "  // %s\n  %s\n", e.Title, e.Query)
	}
	return b.String()
}

// readOnlyPage answers the Write page of a read-only console.
const readOnlyPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>stancegraph · read-only</title>
<link rel="stylesheet" href="/site/site.css"></head><body>
<header><h1>stancegraph</h1><nav><a href="/">Start</a><a href="/network">Stance network</a><a href="/ui/query">Gizmo editor</a></nav></header>
<main><section><h2>This console is read-only</h2>
<p>Writing quads goes through <code>stancegraph serve --writable</code>, which holds the store alone.
To add articles, stop the console and run <code>stancegraph build PATH...</code>, or <code>stancegraph load FILE</code> for statements already extracted.</p>
</section></main></body></html>
`
