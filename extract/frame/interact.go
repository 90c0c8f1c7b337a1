package frame

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

// interactions are the cues of acts between actors, from the lexicon's
// interactions section.
type interactions struct {
	verbs   map[string][]icue                // lemma -> cues
	nouns   map[string][]schema.Class        // lemma -> classes ("talks" CONSULT)
	receive map[string]bool                  // verbs whose subject receives: "X received Y's response"
	objects map[schema.Class]map[string]bool // what DELIVER and AID hand over
}

type icue struct {
	rest  []string
	class schema.Class
}

func newInteractions(lx *lexicon.Lexicon) interactions {
	in := interactions{verbs: map[string][]icue{}, nouns: map[string][]schema.Class{}, receive: map[string]bool{},
		objects: map[schema.Class]map[string]bool{}}
	for _, class := range schema.InteractionClasses {
		c, ok := lx.Interactions[class]
		if !ok {
			continue
		}
		for _, v := range c.Verbs {
			words := strings.Fields(strings.ToLower(v))
			in.verbs[words[0]] = append(in.verbs[words[0]], icue{rest: words[1:], class: class})
		}
		for _, n := range c.Nouns {
			words := strings.Fields(strings.ToLower(n))
			last := words[len(words)-1]
			in.nouns[last] = append(in.nouns[last], class)
		}
		for _, v := range c.Receive {
			in.receive[strings.ToLower(v)] = true
		}
		in.objects[class] = set(c.Objects)
	}
	return in
}

