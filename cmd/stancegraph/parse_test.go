package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract/conllu"
	"github.com/stancegraph/stancegraph/extract/depparse"
)

// checkTrees reads CoNLL-U and checks every sentence is a tree with a
// relation on every word.
func checkTrees(t *testing.T, out string) []*conllu.Sentence {
	t.Helper()
	sents, err := conllu.ReadAll(strings.NewReader(out), "output")
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v", err)
	}
	for _, s := range sents {
		heads := make([]int, len(s.Words))
		for i, w := range s.Words {
			heads[i] = w.Head - 1
			if w.Deprel == "" || w.Deprel == "_" || w.UPOS == "_" || w.XPOS == "_" || w.Lemma == "_" && w.Form != "_" {
				t.Errorf("sentence of line %d, word %d: %+v", s.Line, i+1, w)
			}
		}
		if err := depparse.Check(heads); err != nil {
			t.Errorf("sentence of line %d: %v", s.Line, err)
		}
	}
	return sents
}

func TestParseText(t *testing.T) {
	out, _, err := run(t, "parse", "../../testdata/corpus/000_0530b87b29110808.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# newdoc id = 000_0530b87b29110808.txt\n# sent_id = 000_0530b87b29110808.txt-1\n# text = ") {
		t.Errorf("output begins %q", out[:min(len(out), 120)])
	}
	sents := checkTrees(t, out)
	if len(sents) < 10 {
		t.Fatalf("%d sentences", len(sents))
	}
	// Offsets point into the file: each word's TokenRange spells its form.
	raw, _ := os.ReadFile("../../testdata/corpus/000_0530b87b29110808.txt")
	for _, s := range sents {
		for _, w := range s.Words {
			var a, b int
			if _, err := fmtSscanRange(w.Misc, &a, &b); err != nil {
				t.Fatalf("word %q: MISC %q: %v", w.Form, w.Misc, err)
			}
			if string(raw[a:b]) != w.Form {
				t.Fatalf("word %q has TokenRange %d:%d, which spells %q", w.Form, a, b, raw[a:b])
			}
		}
	}
}

// parseStdin runs parse on text given on standard input.
func parseStdin(t *testing.T, text string) string {
	t.Helper()
	root := newRoot()
	var out strings.Builder
	root.SetOut(&out)
	root.SetIn(strings.NewReader(text))
	root.SetArgs([]string{"parse"})
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestParseStdin(t *testing.T) {
	out := parseStdin(t, "Egypt rejected the plan. Ethiopia said it would fill the dam.")
	sents := checkTrees(t, out)
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(sents), out)
	}
	w := sents[0].Words
	if w[0].Form != "Egypt" || w[0].Deprel != "nsubj" || w[0].Head != 2 || w[1].Deprel != "root" || w[3].Deprel != "obj" {
		t.Errorf("Egypt rejected the plan:\n%s", out)
	}
}

// TestParseCoNLLU: the treebank's sentences and words are kept, comments
// and multiword-token lines too, and the analysis is the pipeline's.
func TestParseCoNLLU(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/ud/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	// The first 200 sentences.
	blocks := strings.SplitAfterN(string(raw), "\n\n", 201)
	in := filepath.Join(t.TempDir(), "dev200.conllu")
	if err := os.WriteFile(in, []byte(strings.Join(blocks[:200], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, "parse", "--conllu", in)
	if err != nil {
		t.Fatal(err)
	}
	got := checkTrees(t, out)
	f, _ := os.Open(in)
	defer f.Close()
	want, _ := conllu.ReadAll(f, in)
	if len(got) != len(want) {
		t.Fatalf("%d sentences out, %d in", len(got), len(want))
	}
	right, words := 0, 0
	for i := range want {
		if strings.Join(got[i].Forms(), " ") != strings.Join(want[i].Forms(), " ") ||
			strings.Join(got[i].Comments, "\n") != strings.Join(want[i].Comments, "\n") ||
			len(got[i].Extra) != len(want[i].Extra) {
			t.Fatalf("sentence %d changed:\n%v\n%v", i+1, got[i], want[i])
		}
		for j, w := range got[i].Words {
			words++
			if w.Head == want[i].Words[j].Head {
				right++
			}
		}
	}
	if uas := float64(right) / float64(words); uas < 0.8 {
		t.Errorf("UAS %.2f on the first 200 dev sentences", uas)
	}
}

func TestParseBadCoNLLU(t *testing.T) {
	in := filepath.Join(t.TempDir(), "bad.conllu")
	os.WriteFile(in, []byte("1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n1\tB\tb\tX\tX\t_\tz\troot\t_\t_\n\n"), 0o644)
	_, _, err := run(t, "parse", "--conllu", in)
	if err == nil || !strings.Contains(err.Error(), "bad.conllu: line 3: field 7 (HEAD)") {
		t.Fatalf("error %v, want one naming bad.conllu, line 3 and the HEAD field", err)
	}
	if _, _, err := run(t, "parse", "no/such/file.txt"); err == nil || !strings.Contains(err.Error(), "no/such/file.txt") {
		t.Fatalf("missing file: %v", err)
	}
}

// fmtSscanRange reads the TokenRange=A:B of a MISC field.
func fmtSscanRange(misc string, a, b *int) (int, error) {
	for _, kv := range strings.Split(misc, "|") {
		if r, ok := strings.CutPrefix(kv, "TokenRange="); ok {
			return fmt.Sscanf(r, "%d:%d", a, b)
		}
	}
	return 0, fmt.Errorf("no TokenRange")
}

// TestParseShowsTheExtractorsTrees: parse prints the trees the tree
// extractor reads, with its repairs: a clause has one subject ("OAS top
// diplomats", which the parser alone reads with two), and a lexicon's name
// is a proper noun.
func TestParseShowsTheExtractorsTrees(t *testing.T) {
	out := parseStdin(t, "EU top diplomats agree to impose new sanctions on Russia.")
	w := checkTrees(t, out)[0].Words
	subjects := 0
	for _, x := range w {
		if x.Deprel == "nsubj" && x.Head == 4 {
			subjects++
		}
	}
	if subjects != 1 || w[0].Deprel != "compound" || w[0].Head != 3 {
		t.Errorf("EU top diplomats agree: %d subjects of agree, EU %s of %d:\n%s", subjects, w[0].Deprel, w[0].Head, out)
	}
}
