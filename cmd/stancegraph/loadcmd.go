package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

func newLoad(g *globals) *cobra.Command {
	var quiet, strict bool
	cmd := &cobra.Command{
		Use:   "load FILE.jsonl...",
		Short: "Load statements that extract printed into the store",
		Long: "load reads statements as JSON Lines, as `stancegraph extract` prints them (\"-\" reads\n" +
			"stdin), and writes them to the store, " + fmt.Sprint(graph.DocsPerTransaction) + " whole documents a transaction. A new bolt\n" +
			"store or an empty PostgreSQL database is loaded in bulk instead: everything is\n" +
			"written at the end, at several times the speed, and a load cut short leaves the\n" +
			"store empty. So is a bolt store that holds less than twice what the files will add:\n" +
			"it is read and written again with them, and stays as it was until the end. A\n" +
			"document's statements must be on consecutive lines. A bad line is reported and its\n" +
			"document is not loaded (what the store held of it stays); --strict stops at it.\n" +
			"Loading is idempotent, so\n" +
			"workers can extract shards of a corpus (extract --shard K/N) and load them into one\n" +
			"shared store.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			var files []string
			for _, a := range args {
				if a != "-" {
					files = append(files, a)
				}
			}
			st, err := openToWrite(cfg, files)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			var total int64
			for _, a := range args {
				if info, err := os.Stat(a); err == nil {
					total += info.Size()
				}
			}
			prog := newProgress(cmd.ErrOrStderr(), quiet, total)
			sw, err := newStoreWriter(ctx, st, prog, total/statementBytesPerQuad)
			if err != nil {
				return err
			}
			l := &loader{w: sw, prog: prog, seen: map[string]string{}, strict: strict, errw: cmd.ErrOrStderr(), broken: map[string]string{}}
			for _, a := range args {
				if err = l.file(ctx, cmd.InOrStdin(), a); err != nil {
					break
				}
			}
			if err != nil {
				// The document being read when the load stopped may
				// be incomplete: it is not stored.
				l.dropCurrent()
			}
			if ferr := l.flush(); err == nil {
				err = ferr
			}
			if ferr := sw.finish(); err == nil {
				err = ferr
			}
			prog.done()
			out := cmd.OutOrStdout()
			if quiet {
				out = cmd.ErrOrStderr()
			}
			printRows(out, [][2]string{
				{"documents loaded", fmt.Sprint(l.docs - sw.lost)},
				{"statements", fmt.Sprint(l.statements)},
				{"lines skipped", fmt.Sprint(l.badLines)},
				{"documents skipped", fmt.Sprint(len(l.skipped))},
				{"quads added", fmt.Sprint(sw.result.Added)},
				{"quads removed", fmt.Sprint(sw.result.Removed)},
				{"store", cfg.Store().Backend + " " + cfg.Store().Path},
			})
			stored := l.docs - sw.lost
			for _, d := range l.skipped {
				fmt.Fprintf(cmd.ErrOrStderr(), "not loaded: document %q (bad line at %s); fix the line and load again\n", d, l.broken[d])
			}
			if errors.Is(err, context.Canceled) {
				return &exitError{code: 130, msg: fmt.Sprintf("interrupted: %d documents were stored whole; run load again to finish", stored)}
			}
			if err != nil {
				return fmt.Errorf("%w\n%d documents before it were stored whole; loading again adds nothing twice", err, stored)
			}
			if l.badLines > 0 && stored == 0 {
				return fmt.Errorf("nothing loaded: every document had a bad line (%d lines skipped)", l.badLines)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar; summary on stderr")
	cmd.Flags().BoolVar(&strict, "strict", false, "stop at the first bad line")
	return cmd
}

// loader groups statements by document and writes whole documents.
type loader struct {
	w                *storeWriter
	prog             *progress
	pending          []graph.Batch
	seen             map[string]string // document -> where its statements were
	docs, statements int
	lastDoc          string

	strict   bool
	errw     io.Writer
	badLines int
	broken   map[string]string // document -> its first bad line
	skipped  []string          // broken documents, in order
	orphan   string            // a bad line naming no document, not yet placed
}

// maxStatementLine bounds one JSON line: a statement holds one sentence.
const maxStatementLine = 4 << 20

func (l *loader) file(ctx context.Context, stdin io.Reader, name string) error {
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("load %s: %w", name, err)
		}
		defer f.Close()
		r = f
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxStatementLine)
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		l.prog.add(len(sc.Bytes())+1, l.docs)
		if len(b) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, line)
		s, err := readStatement(b)
		if err != nil {
			if l.strict {
				return fmt.Errorf("%s: %w (--strict stops at the first bad line)", where, err)
			}
			l.bad(b, where, err)
			continue
		}
		if err := l.add(ctx, s, where); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s:%d: line longer than %d MB", name, line+1, maxStatementLine>>20)
		}
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// readStatement reads one line of extract's output.
func readStatement(b []byte) (schema.Statement, error) {
	var s schema.Statement
	if err := json.Unmarshal(b, &s); err != nil {
		return s, fmt.Errorf("not a statement (%v): load reads what `stancegraph extract` prints", err)
	}
	if err := s.Validate(); err != nil {
		return s, err
	}
	if s.Date != "" && !schema.ValidDate(s.Date) {
		return s, fmt.Errorf("date %q is not YYYY-MM-DD", s.Date)
	}
	return s, nil
}

