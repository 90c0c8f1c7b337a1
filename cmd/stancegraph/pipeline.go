package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/internal/config"
)

// summary counts what a run read.
type summary struct {
	read, skipped, sentences, statements int
	undated                              int            // documents with no date from any source
	other                                int            // documents of other shards
	why                                  map[string]int // reason -> documents skipped
}

func (s *summary) skip(b *source.BadDocument) {
	s.skipped++
	if s.why == nil {
		s.why = map[string]int{}
	}
	reason := b.Err.Error()
	if i := strings.IndexAny(reason, "(:"); i > 0 {
		reason = strings.TrimSpace(reason[:i])
	}
	s.why[reason]++
}

// allSkipped is an error when there were documents and none could be read.
func (s *summary) allSkipped() error {
	if s == nil || s.read > 0 || s.skipped == 0 {
		return nil
	}
	return fmt.Errorf("nothing read: all %d documents were skipped (see above why)", s.skipped)
}

// print writes the summary as aligned lines.
func (s *summary) print(w io.Writer, extra ...[2]string) {
	rows := [][2]string{
		{"documents read", fmt.Sprint(s.read)},
		{"documents skipped", fmt.Sprint(s.skipped)},
		{"sentences", fmt.Sprint(s.sentences)},
		{"statements", fmt.Sprint(s.statements)},
		{"undated documents", fmt.Sprint(s.undated)},
	}
	if s.other > 0 {
		rows = append(rows, [2]string{"other shards' documents", fmt.Sprint(s.other)})
	}
	rows = append(rows, extra...)
	printRows(w, rows)
	if len(s.why) > 0 {
		var reasons []string
		for r := range s.why {
			reasons = append(reasons, r)
		}
		sort.Strings(reasons)
		fmt.Fprintln(w, "skipped because:")
		for _, r := range reasons {
			fmt.Fprintf(w, "  %4d  %s\n", s.why[r], r)
		}
	}
}

func printRows(w io.Writer, rows [][2]string) {
	width := 0
	for _, r := range rows {
		if len(r[0]) > width {
			width = len(r[0])
		}
	}
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s  %s\n", width, r[0], r[1])
	}
}

// dateOf gives a document without a date one: its dateline (the year
// from the text, else from the default date's), else the default date.
func dateOf(d *extract.Document, def string) {
	if d.Date != "" {
		return
	}
	year := 0
	if len(def) >= 4 {
		year, _ = strconv.Atoi(def[:4])
	}
	if date, ok := source.Dateline(d.Text, year); ok {
		d.Date = date
		return
	}
	d.Date = def
}

// runFlags are the flags of a command that reads articles.
type runFlags struct {
	strict, quiet bool
	shard         extract.Shard
}

// extraction runs the configured extractor over paths and hands each good
// document's result to emit, in input order. A bad document is reported on
// stderr and skipped, or ends the run when strict; documents outside the
// shard are passed over.
func extraction(ctx context.Context, cfg *config.Config, paths []string, rf runFlags, errw io.Writer, emit func(extract.Job) error) (*summary, error) {
	strict, quiet := rf.strict, rf.quiet
	ex, err := extract.New(cfg.String(config.Extractor), extract.Config{
		Lexicons:      cfg.Strings(config.Lexicons),
		MinConfidence: cfg.Float(config.MinConfidence),
		Stages:        cfg.Strings(config.Stages),
	})
	if err != nil {
		return nil, err
	}
	sum := &summary{}
	defaultDate := strings.TrimSpace(cfg.String(config.DefaultDate))
	prog := newProgress(errw, quiet, inputSize(paths))
	defer prog.done()
	docs := make(chan *extract.Document, 16)
	walkErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(docs)
		walkErr <- source.Walk(paths, func(d *extract.Document) error {
			dateOf(d, defaultDate)
			if !rf.shard.Has(d.ID) {
				sum.other++
				prog.add(len(d.Text), sum.read)
				return nil
			}
			select {
			case docs <- d:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(b *source.BadDocument) error {
			if strict {
				return fmt.Errorf("%w (--strict stops at the first bad document)", b)
			}
			prog.clear()
			fmt.Fprintf(errw, "skipped %s\n", b)
			sum.skip(b)
			return nil
		})
	}()
	runErr := extract.Run(ctx, ex, docs, cfg.Int(config.Workers), func(j extract.Job) error {
		if j.Err != nil {
			return fmt.Errorf("extract %s: %w", j.Doc.Origin, j.Err)
		}
		sum.read++
		if j.Doc.Date == "" {
			sum.undated++
		}
		sum.sentences += j.Result.Sentences
		sum.statements += len(j.Result.Statements)
		if err := emit(j); err != nil {
			return err
		}
		prog.add(len(j.Doc.Text), sum.read)
		return nil
	})
	cancel()
	if err := <-walkErr; err != nil && err != context.Canceled && runErr == nil {
		return sum, err
	}
	return sum, runErr
}

// inputSize is the bytes of readable input under paths, for the progress
// bar's estimate; 0 if unknown.
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		_ = filepath.Walk(p, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && (source.Readable(path) || path == p) {
				total += info.Size()
			}
			return nil
		})
	}
	return total
}
