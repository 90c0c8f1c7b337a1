// Verb frames: a stance verb's holder and target, control, judgment.

package frame

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/schema"
)

// hasAdverb reports an adverb of p: "not yet".
func (t *sent) hasAdverb(p int, word string) bool {
	for _, k := range t.Kids[p] {
		if t.Rel(k) == "advmod" && t.Toks[k].Lower == word {
			return true
		}
	}
	return false
}

// turn negates a frame's class ("did not accept" opposes).
func (r *Reader) turn(f *annotate.Frame) {
	if c, ok := r.negation[f.Class]; ok {
		f.Class = c
		f.Negated = !f.Negated
	}
}

// negatedAt reports a predicate negated in place or by the verb it is the
// clause of: "refused to accept", "failed to condemn".
func (r *Reader) negatedAt(t *sent, p int) bool {
	if t.Negated(p) {
		return true
	}
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "xcomp" && r.negating[t.Toks[h].Lemma] {
		return true
	}
	return false
}

// verbFrames reads a verb's stance frame.
func (r *Reader) verbFrames(t *sent, p int) []annotate.Frame {
	lemma := t.Toks[p].Lemma
	// A negating verb over a stance verb is that verb's negation, not a
	// frame of its own: "refused to accept the plan".
	if r.negating[lemma] {
		if x := t.Child(p, "xcomp"); x >= 0 && (len(r.verbs[t.Toks[x].Lemma]) > 0 || r.judgment[t.Toks[x].Lemma]) {
			return nil
		}
	}
	if f, ok := r.judge(t, p); ok {
		return []annotate.Frame{f}
	}
	// "pressure on Serbia to recognise Kosovo", "a call for Iran to
	// accept": an infinitive that spells out a noun's demand is what is
	// asked, not a stance its subject holds.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "acl" && t.Marker(p) == "to" && (len(r.nouns[t.Toks[h].Lemma]) > 0 || r.asking[t.Toks[h].Lemma]) {
		return nil
	}
	if h := t.Toks[p].Head; h >= 0 && (t.Rel(p) == "advcl" || t.Rel(p) == "xcomp") && t.Marker(p) == "to" {
		if o := t.Child(h, "obj"); o >= 0 && o < p && r.asking[t.Toks[o].Lemma] {
			return nil // the parser hangs it from the verb: "expected pressure on Serbia to recognise"
		}
	}
	// "has not yet endorsed the proposal": no stance taken yet.
	if t.Negated(p) && t.hasAdverb(p, "yet") {
		return nil
	}
	for _, c := range r.verbs[lemma] {
		target, ok := r.verbTarget(t, p, c)
		if !ok {
			continue
		}
		if r.addressee(t, p, c, target) {
			return nil
		}
		// "expected pressure on Serbia": a thing expected without a doer
		// asked to act is a forecast, not a demand.
		if c.class == schema.Demand && anticipating[lemma] && t.IsNoun(target[0]) && !t.actor(target[0]) {
			return nil
		}
		// "vowed to deliver a resolute response": a promised response is
		// a threat (conditionalThreats), not a position; a decision to
		// respond ("agreed to impose sanctions") is one.
		if c.class == schema.Support && !r.deciding[lemma] && r.promisesResponse(t, target) {
			return nil
		}
		// "confirmed that Sullivan delivered the response": a verb of
		// report with a clause reports it; it supports what it takes as
		// a thing ("confirmed its commitment").
		if (c.class == schema.Support || c.class == schema.Propose) && r.reporting[lemma] && len(target) == 1 && t.Rel(target[0]) == "ccomp" {
			return nil
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.holder(t, p), Parts: target}
		if r.negatedAt(t, p) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// verbTarget finds the target of a verb's cue. A cue of several words
// needs them: its particle ("rule out"), the preposition or subordinator
// of its target ("call for X", "insist that"), or the words right after
// the verb ("put on the table").
func (r *Reader) verbTarget(t *sent, p int, c cue) ([]int, bool) {
	if len(c.rest) > 0 {
		rest := strings.Join(c.rest, " ")
		for _, k := range t.Kids[p] {
			if t.Toks[k].Rel == "compound:prt" && t.Toks[k].Lower == rest {
				return r.defaultTarget(t, p, c), true
			}
		}
		for _, k := range t.Kids[p] {
			if rest == "to" && r.striving[t.Toks[p].Lemma] && !t.IsVerb(k) {
				continue // "pushed to start filling", not "moved troops to the border"
			}
			switch t.Rel(k) {
			case "obl", "nmod", "xcomp", "ccomp", "advcl", "obj":
				if t.Marker(k) == rest || strings.HasPrefix(t.Marker(k), rest+" ") {
					return r.withControlled(t, p, c, []int{k}), true
				}
			}
		}
		if p+len(c.rest) < len(t.Toks) {
			match := true
			for i, w := range c.rest {
				if t.Toks[p+1+i].Lower != w {
					match = false
					break
				}
			}
			if match {
				// "backed away from its opposition": the phrase whose
				// case word ends the cue.
				last := p + len(c.rest)
				for k := range t.Toks {
					if t.Toks[last].Head == k && t.Rel(last) == "case" {
						return r.withControlled(t, p, c, []int{k}), true
					}
				}
				return r.defaultTarget(t, p, c), true
			}
		}
		return nil, false
	}
	target := r.defaultTarget(t, p, c)
	return target, target != nil
}

// defaultTarget is a verb's object, else its clause, else (in the
// passive) its subject. A control verb's object and infinitive make the
// target together: "urged Russia to withdraw".
func (r *Reader) defaultTarget(t *sent, p int, c cue) []int {
	if o := t.Child(p, "obj"); o >= 0 {
		return r.withControlled(t, p, c, []int{o})
	}
	// The parser reads "urged Bolivia to withdraw" with an indirect object.
	if o := t.Child(p, "iobj"); o >= 0 && (r.control[t.Toks[p].Lemma] || r.control[c.String()]) {
		return r.withControlled(t, p, c, []int{o})
	}
	if c := t.Child(p, "ccomp", "xcomp"); c >= 0 {
		return []int{c}
	}
	if t.Passive(p) {
		if s := t.Child(p, "nsubj:pass", "csubj:pass"); s >= 0 {
			return []int{s}
		}
	}
	return nil
}

// addressee reports a control verb whose only target is the one it
// addresses: "told journalists that ...", "urged Russia" with no deed
// asked of it. The demand is in the infinitive; without one there is none
// (a that-clause makes the verb a report).
func (r *Reader) addressee(t *sent, p int, c cue, target []int) bool {
	if !(r.control[t.Toks[p].Lemma] || r.control[c.String()]) || len(target) != 1 {
		return false
	}
	if len(c.rest) > 0 {
		// "call on", "appeal to": the phrase names whom, the deed is in
		// the infinitive ("calling their continuation on the sidelines");
		// "ask for", "press for" name what is asked.
		return r.control[c.String()]
	}
	if o := t.Child(p, "obj", "iobj"); o != target[0] {
		return false
	}
	return t.Child(p, "ccomp") >= 0 || t.actor(target[0]) || r.audience[t.Toks[target[0]].Lemma]
}

// withControlled adds a control verb's infinitive to its object ("urged
// Russia to withdraw"), and to an actor it praises or blames the deed it
// does so for ("criticized Hamas for altering the parameters", "thanked
// Egypt for its mediation").
func (r *Reader) withControlled(t *sent, p int, c cue, target []int) []int {
	if len(target) != 1 {
		return target
	}
	if r.control[t.Toks[p].Lemma] || r.control[c.String()] {
		if x := t.Child(p, "xcomp"); x >= 0 && x != target[0] {
			return append(target, x)
		}
		// The parser often hangs the infinitive as a clause modifier:
		// "called on all nations to implement the sanctions".
		for _, k := range t.Kids[p] {
			if k > target[0] && t.Rel(k) == "advcl" && t.Marker(k) == "to" {
				return append(target, k)
			}
		}
		// ... or as a modifier of the object: "urged the OIC to reject".
		for _, k := range t.Kids[target[0]] {
			if k > target[0] && t.Rel(k) == "acl" && t.Marker(k) == "to" {
				return append(target, k)
			}
		}
	}
	if !t.actor(target[0]) {
		return target
	}
	for _, k := range t.Kids[p] {
		if k != target[0] && (t.Rel(k) == "advcl" || t.Rel(k) == "obl") && (t.Marker(k) == "for" || t.Marker(k) == "over") {
			return append(target, k)
		}
	}
	return target
}

// judge reads a verb of judgment with an object and an evaluative second
// predicate: "called X reasonable", "described X as a threat", "considers
// X unacceptable".
func (r *Reader) judge(t *sent, p int) (annotate.Frame, bool) {
	if !r.judgment[t.Toks[p].Lemma] {
		return annotate.Frame{}, false
	}
	obj := t.Child(p, "obj")
	if obj < 0 && t.Passive(p) {
		obj = t.Child(p, "nsubj:pass")
	}
	if obj < 0 {
		return annotate.Frame{}, false
	}
	for _, k := range t.Kids[p] {
		if k == obj {
			continue
		}
		rel := t.Rel(k)
		if rel != "xcomp" && !(rel == "obl" && t.Marker(k) == "as") && !(rel == "advcl" && t.Marker(k) == "as") {
			continue
		}
		class, ok := r.evaluative(t, k)
		if !ok {
			continue
		}
		f := annotate.Frame{Cue: t.Toks[p].Lemma + " " + t.Toks[k].Lower, Class: class, Holder: r.holder(t, p), Parts: []int{obj}, Judged: true}
		if t.Negated(p) != t.Negated(k) {
			r.turn(&f)
		}
		return f, true
	}
	return annotate.Frame{}, false
}

// anticipating are the verbs that demand only of a doer ("expects Russia
// to withdraw") and otherwise forecast ("expected pressure", "anticipates
// a long negotiation").
var anticipating = map[string]bool{"expect": true, "anticipate": true, "await": true, "foresee": true}
