package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
	"github.com/stancegraph/stancegraph/schema"
)

// rawFormats are written quad by quad through quad's writers.
var rawFormats = map[string]string{"nquads": "nquads", "jsonld": "jsonld", "quads-graphml": "graphml", "gml": "gml", "quads-dot": "graphviz"}

const exportFormats = "dot, svg, png, graphml, gexf, csv, csv-nodes, json, jsonl, nquads, jsonld, gml, quads-graphml, quads-dot"

type exportOpts struct {
	format, out, network, query, since, until, classes string
	actors, positions                                  []string
	depth, minCount, top                               int
}

func newExport(g *globals) *cobra.Command {
	var o exportOpts
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Draw the graph (Graphviz) or write it for network tools",
		Long: `export writes the graph, or a chosen part of it:

  dot, svg, png   a drawing for Graphviz (svg and png run Graphviz's dot)
  graphml         for Gephi, yEd and Cytoscape, with typed node and edge attributes
  gexf            Gephi's own format; edges carry their first and last date for its timeline
  csv, csv-nodes  edge list and node list
  json            nodes and edges
  jsonl           the statements, one a line (the extract format)
  nquads, jsonld, gml, quads-graphml, quads-dot   every quad of the store

--network picks what is drawn: stances (actors, positions and their stance and
interaction edges), affiliation (two-mode actor x position, weight = statements,
sign = polarity), congruence (actors linked by positions they hold alike) or
conflict (actors linked by positions they hold oppositely), as in Leifeld's
Discourse Network Analyzer.`,
		Example: `  stancegraph export --format svg -o graph.svg
  stancegraph export --actor Russia --depth 2 --format png -o russia.png
  stancegraph export --network congruence --since 2022-01-01 --format graphml -o congruence.graphml
  stancegraph export --query 'g.V("<sg:actor/china>").Out().All()' --format dot`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			return runExport(cmd, cfg, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "", "output format: "+exportFormats+" (default: from -o's extension, else dot)")
	f.StringVarP(&o.out, "output", "o", "", "write to this file (default: standard output)")
	f.StringVar(&o.network, "network", graph.Stances, "network: "+strings.Join(graph.NetworkKinds, ", "))
	f.StringSliceVar(&o.actors, "actor", nil, "keep this actor's neighbourhood (repeatable)")
	f.StringSliceVar(&o.positions, "position", nil, "keep this position's neighbourhood (repeatable)")
	f.IntVar(&o.depth, "depth", 1, "neighbourhood radius of --actor and --position, in edges")
	f.StringVar(&o.classes, "class", "", "keep statements of these classes, e.g. DEMAND,OPPOSE")
	f.StringVar(&o.since, "since", "", "keep statements dated on or after YYYY-MM-DD")
	f.StringVar(&o.until, "until", "", "keep statements dated on or before YYYY-MM-DD")
	f.IntVar(&o.minCount, "min-count", 0, "drop edges backed by fewer statements")
	f.IntVar(&o.top, "top", 0, "keep the N edges backed by most statements")
	f.StringVar(&o.query, "query", "", "keep the nodes a Gizmo query returns, and their edges")
	return cmd
}

func runExport(cmd *cobra.Command, cfg *config.Config, o exportOpts) error {
	format := o.format
	if format == "" {
		format = formatFromExt(o.out)
	}
	known := false
	for _, f := range strings.Split(exportFormats, ", ") {
		known = known || f == format
	}
	if !known {
		return fmt.Errorf("--format %q: want one of %s", format, exportFormats)
	}
	var renderer string
	if format == "svg" || format == "png" {
		var err error
		if renderer, err = exec.LookPath("dot"); err != nil {
			return fmt.Errorf("--format %s needs Graphviz's dot, which is not installed: install it (Debian: apt-get install graphviz) or use --format dot", format)
		}
	}
	filter, err := parseFilter(o)
	if err != nil {
		return err
	}
	st, err := openStore(cfg, true)
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	if err := resolveFilter(ctx, st, cfg, o, &filter); err != nil {
		return err
	}
	return writeFile(o.out, cmd.OutOrStdout(), func(w io.Writer) error {
		if raw, ok := rawFormats[format]; ok {
			return st.WriteQuads(ctx, w, raw)
		}
		if format == "jsonl" {
			recs, err := st.Records(ctx)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			for i := range recs {
				if err := enc.Encode(&recs[i]); err != nil {
					return err
				}
			}
			return nil
		}
		n, err := st.Network(ctx, o.network, filter)
		if err != nil {
			return err
		}
		switch format {
		case "json":
			enc := json.NewEncoder(w)
			enc.SetIndent("", "  ")
			return enc.Encode(n)
		case "graphml":
			return n.WriteGraphML(w)
		case "gexf":
			return n.WriteGEXF(w)
		case "csv":
			return n.WriteEdgesCSV(w)
		case "csv-nodes":
			return n.WriteNodesCSV(w)
		case "svg", "png":
			return render(renderer, format, n, w)
		}
		return n.WriteDOT(w)
	})
}