// docField finds the document a line names, even when the line is not
// valid JSON.
var docField = regexp.MustCompile(`"doc"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// bad reports a bad line and marks its document broken: the line's "doc"
// field if it can be read, or else the document around it. A line between
// two documents that names neither breaks both, since it may be either's.
func (l *loader) bad(b []byte, where string, err error) {
	l.badLines++
	l.prog.clear()
	fmt.Fprintf(l.errw, "skipped line %s: %v\n", where, err)
	if m := docField.FindSubmatch(b); m != nil {
		var doc string
		if json.Unmarshal(append(append([]byte{'"'}, m[1]...), '"'), &doc) == nil {
			l.markBroken(doc, where)
			return
		}
	}
	if l.lastDoc != "" {
		l.markBroken(l.lastDoc, where)
	}
	if l.orphan == "" {
		l.orphan = where
	}
}

func (l *loader) markBroken(doc, where string) {
	if _, ok := l.broken[doc]; !ok {
		l.broken[doc] = where
		l.skipped = append(l.skipped, doc)
	}
}

// dropCurrent leaves out the document being read.
func (l *loader) dropCurrent() {
	if n := len(l.pending); n > 0 && l.pending[n-1].Doc.ID == l.lastDoc {
		l.pending = l.pending[:n-1]
	}
}

func (l *loader) add(ctx context.Context, s schema.Statement, where string) error {
	if l.orphan != "" {
		l.markBroken(s.Doc, l.orphan)
		l.orphan = ""
	}
	if s.Doc != l.lastDoc {
		if prev, ok := l.seen[s.Doc]; ok {
			return fmt.Errorf("%s: statements of document %q are also at %s, not on consecutive lines: a load would keep only the last group; sort the file by document", where, s.Doc, prev)
		}
		if len(l.pending) >= graph.DocsPerTransaction {
			if err := l.flush(); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		l.seen[s.Doc] = where
		l.lastDoc = s.Doc
		l.pending = append(l.pending, graph.Batch{Doc: schema.DocumentInfo{ID: s.Doc, Date: s.Date}})
	}
	b := &l.pending[len(l.pending)-1]
	b.Statements = append(b.Statements, s)
	l.statements++
	return nil
}

// flush stores the pending documents whole, leaving out broken ones.
func (l *loader) flush() error {
	whole := l.pending[:0]
	for _, b := range l.pending {
		if _, ok := l.broken[b.Doc.ID]; !ok {
			whole = append(whole, b)
		}
	}
	l.pending = whole
	if len(l.pending) == 0 {
		return nil
	}
	if err := l.w.load(l.pending); err != nil {
		return err
	}
	l.docs += len(l.pending)
	l.pending = l.pending[:0]
	return nil
}
