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
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/when"
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

// New makes the named extractor, reading long documents in parts, giving
// positions their agents and dating its statements.
func New(name string, cfg Config) (Extractor, error) {
	ex, err := Part(name, cfg)
	if err != nil {
		return nil, err
	}
	lx, err := lexicon.Load(cfg.Lexicons...)
	if err != nil {
		return nil, fmt.Errorf("extractor %s: %w", name, err)
	}
	return dated{agented{inParts{ex}, newAgents(lx)}}, nil
}

// Part makes the named extractor alone, for an extractor made of others
// (hybrid): New's reading in parts and dating are then done once, around
// the whole.
func Part(name string, cfg Config) (Extractor, error) {
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

// dated gives each statement the date its sentence places it at, from the
// document's date: "on Wednesday" in an article of Thursday 27 January
// 2022 (package when).
type dated struct{ Extractor }

func (x dated) Extract(ctx context.Context, doc *Document) (Result, error) {
	r, err := x.Extractor.Extract(ctx, doc)
	for i := range r.Statements {
		if s := &r.Statements[i]; s.EventDate == "" {
			s.EventDate, _ = when.Resolve(s.Sentence, doc.Date)
		}
	}
	return r, err
}

// PartSize bounds the text an extractor reads at once: a longer document
// is read in parts of about this size, cut at a line break or else at a
// space, so that its memory stays in proportion to the part, not to the
// document. Sentence indexes and offsets run on across the parts; what
// refers back across a cut (a pronoun, a quotation) is not followed.
const PartSize = 1 << 20

// inParts reads long documents part by part.
type inParts struct{ Extractor }

func (x inParts) Extract(ctx context.Context, doc *Document) (Result, error) {
	if len(doc.Text) <= PartSize {
		return x.Extractor.Extract(ctx, doc)
	}
	var all Result
	for start := 0; start < len(doc.Text); {
		end := cut(doc.Text, start, PartSize)
		part := *doc
		part.Text = doc.Text[start:end]
		r, err := x.Extractor.Extract(ctx, &part)
		if err != nil {
			return all, err
		}
		for _, s := range r.Statements {
			s.SentenceIndex += all.Sentences
			s.Start += start
			s.End += start
			all.Statements = append(all.Statements, s)
		}
		all.Sentences += r.Sentences
		start = end
		if err := ctx.Err(); err != nil {
			return all, err
		}
	}
	return all, nil
}

// cut gives the end of the part that starts at start: past the last line
// break, else the last space, within size bytes; else size bytes on, at a
// rune's start.
func cut(text string, start, size int) int {
	end := start + size
	if end >= len(text) {
		return len(text)
	}
	window := text[start:end]
	if i := strings.LastIndexByte(window, '\n'); i > size/2 {
		return start + i + 1
	}
	if i := strings.LastIndexByte(window, ' '); i > size/2 {
		return start + i + 1
	}
	for end > start && !utf8.RuneStart(text[end]) {
		end--
	}
	if end == start {
		return start + size
	}
	return end
}
