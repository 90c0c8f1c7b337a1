// Package pos is the part-of-speech tagger of the pipeline: a greedy,
// left-to-right averaged perceptron (package perceptron) over words,
// affixes, shapes and the two tags before, trained on UD English EWT. Each
// tag is a pair of a Penn Treebank tag (XPOS) and a Universal Dependencies
// tag (UPOS), so the tagger tells "has" the auxiliary from "has" the verb.
// The model ships in the binary (model/); Default loads it once.
package pos

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// Tagger tags sentences. It is safe for concurrent use.
type Tagger struct {
	model *perceptron.Model
	xpos  []string
	upos  []string
	hash  []uint64 // each tag's hash, as the next word's features see it
	pool  sync.Pool
}

type scratch struct {
	ws     []word
	feats  []uint64
	scores []float32
}

func newTagger(m *perceptron.Model, tags []string) (*Tagger, error) {
	if m.Classes() != len(tags) {
		return nil, fmt.Errorf("tagger: model has %d classes for %d tags", m.Classes(), len(tags))
	}
	t := &Tagger{model: m}
	for _, tg := range tags {
		x, u, ok := strings.Cut(tg, "\t")
		if !ok || x == "" || u == "" {
			return nil, fmt.Errorf("tagger: tag %q is not XPOS<tab>UPOS", tg)
		}
		t.xpos = append(t.xpos, x)
		t.upos = append(t.upos, u)
		t.hash = append(t.hash, perceptron.Hash(x+"/"+u))
	}
	t.pool.New = func() any { return &scratch{scores: make([]float32, len(tags))} }
	return t, nil
}

// Tags is the number of tags.
func (t *Tagger) Tags() int { return len(t.xpos) }

// XPOS gives tag id's Penn Treebank tag.
func (t *Tagger) XPOS(id int) string { return t.xpos[id] }

// UPOS gives tag id's Universal Dependencies tag.
func (t *Tagger) UPOS(id int) string { return t.upos[id] }

// Tag tags a sentence's words (as the tokeniser gives them) and appends
// their tag ids to out. guide holds the Penn Treebank tags prose's WSJ
// tagger gave the words (the pipeline runs it first): a tagger trained on a
// million words of news knows words that EWT's 200,000 do not.
func (t *Tagger) Tag(forms, guide []string, out []int) []int {
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	sc.ws = analyse(forms, guide, sc.ws)
	t1, t2 := hStart, hStart2
	for i := range sc.ws {
		sc.feats = features(sc.ws, i, t1, t2, sc.feats[:0])
		clear(sc.scores)
		t.model.Score(sc.feats, sc.scores)
		best := perceptron.Argmax(sc.scores)
		out = append(out, best)
		t2, t1 = t1, t.hash[best]
	}
	return out
}

const fileMagic = "SGPOS001"

// WriteTo writes the tagger's model: magic, tags, perceptron model.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	tags := make([]string, len(t.xpos))
	for i := range tags {
		tags[i] = t.xpos[i] + "\t" + t.upos[i]
	}
	return perceptron.WriteNamed(w, fileMagic, tags, t.model)
}

// Load reads a tagger that WriteTo wrote.
func Load(b []byte) (*Tagger, error) {
	tags, m, err := perceptron.ReadNamed(b, fileMagic, "tagger model", 256)
	if err != nil {
		return nil, err
	}
	return newTagger(m, tags)
}
