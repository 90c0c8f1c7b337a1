package rules

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
)

// FuzzExtract: the whole extractor never panics, and every statement is
// valid, points at its sentence, and has its cue inside that sentence.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Russia demands NATO's non-expansion. The United States rejected the Russian demand.",
		"“We reject the plan. The talks are useful,” Iranian Foreign Minister Abbas Araghchi said.",
		"Chinese Foreign Minister Wang Yi called Russia's security concerns reasonable.",
		"He said it. They did not. Its it their his.", "\"\"\"", "Moscow:", "by by by the the",
	} {
		f.Add(s)
	}
	x, err := shared()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := x.Extract(context.Background(), &extract.Document{ID: "f", Text: text})
		if err != nil {
			if utf8.ValidString(text) {
				t.Fatal(err)
			}
			return // invalid UTF-8 is refused
		}
		for _, s := range r.Statements {
			if err := s.Validate(); err != nil {
				t.Fatalf("%+v: %v", s, err)
			}
			if s.End > len(text) || text[s.Start:s.End] != s.Sentence {
				t.Fatalf("sentence offsets %d:%d", s.Start, s.End)
			}
			if s.CueEnd > len(s.Sentence) || s.CueStart > s.CueEnd || s.Sentence[s.CueStart:s.CueEnd] != s.Cue {
				t.Fatalf("cue %q at %d:%d", s.Cue, s.CueStart, s.CueEnd)
			}
			if !utf8.ValidString(s.Object) || !utf8.ValidString(s.Subject) {
				t.Fatal("invalid UTF-8 out")
			}
		}
	})
}
