package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/peterh/liner"
	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
)

const consoleHelp = `Type a Gizmo query and press Enter; a query spans lines until its brackets close.
  g.V("<sg:actor/russia>").Out("<sg:DEMAND>").Out("<rdfs:label>").All()
Commands:
  :list                 the named queries of the library
  :name NAME ARG...     run a named query, e.g. :name opponents Russia
  :format json|table    how results print (now %s)
  :limit N              results at most (now %d)
  :help                 this text
  :quit                 leave (also Ctrl-D)
`

func newConsole(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "console",
		Short: "A Gizmo console in the terminal, with line editing and history",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, map[string]string{config.QueryTimeout: "timeout", config.QueryLimit: "limit", config.QueryMemory: "max-memory"})
			if err != nil {
				return err
			}
			st, err := openStore(cfg, true)
			if err != nil {
				return err
			}
			defer st.Close()
			gr, err := stancegraph.Wrap(st, cfg.Strings(config.Lexicons)...)
			if err != nil {
				return err
			}
			c := &console{g: gr, out: cmd.OutOrStdout(), format: format,
				opt: queryOptions(cfg)}
			in, ok := cmd.InOrStdin().(*os.File)
			if ok && in == os.Stdin && isTerminal(os.Stdin) && isTerminal(os.Stdout) {
				return c.interactive()
			}
			return c.run(lineReader(bufio.NewScanner(cmd.InOrStdin())), false)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "how results print: json or table")
	cmd.Flags().Duration("timeout", graph.DefaultTimeout, "stop a query after this long")
	cmd.Flags().Int("limit", 100, "results per query at most")
	cmd.Flags().String("max-memory", "512MiB", "stop a query once it has used this much memory (off: no cap)")
	return cmd
}

type console struct {
	g      *stancegraph.Graph
	out    io.Writer
	format string
	opt    graph.QueryOptions
}

// prompter reads one line with a prompt.
type prompter func(prompt string) (string, error)

func lineReader(sc *bufio.Scanner) prompter {
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	return func(string) (string, error) {
		if sc.Scan() {
			return sc.Text(), nil
		}
		if err := sc.Err(); err != nil {
			return "", err
		}
		return "", io.EOF
	}
}

func (c *console) interactive() error {
	l := liner.NewLiner()
	defer l.Close()
	l.SetCtrlCAborts(true)
	hist := historyFile()
	if f, err := os.Open(hist); err == nil {
		l.ReadHistory(f)
		f.Close()
	}
	fmt.Fprintf(c.out, "stancegraph console: Gizmo over %s; :help for help, Ctrl-D to leave\n", c.g.Store().Config().Path)
	err := c.run(func(p string) (string, error) {
		s, err := l.Prompt(p)
		if err == liner.ErrPromptAborted {
			return "", nil
		}
		if err == nil && strings.TrimSpace(s) != "" {
			l.AppendHistory(s)
		}
		return s, err
	}, true)
	if f, ferr := os.Create(hist); ferr == nil {
		l.WriteHistory(f)
		f.Close()
	}
	return err
}

func historyFile() string {
	if dir, err := os.UserConfigDir(); err == nil {
		if os.MkdirAll(filepath.Join(dir, "stancegraph"), 0o755) == nil {
			return filepath.Join(dir, "stancegraph", "history")
		}
	}
	return ".stancegraph_history"
}

// run reads queries and commands until EOF or :quit. Errors of one query are
// printed and the console goes on.
func (c *console) run(read prompter, tty bool) error {
	var buf []string
	var next *string // a line read ahead, to see whether it continues a chain
	for {
		prompt := "gizmo> "
		if len(buf) > 0 {
			prompt = "   ...> "
		}
		var line string
		var err error
		if next != nil {
			line, next = *next, nil
		} else {
			line, err = read(prompt)
		}
		if errors.Is(err, io.EOF) {
			if len(buf) > 0 {
				c.eval(strings.Join(buf, "\n"))
			}
			if tty {
				fmt.Fprintln(c.out)
			}
			return nil
		}
		if err != nil {
			return err
		}
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, ":") {
			if len(buf) > 0 {
				fmt.Fprintln(c.out, "(the unfinished query was dropped)")
				buf = nil
			}
			if quit := c.command(strings.Fields(trimmed)); quit {
				return nil
			}
			continue
		}
		if len(buf) == 0 && trimmed == "" {
			continue
		}
		if trimmed != "" || !tty {
			buf = append(buf, line)
		}
		src := strings.Join(buf, "\n")
		if !complete(src) {
			continue
		}
		// At the terminal a path that has not yet asked for its results
		// waits for more: a line starting with "." goes on, an empty line
		// runs it; so a pasted query of several lines runs once, whole.
		if tty && trimmed != "" && !finished(src) {
			continue
		}
		if !tty {
			// Piped input: a following line that starts with "." goes on.
			ahead, err := read(prompt)
			if err == nil {
				if strings.HasPrefix(strings.TrimSpace(ahead), ".") {
					buf = append(buf, ahead)
					continue
				}
				next = &ahead
			}
		}
		c.eval(src)
		buf = nil
	}
}

