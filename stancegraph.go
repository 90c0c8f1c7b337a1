// Package stancegraph is the Go API of stancegraph: open a graph of actors
// and positions, build it from articles, and ask it the questions of the
// query library as typed calls.
//
//	g, err := stancegraph.Open(graph.Config{Backend: "bolt", Path: "stancegraph.db"})
//	defer g.Close()
//	opp, err := g.Opponents(ctx, "Russia") // who opposes what Russia demands or supports
//
// For anything else, Query runs Gizmo and Store().QuadStore() gives
// Cayley's path API.
package stancegraph

import (
	"context"
	"fmt"
	"strings"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/hybrid" // the default extractor
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
	"github.com/stancegraph/stancegraph/queries"
	"github.com/stancegraph/stancegraph/schema"
)

// Graph is an open stancegraph store with the lexicon that names its actors.
type Graph struct {
	st  *graph.Store
	lex *lexicon.Lexicon
	ex  extract.Extractor
	cfg extract.Config
}

// Open opens (creating if needed) the store; lexicons are extra lexicon
// files, as in the extract.lexicons setting.
func Open(cfg graph.Config, lexicons ...string) (*Graph, error) {
	lx, err := lexicon.Load(lexicons...)
	if err != nil {
		return nil, err
	}
	st, err := graph.Open(cfg)
	if err != nil {
		return nil, err
	}
	return &Graph{st: st, lex: lx, cfg: extract.Config{Lexicons: lexicons}}, nil
}

// Wrap makes a Graph of a store already open.
func Wrap(st *graph.Store, lexicons ...string) (*Graph, error) {
	lx, err := lexicon.Load(lexicons...)
	if err != nil {
		return nil, err
	}
	return &Graph{st: st, lex: lx, cfg: extract.Config{Lexicons: lexicons}}, nil
}

// Render returns the named library query with its arguments resolved, as
// Gizmo source.
func (g *Graph) Render(ctx context.Context, name string, args ...string) (string, error) {
	q, resolved, err := g.resolveQuery(ctx, name, args)
	if err != nil {
		return "", err
	}
	return q.Render(resolved...)
}

// resolveQuery finds the library query and resolves its arguments to nodes.
func (g *Graph) resolveQuery(ctx context.Context, name string, args []string) (queries.Query, []string, error) {
	q, err := queries.Get(name)
	if err != nil {
		return q, nil, err
	}
	if len(args) != len(q.Params) {
		return q, nil, fmt.Errorf("usage: %s", q.Usage())
	}
	resolved := make([]string, len(args))
	for i, a := range args {
		if resolved[i], err = g.Resolve(ctx, q.Params[i], a); err != nil {
			return q, nil, err
		}
	}
	return q, resolved, nil
}

// OpenConfig opens the store a configuration names: the file (or, when
// empty, stancegraph.yaml in the usual places), STANCEGRAPH_* variables and
// the defaults, as the command line does.
func OpenConfig(file string) (*Graph, error) {
	c, err := config.Load(file, nil)
	if err != nil {
		return nil, err
	}
	return Open(c.Store(), c.Strings(config.Lexicons)...)
}

// Store is the underlying store; Store().QuadStore() is Cayley's.
func (g *Graph) Store() *graph.Store { return g.st }

// Close closes the store.
func (g *Graph) Close() error { return g.st.Close() }

