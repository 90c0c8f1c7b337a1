package nlp

import (
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/depparse"
)

// FuzzSentences: sentences and tokens lie inside the text, in order, and
// their text is what their offsets say.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Moscow: The US response\n\n“It cannot be said,” Peskov said. Mr. Lavrov agreed.\n“",
		"", "...", "\xff\xfe", "a\u2014b “c” ‘d’", "U.S. officials said so. NATO agreed!"} {
		f.Add(s)
	}
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, s := range p.Sentences(text) {
			if s.Start < last || s.End > len(text) || s.Start >= s.End || text[s.Start:s.End] != s.Text {
				t.Fatalf("sentence %d at %d:%d (last end %d)", s.Index, s.Start, s.End, last)
			}
			last = s.End
			for _, tk := range s.Tokens {
				if tk.Start < s.Start || tk.End > s.End || tk.Start > tk.End || !utf8.ValidString(tk.Text) {
					t.Fatalf("token %q at %d:%d outside %d:%d", tk.Text, tk.Start, tk.End, s.Start, s.End)
				}
			}
		}
	})
}

// FuzzParse: whatever the text, every sentence gets a tree (one root, every
// token headed, no cycle) with a relation on every token, and nothing
// panics.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"Russia rejected NATO's offer, which Ukraine had welcomed.", "", "((((", "\" \" \"",
		"a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a", "The. The. The.", "Who?!"} {
		f.Add(s)
	}
	p, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := p.Sentences(text)
		if err := p.Parse(sents); err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			heads := make([]int, len(s.Tokens))
			for i, tk := range s.Tokens {
				heads[i] = tk.Head
				if tk.Rel == "" || (tk.Head == -1) != (tk.Rel == "root") {
					t.Fatalf("token %d %q: head %d, relation %q", i, tk.Text, tk.Head, tk.Rel)
				}
			}
			if err := depparse.Check(heads); err != nil {
				t.Fatalf("sentence %q: %v", s.Text, err)
			}
		}
	})
}
