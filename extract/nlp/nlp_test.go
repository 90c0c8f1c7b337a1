package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestNormalize(t *testing.T) {
	in := "Russia’s “most important” request — “was not positive,”\u00a0he said…"
	out, offs := Normalize(in)
	want := `Russia's "most important" request  -  "was not positive," he said...`
	if out != want {
		t.Fatalf("Normalize = %q, want %q", out, want)
	}
	if len(offs) != len(out)+1 || offs[len(out)] != len(in) {
		t.Fatalf("offsets: %d for %d bytes, last %d", len(offs), len(out), offs[len(offs)-1])
	}
	// Every ASCII byte that was ASCII maps to the same byte.
	for i := 0; i < len(out); i++ {
		if c := in[offs[i]]; c < 0x80 && c != out[i] && out[i] != ' ' {
			t.Errorf("byte %d %q maps to %q", i, out[i], c)
		}
	}
	bad, _ := Normalize("a\xffb")
	if bad != "a b" {
		t.Errorf("invalid UTF-8: %q", bad)
	}
}

var pipe = sync.OnceValues(New)

func TestSentences(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	text := "Moscow: The US response has not been positive\n\n“It cannot be said,” Peskov said. Mr. Lavrov agreed.\n“"
	sents := p.Sentences(text)
	var got []string
	for _, s := range sents {
		if text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d: offsets %d:%d give %q, text %q", s.Index, s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		for _, tk := range s.Tokens {
			if tk.Start < s.Start || tk.End > s.End {
				t.Errorf("token %q at %d:%d outside sentence %d:%d", tk.Text, tk.Start, tk.End, s.Start, s.End)
			}
		}
		got = append(got, s.Text)
	}
	want := []string{"Moscow: The US response has not been positive", "“It cannot be said,” Peskov said.", "Mr. Lavrov agreed.\n“"}
	if strings.Join(got, "|") != strings.Join(want[:2], "|")+"|Mr. Lavrov agreed." && len(got) < 3 {
		t.Errorf("sentences %q", got)
	}
	if len(got) < 3 || got[0] != want[0] || got[1] != want[1] || !strings.HasPrefix(got[2], "Mr. Lavrov agreed.") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	if sents[0].Para == sents[1].Para {
		t.Error("sentences of two paragraphs share a paragraph index")
	}
}

func TestTagsAndLemmas(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	s := p.Sentences("The Kremlin rejected the proposals and “called” them empty.")[0]
	byText := map[string]Token{}
	for _, tk := range s.Tokens {
		byText[tk.Text] = tk
	}
	for _, tc := range []struct{ word, tag, lemma string }{
		{"rejected", "VBD", "reject"},
		{"proposals", "NNS", "proposal"},
		{"Kremlin", "NNP", "kremlin"},
		{`"`, `"`, `"`},
	} {
		tk, ok := byText[tc.word]
		if !ok {
			t.Errorf("no token %q in %v", tc.word, s.Tokens)
			continue
		}
		if tk.Tag != tc.tag || tk.Lemma != tc.lemma {
			t.Errorf("%q: tag %s lemma %s, want %s %s", tc.word, tk.Tag, tk.Lemma, tc.tag, tc.lemma)
		}
	}
}

func TestLongLines(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Repeat("Russia demands guarantees and NATO rejects them ", 3000) // 150 KB, no full stop
	sents := p.Sentences(line)
	if len(sents) < 100 {
		t.Fatalf("%d sentences from a 150 KB line", len(sents))
	}
	for _, s := range sents {
		if s.End-s.Start > MaxSentence || line[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: %d bytes, offsets %d:%d", s.Index, s.End-s.Start, s.Start, s.End)
		}
	}
	for _, c := range chunks("ab cd ef. gh ij", 7) {
		if c[1]-c[0] > 7 {
			t.Errorf("chunk %v longer than 7", c)
		}
	}
	if got := chunks(strings.Repeat("é", 10), 5); got[0][1]%2 != 0 {
		t.Errorf("a chunk cuts a UTF-8 sequence: %v", got)
	}
}

// Lines that skip Punkt must come out as Punkt would split them.
func TestPunktShortcut(t *testing.T) {
	p, err := New()
	if err != nil {
		t.Fatal(err)
	}
	lines := []string{
		`Russia demands guarantees`,
		`Russia demands guarantees.`,
		`"We will not accept it," Lavrov said.`,
		`Is this war?!"`,
		`The U.S. rejected it`,
		`Talks ended. The sides left`,
		`He asked why? Then he left`,
		`(Reuters) Moscow rejected the plan ...`,
		`Beijing welcomed it!) `,
		`...`,
		`   `,
		`Mr Wang said it`,
		`Ceasefire in Gaza: Egypt mediates`,
	}
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		norm, _ := Normalize(string(data))
		lines = append(lines, strings.Split(norm, "\n")...)
	}
	skipped := 0
	for _, line := range lines {
		if innerEnder(line) {
			continue
		}
		skipped++
		var want []string
		for _, s := range p.splitter.Tokenize(line) {
			if t := strings.TrimSpace(s.Text); t != "" {
				want = append(want, t)
			}
		}
		if len(want) > 1 {
			t.Errorf("%q skips Punkt, which splits it into %q", line, want)
		}
	}
	if skipped < 10 {
		t.Errorf("only %d lines skip Punkt", skipped)
	}
}
