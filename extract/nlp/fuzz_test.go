package nlp

import (
	"testing"
	"unicode/utf8"
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
