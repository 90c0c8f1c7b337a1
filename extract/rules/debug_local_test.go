package rules

import (
	"context"
	"fmt"
	"os"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
)

func TestDebugLocal(t *testing.T) {
	txt := os.Getenv("SG_TEXT")
	if txt == "" {
		return
	}
	lx, _ := lexicon.Default()
	x, err := New(lx, extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{ID: "d", Text: txt}
	sents := x.nlp.Sentences(txt)
	st := &docState{doc: doc, known: map[string]*person{}}
	for i := range sents {
		se := x.prepare(st, &sents[i])
		for _, tk := range se.toks {
			fmt.Printf("%s/%s ", tk.Text, tk.Tag)
		}
		fmt.Println()
		for _, m := range se.ments {
			fmt.Printf("  mention %d-%d typ=%d actor=%q person=%q title=%q pron=%q poss=%v\n", m.start, m.end, m.typ, m.actor, m.person, m.title, m.pronoun, m.possessive)
		}
		for _, f := range se.frames {
			fmt.Printf("  frame %d-%d speaker=%q\n", f.from, f.to, f.speaker.actor)
		}
		se.analyse()
		for _, s := range se.out {
			fmt.Printf("  => %s %s [%s] %q (%s) conf=%.2f speaker=%q\n", s.Subject, s.Class, s.Predicate, s.Object, s.Cue, s.Confidence, s.Speaker)
		}
	}
	_ = context.Background()
}
