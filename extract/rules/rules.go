// Package rules is stancegraph's default extractor, registered as "rules".
//
// It reads a document sentence by sentence through the nlp pipeline and
// analyses each sentence's clauses over part-of-speech tags with the lexicons
// of package lexicon:
//
//  1. mentions: actors by name, metonym ("the Kremlin"), demonym before a word
//     of government ("the Russian side"); people by title and apposition
//     ("Kremlin spokesman Dmitry Peskov", "NATO's Jens Stoltenberg") or by a
//     part of a name introduced earlier; pronouns.
//  2. attribution: who speaks in each part of the sentence ("X said (that)
//     ...", "..., X said", "said X", "according to X", "X: ..."), quotations
//     across sentences keeping their speaker.
//  3. coreference: pronouns and descriptions resolved to the nearest
//     compatible antecedent; "it" and "these concerns" as targets resolved to
//     recent positions.
//  4. stance cues: verbs, nouns and evaluative adjectives by lemma, with their
//     subject, negation, and the target phrase they govern.
//  5. interactions between actors: consult, deliver, aid, accuse, threaten,
//     mediate.
package rules

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// Name is the name the extractor registers under.
const Name = "rules"

func init() {
	extract.Register(Name, func(cfg extract.Config) (extract.Extractor, error) {
		lx, err := lexicon.Load(cfg.Lexicons...)
		if err != nil {
			return nil, err
		}
		return New(lx, cfg)
	})
}

// Extractor is the rule-based extractor. It is safe for concurrent use.
type Extractor struct {
	lex       *lexicon.Lexicon
	nlp       *nlp.Pipeline
	gaz       *gazetteer
	verbs     *cueIndex
	nouns     *cueIndex
	neutral   *cueIndex // nouns that take the polarity of their complement
	adjs      phraseIndex
	reporting *cueIndex
	inter     interaction
	asserting map[string]bool         // reporting verbs whose that-clause the speaker asserts
	judging   *cueIndex               // verbs that judge their subject
	deontic   map[string]bool         // passives that "should" turns into demands
	dangers   map[string]bool         // nouns of danger: "warned of the risks of X"
	nounClass map[string]schema.Class // one-word stance nouns: "allegation" ASSERT
	warning   *cueIndex               // the verbs that warn of them
	reversers map[string]bool
	negators  map[string]bool
	synonyms  map[string]string
	corefer   map[string][]string // noun -> the stems of the nouns it may refer back to
	minConf   float64
}

// New makes an extractor over a lexicon.
func New(lx *lexicon.Lexicon, cfg extract.Config) (*Extractor, error) {
	p, err := nlp.New()
	if err != nil {
		return nil, err
	}
	x := &Extractor{
		lex:       lx,
		nlp:       p,
		gaz:       newGazetteer(lx),
		verbs:     indexCues(lx.Stance.Verbs),
		nouns:     indexCues(lx.Stance.Nouns),
		neutral:   newCueIndex(),
		adjs:      indexPhrases(lx.Stance.Adjectives),
		reporting: newCueIndex(),
		inter:     indexInteractions(lx.Interactions),
		reversers: set(lx.Reversers...),
		negators:  set(lx.Negators...),
		synonyms:  map[string]string{},
		corefer:   map[string][]string{},
		minConf:   cfg.MinConfidence,
	}
	for _, r := range lx.Reporting {
		x.reporting.add(r, "")
	}
	x.asserting = set(lx.Asserting...)
	for _, p := range lx.Stance.Neutral {
		x.neutral.add(p, schema.Demand)
	}
	x.judging = indexCues(lx.Judging)
	x.deontic = set(lx.Deontic...)
	x.dangers = set(lx.Dangers.Nouns...)
	x.nounClass = map[string]schema.Class{}
	for _, c := range slices.Sorted(maps.Keys(lx.Stance.Nouns)) {
		for _, w := range lx.Stance.Nouns[c] {
			if !strings.Contains(w, " ") {
				x.nounClass[strings.ToLower(w)] = c
			}
		}
	}
	x.warning = newCueIndex()
	for _, v := range lx.Dangers.Verbs {
		x.warning.add(v, schema.Oppose)
	}
	for _, group := range lx.Corefer {
		var stems []string
		for _, w := range group {
			stems = append(stems, stem(w))
		}
		// Full to capacity: a caller's append copies, it cannot write into
		// the list every goroutine reads.
		stems = stems[:len(stems):len(stems)]
		for _, w := range group {
			x.corefer[strings.ToLower(w)] = stems
		}
	}
	for _, canon := range slices.Sorted(maps.Keys(lx.Synonyms)) {
		for _, v := range lx.Synonyms[canon] {
			x.synonyms[strings.ToLower(v)] = canon
		}
	}
	return x, nil
}

