// Package tree is stancegraph's extractor over dependency trees,
// registered as "tree": a chain of annotation stages (package annotate)
// named in configuration (extract.stages), by default sentences, parse,
// mentions, frames, statements.
package tree

import (
	"context"
	"fmt"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"

	_ "github.com/stancegraph/stancegraph/extract/frame"     // the frames stage
	_ "github.com/stancegraph/stancegraph/extract/mention"   // the mentions stage
	_ "github.com/stancegraph/stancegraph/extract/statement" // the statements stage
)

// Name is the name the extractor registers under.
const Name = "tree"

// Stages are the default stages, in order.
var Stages = []string{"sentences", "parse", "mentions", "frames", "statements"}

func init() {
	extract.Register(Name, func(cfg extract.Config) (extract.Extractor, error) { return New(cfg) })
}

// Extractor runs the chain of stages over each document. It is safe for
// concurrent use.
type Extractor struct {
	chain *annotate.Chain
}

// New makes the extractor from configuration.
func New(cfg extract.Config) (*Extractor, error) {
	lx, err := lexicon.Load(cfg.Lexicons...)
	if err != nil {
		return nil, err
	}
	stages := cfg.Stages
	if len(stages) == 0 {
		stages = Stages
	}
	chain, err := annotate.NewChain(annotate.Env{Lexicon: lx, Config: cfg}, stages...)
	if err != nil {
		return nil, fmt.Errorf("extractor %s: %w", Name, err)
	}
	return &Extractor{chain: chain}, nil
}

// Extract annotates one document and returns its statements.
func (x *Extractor) Extract(ctx context.Context, doc *extract.Document) (extract.Result, error) {
	d := &annotate.Doc{Source: doc}
	if err := x.chain.Annotate(ctx, d); err != nil {
		return extract.Result{}, err
	}
	return extract.Result{Sentences: len(d.Sentences), Statements: d.Statements}, nil
}
