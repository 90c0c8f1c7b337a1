// Deeds: threats on a condition, intentions, denied deeds, effects, deontic clauses.

package frame

import (
	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/schema"
)

// conditionalThreats reads a response promised on a condition as a threat
// to the actor of the condition: "warned of a swift response if Russia
// invades", "the EU would take further action if Russia continues", "its
// threat to retaliate if Tsai met McCarthy". The response word (a warning
// verb or a word of retaliation, frames.responses) stands outside the
// if-clause; the clause's subject names an actor other than the holder.
func (r *Reader) conditionalThreats(t *sent) []annotate.Frame {
	var out []annotate.Frame
	for c := range t.Toks {
		m := t.Marker(c)
		rel := t.Rel(c)
		conditional := rel == "advcl" && r.conditional[m] && m != "whether"
		// "vowed to retaliate after Washington imposed tariffs": what
		// is avenged names whom.
		after := (rel == "advcl" || rel == "ccomp") && (m == "after" || m == "over" || m == "because" || m == "for")
		if !conditional && !after {
			continue
		}
		target := t.Subject(c)
		if target < 0 || !t.actor(target) {
			continue
		}
		for p, tk := range t.Toks {
			if !r.responses[tk.Lemma] || after && !r.retaliation[tk.Lemma] || t.Dominates(c, p) || t.Negated(p) {
				continue
			}
			h := -1
			switch {
			case t.IsVerb(p):
				h = r.holder(t, p)
			case t.IsNoun(p):
				if h = r.nounHolder(t, p); h < 0 {
					if v := t.Toks[p].Head; v >= 0 && t.IsVerb(v) {
						h = r.holder(t, v)
					}
				}
			}
			if h < 0 || h == target {
				continue
			}
			out = append(out, annotate.Frame{Pred: p, Cue: tk.Lemma + " if", Class: schema.Threaten, Holder: h, Parts: []int{target}, Actor: true})
			// What the response is promised against is opposed: "its
			// threat to retaliate if Tsai met McCarthy" opposes the meeting.
			if conditional && t.IsVerb(c) {
				out = append(out, annotate.Frame{Pred: p, Cue: tk.Lemma + " if", Class: schema.Oppose, Holder: h, Parts: []int{c}, Deed: true})
			}
			break
		}
	}
	return out
}

// promisesResponse reports a target that is a response or retaliation, or
// an infinitive whose object is one ("to deliver a resolute response").
func (r *Reader) promisesResponse(t *sent, target []int) bool {
	for _, k := range target {
		if r.responses[t.Toks[k].Lemma] && (t.IsNoun(k) || r.retaliation[t.Toks[k].Lemma]) {
			return true
		}
		if o := t.Child(k, "obj"); o >= 0 && r.responses[t.Toks[o].Lemma] && t.IsNoun(o) {
			return true
		}
	}
	return false
}

// deonticFrame reads a clause under a modal of obligation as a demand:
// "Moscow should make concessions", "the concerns must be taken
// seriously", "Kyiv needs to stop". It has no holder: said by someone, it
// is the speaker's demand (the statements stage keeps it only then).
func (r *Reader) deonticFrame(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) && t.Child(p, "cop") < 0 {
		return nil
	}
	for _, k := range t.Kids[p] {
		w := t.Toks[k].Lower
		if t.Rel(k) == "aux" && r.deontic[w] && w != "need" {
			f := annotate.Frame{Cue: w, Class: schema.Demand, Holder: -1, Parts: []int{p}, Judged: true}
			return []annotate.Frame{f}
		}
	}
	// "needs to", "has to": the modal verb heads the clause.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "xcomp" {
		lemma := t.Toks[h].Lemma
		if lemma == "need" || lemma == "have" && t.Child(p, "mark") >= 0 {
			if s := t.Child(h, "nsubj"); s >= 0 {
				return []annotate.Frame{{Cue: lemma + " to", Class: schema.Demand, Holder: -1, Parts: []int{s, p}, Judged: true}}
			}
		}
	}
	return nil
}

// effect reads a thing said to harm or help as the speaker's judgment of
// it: "the launches are undermining regional peace" opposes the launches,
// "the ruling contributes to the rules-based order" supports the ruling
// (frames.harming, frames.helping). An actor as subject is left to the
// verbs of accusation.
func (r *Reader) effect(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) {
		return nil
	}
	class := schema.Class("")
	switch lemma := t.Toks[p].Lemma; {
	case r.harming[lemma]:
		class = schema.Oppose
	case r.helping[lemma]:
		class = schema.Support
	default:
		return nil
	}
	s := t.Child(p, "nsubj")
	if s < 0 || !t.IsNoun(s) || t.actor(s) || t.d.MentionAt(t.si, s) != nil {
		return nil
	}
	f := annotate.Frame{Cue: t.Toks[p].Lemma, Class: class, Holder: -1, Parts: []int{s}, Judged: true}
	if t.Negated(p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// deniedDeed reads a hostile deed an actor says it has not done or will
// not do as its denial of the deed: "Moscow has never threatened Kyiv",
// "they would not attack Ukraine" (frames.hostile).
func (r *Reader) deniedDeed(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) || !r.hostile[t.Toks[p].Lemma] || !t.Negated(p) {
		return nil
	}
	h := r.holder(t, p)
	if h < 0 || t.d.MentionAt(t.si, h) == nil {
		return nil
	}
	return []annotate.Frame{{Cue: "not " + t.Toks[p].Lemma, Class: schema.Deny, Holder: h, Parts: []int{p}, Deed: true}}
}

// intention reads what an actor says it will do as its support for doing
// it: "the bloc will impose sanctions on 27 people", "Iran will remain in
// the deal", "the US will not allow this lawlessness to continue" (an
// opposition). Only a verb with a complement, under "will" or "shall" (or
// "would" in a reported clause), whose subject names an actor, and that no
// stance frame reads; an act towards another actor is also that act ("will
// impose sanctions on Russia" threatens Russia too).
func (r *Reader) intention(t *sent, p int) []annotate.Frame {
	tk := t.Toks[p]
	if tk.UPOS != "VERB" || r.plain[tk.Lemma] || r.inter.handsOver(tk.Lemma) {
		return nil
	}
	future := false
	for _, k := range t.Kids[p] {
		if t.Rel(k) != "aux" {
			continue
		}
		switch t.Toks[k].Lower {
		case "will", "shall", "'ll":
			future = true
		case "would":
			future = t.Rel(p) == "ccomp"
		}
	}
	if !future || t.Child(p, "obj", "obl", "xcomp", "ccomp") < 0 {
		return nil
	}
	h := r.holder(t, p)
	if h < 0 || t.d.MentionAt(t.si, h) == nil {
		return nil
	}
	f := annotate.Frame{Cue: "will " + tk.Lemma, Class: schema.Support, Holder: h, Parts: []int{p}, Deed: true}
	if r.negatedAt(t, p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}
