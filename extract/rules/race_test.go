package rules

import (
	"context"
	"fmt"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/source"
)

// TestConcurrentExtract runs one extractor on several goroutines (as build
// does) and checks the output equals a sequential run; `go test -race`
// watches the shared lexicon, gazetteer and NLP models.
func TestConcurrentExtract(t *testing.T) {
	x, err := shared()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*extract.Document
	err = source.Walk([]string{"../../testdata/corpus"}, func(d *extract.Document) error { docs = append(docs, d); return nil },
		func(b *source.BadDocument) error { return b })
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ { // more documents than workers
		docs = append(docs, docs...)
	}
	run := func(workers int) string {
		ch := make(chan *extract.Document, len(docs))
		for _, d := range docs {
			ch <- d
		}
		close(ch)
		out := ""
		err := extract.Run(context.Background(), x, ch, workers, func(j extract.Job) error {
			out += fmt.Sprint(len(j.Result.Statements)) + dump(j.Result.Statements)
			return j.Err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if one, four := run(1), run(4); one != four {
		t.Error("four workers give other statements than one")
	}
}
