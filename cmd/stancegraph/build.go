package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/internal/config"
)

func newBuild(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract statements from articles and load them into the store",
		Long: "build reads text files (.txt), JSON Lines files (.jsonl) and directories of them,\n" +
			"extracts statements and writes them to the store, 128 whole documents a transaction.\n" +
			"A new bolt store, one holding less than twice what the input should add, or an empty\n" +
			"PostgreSQL database is loaded in bulk instead, written at the end. Re-running build\n" +
			"on the same input adds nothing; a changed document replaces its statements.",
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
			st, err := openToWrite(cfg, args)
			if err != nil {
				return err
			}
			defer st.Close()
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			prog := newProgress(cmd.ErrOrStderr(), rf.quiet, 0)
			sw, err := newStoreWriter(ctx, st, prog, inputSize(args)/articleBytesPerQuad)
			if err != nil {
				return err
			}
			var pending []graph.Batch
			flush := func() error {
				if len(pending) == 0 {
					return nil
				}
				err := sw.load(pending)
				pending = pending[:0]
				return err
			}
			sum, err := extraction(ctx, cfg, args, rf, cmd.ErrOrStderr(), func(j extract.Job) error {
				pending = append(pending, graph.Batch{Doc: j.Doc.Info(j.Result.Sentences), Statements: j.Result.Statements})
				if len(pending) >= graph.DocsPerTransaction {
					return flush()
				}
				return nil
			})
			if ferr := flush(); err == nil || errors.Is(err, context.Canceled) {
				// The documents read so far go in whole, even when stopped.
				if ferr != nil {
					err = ferr
				}
			}
			if ferr := sw.finish(); err == nil || errors.Is(err, context.Canceled) {
				if ferr != nil {
					err = ferr
				}
			}
			prog.done()
			added, removed := sw.result.Added, sw.result.Removed
			if sum != nil {
				out := cmd.OutOrStdout()
				if rf.quiet {
					out = cmd.ErrOrStderr()
				}
				sum.print(out, [2]string{"quads added", fmt.Sprint(added)}, [2]string{"quads removed", fmt.Sprint(removed)},
					[2]string{"store", cfg.String(config.StoreBackend) + " " + cfg.String(config.StorePath)})
			}
			if errors.Is(err, context.Canceled) {
				return &exitError{code: 130, msg: fmt.Sprintf("interrupted: %d documents were stored whole; run build again to finish", sum.read)}
			}
			if err == nil {
				err = sum.allSkipped()
			}
			return err
		},
	}
	addExtractFlags(cmd)
	addRunFlags(cmd, "no progress bar; summary on stderr")
	return cmd
}

// extractFlags maps config keys to the extraction flags.
var extractFlags = map[string]string{
	config.Extractor:     "extractor",
	config.Lexicons:      "lexicon",
	config.MinConfidence: "min-confidence",
	config.Workers:       "workers",
	config.DefaultDate:   "date",
}

// addRunFlags adds the flags readRunFlags reads.
func addRunFlags(cmd *cobra.Command, quiet string) {
	f := cmd.Flags()
	f.Bool("strict", false, "stop at the first document that cannot be read")
	f.BoolP("quiet", "q", false, quiet)
	f.String("shard", "", "take only shard K/N of the documents (by id), for N workers sharing a corpus")
}

func readRunFlags(cmd *cobra.Command) (runFlags, error) {
	f := cmd.Flags()
	var rf runFlags
	rf.strict, _ = f.GetBool("strict")
	rf.quiet, _ = f.GetBool("quiet")
	s, _ := f.GetString("shard")
	sh, err := extract.ParseShard(s)
	if err != nil {
		return rf, fmt.Errorf("--shard: %w", err)
	}
	rf.shard = sh
	return rf, nil
}

func addExtractFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("extractor", "hybrid", "extractor to use: "+strings.Join(extract.Names(), ", "))
	f.StringSlice("lexicon", nil, "extra lexicon file (YAML), merged over the builtin lexicons; repeatable")
	f.Float64("min-confidence", 0, "drop statements below this confidence (0 to 1)")
	f.Int("workers", 0, "documents extracted at once (0: one per CPU)")
	f.String("date", "", "date (YYYY-MM-DD) of documents that give none; its year completes datelines without one")
}
