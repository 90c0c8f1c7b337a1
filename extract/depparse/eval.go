package depparse

import (
	"strings"
)

// Score counts attachments right against gold trees, overall and by
// relation family. Labels are compared by their universal part (before any
// colon), as the CoNLL 2018 shared task does.
type Score struct {
	Words, Heads, Labelled int
	Family                 map[string]*Count // by the gold relation's family
}

// Count is a family's words and the right heads and labels among them.
type Count struct{ Words, Heads, Labelled int }

// UAS is the share of words with the right head.
func (s Score) UAS() float64 { return ratio(s.Heads, s.Words) }

// LAS is the share of words with the right head and label.
func (s Score) LAS() float64 { return ratio(s.Labelled, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Families group the relations the extractor reads.
var Families = []struct{ Name, Relations string }{
	{"subjects", "nsubj csubj expl"},
	{"objects", "obj iobj"},
	{"clausal complements", "ccomp xcomp"},
	{"obliques", "obl"},
	{"nominal modifiers", "nmod appos"},
	{"clause modifiers", "advcl acl"},
	{"conjunctions", "conj cc"},
	{"root", "root"},
}

// Family gives a relation's family, or "other".
func Family(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	for _, f := range Families {
		for _, r := range strings.Fields(f.Relations) {
			if r == u {
				return f.Name
			}
		}
	}
	return "other"
}

// Add compares one sentence's heads and labels with the gold ones.
func (s *Score) Add(goldHeads []int, goldLabels []string, heads []int, labels []string) {
	if s.Family == nil {
		s.Family = map[string]*Count{}
	}
	for i := range goldHeads {
		f := s.Family[Family(goldLabels[i])]
		if f == nil {
			f = &Count{}
			s.Family[Family(goldLabels[i])] = f
		}
		s.Words++
		f.Words++
		if heads[i] == goldHeads[i] {
			s.Heads++
			f.Heads++
			g, _, _ := strings.Cut(goldLabels[i], ":")
			l, _, _ := strings.Cut(labels[i], ":")
			if g == l {
				s.Labelled++
				f.Labelled++
			}
		}
	}
}

// FamilyNames lists the families a score has, in Families' order.
func (s Score) FamilyNames() []string {
	var out []string
	for _, f := range Families {
		if s.Family[f.Name] != nil {
			out = append(out, f.Name)
		}
	}
	if s.Family["other"] != nil {
		out = append(out, "other")
	}
	return out
}

// Evaluate parses examples with their own tags and scores the trees.
func Evaluate(p *Parser, examples []Example) Score {
	var s Score
	var heads, rels []int
	var labels []string
	for _, ex := range examples {
		heads, rels = p.Parse(ex.Forms, ex.XPOS, ex.UPOS, heads[:0], rels[:0])
		labels = labels[:0]
		for _, r := range rels {
			labels = append(labels, p.labels[r])
		}
		s.Add(ex.Heads, ex.Labels, heads, labels)
	}
	return s
}