// finishers are the calls that end a Gizmo path and give its results.
var finishers = []string{"All", "Count", "ToArray", "ToValue", "TagArray", "TagValue", "ForEach", "Map", "Emit", "Paths"}

// finished reports a query that ends by asking for its results (".All()",
// "g.Emit(x)") or as a statement (";", "}").
func finished(src string) bool {
	t := strings.TrimSpace(src)
	if strings.HasSuffix(t, ";") || strings.HasSuffix(t, "}") {
		return true
	}
	if !strings.HasSuffix(t, ")") {
		return false
	}
	// The name of the last call: the word before its opening bracket.
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				j := i
				for j > 0 && (isWordByte(t[j-1])) {
					j--
				}
				name := t[j:i]
				for _, f := range finishers {
					if name == f {
						return true
					}
				}
				return false
			}
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// complete reports whether a query's brackets and strings are closed and it
// does not end in the middle of a chain.
func complete(src string) bool {
	depth := 0
	var quote rune
	escaped := false
	for _, r := range src {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'' || r == '`':
			quote = r
		case r == '(' || r == '{' || r == '[':
			depth++
		case r == ')' || r == '}' || r == ']':
			depth--
		}
	}
	t := strings.TrimSpace(src)
	return depth <= 0 && quote == 0 && !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, ",")
}

func (c *console) eval(src string) {
	// A bare path gives nothing in Gizmo: ask for its results.
	if t := strings.TrimSpace(src); !finished(t) && strings.HasSuffix(t, ")") &&
		(strings.HasPrefix(t, "g.") || strings.HasPrefix(t, "graph.")) {
		src = t + ".All()"
	}
	res, err := c.g.Store().Query(context.Background(), src, c.opt)
	if err != nil {
		fmt.Fprintln(c.out, "error:", err)
		return
	}
	c.print(res)
}

func (c *console) print(res []interface{}) {
	if err := printResults(c.out, res, c.format); err != nil {
		fmt.Fprintln(c.out, "error:", err)
	}
}

// command runs a console command; it reports whether to leave.
func (c *console) command(f []string) bool {
	switch f[0] {
	case ":quit", ":q", ":exit":
		return true
	case ":help", ":h", ":?":
		fmt.Fprintf(c.out, consoleHelp, c.format, c.opt.Limit)
	case ":list":
		if err := listQueries(c.out); err != nil {
			fmt.Fprintln(c.out, "error:", err)
		}
	case ":name":
		if len(f) < 2 {
			fmt.Fprintln(c.out, "usage: :name NAME ARG... (:list shows the names)")
			return false
		}
		res, err := c.g.Run(context.Background(), f[1], joinQuoted(f[2:])...)
		if err != nil {
			fmt.Fprintln(c.out, "error:", err)
			return false
		}
		c.print(res)
	case ":format":
		if len(f) == 2 && (f[1] == "json" || f[1] == "table") {
			c.format = f[1]
		} else {
			fmt.Fprintln(c.out, "usage: :format json|table")
		}
	case ":limit":
		n, err := strconv.Atoi(strings.Join(f[1:], ""))
		if err != nil || n <= 0 {
			fmt.Fprintln(c.out, "usage: :limit N (a whole number above 0)")
			return false
		}
		c.opt.Limit = n
	default:
		fmt.Fprintf(c.out, "unknown command %s: :help lists the commands\n", f[0])
	}
	return false
}

// joinQuoted rejoins arguments written in quotes: :name holders "US response".
func joinQuoted(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if strings.HasPrefix(w, `"`) {
			j := i
			for j < len(words)-1 && !strings.HasSuffix(words[j], `"`) {
				j++
			}
			w = strings.Trim(strings.Join(words[i:j+1], " "), `"`)
			i = j
		}
		out = append(out, w)
	}
	return out
}
