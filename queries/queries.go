// Package queries is stancegraph's library of named, parameterised Gizmo
// queries. Each query is a .js file embedded in the binary whose first line
// is a comment "// NAME ARG...: description"; its arguments reach the script
// as the array args, already resolved to node IRIs by the caller.
package queries

import (
	"embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

//go:embed *.js
var files embed.FS

// prelude holds the helpers every query can call (label, className, sides).
//
//go:embed lib/prelude.js
var prelude string

// Query is one library query.
type Query struct {
	Name        string
	Params      []string // e.g. ["ACTOR"]
	Description string
	Script      string
}

// List returns the library, sorted by name.
func List() ([]Query, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	var out []Query
	for _, e := range entries {
		data, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		q, err := parse(e.Name(), string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Get returns the named query.
func Get(name string) (Query, error) {
	all, err := List()
	if err != nil {
		return Query{}, err
	}
	var names []string
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
		names = append(names, q.Name)
	}
	return Query{}, fmt.Errorf("no query named %q (known: %s)", name, strings.Join(names, ", "))
}

func parse(file, src string) (Query, error) {
	line := src
	if i := strings.IndexByte(src, '\n'); i >= 0 {
		line = src[:i]
	}
	line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "//"))
	head, desc, ok := strings.Cut(line, ":")
	if !ok {
		return Query{}, fmt.Errorf("query %s: first line must be \"// NAME ARG...: description\"", file)
	}
	f := strings.Fields(head)
	if len(f) == 0 || f[0]+".js" != file {
		return Query{}, fmt.Errorf("query %s: its first line names %q", file, head)
	}
	return Query{Name: f[0], Params: f[1:], Description: strings.TrimSpace(desc), Script: src}, nil
}

// Render returns the script with its arguments bound, a JSON array args
// before the query so that no argument can change the script, and the
// library's helpers.
func (q Query) Render(args ...string) (string, error) {
	if len(args) != len(q.Params) {
		return "", fmt.Errorf("query %s takes %d arguments (%s), got %d", q.Name, len(q.Params), strings.Join(q.Params, " "), len(args))
	}
	b, err := json.Marshal(args)
	if err != nil {
		return "", err
	}
	return "var args = " + string(b) + ";\n" + classLists + prelude + "\n" + q.Script, nil
}

// classLists declares PRO and CON, the class edges of positive and negative
// stances, from the schema.
var classLists = func() string {
	var pro, con []string
	for _, c := range schema.StanceClasses {
		iri := "<" + string(schema.ClassIRI(c)) + ">"
		switch c.Polarity() {
		case 1:
			pro = append(pro, iri)
		case -1:
			con = append(con, iri)
		}
	}
	p, _ := json.Marshal(pro)
	n, _ := json.Marshal(con)
	return "var PRO = " + string(p) + ", CON = " + string(n) + ";\n"
}()

// Usage is the query's synopsis, "opponents ACTOR".
func (q Query) Usage() string { return strings.TrimSpace(q.Name + " " + strings.Join(q.Params, " ")) }
