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
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
)

func newLoad(g *globals) *cobra.Command {
	var quiet bool
	cmd := &cobra.Command{
		Use:   "load FILE.jsonl...",
		Short: "Load statements that extract printed into the store",
		Long: "load reads statements as JSON Lines, as `stancegraph extract` prints them (\"-\" reads\n" +
			"stdin), and writes them to the store, " + fmt.Sprint(graph.DocsPerTransaction) + " whole documents a transaction. A new bolt\n" +
			"store or an empty PostgreSQL database is loaded in bulk instead: everything is\n" +
			"written at the end, at several times the speed, and a load cut short leaves the\n" +
			"store empty. So is a bolt store that holds less than twice what the files will add:\n" +
			"it is read and written again with them, and stays as it was until the end. A\n" +
			"document's statements must be on consecutive lines. Loading is idempotent, so\n" +
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
			l := &loader{w: sw, prog: prog, seen: map[string]string{}}
			for _, a := range args {
				if err = l.file(ctx, cmd.InOrStdin(), a); err != nil {
					break
				}
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
				{"quads added", fmt.Sprint(sw.result.Added)},
				{"quads removed", fmt.Sprint(sw.result.Removed)},
				{"store", cfg.Store().Backend + " " + cfg.Store().Path},
			})
			stored := l.docs - sw.lost
			if errors.Is(err, context.Canceled) {
				return &exitError{code: 130, msg: fmt.Sprintf("interrupted: %d documents were stored whole; run load again to finish", stored)}
			}
			if err != nil {
				return fmt.Errorf("%w\n%d documents before it were stored whole; loading again adds nothing twice", err, stored)
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar; summary on stderr")
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
		var s schema.Statement
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("%s: not a statement (%v): load reads what `stancegraph extract` prints", where, err)
		}
		if err := s.Validate(); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if s.Date != "" && !schema.ValidDate(s.Date) {
			return fmt.Errorf("%s: date %q is not YYYY-MM-DD", where, s.Date)
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

func (l *loader) add(ctx context.Context, s schema.Statement, where string) error {
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

func (l *loader) flush() error {
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
