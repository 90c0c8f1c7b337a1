package nlp

import (
	"fmt"
	"strings"
	"testing"
)

// TestTags: the pipeline's tags tell auxiliaries from verbs and
// prepositions from subordinators, which Penn tags alone do not.
func TestTags(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, want string }{
		{"Turkey has rejected the proposal.", "PROPN/NNP AUX/VBZ VERB/VBN DET/DT NOUN/NN PUNCT/."},
		{"Venezuela has no plan.", "PROPN/NNP VERB/VBZ DET/DT NOUN/NN PUNCT/."},
		{"They left after the vote because talks failed.", "PRON/PRP VERB/VBD ADP/IN DET/DT NOUN/NN SCONJ/IN NOUN/NNS VERB/VBD PUNCT/."},
	} {
		sents := p.Sentences(tc.text)
		if err := p.Parse(sents); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range sents[0].Tokens {
			got = append(got, tk.UPOS+"/"+tk.XPOS)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.text, g, tc.want)
		}
	}
}

// TestParseClauses: the relations the extractor reads, on sentences
// written about disputes that no development set covers. The parser is
// right on most of them, not all (it is a greedy parser at 85 UAS): the
// misses are logged, and the share right must stay above a floor set just
// under what the shipped model gets (45 of 50).
func TestParseClauses(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	const floor = 0.88
	right, all := 0, 0
	for _, tc := range []struct {
		text string
		want []string // "dependent relation head"
	}{
		{"Venezuela rejected Guyana's plan to drill in the disputed waters.",
			[]string{"Venezuela nsubj rejected", "plan obj rejected", "Guyana nmod:poss plan", "drill acl plan", "waters obl drill"}},
		{"The proposal was rejected by Azerbaijan.",
			[]string{"proposal nsubj:pass rejected", "Azerbaijan obl:agent rejected", "was aux:pass rejected"}},
		{"Colombia urged the rebels to release the hostages.",
			[]string{"Colombia nsubj urged", "rebels obj urged", "release xcomp urged", "hostages obj release"}},
		{"Pakistan said that India had violated the ceasefire.",
			[]string{"Pakistan nsubj said", "violated ccomp said", "India nsubj violated", "ceasefire obj violated"}},
		{"Morocco and Algeria agreed to a truce.",
			[]string{"Morocco nsubj agreed", "Algeria conj Morocco", "truce obl agreed"}},
		{"Greece accused Turkey of violating its airspace.",
			[]string{"Greece nsubj accused", "Turkey obj accused", "violating advcl accused", "airspace obj violating"}},
		{"The minister, who met his Rwandan counterpart, demanded an end to the fighting.",
			[]string{"minister nsubj demanded", "met acl:relcl minister", "counterpart obj met", "end obj demanded", "fighting nmod end"}},
		{"Sudan's army refused to negotiate with the militia.",
			[]string{"army nsubj refused", "negotiate xcomp refused", "militia obl negotiate", "Sudan nmod:poss army"}},
		{"Britain will not allow French boats into its waters, the minister said.",
			[]string{"Britain nsubj allow", "not advmod allow", "will aux allow", "boats obj allow", "allow ccomp said", "minister nsubj said"}},
		{"Japan and South Korea resumed talks on export controls.",
			[]string{"Japan nsubj resumed", "Korea conj Japan", "talks obj resumed", "controls nmod talks"}},
		{"Somalia called the port deal a violation of its sovereignty.",
			[]string{"Somalia nsubj called", "deal obj called", "violation xcomp called", "sovereignty nmod violation"}},
		{"Peru demanded that Bolivia withdraw its ambassador.",
			[]string{"Peru nsubj demanded", "withdraw ccomp demanded", "Bolivia nsubj withdraw", "ambassador obj withdraw"}},
	} {
		sents := p.Sentences(tc.text)
		if err := p.Parse(sents); err != nil {
			t.Fatal(err)
		}
		toks := sents[0].Tokens
		have := map[string]bool{}
		for _, tk := range toks {
			head := "ROOT"
			if tk.Head >= 0 {
				head = toks[tk.Head].Text
			}
			have[tk.Text+" "+tk.Rel+" "+head] = true
		}
		for _, w := range tc.want {
			all++
			if have[w] {
				right++
			} else {
				t.Logf("%s: no %q in\n%s", tc.text, w, describe(toks))
			}
		}
	}
	t.Logf("%d of %d relations right", right, all)
	if share := float64(right) / float64(all); share < floor {
		t.Errorf("%d of %d relations right (%.2f), below the floor of %.2f", right, all, share, floor)
	}
}

func describe(toks []Token) string {
	var b strings.Builder
	for i, tk := range toks {
		fmt.Fprintf(&b, "  %d %s %s %s %d\n", i, tk.Text, tk.XPOS, tk.Rel, tk.Head)
	}
	return b.String()
}

// BenchmarkParse runs the whole language stage with parsing (split,
// tokenise, tag, lemmatise, parse) over EWT's development text, on one
// goroutine.
func BenchmarkParse(b *testing.B) {
	p, err := pipe()
	if err != nil {
		b.Fatal(err)
	}
	text := devText(b)
	words := 0
	for _, s := range p.Sentences(text) {
		words += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := p.Parse(p.Sentences(text)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
