package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/extract"
)

func newExtract(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Print the statements of articles, without a store",
		Long: "extract prints one statement a line as JSON (--format jsonl, the format\n" +
			"../shared/eval/score.py reads) or an aligned table (--format table).",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.load(cmd, extractFlags)
			if err != nil {
				return err
			}
			rf, err := readRunFlags(cmd)
			if err != nil {
				return err
			}
			if format != "jsonl" && format != "table" {
				return fmt.Errorf("--format %q: want jsonl or table", format)
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			if os.Getenv("GOGC") == "" {
				// Extraction makes short-lived garbage and holds little (about
				// 60 MB): collecting half as often is 5 to 8% faster for 20 MB
				// more (50 MB corpus, one core and two). GOGC overrides it.
				debug.SetGCPercent(200)
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			sum, err := extraction(ctx, cfg, args, rf, cmd.ErrOrStderr(), func(j extract.Job) error {
				for i := range j.Result.Statements {
					s := &j.Result.Statements[i]
					if format == "table" {
						fmt.Fprintf(w, "%-24s %-14s %-9s %-28s %s\n", trunc(s.Doc, 24), trunc(s.Subject, 14), s.Class, trunc(s.Predicate, 28), s.Object)
						continue
					}
					if err := enc.Encode(s); err != nil {
						return err
					}
				}
				return nil
			})
			if sum != nil && !rf.quiet {
				w.Flush()
				sum.print(cmd.ErrOrStderr())
			}
			if err == nil {
				err = sum.allSkipped()
			}
			return err
		},
	}
	addExtractFlags(cmd)
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl or table")
	addRunFlags(cmd, "no progress bar and no summary")
	return cmd
}

func trunc(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
