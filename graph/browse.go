package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/stancegraph/stancegraph/schema"
)

// Matches reports whether a label holds every word of a search, by stems,
// in any order and form ("NATO expansion" finds "expansion of NATO to the
// east"), as Lookup finds positions.
func Matches(label, words string) bool {
	want := stems(words)
	return len(want) > 0 && hasStems(stems(label), want)
}

// Speaker is a person the statements name as their speaker.
type Speaker struct {
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Count int    `json:"statements"`
}

// Speakers lists the people who speak in the statements, with how many
// statements each speaks, most first.
func (s *Store) Speakers(ctx context.Context) ([]Speaker, error) {
	count := map[string]int{}
	p := path.StartPath(s.qs).Has(schema.Type, schema.TypeStatement).Out(schema.PSpeaker)
	err := p.Iterate(ctx).EachValue(s.qs, func(v quad.Value) {
		count[iriString(v)]++
	})
	if err != nil {
		return nil, fmt.Errorf("list speakers: %w", err)
	}
	out := make([]Speaker, 0, len(count))
	for iri, n := range count {
		node, err := s.node(ctx, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, Speaker{IRI: iri, Label: node.Label, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Label < out[j].Label
	})
	return out, nil
}

// EvidenceOf lists the statements of an actor about a target (a position
// or another actor; IRIs without brackets): from the tally when the store
// keeps one, else from the statements' quads.
func (s *Store) EvidenceOf(ctx context.Context, actor, target string) ([]Evidence, error) {
	var out []Evidence
	if t := s.Tally(); t != nil {
		err := t.Evidence(ctx, actor, target, func(e Evidence) error {
			out = append(out, e)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("evidence of %s about %s: %w", actor, target, err)
		}
		return out, nil
	}
	p := path.StartPath(s.qs).Has(schema.Type, schema.TypeStatement).
		Has(schema.PActor, quad.IRI(actor)).Has(schema.PTarget, quad.IRI(target)).Tag("s").
		Save(schema.PClass, "class").Save(schema.PPredicate, "predicate").
		SaveOptional(schema.PSentence, "sentence").SaveOptional(schema.PDocument, "document").
		SaveOptional(schema.PDate, "date").SaveOptional(schema.PEventDate, "event").SaveOptional(schema.PSpeaker, "speaker")
	var speakers []string
	err := p.Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) {
		out = append(out, Evidence{Actor: actor, Target: target, Statement: iriString(m["s"]),
			Class:     schema.Class(strings.TrimPrefix(iriString(m["class"]), schema.Prefix)),
			Predicate: valueString(m["predicate"]), Sentence: valueString(m["sentence"]),
			Document: iriString(m["document"]), Date: valueString(m["date"]), EventDate: valueString(m["event"])})
		speakers = append(speakers, iriString(m["speaker"]))
	})
	if err != nil {
		return nil, fmt.Errorf("evidence of %s about %s: %w", actor, target, err)
	}
	for i, sp := range speakers {
		if sp == "" {
			continue
		}
		node, err := s.node(ctx, sp)
		if err != nil {
			return nil, err
		}
		out[i].Speaker = node.Label
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Statement < out[j].Statement })
	return out, nil
}
