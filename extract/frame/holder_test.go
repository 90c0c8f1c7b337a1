package frame

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
)

// tree builds a parsed sentence from "form/UPOS/head/rel" words (heads
// 1-based, 0 for the root) and marks the named words as actors.
func tree(t *testing.T, words string, actors ...string) *sent {
	t.Helper()
	var toks []nlp.Token
	for _, w := range strings.Fields(words) {
		f := strings.Split(w, "/")
		var h int
		for _, c := range f[2] {
			h = h*10 + int(c-'0')
		}
		tk := nlp.Token{Text: f[0], Lower: strings.ToLower(f[0]), Lemma: strings.ToLower(f[0]), UPOS: f[1], Head: h - 1, Rel: f[3]}
		if f[1] == "VERB" && strings.HasSuffix(f[0], "ing") {
			tk.XPOS = "VBG"
		}
		toks = append(toks, tk)
	}
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &annotate.Doc{Sentences: []nlp.Sentence{{Tokens: toks}}}
	for _, a := range actors {
		for i, tk := range toks {
			if tk.Text == a {
				d.Mentions = append(d.Mentions, annotate.Mention{Start: i, End: i + 1, Head: i, Kind: annotate.Name, Actors: []*lexicon.Actor{&lx.Actors[0]}})
			}
		}
	}
	return &sent{Tree: annotate.NewTree(toks), d: d, si: 0}
}

// TestHolderOfConjuncts: a conjunct or a participle without a subject is
// held by the clause it goes with, whatever clause the parser hung it from.
func TestHolderOfConjuncts(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(lx)
	for _, tc := range []struct {
		name, words string
		actors      []string
		conj        int // the conjunct, 1-based
		want        string
	}{
		{"the clause right before it, hung from an earlier one",
			"Quito/PROPN/2/nsubj accuses/VERB/0/root Lima/PROPN/2/obj ,/PUNCT/7/punct while/SCONJ/7/mark Bogota/PROPN/7/nsubj denies/VERB/2/advcl talks/NOUN/7/obj ,/PUNCT/11/punct but/CCONJ/11/cc demands/VERB/2/conj aid/NOUN/11/obj",
			[]string{"Quito", "Lima", "Bogota"}, 11, "Bogota"},
		{"the reporter, where it hangs from a reported clause without an actor",
			"Oslo/PROPN/2/nsubj warned/VERB/0/root tension/NOUN/5/nsubj was/AUX/5/cop dangerous/ADJ/2/ccomp and/CCONJ/7/cc urged/VERB/5/conj Khartoum/PROPN/7/obj",
			[]string{"Oslo", "Khartoum"}, 7, "Oslo"},
		{"a participle set off after a reported clause is the reporter's",
			"Oslo/PROPN/2/nsubj said/VERB/0/root Khartoum/PROPN/5/nsubj would/AUX/5/aux refuse/VERB/2/ccomp ,/PUNCT/8/punct again/ADV/8/advmod insisting/VERB/5/advcl",
			[]string{"Oslo", "Khartoum"}, 8, "Oslo"},
		{"the first conjunct's subject otherwise",
			"Peru/PROPN/2/nsubj rejected/VERB/0/root plan/NOUN/2/obj and/CCONJ/5/cc demanded/VERB/2/conj talks/NOUN/5/obj",
			[]string{"Peru"}, 5, "Peru"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tree(t, tc.words, tc.actors...)
			h := r.holder(s, tc.conj-1)
			if h < 0 || s.Toks[h].Text != tc.want {
				got := "none"
				if h >= 0 {
					got = s.Toks[h].Text
				}
				t.Errorf("holder of %s: %s, want %s", s.Toks[tc.conj-1].Text, got, tc.want)
			}
		})
	}
}
