package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
	"github.com/stancegraph/stancegraph/queries"
)

func newQuery(g *globals) *cobra.Command {
	var file, format, name string
	var list, gizmo bool
	var since, until string
	cmd := &cobra.Command{
		Use:   "query [GIZMO | --name NAME ARG...]",
		Short: "Run a Gizmo query on the store and print the results",
		Long: "query runs a Gizmo query given as an argument, in a file (-f q.js) or on standard input,\n" +
			"and prints the results as JSON (--format json) or an aligned table (--format table).",
		Example: `  stancegraph query 'g.V("<sg:actor/russia>").Out("<sg:DEMAND>").Out("<rdfs:label>").All()'
  stancegraph query --name opponents Russia
  stancegraph query --list`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if list {
				return listQueries(cmd.OutOrStdout())
			}
			if name == "" && (since != "" || until != "") {
				return fmt.Errorf("--since and --until go with a library question (--name NAME ARG...); in Gizmo, filter on <sg:date>")
			}
			if name == "" && len(args) > 1 {
				return fmt.Errorf("give one query (quote it), or --name NAME ARG...")
			}
			cfg, err := g.load(cmd, map[string]string{config.QueryTimeout: "timeout", config.QueryLimit: "limit", config.QueryMemory: "max-memory", config.Format: "format"})
			if err != nil {
				return err
			}
			var q string
			if name == "" {
				if q, err = readQuery(args, file, cmd.InOrStdin()); err != nil {
					return err
				}
			}
			if format == "" {
				format = cfg.String(config.Format)
			}
			if format == "" {
				format = "json"
			}
			if format != "json" && format != "table" {
				return fmt.Errorf("--format %q: want json or table", format)
			}
			st, err := openStore(cfg, true)
			if err != nil {
				return err
			}
			defer st.Close()
			opt := queryOptions(cfg)
			var res []interface{}
			if name != "" {
				if st.Tally() == nil && st.CanTally() && !gizmo {
					fmt.Fprintln(cmd.ErrOrStderr(), "note: this store has no tally the library can read (built before it or its present format); the query runs as Gizmo, slower."+
						" Open the store for writing once to count it: stancegraph load /dev/null")
				}
				if since != "" || until != "" {
					if n, err := st.Undated(cmd.Context()); err == nil && n > 0 {
						fmt.Fprintf(cmd.ErrOrStderr(), "note: %d statements have no date (nor their documents) and are outside any --since/--until window\n", n)
					}
				}
				res, err = namedQuery(cmd.Context(), st, cfg, stancegraph.RunOptions{QueryOptions: opt, Gizmo: gizmo, Since: since, Until: until}, name, args)
			} else {
				res, err = st.Query(context.Background(), q, opt)
			}
			if err != nil {
				return err
			}
			if name == "timeline" {
				undated := 0
				for _, r := range res {
					if m, ok := r.(map[string]interface{}); ok && m["date"] == "" {
						undated++
					}
				}
				if undated > 0 {
					fmt.Fprintf(cmd.ErrOrStderr(), "note: %d of %d statements have no date (their documents gave none); they come last\n", undated, len(res))
				}
			}
			return printResults(cmd.OutOrStdout(), res, format)
		},
	}
	cmd.Flags().StringVarP(&file, "file", "f", "", "read the query from this file")
	cmd.Flags().StringVar(&name, "name", "", "run the named query of the library with the arguments")
	cmd.Flags().BoolVar(&list, "list", false, "list the named queries")
	cmd.Flags().BoolVar(&gizmo, "gizmo", false, "run a named query as its Gizmo script, not from the store's tally")
	cmd.Flags().StringVar(&since, "since", "", "with --name: count only statements made on or after this date (YYYY-MM-DD)")
	cmd.Flags().StringVar(&until, "until", "", "with --name: count only statements made on or before this date (YYYY-MM-DD)")
	cmd.Flags().String("format", "", "output format: json or table")
	cmd.Flags().Duration("timeout", graph.DefaultTimeout, "stop the query after this long")
	cmd.Flags().Int("limit", graph.DefaultLimit, "results at most")
	cmd.Flags().String("max-memory", "512MiB", "stop the query once it has used this much memory (off: no cap)")
	return cmd
}