// Build extracts documents with the default extractor and loads them,
// graph.DocsPerTransaction whole documents to a transaction.
func (g *Graph) Build(ctx context.Context, docs ...*extract.Document) error {
	if g.ex == nil {
		ex, err := extract.New(hybrid.Name, g.cfg)
		if err != nil {
			return err
		}
		g.ex = ex
	}
	var batch []graph.Batch
	for i, d := range docs {
		r, err := g.ex.Extract(ctx, d)
		if err != nil {
			return fmt.Errorf("extract %s: %w", d.ID, err)
		}
		batch = append(batch, graph.Batch{Doc: d.Info(r.Sentences), Statements: r.Statements})
		if len(batch) == graph.DocsPerTransaction || i == len(docs)-1 {
			if _, err := g.st.Load(ctx, batch...); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}

// BuildPaths reads the text and JSON Lines files under paths (as `stancegraph
// build` does) and builds them into the graph; a document that cannot be
// read is an error.
func (g *Graph) BuildPaths(ctx context.Context, paths ...string) error {
	var docs []*extract.Document
	err := source.Walk(paths, func(d *extract.Document) error {
		docs = append(docs, d)
		if len(docs) == 64 {
			err := g.Build(ctx, docs...)
			docs = docs[:0]
			return err
		}
		return nil
	}, func(b *source.BadDocument) error { return b })
	if err != nil {
		return err
	}
	return g.Build(ctx, docs...)
}

// Query runs a Gizmo query.
func (g *Graph) Query(ctx context.Context, gizmo string) ([]interface{}, error) {
	return g.st.Query(ctx, gizmo, graph.QueryOptions{})
}

// Resolve finds the node an argument of a library query names: an actor
// by name, alias, metonym or demonym ("US", "the Kremlin"), or a position by
// label, ignoring case.
func (g *Graph) Resolve(ctx context.Context, param, name string) (string, error) {
	typ, what := schema.TypeActor, "actor"
	if strings.HasPrefix(param, "POSITION") {
		typ, what = schema.TypePosition, "position"
	} else if canon, ok := g.lex.Canonical(name); ok {
		name = canon
	}
	iri, ok, err := g.st.Lookup(ctx, typ, name)
	if err != nil {
		return "", err
	}
	if !ok {
		return "", fmt.Errorf("no %s called %q in the store", what, name)
	}
	return "<" + string(iri) + ">", nil
}

// Run runs the named query of the library with its arguments resolved.
func (g *Graph) Run(ctx context.Context, name string, args ...string) ([]interface{}, error) {
	return g.RunWith(ctx, RunOptions{}, name, args...)
}

// RunOptions bound a library query and say how to run it.
type RunOptions struct {
	graph.QueryOptions
	// Gizmo runs the query's Gizmo script even when the store's tally
	// could answer it.
	Gizmo bool
	// Since and Until (YYYY-MM-DD, inclusive) count only the statements
	// made between them (graph.Store.Window).
	Since, Until string
}

// RunWith runs the named query of the library. The aggregate questions
// (opponents, supporters, alignment, positions, holders) are answered from
// the store's tally when it keeps one: the same rows as the Gizmo script,
// read from one entry per actor, position and class instead of every
// statement. The others, and every query on a store without a tally, run
// as Gizmo. With Since or Until, the question is asked of the statements
// made between those dates only.
func (g *Graph) RunWith(ctx context.Context, opt RunOptions, name string, args ...string) ([]interface{}, error) {
	if opt.Since != "" || opt.Until != "" {
		w, err := g.st.Window(ctx, opt.Since, opt.Until)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", name, err)
		}
		defer w.Close()
		inner := opt
		inner.Since, inner.Until = "", ""
		return (&Graph{st: w, lex: g.lex, cfg: g.cfg}).RunWith(ctx, inner, name, args...)
	}
	q, resolved, err := g.resolveQuery(ctx, name, args)
	if err != nil {
		return nil, err
	}
	if t := g.st.Tally(); t != nil && q.HasNative() && !opt.Gizmo {
		limit := opt.Limit
		if limit <= 0 {
			limit = graph.DefaultLimit
		}
		if opt.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
			defer cancel()
		}
		rows, err := q.RunNative(ctx, t, limit, resolved...)
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", name, err)
		}
		return rows, nil
	}
	script, err := q.Render(resolved...)
	if err != nil {
		return nil, err
	}
	return g.st.Query(ctx, script, opt.QueryOptions)
}

// run decodes a library query's rows into out, a pointer to a slice.
func (g *Graph) run(ctx context.Context, out interface{}, name string, args ...string) error {
	rows, err := g.Run(ctx, name, args...)
	if err != nil {
		return err
	}
	if err := decodeRows(rows, out); err != nil {
		return fmt.Errorf("query %s: decode rows: %w", name, err)
	}
	return nil
}
