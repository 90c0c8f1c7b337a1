// Package hybrid is stancegraph's default extractor, registered as
// "hybrid": the rules extractor (patterns over tags, package extract/rules)
// and the tree extractor (frames over dependency trees, extract/tree) read
// each document, and their statements are united. The rules' statement
// stands where both found the same actor taking a stance of the same sign
// (or the same act towards the same actor) in one sentence; the tree adds
// what the rules missed. On the development articles the union finds more
// than either alone (README, "The extractor").
package hybrid

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/rules"
	"github.com/stancegraph/stancegraph/extract/tree"
	"github.com/stancegraph/stancegraph/schema"
)

// Name is the name the extractor registers under.
const Name = "hybrid"

func init() {
	extract.Register(Name, func(cfg extract.Config) (extract.Extractor, error) { return New(cfg) })
}

// Extractor runs both extractors over a document. It is safe for
// concurrent use.
type Extractor struct {
	rules, tree extract.Extractor
}

// New makes the extractor from configuration; both parts get all of it.
func New(cfg extract.Config) (*Extractor, error) {
	r, err := extract.Part(rules.Name, cfg)
	if err != nil {
		return nil, fmt.Errorf("extractor %s: %w", Name, err)
	}
	t, err := extract.Part(tree.Name, cfg)
	if err != nil {
		return nil, fmt.Errorf("extractor %s: %w", Name, err)
	}
	return &Extractor{rules: r, tree: t}, nil
}

// Extract reads the document with both extractors and unites their
// statements.
func (x *Extractor) Extract(ctx context.Context, doc *extract.Document) (extract.Result, error) {
	r, err := x.rules.Extract(ctx, doc)
	if err != nil {
		return r, err
	}
	t, err := x.tree.Extract(ctx, doc)
	if err != nil {
		return r, err
	}
	return extract.Result{Sentences: max(r.Sentences, t.Sentences), Statements: Unite(r.Statements, t.Statements)}, nil
}

// key says when two statements say one thing: a stance by its sentence,
// actor and sign; an act by its sentence, actor, class and other actor.
type key struct {
	sentence        int
	subject, object string
	class           schema.Class
	sign            string
}

func keyOf(s schema.Statement) key {
	k := key{sentence: s.SentenceIndex, subject: s.Subject}
	if s.Class.IsStance() {
		k.sign = s.Class.Sign()
	} else {
		k.class, k.object = s.Class, s.Object
	}
	return k
}

// Unite gives first's statements and those of second that say something
// first does not, in the order of their sentences.
func Unite(first, second []schema.Statement) []schema.Statement {
	seen := make(map[key][]int, len(first))
	out := make([]schema.Statement, 0, len(first)+len(second))
	for _, s := range first {
		k := keyOf(s)
		seen[k] = append(seen[k], len(out))
		out = append(out, s)
	}
	for _, s := range second {
		// Only first's statements shadow: two of second's that share a
		// key name two targets ("concern at the launch" and "demanded
		// that North Korea abandon its programmes"). Where second names
		// the same target whole and first only part of it ("the open
		// support of the United States" against "the open support of the
		// United States for the 2016 ruling"), second's wording stands.
		at, ok := seen[keyOf(s)]
		if !ok {
			out = append(out, s)
			continue
		}
		for _, i := range at {
			if s.Class == out[i].Class && extends(s.Object, out[i].Object) {
				out[i] = s
				break
			}
		}
	}
	sortBySentence(out)
	return out
}

// extends reports whether label a holds every word of b and more.
func extends(a, b string) bool {
	aw, bw := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(aw) <= len(bw) {
		return false
	}
	have := map[string]bool{}
	for _, w := range aw {
		have[strings.Trim(w, ".,'’\"")] = true
	}
	for _, w := range bw {
		w = strings.Trim(w, ".,'’\"")
		if !have[w] && w != "the" && w != "a" && w != "an" {
			return false
		}
	}
	return true
}

// sortBySentence orders statements by sentence, keeping the order within
// one.
func sortBySentence(sts []schema.Statement) {
	slices.SortStableFunc(sts, func(a, b schema.Statement) int { return a.SentenceIndex - b.SentenceIndex })
}