func listQueries(w io.Writer) error {
	all, err := queries.List()
	if err != nil {
		return err
	}
	var rows [][2]string
	for _, q := range all {
		rows = append(rows, [2]string{q.Usage(), q.Description})
	}
	printRows(w, rows)
	return nil
}

// namedQuery runs a library query with its arguments resolved to nodes.
func namedQuery(ctx context.Context, st *graph.Store, cfg *config.Config, opt stancegraph.RunOptions, name string, args []string) ([]interface{}, error) {
	g, err := stancegraph.Wrap(st, cfg.Strings(config.Lexicons)...)
	if err != nil {
		return nil, err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return g.RunWith(ctx, opt, name, args...)
}

func readQuery(args []string, file string, stdin io.Reader) (string, error) {
	switch {
	case file != "" && len(args) > 0:
		return "", fmt.Errorf("give the query as an argument or with -f, not both")
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("query file: %w", err)
		}
		return string(b), nil
	case len(args) == 1:
		return args[0], nil
	}
	b, err := io.ReadAll(stdin)
	if err != nil {
		return "", fmt.Errorf("read query from standard input: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("no query: give one as an argument, with -f FILE, or on standard input")
	}
	return string(b), nil
}

func printResults(w io.Writer, res []interface{}, format string) error {
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	cols := map[string]bool{}
	for _, r := range res {
		if m, ok := r.(map[string]interface{}); ok {
			for k := range m {
				cols[k] = true
			}
		}
	}
	names := orderColumns(cols)
	if len(res) == 0 {
		fmt.Fprintln(w, "(no results)")
		return nil
	}
	if len(names) == 0 {
		for _, r := range res {
			fmt.Fprintln(w, cell(r))
		}
		return nil
	}
	rows := [][]string{names}
	for _, r := range res {
		m, _ := r.(map[string]interface{})
		row := make([]string, len(names))
		for i, k := range names {
			row[i] = cell(m[k])
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(names))
	for _, row := range rows {
		for i, c := range row {
			if n := len([]rune(c)); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			if i > 0 {
				b.WriteString("  ")
			}
			if i == len(row)-1 {
				b.WriteString(c)
			} else {
				b.WriteString(c + strings.Repeat(" ", widths[i]-len([]rune(c))))
			}
		}
		fmt.Fprintln(w, b.String())
	}
	fmt.Fprintf(w, "(%d results)\n", len(res))
	return nil
}

// columnOrder puts the columns people read first; ids go last.
var columnOrder = []string{"id", "actor", "opponent", "supporter", "position", "class", "stance", "my_stance", "their_stance",
	"statements", "score", "agree", "disagree", "first", "last", "date", "predicate", "target", "speaker", "document",
	"sentence_index", "confidence", "length", "path", "sentence"}

func orderColumns(cols map[string]bool) []string {
	var names, rest, ids []string
	for _, c := range columnOrder {
		if cols[c] {
			names = append(names, c)
		}
	}
	for c := range cols {
		known := false
		for _, k := range columnOrder {
			known = known || k == c
		}
		switch {
		case known:
		case strings.HasSuffix(c, "_id") || c == "statement":
			ids = append(ids, c)
		default:
			rest = append(rest, c)
		}
	}
	sort.Strings(rest)
	sort.Strings(ids)
	return append(append(names, rest...), ids...)
}

func cell(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// queryOptions are the configured bounds of one query.
func queryOptions(cfg *config.Config) graph.QueryOptions {
	return graph.QueryOptions{Limit: cfg.Int(config.QueryLimit), Timeout: cfg.Duration(config.QueryTimeout), MaxMemory: cfg.Bytes(config.QueryMemory)}
}
