package depparse

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stancegraph/stancegraph/extract/conllu"
)

// devExamples reads EWT's development set (testdata/ud) with its gold tags.
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
			out[i].Heads = append(out[i].Heads, w.Head-1)
			out[i].Labels = append(out[i].Labels, w.Deprel)
		}
	}
	return out
}

// TestTrainReproducible: the same data and seed give the same model
// bytes, and a model read back parses as the one written.
func TestTrainReproducible(t *testing.T) {
	ex := devExamples(t, 300)
	train := func() []byte {
		p, err := Train(ex, TrainOptions{Epochs: 2, Seed: 5, MinUpdates: 1})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := p.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := train(), train()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data and seed gave different model bytes")
	}
	p, err := Load(a)
	if err != nil {
		t.Fatal(err)
	}
	// It learnt something: most training sentences come out mostly right.
	if s := Evaluate(p, ex); s.UAS() < 0.8 {
		t.Errorf("UAS %.2f on its own training sentences", s.UAS())
	}
}

func TestTrainRejects(t *testing.T) {
	good := Example{Forms: []string{"Talks", "resumed"}, XPOS: []string{"NNS", "VBD"}, UPOS: []string{"NOUN", "VERB"},
		Heads: []int{1, -1}, Labels: []string{"nsubj", "root"}}
	for name, mod := range map[string]func(*Example){
		"two roots":       func(e *Example) { e.Heads = []int{-1, -1}; e.Labels = []string{"root", "root"} },
		"own head":        func(e *Example) { e.Heads = []int{0, -1} },
		"root label":      func(e *Example) { e.Labels = []string{"nsubj", "obj"} },
		"missing tags":    func(e *Example) { e.UPOS = nil },
		"head past words": func(e *Example) { e.Heads = []int{7, -1} },
	} {
		ex := good
		ex.Heads = append([]int(nil), good.Heads...)
		ex.Labels = append([]string(nil), good.Labels...)
		mod(&ex)
		if _, err := Train([]Example{good, ex}, TrainOptions{Epochs: 1}); err == nil {
			t.Errorf("%s: trained without an error", name)
		}
	}
}

// TestDefaultParsesTrees: the shipped model gives a tree for every dev
// sentence, with a known relation on every word.
func TestDefaultParsesTrees(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, l := range p.Labels() {
		known[l] = true
	}
	var heads, rels []int
	for i, ex := range devExamples(t, 0) {
		heads, rels = p.Parse(ex.Forms, ex.XPOS, ex.UPOS, heads[:0], rels[:0])
		if err := Check(heads); err != nil {
			t.Fatalf("sentence %d: %v", i+1, err)
		}
		for j, r := range rels {
			if r < 0 || r >= len(p.Labels()) || (heads[j] == -1) != (p.Label(r) == "root") {
				t.Fatalf("sentence %d, word %d: head %d, label %d", i+1, j+1, heads[j], r)
			}
		}
	}
	if len(p.Labels()) < 40 || !known["nsubj:pass"] || !known["obl"] || !known["ccomp"] {
		t.Errorf("labels %v", p.Labels())
	}
}

// BenchmarkParse parses EWT's development set (25,148 words, with the
// treebank's tags) with the shipped model, on one goroutine.
func BenchmarkParse(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ex := devExamples(b, 0)
	words := 0
	for _, e := range ex {
		words += len(e.Forms)
	}
	var heads, rels []int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, e := range ex {
			heads, rels = p.Parse(e.Forms, e.XPOS, e.UPOS, heads[:0], rels[:0])
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkLoad reads the shipped model, as each process does once.
func BenchmarkLoad(b *testing.B) {
	raw, err := modelFS.ReadFile(ModelFile)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for i := 0; i < b.N; i++ {
		if _, err := Load(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleParser_Parse() {
	p, err := Default()
	if err != nil {
		panic(err)
	}
	forms := []string{"Egypt", "rejected", "the", "plan", "."}
	xpos := []string{"NNP", "VBD", "DT", "NN", "."}
	upos := []string{"PROPN", "VERB", "DET", "NOUN", "PUNCT"}
	heads, rels := p.Parse(forms, xpos, upos, nil, nil)
	for i, f := range forms {
		head := "ROOT"
		if heads[i] >= 0 {
			head = forms[heads[i]]
		}
		fmt.Printf("%-8s %-6s <- %s\n", f, p.Label(rels[i]), head)
	}
	// Output:
	// Egypt    nsubj  <- rejected
	// rejected root   <- ROOT
	// the      det    <- plan
	// plan     obj    <- rejected
	// .        punct  <- rejected
}
