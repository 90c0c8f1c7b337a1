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

// Records reads the stored statements back as schema.Statement records, in
// document and sentence order.
func (s *Store) Records(ctx context.Context) ([]schema.Statement, error) {
	p := path.StartPath(s.qs).Has(schema.Type, schema.TypeStatement).
		Save(schema.PClass, "class").Save(schema.PPredicate, "predicate").
		Save(schema.PSentence, "sentence").Save(schema.PSentenceIndex, "index").
		Save(schema.PStart, "start").Save(schema.PEnd, "end").Save(schema.PConfidence, "confidence").
		SaveOptional(schema.PDate, "date").SaveOptional(schema.PEventDate, "event").SaveOptional(schema.PPolarity, "polarity").
		Save(schema.PActor, "actor").Save(schema.PTarget, "target").SaveOptional(schema.PSpeaker, "speaker").
		Tag("s")
	var out []schema.Statement
	labels := map[quad.Value]string{}
	label := func(v quad.Value) string {
		if v == nil {
			return ""
		}
		if l, ok := labels[v]; ok {
			return l
		}
		l, err := path.StartPath(s.qs, v).Out(schema.Label).Iterate(ctx).FirstValue(s.qs)
		if err != nil || l == nil {
			labels[v] = valueString(v)
		} else {
			labels[v] = valueString(l)
		}
		return labels[v]
	}
	err := p.Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) {
		st := schema.Statement{
			Class: schema.Class(strings.TrimPrefix(iriString(m["class"]), schema.Prefix)), Predicate: valueString(m["predicate"]),
			Sentence: valueString(m["sentence"]), Date: valueString(m["date"]), EventDate: valueString(m["event"]), Polarity: valueString(m["polarity"]),
			Subject: label(m["actor"]), Object: label(m["target"]), Speaker: label(m["speaker"]),
		}
		st.SentenceIndex = intOf(m["index"])
		st.Start, st.End = intOf(m["start"]), intOf(m["end"])
		if f, ok := m["confidence"].(quad.Float); ok {
			st.Confidence = float64(f)
		}
		if k, _ := path.StartPath(s.qs, m["actor"]).Out(schema.Kind).Iterate(ctx).FirstValue(s.qs); k != nil {
			st.SubjectKind = valueString(k)
		}
		st.ObjectType = schema.ObjectPosition
		if st.Class.IsInteraction() {
			st.ObjectType = schema.ObjectActor
		}
		v, _ := path.StartPath(s.qs, m["s"]).Out(schema.PDocument).Out(schema.Label).Iterate(ctx).FirstValue(s.qs)
		st.Doc = valueString(v)
		out = append(out, st)
	})
	if err != nil {
		return nil, fmt.Errorf("read statements: %w", err)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Doc != out[j].Doc {
			return out[i].Doc < out[j].Doc
		}
		return out[i].SentenceIndex < out[j].SentenceIndex
	})
	return out, nil
}

func intOf(v quad.Value) int {
	if n, ok := v.(quad.Int); ok {
		return int(n)
	}
	return 0
}
