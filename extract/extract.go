// Package extract turns documents into statements. An Extractor reads one
// document at a time; extractors register by name (see Register): "rules",
// a clause analyser over part-of-speech tags with lexicons (package
// extract/rules); "tree", predicate frames over dependency trees
// (extract/tree); and the default, "hybrid", both united (extract/hybrid). Run drives an extractor over a stream of
// documents on a worker pool and hands results back in input order.
package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/schema"
)

// Document is one article to read.
type Document struct {
	ID     string // the file name for text files; `id` or FILE:LINE for JSON Lines
	Title  string
	Date   string // YYYY-MM-DD, or empty
	Source string
	URL    string
	Text   string
	Origin string // where it was read from, for messages: a path, or path:line
}

// Info is the document's description in the graph.
func (d *Document) Info(sentences int) schema.DocumentInfo {
	return schema.DocumentInfo{ID: d.ID, Title: d.Title, Date: d.Date, Source: d.Source, URL: d.URL, Sentences: sentences}
}

// Result is what an extractor took from one document.
type Result struct {
	Sentences  int
	Statements []schema.Statement
}

// Extractor turns one document into statements.
type Extractor interface {
	Extract(ctx context.Context, doc *Document) (Result, error)
}

// Config is passed to an extractor's factory.
type Config struct {
	Lexicons      []string // extra lexicon files, merged over the builtin ones
	MinConfidence float64  // drop statements below this confidence
	Stages        []string // the tree extractor's stages, in order (see extract/annotate)
}

// Factory makes an extractor from config.
type Factory func(Config) (Extractor, error)

var (
	regMu    sync.RWMutex
	registry = map[string]Factory{}
)

// Register makes an extractor available by name. It panics on a duplicate
// name, as registries of database drivers do.
func Register(name string, f Factory) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := registry[name]; dup {
		panic("extract: extractor registered twice: " + name)
	}
	registry[name] = f
}

// Names lists the registered extractors.
func Names() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	var names []string
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// New makes the named extractor.
func New(name string, cfg Config) (Extractor, error) {
	regMu.RLock()
	f, ok := registry[name]
	regMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("extractor %q is unknown (known: %s)", name, strings.Join(Names(), ", "))
	}
	ex, err := f(cfg)
	if err != nil {
		return nil, fmt.Errorf("extractor %s: %w", name, err)
	}
	return ex, nil
}
