package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/graph"
)

// rawFormats are written quad by quad through quad's writers.
var rawFormats = map[string]string{"nquads": "nquads", "jsonld": "jsonld", "graphml": "graphml", "gml": "gml", "quads-dot": "graphviz"}

func newExport(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph as Graphviz DOT, JSON, or raw quads",
		Long: "export writes the actors-and-positions network as Graphviz DOT (--format dot) or JSON\n" +
			"(--format json), or every quad of the store as nquads, jsonld, graphml, gml or quads-dot.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			if _, ok := rawFormats[format]; !ok && format != "dot" && format != "json" {
				return fmt.Errorf("--format %q: want dot, json, nquads, jsonld, graphml, gml or quads-dot", format)
			}
			sc := cfg.Store()
			sc.ReadOnly = true
			st, err := graph.Open(sc)
			if err != nil {
				return err
			}
			defer st.Close()
			return writeFile(out, cmd.OutOrStdout(), func(w io.Writer) error {
				ctx := context.Background()
				if raw, ok := rawFormats[format]; ok {
					return st.WriteQuads(ctx, w, raw)
				}
				n, err := st.Network(ctx)
				if err != nil {
					return err
				}
				if format == "json" {
					enc := json.NewEncoder(w)
					enc.SetIndent("", "  ")
					return enc.Encode(n)
				}
				return n.WriteDOT(w)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "dot", "dot, json, nquads, jsonld, graphml, gml or quads-dot")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (default: standard output)")
	return cmd
}

// writeFile writes to path through a temporary file renamed into place, so
// a failed export leaves no half-written file; "" writes to stdout.
func writeFile(path string, stdout io.Writer, fn func(io.Writer) error) error {
	if path == "" || path == "-" {
		return fn(stdout)
	}
	tmp, err := os.CreateTemp(dirOf(path), ".stancegraph-export-*")
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	return nil
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[:i+1]
		}
	}
	return "."
}