// docState is what the extractor remembers across the sentences of one
// document: the people introduced, the last person and actors mentioned,
// the recent positions, and an open quotation's speaker.
type docState struct {
	doc        *extract.Document
	known      map[string]*person
	lastPerson *mention
	lastActors []mention
	recent     []mention // collectives and people's sides, latest last, one each
	positions  []string
	held       []heldPosition
	inQuote    bool // a quotation is open at the end of the last sentence
	para       int  // the paragraph of the last sentence
}

// heldPosition is a stance the document has stated.
type heldPosition struct {
	actor, label string
	class        schema.Class // the stance, after negation and composition
	cue          schema.Class // the class of the cue word ("demand")
}

// heldLabel is the latest stance taken on a position with this label.
func (st *docState) heldLabel(label string) (heldPosition, bool) {
	for k := len(st.held) - 1; k >= 0; k-- {
		if st.held[k].label == label {
			return st.held[k], true
		}
	}
	return heldPosition{}, false
}

// heldBy is the latest position the actor took with a cue of the class:
// "the Russian demand" is what Russia demanded.
func (st *docState) heldBy(actor string, c schema.Class) (heldPosition, bool) {
	for k := len(st.held) - 1; k >= 0; k-- {
		if h := st.held[k]; h.actor == actor && h.cue == c {
			return h, true
		}
	}
	return heldPosition{}, false
}

// canonical applies the synonym list to a position label.
func (x *Extractor) canonical(label string) string {
	if c, ok := x.synonyms[strings.ToLower(label)]; ok {
		return c
	}
	return label
}

func (x *Extractor) String() string {
	return fmt.Sprintf("rules extractor (%d actors)", len(x.lex.Actors))
}

// carryQuotes gives a sentence of a quotation without its own speaker the
// speaker of the sentence that closes or opens the quotation in the same
// paragraph ("“... . ...,” Peskov said.").
func (x *Extractor) carryQuotes(ss []*sentence) {
	for i, s := range ss {
		if s.speaker() != nil || !s.startsQuoted {
			continue
		}
		for j := i + 1; j < len(ss) && j <= i+4 && ss[j].s.Para == s.s.Para; j++ {
			if sp := ss[j].speaker(); sp != nil {
				s.frames = append(s.frames, frame{speaker: sp, from: 0, to: len(s.toks), verb: -1})
				break
			}
		}
		// A quotation open from the last sentence, or a new one right after a
		// quoted speaker ("“…,” Lavrov said. “…”"): the same speaker goes on.
		if s.speaker() == nil && i > 0 && ss[i-1].s.Para == s.s.Para && (ss[i-1].openQuote || ss[i-1].hasQuote()) {
			if sp := ss[i-1].speaker(); sp != nil {
				s.frames = append(s.frames, frame{speaker: sp, from: 0, to: len(s.toks), verb: -1})
			}
		}
	}
}

func (st *docState) rememberPosition(label string) {
	for _, p := range st.positions {
		if p == label {
			return
		}
	}
	st.positions = append(st.positions, label)
	if len(st.positions) > 12 {
		st.positions = st.positions[1:]
	}
}

// Extract reads one document.
func (x *Extractor) Extract(ctx context.Context, doc *extract.Document) (extract.Result, error) {
	if !utf8.ValidString(doc.Text) {
		return extract.Result{}, fmt.Errorf("document %s is not valid UTF-8", doc.ID)
	}
	sents := x.nlp.Sentences(doc.Text)
	st := &docState{doc: doc, known: map[string]*person{}}
	var out []schema.Statement
	analyses := make([]*sentence, len(sents))
	for i := range sents {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return extract.Result{}, err
			}
		}
		analyses[i] = x.prepare(st, &sents[i])
	}
	x.carryQuotes(analyses)
	for _, s := range analyses {
		s.resolveFirstPerson()
		s.analyse()
		for _, stmt := range s.out {
			if stmt.Confidence >= x.minConf {
				out = append(out, stmt)
			}
		}
	}
	return extract.Result{Sentences: len(sents), Statements: out}, nil
}
