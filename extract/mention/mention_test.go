package mention_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	_ "github.com/stancegraph/stancegraph/extract/mention"
)

// mentions annotates a text up to the mentions stage and lists each
// mention as "words -> actors [person]".
func mentions(t *testing.T, text string) []string {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := annotate.NewChain(annotate.Env{Lexicon: lx}, "sentences", "parse", "mentions")
	if err != nil {
		t.Fatal(err)
	}
	d := &annotate.Doc{Source: &extract.Document{ID: "t", Text: text}}
	if err := ch.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Mentions {
		var words, names []string
		for _, tk := range d.Tokens(m.Sent)[m.Start:m.End] {
			words = append(words, tk.Text)
		}
		for _, a := range m.Actors {
			names = append(names, a.Name)
		}
		s := strings.Join(words, " ") + " -> " + strings.Join(names, "+")
		if m.Person != "" {
			s += " [" + m.Person + "]"
		}
		out = append(out, s)
	}
	return out
}

func TestMentions(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string // mentions that must be found
	}{
		{"title before a name", "Algerian Foreign Minister Ahmed Attaf arrived.",
			[]string{"Algerian Foreign Minister Ahmed Attaf -> Algeria [Ahmed Attaf]"}},
		{"apposition, then surname", "Ahmed Attaf, Algeria's foreign minister, arrived. Attaf spoke.",
			[]string{"Attaf -> Algeria [Ahmed Attaf]"}},
		{"honorific and surname", "Ahmed Attaf, Algeria's foreign minister, arrived. Mr Attaf spoke.",
			[]string{"Mr Attaf -> Algeria [Ahmed Attaf]"}},
		{"possessive and name", "Turkey's Hakan Fidan arrived.", []string{"Turkey 's Hakan Fidan -> Turkey [Hakan Fidan]"}},
		{"demonym on a word of government", "Chilean officials arrived.", []string{"Chilean officials -> Chile"}},
		{"a demonym on anything else is none", "Chilean wine arrived.", nil},
		{"metonym", "Caracas rejected it.", []string{"Caracas -> Venezuela"}},
		{"a body by its head word, and its acronym", "The Tigray People's Liberation Front (TPLF) refused. The TPLF said no.",
			[]string{"Tigray People 's Liberation Front -> Tigray People's Liberation Front", "TPLF -> Tigray People's Liberation Front"}},
		{"an organ of a named state", "The Colombian Defence Ministry said so.", []string{"Colombian Defence Ministry -> Colombia"}},
		{"he is the last person", "Peruvian President Dina Boluarte arrived. He spoke.", []string{"He -> Peru [Dina Boluarte]"}},
		{"his country is the possessor's state", "Peruvian President Dina Boluarte said his country would not yield.",
			[]string{"his country -> Peru [Dina Boluarte]"}},
		{"a title and a surname the lexicon knows", "President Maduro spoke.", []string{"President Maduro -> Venezuela [Nicolas Maduro]"}},
		{"the two sides", "Armenia met Azerbaijan. The two sides agreed.", []string{"The two sides -> Armenia+Azerbaijan"}},
		{"a generic organ is the last state", "Chile protested. The Foreign Ministry said so.", []string{"Foreign Ministry -> Chile"}},
		{"it is a subject's actor only", "Uruguay signed the treaty. It entered into force.", []string{"It -> Uruguay"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := mentions(t, tc.text)
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					if g == w {
						found = true
					}
				}
				if !found {
					t.Errorf("no %q in %q", w, got)
				}
			}
			if tc.want == nil {
				for _, g := range got {
					if strings.Contains(g, "Chile") {
						t.Errorf("unwanted %q", g)
					}
				}
			}
		})
	}
}