func formatFromExt(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return "svg"
	case ".png":
		return "png"
	case ".graphml":
		return "graphml"
	case ".gexf":
		return "gexf"
	case ".csv":
		return "csv"
	case ".json":
		return "json"
	case ".jsonl":
		return "jsonl"
	case ".nq":
		return "nquads"
	case ".jsonld":
		return "jsonld"
	case ".gml":
		return "gml"
	}
	return "dot"
}

// render runs Graphviz's dot over the drawing.
func render(dot, format string, n *graph.Network, w io.Writer) error {
	var src, stderr bytes.Buffer
	if err := n.WriteDOT(&src); err != nil {
		return err
	}
	c := exec.Command(dot, "-T"+format)
	c.Stdin, c.Stdout, c.Stderr = &src, w, &stderr
	if err := c.Run(); err != nil {
		return fmt.Errorf("graphviz dot -T%s: %v: %s", format, err, strings.TrimSpace(stderr.String()))
	}
	return nil
}

func parseFilter(o exportOpts) (graph.Filter, error) {
	f := graph.Filter{Depth: o.depth, MinCount: o.minCount, Top: o.top, Since: o.since, Until: o.until}
	for _, d := range []struct{ flag, v string }{{"--since", o.since}, {"--until", o.until}} {
		if d.v != "" && !schema.ValidDate(d.v) {
			return f, fmt.Errorf("%s %q: want a date YYYY-MM-DD", d.flag, d.v)
		}
	}
	if o.classes != "" {
		for _, c := range strings.Split(o.classes, ",") {
			cl, err := schema.ParseClass(c)
			if err != nil {
				return f, fmt.Errorf("--class: %w", err)
			}
			f.Classes = append(f.Classes, cl)
		}
	}
	if o.depth < 1 || o.minCount < 0 || o.top < 0 {
		return f, fmt.Errorf("--depth must be at least 1, --min-count and --top at least 0")
	}
	return f, nil
}

// resolveFilter turns names into node IRIs and runs --query.
func resolveFilter(ctx context.Context, st *graph.Store, cfg *config.Config, o exportOpts, f *graph.Filter) error {
	if len(o.actors) > 0 {
		lx, err := lexicon.Load(cfg.Strings(config.Lexicons)...)
		if err != nil {
			return err
		}
		for _, a := range o.actors {
			name := a
			if canon, ok := lx.Canonical(a); ok {
				name = canon
			}
			iri, ok, err := st.Lookup(ctx, schema.TypeActor, name)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("--actor %q: no such actor in the store", a)
			}
			f.Actors = append(f.Actors, string(iri))
		}
	}
	for _, p := range o.positions {
		iri, ok, err := st.Lookup(ctx, schema.TypePosition, p)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("--position %q: no position with that label in the store (or several contain it)", p)
		}
		f.Positions = append(f.Positions, string(iri))
	}
	if o.query != "" {
		res, err := st.Query(ctx, o.query, queryOptions(cfg))
		if err != nil {
			return fmt.Errorf("--query: %w", err)
		}
		f.Nodes = map[string]bool{}
		for _, r := range res {
			collectIRIs(r, f.Nodes)
		}
	}
	return nil
}

// collectIRIs gathers the node IRIs in a query result.
func collectIRIs(v interface{}, into map[string]bool) {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "<") && strings.HasSuffix(x, ">") {
			into[x[1:len(x)-1]] = true
		}
	case map[string]interface{}:
		for _, y := range x {
			collectIRIs(y, into)
		}
	case []interface{}:
		for _, y := range x {
			collectIRIs(y, into)
		}
	}
}

// writeFile writes to path through a temporary file renamed into place, so
// a failed export leaves no half-written file; "" writes to stdout.
func writeFile(path string, stdout io.Writer, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		return fn(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".stancegraph-export-*")
	if err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	return nil
}
