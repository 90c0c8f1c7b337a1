package nlp

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// tokenizeCases are the runs prose treats specially.
var tokenizeCases = []string{
	"", " ", "  \t\n ", "Russia's demands", "They'll say they don't", "DON'T WON'T I'M we're",
	"'s 's's n't", "It’s “quoted” and ‘single’ they’ll don’t", `"Quoted," he said.`,
	"U.S. e.g. Mr. Gen. Sen. Dr. A.B. a.b.c. Abc. ABC. Ab1. x.", "($5) [note] (a) $ ( [ “ ‘",
	":-) xD (-_-) ¯\\(ツ)/¯ 8-)", "end.\" end.' end.)  end!?", "mid\u00a0break\u2003em\u0085nel",
	"\xff\xfe bad \xc3 utf8", "it's.", "'''", "n't", "Xn'tY", "a'll'b", "N'T", "word,", ",", "?!",
	"self-defence non-expansion 2022-01-26", "https://example.org/a.b?c=d", "@user #tag",
}

func TestTokenizeEqualsProse(t *testing.T) {
	tk := tokenize.New()
	var buf []tag.Token
	cases := append([]string(nil), tokenizeCases...)
	cases = append(cases, corpusLines(t)...)
	for e := range emoticons {
		cases = append(cases, e, "("+e+")", "x "+e+" y.")
	}
	for _, c := range cases {
		buf = tokenizeText(c, buf)
		want := tk.Tokenize(c)
		if len(buf) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(buf, want) {
			t.Errorf("tokenizeText(%q)\n got %v\nwant %v", c, buf, want)
		}
	}
}

// corpusLines are the sample corpus' lines as written (curly quotes) and
// normalised.
func corpusLines(tb testing.TB) []string {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("sample corpus: %v", err)
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		norm, _ := Normalize(string(data))
		out = append(out, strings.Split(string(data), "\n")...)
		out = append(out, strings.Split(norm, "\n")...)
	}
	return out
}

// FuzzTokenize: any text tokenises as prose's tokenizer does it.
func FuzzTokenize(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	tk := tokenize.New()
	f.Fuzz(func(t *testing.T, text string) {
		got := tokenizeText(text, nil)
		want := tk.Tokenize(text)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("tokenizeText(%q)\n got %v\nwant %v", text, got, want)
		}
	})
}

// BenchmarkTokenize compares prose's tokenizer with ours on the sample corpus.
func BenchmarkTokenize(b *testing.B) {
	lines := corpusLines(b)
	b.Run("prose", func(b *testing.B) {
		tk := tokenize.New()
		for i := 0; i < b.N; i++ {
			for _, l := range lines {
				tk.Tokenize(l)
			}
		}
	})
	b.Run("stancegraph", func(b *testing.B) {
		var buf []tag.Token
		for i := 0; i < b.N; i++ {
			for _, l := range lines {
				buf = tokenizeText(l, buf)
			}
		}
	})
}
