package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/conllu"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/internal/config"
)

func newParse(g *globals) *cobra.Command {
	var fromCoNLLU, strict bool
	cmd := &cobra.Command{
		Use:   "parse [FILE...]",
		Short: "Print the sentences, tags and dependency trees of articles in CoNLL-U",
		Long: "parse prints the analysis the extractor reads, in CoNLL-U: sentences, tokens,\n" +
			"lemmas, part-of-speech tags (UPOS and XPOS), heads and Universal Dependencies\n" +
			"relations, with each token's byte offsets in its document in MISC (TokenRange).\n" +
			"FILE is an article (.txt, .text, .jsonl, or a directory of them); with none,\n" +
			"standard input is one article.\n\n" +
			"With --conllu, each FILE (or standard input) is CoNLL-U whose sentences and\n" +
			"words are kept and analysed anew by the tagger and the parser alone (their\n" +
			"tags and trees are ignored), so that the parser can be scored against a\n" +
			"treebank with the CoNLL 2018 evaluation.",
		Example: "  stancegraph parse testdata/corpus/000_0530b87b29110808.txt\n" +
			"  echo 'Russia rejected the proposal.' | stancegraph parse\n" +
			"  stancegraph parse --conllu en_ewt-ud-test.conllu > parsed.conllu",
		RunE: func(cmd *cobra.Command, args []string) error {
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			if fromCoNLLU {
				p, err := nlp.New()
				if err != nil {
					return err
				}
				return parseCoNLLU(p, args, cmd.InOrStdin(), w)
			}
			cfg, err := g.load(cmd, nil)
			if err != nil {
				return err
			}
			lx, err := lexicon.Load(cfg.Strings(config.Lexicons)...)
			if err != nil {
				return err
			}
			// The tree extractor's own first stages, so that the trees are
			// the ones it reads (with its repairs of tags and attachments).
			chain, err := annotate.NewChain(annotate.Env{Lexicon: lx}, "sentences", "parse")
			if err != nil {
				return err
			}
			return parseText(chain, args, cmd.InOrStdin(), w, cmd.ErrOrStderr(), strict)
		},
	}
	cmd.Flags().BoolVar(&fromCoNLLU, "conllu", false, "read tokenised CoNLL-U and keep its sentences and words")
	cmd.Flags().BoolVar(&strict, "strict", false, "stop at the first document that cannot be read")
	return cmd
}

// parseText parses articles and writes one CoNLL-U document for each.
func parseText(chain *annotate.Chain, paths []string, stdin io.Reader, w *bufio.Writer, errw io.Writer, strict bool) error {
	emit := func(d *extract.Document) error {
		ad := &annotate.Doc{Source: d}
		if err := chain.Annotate(context.Background(), ad); err != nil {
			return fmt.Errorf("%s: %w", d.ID, err)
		}
		sents := ad.Sentences
		fmt.Fprintf(w, "# newdoc id = %s\n", d.ID)
		for i := range sents {
			if err := conllu.Write(w, sents[i].CoNLLU(d.Text, fmt.Sprintf("%s-%d", d.ID, i+1))); err != nil {
				return err
			}
		}
		return nil
	}
	if len(paths) == 0 {
		data, err := io.ReadAll(stdin)
		if err != nil {
			return fmt.Errorf("read standard input: %w", err)
		}
		d, err := source.TextDocument("stdin", data)
		if err != nil {
			return fmt.Errorf("standard input: %w", err)
		}
		return emit(d)
	}
	if err := source.Check(paths); err != nil {
		return err
	}
	return source.Walk(paths, emit, func(b *source.BadDocument) error {
		if strict {
			return fmt.Errorf("%w (--strict stops at the first bad document)", b)
		}
		fmt.Fprintf(errw, "skipped %s\n", b)
		return nil
	})
}

// parseCoNLLU analyses the sentences of CoNLL-U files anew.
func parseCoNLLU(p *nlp.Pipeline, paths []string, stdin io.Reader, w *bufio.Writer) error {
	one := func(r io.Reader, name string) error {
		cr := conllu.NewReader(r, name)
		for {
			s, err := cr.Read()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := p.AnnotateCoNLLU(s); err != nil {
				return fmt.Errorf("%s: sentence of line %d: %w", name, s.Line, err)
			}
			if err := conllu.Write(w, s); err != nil {
				return err
			}
		}
	}
	if len(paths) == 0 {
		return one(stdin, "standard input")
	}
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("input %s: %w", path, err)
		}
		err = one(f, path)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}