// interactionFrames reads acts between actors. Verbs: CONSULT "met X",
// "spoke with X", "X and Y met"; DELIVER "sent X the response", "handed
// the proposals to X"; AID "supplied weapons to X"; ACCUSE "accused X of
// Y" (and the holder asserts the deed); THREATEN "threatened X", "warned
// X"; MEDIATE "mediated between X and Y". Nouns: "talks with X", "a call
// with X", "talks between X and Y", "sanctions on X". The statements stage
// keeps those whose other party is an actor.
func (r *Reader) interactionFrames(t *sent, p int) []annotate.Frame {
	var out []annotate.Frame
	lemma := t.Toks[p].Lemma
	if t.IsVerb(p) {
		holder := r.holder(t, p)
		for _, c := range r.inter.verbs[lemma] {
			if f, ok := r.interactionVerb(t, p, c, holder); ok {
				out = append(out, f)
				if c.class == schema.Accuse && r.asserting[lemma] {
					out = append(out, r.accusedDeed(t, p, holder)...)
				}
				break
			}
		}
		if r.inter.receive[lemma] {
			out = append(out, r.received(t, p)...)
		}
	}
	if t.Toks[p].UPOS == "NOUN" {
		for _, class := range r.inter.nouns[t.Toks[p].Lower] {
			if f, ok := r.interactionNoun(t, p, class); ok {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

func (r *Reader) interactionVerb(t *sent, p int, c icue, holder int) (annotate.Frame, bool) {
	f := annotate.Frame{Cue: strings.TrimSpace(t.Toks[p].Lemma + " " + strings.Join(c.rest, " ")), Class: c.class, Holder: holder, Actor: true}
	if t.Negated(p) {
		return f, false // "did not meet": no interaction
	}
	rest := strings.Join(c.rest, " ")
	if rest != "" && !hasParticleOrCase(t, p, rest) {
		return f, false
	}
	switch c.class {
	case schema.Deliver, schema.Aid:
		// What is handed over must be of the class's kind, and the
		// recipient is the to-phrase or the indirect object.
		o := t.Child(p, "obj")
		if o < 0 || !r.inter.objects[c.class][t.Toks[o].Lemma] && !r.inter.objects[c.class][t.Toks[o].Lower] {
			return f, false
		}
		if to := t.Child(p, "iobj"); to >= 0 {
			f.Parts = []int{to}
			return f, true
		}
		for _, k := range append(t.Kids[p], t.Kids[o]...) {
			if (t.Rel(k) == "obl" || t.Rel(k) == "nmod") && t.Marker(k) == "to" {
				f.Parts = []int{k}
				return f, true
			}
		}
		return f, false
	case schema.Mediate:
		for _, k := range t.Kids[p] {
			if t.Rel(k) == "obl" && t.Marker(k) == "between" {
				f.Parts = []int{k} // the mediator towards each party, not the parties to each other
				return f, true
			}
		}
		// "brought Egypt and Ethiopia together": the parties are its object.
		if o := t.Child(p, "obj"); o >= 0 && rest == "together" {
			f.Parts = []int{o}
			return f, true
		}
		return f, false
	}
	if o := t.Child(p, "obj", "iobj"); o >= 0 {
		f.Parts = []int{o}
		return f, true
	}
	for _, k := range t.Kids[p] {
		if r := t.Rel(k); (r == "obl" || r == "nmod") && (t.Marker(k) == "with" || t.Marker(k) == "to" && c.class == schema.Consult) {
			f.Parts = []int{k}
			return f, true
		}
	}
	if c.class == schema.Consult && holder >= 0 && t.Child(holder, "conj") >= 0 {
		f.Mutual = true // "Blinken and Lavrov met"
		return f, true
	}
	if m := t.d.MentionAt(t.si, holder); c.class == schema.Consult && holder >= 0 && m != nil && len(m.Actors) >= 2 {
		f.Mutual = true // "the two leaders spoke for an hour"
		return f, true
	}
	return f, false
}

// accusedDeed is what an accusation asserts: "accused Russia of planning
// an invasion" asserts that Russia plans one; "blamed X for Y" too.
func (r *Reader) accusedDeed(t *sent, p, holder int) []annotate.Frame {
	o := t.Child(p, "obj")
	if o < 0 {
		return nil
	}
	for _, k := range t.Kids[p] {
		if m := t.Marker(k); (m == "of" || m == "for") && (t.Rel(k) == "advcl" || t.Rel(k) == "obl") {
			return []annotate.Frame{{Cue: t.Toks[p].Lemma + " of", Class: schema.Assert, Holder: holder, Parts: []int{o, k}}}
		}
	}
	return nil
}

// received reads "X received Y's response": Y delivers to X.
func (r *Reader) received(t *sent, p int) []annotate.Frame {
	o := t.Child(p, "obj")
	if o < 0 || !r.inter.objects[schema.Deliver][t.Toks[o].Lemma] {
		return nil
	}
	from := t.Child(o, "nmod:poss")
	if from < 0 {
		for _, k := range append(t.Kids[p], t.Kids[o]...) {
			if t.Marker(k) == "from" {
				from = k
			}
		}
	}
	recipient := r.holder(t, p)
	if from < 0 || recipient < 0 {
		return nil
	}
	return []annotate.Frame{{Cue: t.Toks[p].Lemma, Class: schema.Deliver, Holder: from, Parts: []int{recipient}, Actor: true}}
}

// interactionNoun reads "talks with X" (held by the subject of the verb
// that takes it), "talks between X and Y", "sanctions on X".
func (r *Reader) interactionNoun(t *sent, p int, class schema.Class) (annotate.Frame, bool) {
	f := annotate.Frame{Cue: t.Toks[p].Lower, Class: class, Holder: -1, Actor: true}
	if k := t.Child(p, "nmod:poss"); k >= 0 {
		f.Holder = k
	} else if h := t.Toks[p].Head; h >= 0 && (t.Rel(p) == "obj" || t.Rel(p) == "obl") && t.IsVerb(h) {
		f.Holder = r.holder(t, h)
		if t.Negated(h) {
			return f, false
		}
		// "Japan and South Korea held talks": among the holders.
		if class == schema.Consult && r.light[t.Toks[h].Lemma] {
			f.Parts, f.Mutual = []int{f.Holder}, true
		}
	}
	for _, k := range t.Kids[p] {
		if t.Rel(k) != "nmod" {
			continue
		}
		switch m := t.Marker(k); {
		case m == "with" && class != schema.Threaten:
			f.Parts = []int{k}
		case m == "between" || m == "among":
			f.Holder, f.Parts, f.Mutual = k, []int{k}, true
		case (m == "on" || m == "against") && class == schema.Threaten:
			f.Parts = []int{k}
		}
	}
	if f.Parts == nil && class == schema.Consult {
		r.namedParties(t, p, &f)
	}
	return f, f.Parts != nil && f.Holder >= 0
}

// namedParties reads the parties that a meeting's modifiers name: "the
// Vucic and Borrell meeting" (among them), "Borrell – Kurti talks" (the
// first with the second), "the Modi-Sharif summit".
func (r *Reader) namedParties(t *sent, p int, f *annotate.Frame) {
	for _, k := range t.Kids[p] {
		if t.Rel(k) != "compound" || !t.actor(k) {
			continue
		}
		if c := t.Child(k, "conj"); c >= 0 && t.actor(c) {
			f.Holder, f.Parts, f.Mutual = k, []int{k}, true
			return
		}
		if k >= 2 && isDash(t.Toks[k-1].Text) && t.actor(k-2) {
			f.Holder, f.Parts = k-2, []int{k}
			return
		}
	}
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "--" }

// handsOver reports a verb of meeting, handing over or aid: what an actor
// will do with it is that act, not a position ("will send the response").
func (in interactions) handsOver(lemma string) bool {
	for _, c := range in.verbs[lemma] {
		if c.class == schema.Deliver || c.class == schema.Aid || c.class == schema.Consult {
			return true
		}
	}
	return false
}

// hasParticleOrCase reports the particle or the case word of a phrasal cue
// ("speak with", "hand over").
func hasParticleOrCase(t *sent, p int, rest string) bool {
	for _, k := range t.Kids[p] {
		if (t.Toks[k].Rel == "compound:prt" || t.Rel(k) == "advmod") && t.Toks[k].Lower == rest {
			return true // "bring the two sides together"
		}
		if t.Marker(k) == rest {
			return true
		}
	}
	return false
}
