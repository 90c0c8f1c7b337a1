package pos

import (
	"bytes"
	"testing"

	"github.com/stancegraph/stancegraph/extract/conllu"
)

func devExamples(t testing.TB, limit int) []Example {
	t.Helper()
	ss, err := conllu.ReadFile("../../testdata/ud/en_ewt-ud-dev.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if limit > 0 && limit < len(ss) {
		ss = ss[:limit]
	}
	out := make([]Example, len(ss))
	for i, s := range ss {
		for _, w := range s.Words {
			out[i].Forms = append(out[i].Forms, w.Form)
			out[i].XPOS = append(out[i].XPOS, w.XPOS)
			out[i].UPOS = append(out[i].UPOS, w.UPOS)
		}
	}
	return out
}

func TestTrainReproducible(t *testing.T) {
	ex := devExamples(t, 400)
	train := func() []byte {
		tg, err := Train(ex, TrainOptions{Epochs: 3, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		tg.WriteTo(&buf)
		return buf.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data and seed gave different model bytes")
	}
	tg, err := Load(a)
	if err != nil {
		t.Fatal(err)
	}
	if s := Accuracy(tg, ex); s.XPOS < 0.9 {
		t.Errorf("XPOS %.2f on its own training sentences", s.XPOS)
	}
}

func TestShape(t *testing.T) {
	for in, want := range map[string]string{"Washington": "Xxx", "McCain": "XxXxx", "1999": "dd", "U.S.": "X.X.", "e-mail": "x-xx", "": ""} {
		if got := Shape(in); got != want {
			t.Errorf("Shape(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkTag tags EWT's development set with the shipped model (no
// guiding tags), on one goroutine.
func BenchmarkTag(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ex := devExamples(b, 0)
	words := 0
	for _, e := range ex {
		words += len(e.Forms)
	}
	var ids []int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range ex {
			ids = tg.Tag(e.Forms, nil, ids[:0])
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
