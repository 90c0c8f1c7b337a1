package annotate

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/nlp"
)

// Tree is one sentence's dependency tree, with each token's children.
type Tree struct {
	Toks []nlp.Token
	Kids [][]int // each token's children, in order
}

// NewTree indexes a parsed sentence's children.
func NewTree(toks []nlp.Token) *Tree {
	t := &Tree{Toks: toks, Kids: make([][]int, len(toks))}
	for i, tk := range toks {
		if tk.Head >= 0 {
			t.Kids[tk.Head] = append(t.Kids[tk.Head], i)
		}
	}
	return t
}

// Rel gives a token's relation without its subtype ("nsubj" for
// "nsubj:pass").
func (t *Tree) Rel(i int) string {
	r, _, _ := strings.Cut(t.Toks[i].Rel, ":")
	return r
}

// Child gives the first child of i whose full relation is one of rels, or -1.
func (t *Tree) Child(i int, rels ...string) int {
	for _, k := range t.Kids[i] {
		for _, r := range rels {
			if t.Toks[k].Rel == r {
				return k
			}
		}
	}
	return -1
}

// Marker gives the lower-case case or mark word of a token ("for" in "for
// talks", "that" in "that Kyiv ..."), joined for multiword ones ("according
// to"), or "".
func (t *Tree) Marker(i int) string {
	var words []string
	for _, k := range t.Kids[i] {
		if r := t.Rel(k); (r == "case" || r == "mark") && k < i {
			words = append(words, t.Toks[k].Lower)
			for _, f := range t.Kids[k] {
				if t.Toks[f].Rel == "fixed" {
					words = append(words, t.Toks[f].Lower)
				}
			}
		}
	}
	return strings.Join(words, " ")
}

// Negated reports a not, never or no under i.
func (t *Tree) Negated(i int) bool {
	for _, k := range t.Kids[i] {
		switch t.Toks[k].Lower {
		case "not", "n't", "never", "no", "nor", "neither", "cannot":
			if r := t.Rel(k); r == "advmod" || r == "det" || r == "aux" || r == "cc" {
				return true
			}
		}
	}
	return false
}

// Passive reports a passive clause.
func (t *Tree) Passive(i int) bool {
	return t.Child(i, "nsubj:pass", "aux:pass", "csubj:pass") >= 0
}

// IsVerb, IsNoun and IsAdj tell by the parser's tags.
func (t *Tree) IsVerb(i int) bool { u := t.Toks[i].UPOS; return u == "VERB" }
func (t *Tree) IsNoun(i int) bool { u := t.Toks[i].UPOS; return u == "NOUN" || u == "PROPN" }
func (t *Tree) IsAdj(i int) bool  { return t.Toks[i].UPOS == "ADJ" }

// Mark sets the tokens of i's subtree in in.
func (t *Tree) Mark(i int, in []bool) {
	in[i] = true
	for _, k := range t.Kids[i] {
		t.Mark(k, in)
	}
}

// Unmark clears the tokens of i's subtree in in.
func (t *Tree) Unmark(i int, in []bool) {
	in[i] = false
	for _, k := range t.Kids[i] {
		t.Unmark(k, in)
	}
}

// Dominates reports whether a is i or one of its ancestors.
func (t *Tree) Dominates(a, i int) bool {
	for steps := 0; i >= 0 && steps <= len(t.Toks); steps++ {
		if i == a {
			return true
		}
		i = t.Toks[i].Head
	}
	return false
}

// Subject gives a predicate's subject, or -1. Where the parser reads "said
// the response was not positive" as an object of "said" and a clause
// without a subject, the object just before the clause is its subject: a
// verb of saying takes no object before a clause of its own.
func (t *Tree) Subject(p int) int {
	if s := t.Child(p, "nsubj", "nsubj:pass", "nsubj:outer", "csubj", "csubj:pass"); s >= 0 {
		return s
	}
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "ccomp" && t.Marker(p) == "" {
		if o := t.Child(h, "obj"); o >= 0 && o < p {
			return o
		}
	}
	return -1
}
