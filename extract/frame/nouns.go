// Noun and adjective frames: a stance noun's holder and target, circumstances.

package frame

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
)

// complementCases are the prepositions that introduce a stance noun's or
// adjective's target.
// "from" and "by" name the holder ("opposition from Egypt"), "in" a place
// ("claims in the sea"): neither is a target.
var complementCases = map[string]bool{"of": true, "for": true, "to": true, "on": true, "about": true, "over": true,
	"against": true, "toward": true, "towards": true, "regarding": true, "with": true, "at": true,
	"concerning": true}

// nounFrames reads a stance noun's frame.
func (r *Reader) nounFrames(t *sent, p int) []annotate.Frame {
	if t.Toks[p].UPOS != "NOUN" {
		return nil
	}
	for _, c := range r.nouns[t.Toks[p].Lemma] {
		target := r.nounTarget(t, p, c)
		event := false
		if target < 0 && len(c.rest) == 0 {
			target, event = r.elicited(t, p)
		}
		if target < 0 {
			continue
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.nounHolder(t, p), Parts: []int{target}, Deed: event}
		if t.Negated(p) {
			r.turn(&f)
		} else if h := t.Toks[p].Head; h >= 0 && r.light[t.Toks[h].Lemma] && r.negatedAt(t, h) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// nounTarget finds a noun's complement: the phrase of its cue's
// preposition, else an of/for/to... phrase, an infinitive or a
// that-clause; else what a content verb says the noun holds ("the demands
// include X", "the demand is X").
func (r *Reader) nounTarget(t *sent, p int, c cue) int {
	rest := strings.Join(c.rest, " ")
	for _, k := range t.Kids[p] {
		rel := t.Toks[k].Rel
		if rel == "nmod:poss" || k < p && rel != "acl" {
			continue
		}
		m := t.Marker(k)
		if m == "of" && t.actor(k) {
			continue // "the demands of Russia": the holder
		}
		switch t.Rel(k) {
		case "nmod", "acl", "ccomp", "obl":
			if rest != "" {
				if m == rest || strings.HasPrefix(m, rest+" ") {
					return k
				}
				continue
			}
			if complementCases[m] || m == "to" || m == "that" || (m == "" && t.Rel(k) != "nmod") {
				return k
			}
		}
	}
	// "expressed its support for the mission", "welcomed the support of
	// X for the ruling": the parser often hangs the noun's complement from
	// the verb that takes it.
	if h := t.Toks[p].Head; h >= 0 && (t.Rel(p) == "obj" || t.Rel(p) == "obl" && rest != "") {
		for _, k := range t.Kids[h] {
			m := t.Marker(k)
			if k > p && t.Rel(k) == "obl" && (rest == "" && complementCases[m] && m != "with" && m != "at" || rest != "" && m == rest) {
				return k
			}
			// "reached an agreement to share the water": its infinitive,
			// under a light verb.
			if k > p && rest == "" && t.Rel(p) == "obj" && r.light[t.Toks[h].Lemma] && (t.Rel(k) == "advcl" || t.Rel(k) == "xcomp") && m == "to" {
				return k
			}
		}
	}
	if rest != "" && rest != "that" {
		return -1
	}
	// "Russia's demands include a halt to ...": the content verb's object.
	h := t.Toks[p].Head
	if h < 0 || t.Rel(p) != "nsubj" {
		return -1
	}
	if t.Child(h, "cop") >= 0 && !t.IsAdj(h) {
		return h // an adjective there judges the noun (evaluation)
	}
	if r.content[t.Toks[h].Lemma] {
		if o := t.Child(h, "obj", "xcomp", "ccomp"); o >= 0 {
			return o
		}
	}
	return -1
}

// nounHolder finds who holds a stance noun: its possessor, an actor named
// before it (a demonym, a name: "Russian demands", "US support"), a by- or
// from-phrase, else the holder of the light verb that takes it ("Russia
// made a proposal").
func (r *Reader) nounHolder(t *sent, p int) int {
	if k := t.Child(p, "nmod:poss"); k >= 0 {
		return k
	}
	for _, k := range t.Kids[p] {
		if (t.Rel(k) == "amod" || t.Rel(k) == "compound") && k < p && t.actor(k) {
			return k
		}
		if t.Rel(k) == "nmod" && (t.Marker(k) == "by" || t.Marker(k) == "from" || t.Marker(k) == "of" && t.actor(k)) {
			return k
		}
	}
	if h := t.Toks[p].Head; h >= 0 && r.light[t.Toks[h].Lemma] && (t.Rel(p) == "obj" || t.Rel(p) == "obl") {
		return r.holder(t, h)
	}
	// "recalled its ambassador in protest at the remarks", "voted in
	// support of the resolution": the doer of the clause.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "obl" && t.Marker(p) == "in" && t.IsVerb(h) {
		return r.holder(t, h)
	}
	// "the move drew criticism from Egypt": the parser hangs the source
	// from the verb of eliciting.
	if h := t.Toks[p].Head; h >= 0 && r.eliciting[t.Toks[h].Lemma] && t.Rel(p) == "obj" {
		for _, k := range t.Kids[h] {
			if t.Rel(k) == "obl" && t.Marker(k) == "from" {
				return k
			}
		}
	}
	return -1
}

// adjFrames reads an adjective of stance as a predicate: "Russia is ready
// to talk", "Egypt is concerned about the dam", "opposed to sanctions".
func (r *Reader) adjFrames(t *sent, p int) []annotate.Frame {
	lower := t.Toks[p].Lower
	for _, c := range r.adjs[lower] {
		target := -1
		rest := strings.Join(c.rest, " ")
		for _, k := range t.Kids[p] {
			rel, m := t.Rel(k), t.Marker(k)
			if rest != "" && m != rest {
				continue
			}
			if rel == "xcomp" || rel == "ccomp" || ((rel == "obl" || rel == "nmod") && complementCases[m]) {
				target = k
				break
			}
		}
		if target < 0 {
			continue
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.holder(t, p), Parts: []int{target}}
		if r.negatedAt(t, p) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// circumstances are the prepositions whose phrase sets a clause's event
// against someone's stance on it: concession ("pushed on despite vehement
// opposition from Egypt", "in spite of", "notwithstanding", "regardless
// of"), setting ("amid criticism from Beijing", "over the objections of"),
// accompaniment ("with the backing of France").
var circumstances = map[string]bool{"despite": true, "in spite of": true, "notwithstanding": true,
	"regardless of": true, "amid": true, "amidst": true, "over": true, "with": true}

// concessive are the prepositions whose phrase modifies a clause only.
var concessive = map[string]bool{"despite": true, "in spite of": true, "notwithstanding": true, "regardless of": true}

func (r *Reader) elicited(t *sent, p int) (int, bool) {
	h := t.Toks[p].Head
	if h >= 0 && t.Rel(p) == "obl" && t.IsVerb(h) && circumstances[t.Marker(p)] {
		return h, true
	}
	// A concession modifies a clause, where the parser may hang it from a
	// noun of the clause: "filled the reservoir despite opposition".
	if h >= 0 && t.Rel(p) == "nmod" && concessive[t.Marker(p)] {
		for v := h; v >= 0; v = t.Toks[v].Head {
			if t.IsVerb(v) {
				return v, true
			}
		}
	}
	if h < 0 || t.Rel(p) != "obj" || !r.eliciting[t.Toks[h].Lemma] {
		return -1, false
	}
	if s := t.Child(h, "nsubj"); s >= 0 && !t.actor(s) {
		return s, false
	}
	if v := t.Toks[h].Head; v >= 0 && t.IsVerb(v) && (t.Rel(h) == "advcl" || t.Rel(h) == "conj") {
		return v, true
	}
	return -1, false
}
