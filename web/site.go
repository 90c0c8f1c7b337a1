package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/julienschmidt/httprouter"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

// site is stancegraph's own pages: the start page (the store's figures, a
// search over actors, people and positions, the query library as forms),
// the stance network (Cytoscape.js, vendored in site/vendor with its
// licence) and the Gizmo cheat-sheet.
//
//go:embed site
var site embed.FS

// sitePage serves one of the site's HTML pages.
func sitePage(name string) httprouter.Handle {
	return func(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
		b, err := site.ReadFile("site/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(b)
	}
}

// siteFiles serves the site's scripts, styles and vendored libraries.
func siteFiles() (http.Handler, error) {
	sub, err := fs.Sub(site, "site")
	if err != nil {
		return nil, err
	}
	return http.StripPrefix("/site", http.FileServer(http.FS(sub))), nil
}

// cayleyPages adapts Cayley's console pages to this console: the editor
// opens with an example query of this schema instead of Hello World, only
// Gizmo is offered (MQL and GraphQL are not served), the documentation
// links lead to the cheat-sheet the binary serves, and the navigation
// leads back to stancegraph's pages. The pages are patched as they load, so
// that `make assets` can refresh them from Cayley's module.
func cayleyPages() (*template.Template, error) {
	t := template.New("console")
	err := fs.WalkDir(assets, "assets/templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := assets.ReadFile(p)
		if err != nil {
			return err
		}
		text := strings.ReplaceAll(string(b), `g.Emit("Hello World")`, template.HTMLEscapeString(Examples[0].Query))
		_, err = t.New(path.Base(p)).Parse(text)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("console templates: %w", err)
	}
	b, err := site.ReadFile("site/cayley.tmpl")
	if err != nil {
		return nil, fmt.Errorf("console templates: %w", err)
	}
	if _, err := t.Parse(string(b)); err != nil {
		return nil, fmt.Errorf("console templates: site/cayley.tmpl: %w", err)
	}
	if t.Lookup("query.html") == nil {
		return nil, errors.New("console templates: query.html is missing")
	}
	return t, nil
}

// cayleyMain is Cayley's console script with this console's default query
// and without the languages it does not serve.
func cayleyMain() ([]byte, error) {
	b, err := assets.ReadFile("assets/static/js/cayley_main.js")
	if err != nil {
		return nil, err
	}
	s := strings.Replace(string(b), `"gizmo": "g.Emit('Hello World')"`, `"gizmo": `+strconv.Quote(Examples[0].Query), 1)
	s = strings.Replace(s, `return localStorage.getItem("cayleySavedQueries" + type)`,
		`return localStorage.getItem("cayleySavedQueries" + type) || defaultQueryStrings[type]`, 1)
	return []byte(s), nil
}

// stats answers GET /api/v1/stats: the store's counts and the dates its
// statements span.
func (s *server) stats(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	first, last := "", ""
	var rows []graph.StatementRow
	if st.Statements <= maxScan {
		// The dates need every statement: left out on a large store.
		if rows, err = s.st.Statements(r.Context()); err != nil {
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
			return
		}
	}
	for _, row := range rows {
		if row.Date == "" {
			continue
		}
		if first == "" || row.Date < first {
			first = row.Date
		}
		if row.Date > last {
			last = row.Date
		}
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": map[string]interface{}{
		"documents": st.Documents, "actors": st.Actors, "people": st.People, "positions": st.Positions,
		"statements": st.Statements, "first": first, "last": last}})
}

// maxScan is the most statements the start page and the network view
// read whole (for the dates the store spans, search and the network); a
// larger store answers without dates, and search and the network point to
// the library's questions and export instead.
const maxScan = 200000

// hit is a search result: a node and the statements that name it.
type hit struct {
	IRI        string `json:"iri"`
	Label      string `json:"label"`
	Type       string `json:"type"` // actor, person or position
	Statements int    `json:"statements"`
}

