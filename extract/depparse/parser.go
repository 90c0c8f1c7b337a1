// Package depparse is stancegraph's dependency parser: a greedy
// transition-based parser (arc-eager, with the root at the end of the
// buffer) whose moves an averaged perceptron chooses from Zhang and
// Nivre's rich features, trained with Goldberg and Nivre's dynamic oracle
// on UD English EWT. It gives Universal Dependencies trees: one root, every
// word headed, no cycles, projective. The model ships in the binary
// (model/); Default loads it once per process.
package depparse

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// Parser parses tagged sentences. It is safe for concurrent use.
type Parser struct {
	model  *perceptron.Model
	labels []string
	root   int // the label id of "root"
	// ids + 1 of the function relations the features follow (0 if absent)
	caseL, markL, ccL int
	punctL            int // id + 1 of "punct"
	pool              sync.Pool
}

// scratch is one parse's working space.
type scratch struct {
	st     state
	tk     []token
	feats  []uint64
	scores []float32
}

func newParser(m *perceptron.Model, labels []string) (*Parser, error) {
	p := withLabels(labels)
	p.model = m
	if p.root < 0 {
		return nil, errors.New("parser: no label \"root\"")
	}
	if m.Classes() != 2+2*len(labels) {
		return nil, fmt.Errorf("parser: model has %d classes for %d labels, want %d", m.Classes(), len(labels), 2+2*len(labels))
	}
	p.pool.New = func() any { return &scratch{scores: make([]float32, m.Classes())} }
	return p, nil
}

// withLabels makes a parser without a model for a label set.
func withLabels(labels []string) *Parser {
	p := &Parser{labels: labels, root: -1}
	for i, l := range labels {
		switch l {
		case "root":
			p.root = i
		case "case":
			p.caseL = i + 1
		case "mark":
			p.markL = i + 1
		case "cc":
			p.ccL = i + 1
		case "punct":
			p.punctL = i + 1
		}
	}
	return p
}

// start readies a state for a sentence of n words.
func (p *Parser) start(st *state, n int) {
	st.reset(n)
	st.caseL, st.markL, st.ccL = p.caseL, p.markL, p.ccL
}

// Labels lists the relations the parser gives.
func (p *Parser) Labels() []string { return p.labels }

// Label gives a relation's name.
func (p *Parser) Label(id int) string { return p.labels[id] }

// class numbers: shift, reduce, then a left arc per label, then a right
// arc per label.
func (p *Parser) class(move, label int) int {
	switch move {
	case shift:
		return 0
	case reduce:
		return 1
	case left:
		return 2 + label
	}
	return 2 + len(p.labels) + label
}

func (p *Parser) move(class int) (move, label int) {
	switch {
	case class == 0:
		return shift, -1
	case class == 1:
		return reduce, -1
	case class < 2+len(p.labels):
		return left, class - 2
	}
	return right, class - 2 - len(p.labels)
}

// valid reports whether a class may be taken in a state: the moves'
// preconditions, and "root" for arcs from ROOT and only for them.
func (p *Parser) valid(st *state, class int) bool {
	mv, l := p.move(class)
	if !st.can(mv) {
		return false
	}
	switch mv {
	case left:
		return (st.b == st.n) == (l == p.root)
	case right:
		return l != p.root
	}
	return true
}

// best gives the highest-scoring valid class.
func (p *Parser) best(st *state, scores []float32) int {
	best := -1
	for c, v := range scores {
		if (best < 0 || v > scores[best]) && p.valid(st, c) {
			best = c
		}
	}
	return best
}

// Parse gives the tree of a tagged sentence: for each word the index of
// its head (-1 for the root) and its relation's label id, appended to
// heads and rels.
func (p *Parser) Parse(forms, xpos, upos []string, heads, rels []int) ([]int, []int) {
	n := len(forms)
	if n == 0 {
		return heads, rels
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	st := &sc.st
	p.start(st, n)
	sc.tk = tokens(forms, xpos, upos, sc.tk)
	for !st.done() {
		sc.feats = features(st, sc.tk, sc.feats[:0])
		clear(sc.scores)
		p.model.Score(sc.feats, sc.scores)
		mv, l := p.move(p.best(st, sc.scores))
		st.apply(mv, l+1)
	}
	p.oneRoot(st)
	fixPunct(forms, upos, st.head[:n])
	for i := 0; i < n; i++ {
		if upos[i] == "PUNCT" && p.punctL > 0 && st.head[i] != n {
			st.label[i] = p.punctL
		}
		h := st.head[i]
		if h == n {
			h = -1
		}
		heads = append(heads, h)
		rels = append(rels, st.label[i]-1)
	}
	return heads, rels
}

// oneRoot keeps one word under ROOT when the stack left several: the one
// with the largest subtree; the others become its dependents, as parataxis
// (the relation UD gives to clauses set side by side).
func (p *Parser) oneRoot(st *state) {
	var roots []int
	for i := 0; i < st.n; i++ {
		if st.head[i] == st.n {
			roots = append(roots, i)
		}
	}
	if len(roots) < 2 {
		return
	}
	size := make([]int, st.n)
	for i := 0; i < st.n; i++ {
		for k, steps := i, 0; k != st.n && steps <= st.n; k, steps = st.head[k], steps+1 {
			size[k]++
		}
	}
	main := roots[0]
	for _, r := range roots[1:] {
		if size[r] > size[main] {
			main = r
		}
	}
	para := p.labelID("parataxis")
	for _, r := range roots {
		if r != main {
			st.head[r], st.label[r] = main, para+1
		}
	}
}

func (p *Parser) labelID(name string) int {
	for i, l := range p.labels {
		if l == name {
			return i
		}
	}
	return p.root
}

const fileMagic = "SGDEP001"

// WriteTo writes the parser's model: magic, labels, perceptron model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	return perceptron.WriteNamed(w, fileMagic, p.labels, p.model)
}

// Load reads a parser that WriteTo wrote.
func Load(b []byte) (*Parser, error) {
	labels, m, err := perceptron.ReadNamed(b, fileMagic, "parser model", 127)
	if err != nil {
		return nil, err
	}
	return newParser(m, labels)
}
