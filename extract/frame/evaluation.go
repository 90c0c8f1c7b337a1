// Evaluations: copulas, ascriptive verbs, extraposed clauses, conditions.

package frame

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/schema"
)

// judgedClaims drops a claim whose clause is an evaluation: "argued that
// the aid constitutes a menace" is the speaker's opposition to the aid
// (the evaluation, which takes the speaker as holder), not a claim besides.
func judgedClaims(fs []annotate.Frame) []annotate.Frame {
	judged := map[int]int{}
	for i, f := range fs {
		if f.Judged && f.Holder < 0 {
			judged[f.Pred] = i + 1
		}
	}
	drop := make([]bool, len(fs))
	for i, f := range fs {
		if f.Class != schema.Assert || len(f.Parts) != 1 || f.Holder < 0 {
			continue
		}
		if j := judged[f.Parts[0]]; j > 0 {
			fs[j-1].Holder = f.Holder // the claimant evaluates
			drop[i] = true
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

// evaluative gives the class of an evaluative word or phrase at k: its
// lemma or lower-case form ("reasonable", "threat"), or with the word
// before it ("good news", "red line").
func (r *Reader) evaluative(t *sent, k int) (schema.Class, bool) {
	tk := t.Toks[k]
	if k > 0 {
		if c, ok := r.evals[t.Toks[k-1].Lower+" "+tk.Lower]; ok {
			return c, true
		}
	}
	if c, ok := r.evals[tk.Lower]; ok {
		return c, true
	}
	c, ok := r.evals[tk.Lemma]
	return c, ok
}

// evaluation reads a copula that evaluates its subject: "the proposal is
// unacceptable", "the drills are a threat", "it is unacceptable that X".
// The frame has no holder: the statements stage gives it the speaker.
func (r *Reader) evaluation(t *sent, p int) []annotate.Frame {
	if e := t.Child(p, "expl"); e >= 0 && t.Toks[e].Lower == "there" {
		return r.existential(t, p)
	}
	if t.IsVerb(p) && ascriptive[t.Toks[p].Lemma] {
		return r.ascription(t, p)
	}
	if f, ok := r.necessity(t, p); ok {
		return []annotate.Frame{f}
	}
	if t.Child(p, "cop") < 0 || !(t.IsAdj(p) || t.IsNoun(p)) {
		return nil
	}
	class, ok := r.evaluative(t, p)
	if !ok && t.IsNoun(p) {
		// "is a positive signal", "is a dangerous step": the noun
		// judged by its adjective.
		for _, k := range t.Kids[p] {
			if t.Rel(k) == "amod" {
				if class, ok = r.evaluative(t, k); ok {
					break
				}
			}
		}
	}
	if !ok {
		return nil
	}
	subj := t.Subject(p)
	parts := []int{subj}
	if e := t.Child(p, "expl"); e >= 0 || subj < 0 || t.Toks[subj].UPOS == "PRON" && t.Toks[subj].Lower == "it" {
		// "it is unacceptable that X", "it would be foolish for Russia to
		// attack Ukraine": the extraposed clause, with the subject its
		// for-phrase gives.
		c := t.Child(p, "ccomp", "csubj")
		if c < 0 {
			c = r.extraposed(t, p)
		}
		if c >= 0 {
			parts = []int{c}
			for _, k := range t.Kids[p] {
				if t.Rel(k) == "obl" && t.Marker(k) == "for" && k < c && t.Marker(c) == "to" {
					parts = []int{k, c}
				}
			}
		}
	}
	if parts[0] < 0 {
		return nil
	}
	f := annotate.Frame{Cue: "is " + t.Toks[p].Lower, Class: class, Holder: -1, Parts: parts, Judged: true}
	if t.Negated(p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// ascriptive are the verbs that ascribe what their object names to their
// subject, as a copula does: "the aid constitutes a menace", "the dam
// poses a threat", "the vote amounts to annexation", "the drills represent
// a provocation".
var ascriptive = map[string]bool{"constitute": true, "pose": true, "represent": true, "amount": true}

// ascription reads an ascriptive verb whose object is evaluative (itself
// or by its adjective) as an evaluation of its subject.
func (r *Reader) ascription(t *sent, p int) []annotate.Frame {
	o := t.Child(p, "obj")
	if t.Toks[p].Lemma == "amount" {
		o = -1
		for _, k := range t.Kids[p] {
			if t.Rel(k) == "obl" && t.Marker(k) == "to" {
				o = k
			}
		}
	}
	subj := t.Subject(p)
	if o < 0 || subj < 0 || t.actor(subj) {
		return nil
	}
	class, ok := r.evaluative(t, o)
	for _, k := range t.Kids[o] {
		if !ok && t.Rel(k) == "amod" {
			class, ok = r.evaluative(t, k)
		}
	}
	if !ok {
		return nil
	}
	f := annotate.Frame{Cue: t.Toks[p].Lemma + " " + t.Toks[o].Lower, Class: class, Holder: -1, Parts: []int{subj}, Judged: true}
	if r.negatedAt(t, p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// possibility are the adjectives of possibility whose negation with a
// without-phrase states a condition: "no deal is possible without the
// recognition", "stability is impossible without an agreement".
var possibility = map[string]bool{"possible": true, "impossible": true, "feasible": true, "conceivable": true,
	"achievable": true, "viable": true, "sustainable": true, "unthinkable": true, "inconceivable": true}

// necessity reads a condition stated as a negated possibility as a demand
// for the condition: "X is impossible without Y", "no X is possible
// without Y" (the speaker demands Y).
func (r *Reader) necessity(t *sent, p int) (annotate.Frame, bool) {
	lemma := t.Toks[p].Lower
	if !t.IsAdj(p) || !possibility[lemma] {
		return annotate.Frame{}, false
	}
	negated := strings.HasPrefix(lemma, "im") || strings.HasPrefix(lemma, "in") || lemma == "unthinkable" || t.Negated(p)
	if s := t.Subject(p); s >= 0 && t.Negated(s) {
		negated = !negated
	}
	if !negated {
		return annotate.Frame{}, false
	}
	for _, k := range t.Kids[p] {
		if t.Rel(k) == "obl" && t.Marker(k) == "without" {
			return annotate.Frame{Cue: "impossible without", Class: schema.Demand, Holder: -1, Parts: []int{k}, Judged: true}, true
		}
	}
	return annotate.Frame{}, false
}

// extraposed gives the infinitive an evaluative predicate with a dummy
// subject takes, which the parser hangs as a clause modifier: "it would be
// unproductive to negotiate in public".
func (r *Reader) extraposed(t *sent, p int) int {
	for _, k := range t.Kids[p] {
		if k > p && (t.Rel(k) == "advcl" || t.Rel(k) == "xcomp") && t.Marker(k) == "to" && t.IsVerb(k) {
			return k
		}
	}
	return -1
}

// existential reads "there is no positive reaction", "there are serious
// concerns about X": the noun that exists, judged by its adjective, is the
// speaker's evaluation; "no" turns it.
func (r *Reader) existential(t *sent, p int) []annotate.Frame {
	n := t.Child(p, "nsubj")
	if n < 0 || !t.IsNoun(n) {
		return nil
	}
	for _, k := range t.Kids[n] {
		if t.Rel(k) != "amod" {
			continue
		}
		if class, ok := r.evaluative(t, k); ok {
			f := annotate.Frame{Cue: "there is " + t.Toks[k].Lower, Class: class, Holder: -1, Parts: []int{n}, Judged: true}
			if t.Negated(n) || t.Negated(p) {
				r.turn(&f)
			}
			return []annotate.Frame{f}
		}
	}
	return nil
}
