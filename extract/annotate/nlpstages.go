package annotate

import (
	"context"
	"sync"

	"github.com/stancegraph/stancegraph/extract/nlp"
)

// The language stages of package nlp: "sentences" splits, tokenises, tags
// with prose's tagger and lemmatises; "parse" adds the EWT tags and the
// dependency trees.
func init() {
	Register("sentences", func(Env) (Stage, error) {
		p, err := pipeline()
		return sentences{p}, err
	})
	Register("parse", func(Env) (Stage, error) {
		p, err := pipeline()
		return parse{p}, err
	})
}

// pipeline loads the language models once per process for both stages.
var pipeline = sync.OnceValues(nlp.New)

type sentences struct{ p *nlp.Pipeline }

func (s sentences) Annotate(_ context.Context, d *Doc) error {
	d.Sentences = s.p.Sentences(d.Source.Text)
	return nil
}

type parse struct{ p *nlp.Pipeline }

func (s parse) Annotate(_ context.Context, d *Doc) error { return s.p.Parse(d.Sentences) }
