package nlp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
	"github.com/jdkato/prose/v3/tokenize"
)

// corpusSentences are the sample corpus' lines, tokenised by prose.
func corpusSentences(tb testing.TB) [][]tag.Token {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("sample corpus: %v", err)
	}
	tk := tokenize.New()
	var out [][]tag.Token
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		norm, _ := Normalize(string(data))
		for _, line := range strings.Split(norm, "\n") {
			if toks := tk.Tokenize(line); len(toks) > 0 {
				out = append(out, toks)
			}
		}
	}
	return out
}

// The tagger must give prose's tags, token for token: it is prose's model
// with a faster index, not a new model.
func TestTaggerEqualsProse(t *testing.T) {
	ours, err := defaultTagger()
	if err != nil {
		t.Fatal(err)
	}
	prose, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	sents := corpusSentences(t)
	// Special cases of prose's tagger, in a sentence of their own.
	extra := []string{"- :-) @user 0 *T*-1 -LRB- 1999 -12 self-defence WASHINGTON Über 2022 xD", "He said it : ( =)"}
	tk := tokenize.New()
	for _, e := range extra {
		sents = append(sents, tk.Tokenize(e))
	}
	tokens := 0
	for _, s := range sents {
		a := append([]tag.Token(nil), s...)
		b := append([]tag.Token(nil), s...)
		ours.Tag(a)
		prose.TagTokens(b)
		for i := range a {
			tokens++
			if a[i].Tag != b[i].Tag {
				t.Errorf("%q in %q: tagged %s, prose %s", a[i].Text, a[0].Text+" "+a[1%len(a)].Text+"...", a[i].Tag, b[i].Tag)
			}
		}
	}
	if tokens < 2000 {
		t.Fatalf("only %d tokens compared", tokens)
	}
}

func TestTaggerBadModel(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("NOTPROSE\x01\x00\x00\x00"),
		"truncated": aptagmodel.English[:len(aptagmodel.English)/2],
	} {
		if _, err := NewTagger(data); err == nil || !strings.Contains(err.Error(), "tagger model") {
			t.Errorf("%s: err = %v, want a tagger model error", name, err)
		}
	}
}

// BenchmarkTagger compares prose's tagger with ours on the sample corpus.
func BenchmarkTagger(b *testing.B) {
	sents := corpusSentences(b)
	ours, err := defaultTagger()
	if err != nil {
		b.Fatal(err)
	}
	prose, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		tag  func([]tag.Token)
	}{{"prose", prose.TagTokens}, {"stancegraph", ours.Tag}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				for _, s := range sents {
					c.tag(s)
					n += len(s)
				}
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