// search answers GET /api/v1/search?q=WORDS: the actors, people and
// positions whose labels hold every word (by its stem, in any order and
// form), most stated first.
func (s *server) search(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "search for what? add ?q=WORDS"})
		return
	}
	if st, err := s.st.Stats(r.Context()); err == nil && st.Statements > maxScan {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf(
			"search reads every statement and this store holds %d: ask a library question by name (holders, positions) instead", st.Statements)})
		return
	}
	net, err := s.st.Network(r.Context(), graph.Stances, graph.Filter{})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	count := map[string]int{}
	for _, e := range net.Edges {
		count[e.From] += e.Count
		count[e.To] += e.Count
	}
	hits := []hit{}
	for iri, n := range net.Nodes {
		if graph.Matches(n.Label, q) {
			hits = append(hits, hit{IRI: iri, Label: n.Label, Type: n.Type, Statements: count[iri]})
		}
	}
	people, err := s.st.Speakers(r.Context())
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error()})
		return
	}
	for _, p := range people {
		if graph.Matches(p.Label, q) {
			hits = append(hits, hit{IRI: p.IRI, Label: p.Label, Type: "person", Statements: p.Count})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Statements != hits[j].Statements {
			return hits[i].Statements > hits[j].Statements
		}
		return hits[i].Label < hits[j].Label
	})
	if n := s.resultLimit(r); len(hits) > n {
		hits = hits[:n]
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": hits})
}

// network answers GET /api/v1/network: the stance network around actors or
// positions (actor=, position=: names or IRIs; depth=), of some classes
// (class=SUPPORT,OPPOSE), between dates (since=, until=), its top=N edges.
func (s *server) network(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	if st, err := s.st.Stats(r.Context()); err == nil && st.Statements > maxScan {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": fmt.Sprintf(
			"the network view reads every statement and this store holds %d: draw it with stancegraph export --format gexf and its filters", st.Statements)})
		return
	}
	v := r.URL.Query()
	var f graph.Filter
	for _, name := range v["actor"] {
		iri, err := s.node(r, "ACTOR", name)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		f.Actors = append(f.Actors, iri)
	}
	for _, name := range v["position"] {
		iri, err := s.node(r, "POSITION", name)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
			return
		}
		f.Positions = append(f.Positions, iri)
	}
	for _, c := range strings.Split(v.Get("class"), ",") {
		if c = strings.ToUpper(strings.TrimSpace(c)); c != "" {
			class, err := schema.ParseClass(c)
			if err != nil {
				writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
				return
			}
			f.Classes = append(f.Classes, class)
		}
	}
	f.Since, f.Until = v.Get("since"), v.Get("until")
	f.Depth, _ = strconv.Atoi(v.Get("depth"))
	f.Top, _ = strconv.Atoi(v.Get("top"))
	if f.Top <= 0 || f.Top > s.opt.Limit {
		f.Top = min(s.opt.Limit, 200)
	}
	net, err := s.st.Network(r.Context(), graph.Stances, f)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": net})
}

// node resolves an argument of the network: an IRI as it is, else a name.
func (s *server) node(r *http.Request, param, name string) (string, error) {
	if strings.HasPrefix(name, "sg:") || strings.Contains(name, "://") {
		return name, nil
	}
	iri, err := s.g.Resolve(r.Context(), param, name)
	if err != nil {
		return "", err
	}
	return strings.Trim(iri, "<>"), nil
}

// evidence answers GET /api/v1/evidence?actor=IRI&target=IRI: the
// statements behind an edge of the network, with their sentences.
func (s *server) evidence(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	actor, target := r.URL.Query().Get("actor"), r.URL.Query().Get("target")
	if actor == "" || target == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "evidence of what? add ?actor=IRI&target=IRI"})
		return
	}
	rows, err := s.st.EvidenceOf(r.Context(), actor, target)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if n := s.resultLimit(r); len(rows) > n {
		rows = rows[:n]
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"result": rows})
}
