package annotate

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
)

// Stage adds one layer of annotation to a document. A stage is safe for
// concurrent use: the extractor's workers share it.
type Stage interface {
	Annotate(ctx context.Context, d *Doc) error
}

// Env is what a stage's factory gets: the merged lexicon and the
// extractor's configuration.
type Env struct {
	Lexicon *lexicon.Lexicon
	Config  extract.Config
}

// Factory makes a stage.
type Factory func(Env) (Stage, error)

var (
	regMu  sync.RWMutex
	stages = map[string]Factory{}
)

// Register makes a stage available by name; it panics on a duplicate.
func Register(name string, f Factory) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := stages[name]; dup {
		panic("annotate: stage registered twice: " + name)
	}
	stages[name] = f
}

// Names lists the registered stages.
func Names() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	var out []string
	for n := range stages {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Chain runs stages in order.
type Chain struct {
	names  []string
	stages []Stage
}

// NewChain makes the named stages, in order.
func NewChain(env Env, names ...string) (*Chain, error) {
	c := &Chain{names: names}
	for _, n := range names {
		regMu.RLock()
		f, ok := stages[n]
		regMu.RUnlock()
		if !ok {
			return nil, fmt.Errorf("no stage called %q (there are %s)", n, strings.Join(Names(), ", "))
		}
		s, err := f(env)
		if err != nil {
			return nil, fmt.Errorf("stage %s: %w", n, err)
		}
		c.stages = append(c.stages, s)
	}
	return c, nil
}

// Annotate runs every stage over d.
func (c *Chain) Annotate(ctx context.Context, d *Doc) error {
	for i, s := range c.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.Annotate(ctx, d); err != nil {
			return fmt.Errorf("stage %s: %w", c.names[i], err)
		}
	}
	return nil
}
