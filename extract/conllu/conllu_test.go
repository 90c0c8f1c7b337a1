package conllu

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	raw, err := os.ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	ss, err := ReadAll(bytes.NewReader(raw), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2", len(ss))
	}
	if got := strings.Join(ss[0].Forms(), " "); got != "I do n't know ." {
		t.Errorf("words of sentence 1: %q", got)
	}
	if w := ss[0].Words[0]; w.Head != 4 || w.Deprel != "nsubj" || w.Feats != "Case=Nom" {
		t.Errorf("word 1: %+v", w)
	}
	if ss[0].Text() != "I don't know." || ss[1].Text() != "Go home" {
		t.Errorf("texts %q, %q", ss[0].Text(), ss[1].Text())
	}
	var out bytes.Buffer
	for _, s := range ss {
		if err := Write(&out, s); err != nil {
			t.Fatal(err)
		}
	}
	if out.String() != string(raw) {
		t.Errorf("written back:\n%s\nwant:\n%s", out.String(), raw)
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"fields", "1\tA\ta\tX\tX\t_\t0\troot\t_\n\n", "f.conllu: line 1: 9 tab-separated fields, want 10"},
		{"id", "2\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n", `f.conllu: line 1: field 1 (ID) is "2", want 1`},
		{"head", "1\tA\ta\tX\tX\t_\tx\troot\t_\t_\n\n", `f.conllu: line 1: field 7 (HEAD) is "x", want a word id or 0`},
		{"head past end", "# c\n1\tA\ta\tX\tX\t_\t5\troot\t_\t_\n\n", "f.conllu: sentence of line 1: word 1: head 5 is past the sentence's 1 words"},
		{"comment inside", "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n# c\n\n", "f.conllu: line 2: a comment inside a sentence"},
		{"no words", "# c\n\n", "f.conllu: line 2: sentence of line 1 has comments but no words"},
		{"empty form", "1\t\ta\tX\tX\t_\t0\troot\t_\t_\n\n", "f.conllu: line 1: field 2 (FORM) is empty"},
	} {
		_, err := ReadAll(strings.NewReader(tc.in), "f.conllu")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestReadWithoutFinalBlankLine(t *testing.T) {
	r := NewReader(strings.NewReader("1\tA\ta\tX\tX\t_\t0\troot\t_\t_"), "f")
	s, err := r.Read()
	if err != nil || len(s.Words) != 1 {
		t.Fatalf("%v, %v", s, err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("second read: %v, want EOF", err)
	}
}

func ExampleWrite() {
	s := &Sentence{
		Comments: []string{"text = Talks resumed."},
		Words: []Word{
			{ID: 1, Form: "Talks", Lemma: "talk", UPOS: "NOUN", XPOS: "NNS", Head: 2, Deprel: "nsubj"},
			{ID: 2, Form: "resumed", Lemma: "resume", UPOS: "VERB", XPOS: "VBD", Head: 0, Deprel: "root", Misc: "SpaceAfter=No"},
			{ID: 3, Form: ".", Lemma: ".", UPOS: "PUNCT", XPOS: ".", Head: 2, Deprel: "punct"},
		},
	}
	Write(os.Stdout, s)
	// Output:
	// # text = Talks resumed.
	// 1	Talks	talk	NOUN	NNS	_	2	nsubj	_	_
	// 2	resumed	resume	VERB	VBD	_	0	root	_	SpaceAfter=No
	// 3	.	.	PUNCT	.	_	2	punct	_	_
}
