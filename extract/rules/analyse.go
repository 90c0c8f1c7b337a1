package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// evalVerbs take an object and an evaluation: "X called Y reasonable",
// "X described Y as unacceptable".
var evalVerbs = set("call", "describe", "term", "brand", "consider", "regard", "deem", "label",
	"characterize", "characterise", "castigate", "dismiss", "view", "find", "see", "denounce", "think", "judge", "declare", "dub")

// copulas link a subject to an evaluation as "be" does: "NATO's support
// for Ukraine constitutes a growing menace".
var copulas = set("constitute", "represent", "pose", "remain", "become", "seem", "appear")

// asVerbs take their evaluation after "as": "X described Y as reasonable".
var asVerbs = set("describe", "regard", "see", "view", "characterize", "characterise", "dismiss",
	"castigate", "denounce")

var prepositions = set("for", "to", "of", "on", "against", "about", "over", "at", "with", "regarding")

// complementNouns take a that-clause as their content.
var complementNouns = set("promise", "guarantee", "assurance", "commitment", "demand", "request",
	"pledge", "claim", "allegation", "assertion", "insistence", "proposal", "idea", "belief", "hope",
	"fear", "concern", "condition", "agreement", "understanding", "position", "notion", "suggestion")

// lightVerbs carry a nominal cue: "X made a request", "X expressed support".
var lightVerbs = set("make", "issue", "express", "voice", "submit", "send", "reiterate", "reaffirm", "raise",
	"release", "publish", "circulate", "unveil", "prepare", "table", "present",
	"affirm", "announce", "put", "have", "renew", "repeat", "deliver", "present", "file", "lodge", "give", "show")

// boundaries end a target phrase.
var boundaries = set("while", "but", "because", "after", "before", "until", "if", "when", "since",
	"although", "though", "whereas", "which", "who", "whom", "where", "adding", "saying", "according",
	"amid", "despite", "so", "instead", "unless", "than", "whether", "noting", "stressing", "explaining",
	"calling", "ignoring", "insisting", "warning", "as", "during", "even", "however", "yet", "nor")

func isVerb(t nlp.Token) bool { return strings.HasPrefix(t.Tag, "VB") }
func isNoun(t nlp.Token) bool { return strings.HasPrefix(t.Tag, "NN") }
func isPunct(t nlp.Token) bool {
	switch t.Text {
	case ",", ";", ":", ".", "(", ")", "?", "!", "-", "--":
		return true
	}
	return false
}
func isQuote(t nlp.Token) bool { return t.Text == `"` || t.Text == "``" || t.Text == "''" }

// auxiliary reports the words that stand between a subject and its verb
// without being either: adverbs, modals, forms of have, be and do, quotes.
func auxiliary(t nlp.Token) bool {
	return t.Tag == "RB" || t.Tag == "MD" || t.Lemma == "have" || t.Lemma == "be" || t.Lemma == "do" || isQuote(t)
}
func finite(t nlp.Token) bool {
	return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
}

// analyse finds the sentence's statements.
func (se *sentence) analyse() {
	toks := se.toks
	consumed := map[int]bool{}
	for i := 0; i < len(toks); i++ {
		if consumed[i] {
			continue
		}
		t := toks[i]
		switch {
		case isVerb(t):
			if evalVerbs[t.Lemma] && se.evaluation(i) {
				continue
			}
			c, n := se.x.verbs.at(toks, i)
			around := false
			if n == 0 {
				_, an := se.cueAroundObject(i, consumed) // "warned Washington against arms sales"
				around = an > 0
			}
			jc, jn := se.x.judging.at(toks, i)
			switch {
			case around:
			case jn > 0 && (n == 0 || se.nounSubject(i) >= 0):
				// "Washington's proposals ignored our view": judged, not judging.
				se.judging(i, jn, jc)
			case n > 0:
				se.verbCue(i, n, c, consumed)
			}
			se.interactionVerb(i, consumed)
			se.meansRejected(i)
			if (t.Lemma == "be" || copulas[t.Lemma]) && !(i > 0 && toks[i-1].Lower == "to" && toks[i].Tag == "VB") {
				// "allow Gaza to become a threat": the infinitive is the
				// governing verb's, which says what it says of it.
				se.copula(i)
			}
		case isNoun(t):
			if c, n := se.x.nouns.at(toks, i); n > 0 {
				se.nounCue(i, n, c)
			} else if c, n := se.x.neutral.at(toks, i); n > 0 {
				se.neutralCue(i, n, c)
			} else if se.x.dangers[t.Lemma] {
				se.danger(i)
			}
			se.interactionNoun(i)
		case t.Tag == "JJ":
			// A noun the tagger took for an adjective: "no alternative to".
			if c, n := se.x.nouns.at(toks, i); n > 1 {
				se.nounCue(i, n, c)
			}
		}
	}
	se.assertions()
}

// judging handles a verb that judges its noun-phrase subject for whoever
// speaks: "(Blinken said) Russia's aggression threatens global security" is
// United States OPPOSE Russia's aggression.
func (se *sentence) judging(i, n int, c cue) {
	sp := se.speakerAt(i)
	h := se.nounSubject(i)
	if sp == nil || se.negated(i) {
		return
	}
	if h < 0 {
		// An actor said by another to threaten, escalate or undermine:
		// "(Moscow indicated) the West is escalating the situation" is an
		// accusation.
		if c.class != schema.Oppose {
			return
		}
		if actors, conf := se.subjects(i); len(actors) > 0 && se.complaint(i, schema.Oppose, actors) != nil {
			for _, a := range actors {
				if a != sp && a.actor != sp.actor {
					se.emitInteraction(sp, a, schema.Accuse, "says "+inflect(c.phrase), 0.8*conf, i, i+n)
				}
			}
		}
		return
	}
	s := h
	for s > 0 {
		p := se.toks[s-1]
		if isPunct(p) || p.Lower == "that" || isVerb(p) && p.Tag != "VBN" && p.Tag != "VBG" || p.Tag == "WDT" {
			break
		}
		s--
	}
	e := se.skipAux(i-1) + 1 // the whole subject, with its prepositional phrase
	label, tconf, flip := se.clean(s, e)
	if label == "" {
		return
	}
	cls := c.class
	if flip != "" {
		cls = compose(se.x, cls, flip) // "stopping X from interfering would help": against the interference
	}
	se.emitStance(sp, c.class, cls, "says "+inflect(c.phrase), label, 0.7*tconf, i, i+n)
}

// isCueVerb reports whether token k is a stance or reporting verb,
// whatever its tag ("and urged member states").
func (x *Extractor) isCueVerb(toks []nlp.Token, k int) bool {
	if strings.HasPrefix(toks[k].Tag, "NN") {
		return false
	}
	_, n := x.verbs.at(toks, k)
	_, r := x.reporting.at(toks, k)
	if n > 0 || r > 0 {
		return true
	}
	if strings.HasSuffix(toks[k].Lower, "ed") { // a past tense the tagger missed
		t := toks[k]
		t.Lemma = x.nlp.Lemma(t.Lower, "VBD")
		one := []nlp.Token{t}
		_, n = x.verbs.at(one, 0)
		_, r = x.reporting.at(one, 0)
	}
	return n > 0 || r > 0
}

// cueAroundObject finds a cue whose particle follows the verb's object,
// "warned Washington against arms sales", and handles it; n is 0 when
// there is none.
func (se *sentence) cueAroundObject(i int, consumed map[int]bool) (cue, int) {
	toks := se.toks
	if len(se.x.verbs.cues(toks[i].Lemma)) == 0 {
		return cue{}, 0 // no cue begins with this verb: nothing to look for
	}
	k := i + 1
	if k < len(toks) && toks[k].Tag == "DT" {
		k++
	}
	m := se.mentionStartingAt(k)
	if m == nil || m.end >= len(toks) {
		return se.particleAfterObject(i, consumed)
	}
	c, n := se.x.verbs.before(&toks[i], toks[m.end:])
	if n < 2 {
		return cue{}, 0
	}
	actors, conf := se.subjects(i)
	if len(actors) == 0 {
		return c, n
	}
	cls, pred := c.class, inflect(c.phrase)
	if se.negated(i) {
		cls, pred = se.x.lex.Negation[cls], "does not "+c.phrase
	}
	label, tconf, flip := se.target(m.end+n-1, consumed)
	if label == "" {
		return c, n
	}
	if flip != "" {
		cls = compose(se.x, cls, flip)
	}
	more := se.conjuncts
	for _, a := range actors {
		se.emitStance(a, c.class, cls, pred, label, conf*tconf, i, i+1)
		se.emitConjuncts(more, a, c.class, cls, pred, conf*tconf, i, i+1)
	}
	return c, n
}

// particleAfterObject finds the rest of a cue after a noun-phrase object:
// "put the possibility of a meeting on the table" is PROPOSE the
// possibility of a meeting.
func (se *sentence) particleAfterObject(i int, consumed map[int]bool) (cue, int) {
	toks := se.toks
	for p := i + 2; p < len(toks) && p <= i+14; p++ {
		t := toks[p]
		if isPunct(t) && !isQuote(t) || boundaries[t.Lower] || finite(t) {
			break
		}
		if t.Tag != "IN" && t.Tag != "RP" && t.Tag != "RB" {
			continue
		}
		c, n := se.x.verbs.before(&toks[i], toks[p:])
		if n < 2 {
			continue
		}
		actors, conf := se.subjects(i)
		if len(actors) == 0 {
			return c, n
		}
		label, tconf, _ := se.clean(i+1, p)
		if label == "" {
			return c, n
		}
		cls, pred := c.class, inflect(c.phrase)
		if se.negated(i) {
			cls, pred = se.x.lex.Negation[cls], "does not "+c.phrase
		}
		for _, a := range actors {
			se.emitStance(a, c.class, cls, pred, label, 0.9*conf*tconf, i, i+1)
		}
		for q := i + 1; q < p+n-1; q++ {
			consumed[q] = true // the object is read: "a new proposal" is no cue of its own here
		}
		return c, n
	}
	return cue{}, 0
}

// negated reports a negator in the few tokens before token i, within its
// clause: "did not accept", "never", "cannot support", "refused to back".
func (se *sentence) negated(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := se.toks[k]
		if isPunct(t) || se.at[k] >= 0 {
			return false
		}
		if se.x.negators[t.Lower] || se.x.negators[t.Lemma] {
			return true
		}
	}
	return false
}

// yet reports "yet" just before or after a verb of n tokens at i, or at
// the end of its clause ("has not yet endorsed", "has not endorsed the
// proposal yet").
func (se *sentence) yet(i, n int) bool {
	for k := max(0, i-3); k < len(se.toks) && k <= i+n+6; k++ {
		if se.toks[k].Lower == "yet" {
			return true
		}
		if k > i+n && isPunct(se.toks[k]) {
			break
		}
	}
	return false
}

// verbCue handles a stance verb at i covering n tokens.
func (se *sentence) verbCue(i, n int, c cue, consumed map[int]bool) {
	cls := c.class
	pred := inflect(c.phrase)
	if se.negated(i) && se.yet(i, n) {
		return // "has not yet endorsed the proposal": no stance taken yet
	}
	if se.negated(i) {
		cls = se.x.lex.Negation[cls]
		pred = "does not " + c.phrase
	}
	if se.conditional(i) {
		return // "if they want to discuss it": no one has said they want to
	}
	if c.class == schema.Assert && se.deonticAfter(i+n) {
		return // "insisted that X must Y": a demand, read with the reported speech
	}
	actors, conf := se.subjects(i)
	if len(actors) == 0 {
		return
	}
	var label string
	var tconf float64
	var flip schema.Class
	if se.passive(i, actors[0]) {
		label, tconf, flip = se.before(i)
	} else {
		label, tconf, flip = se.target(i+n, consumed)
	}
	more := se.conjuncts
	if label == "" || c.class == schema.Propose && handedOver(label) || c.class == schema.Assert && saidOnly(label) {
		return // "submitted its response": handed over; "echoed the considerations": says nothing new
	}
	if len(more) > 0 && len(strings.Fields(label)) == 1 && strings.HasSuffix(label, "ing") {
		label, more = more[0], more[1:] // "committed to upholding, including X": X
	}
	if flip != "" {
		cls = compose(se.x, cls, flip)
	}
	if sp := se.complaint(i, cls, actors); sp != nil {
		// "(Moscow stressed) the West is ignoring its commitments": Moscow's
		// complaint, which stands for the commitments; the West said nothing.
		pred := "says " + inflect(c.phrase)
		se.emitStance(sp, schema.Support, schema.Support, pred, label, 0.7*conf*tconf, i, i+n)
		se.emitConjuncts(more, sp, schema.Support, schema.Support, pred, 0.7*conf*tconf, i, i+n)
		return
	}
	for _, a := range actors {
		se.emitStance(a, c.class, cls, pred, label, conf*tconf, i, i+n)
		se.emitConjuncts(more, a, c.class, cls, pred, conf*tconf, i, i+n)
	}
}

// handedOver reports a label headed by a response or reply: submitting or
// offering one hands it over (an interaction) and proposes nothing.
func handedOver(label string) bool {
	ws := strings.Fields(strings.ToLower(label))
	for k := 0; k < len(ws) && k < 4; k++ {
		if responseWords[strings.TrimSuffix(ws[k], "'s")] {
			return true
		}
	}
	return false
}

var responseWords = set("response", "responses", "reply", "replies", "answer", "answers", "feedback", "reaction", "reactions")

// saidOnly reports a short label headed by a word for something said:
// "echoed the identical considerations" asserts no position.
func saidOnly(label string) bool {
	ws := strings.Fields(strings.ToLower(label))
	for k, w := range ws {
		if prepositions[w] || w == "in" || w == "during" || w == "from" || w == "by" {
			ws = ws[:k] // the head ends before its first preposition
			break
		}
	}
	return len(ws) > 0 && len(ws) <= 4 && speechWords[ws[len(ws)-1]]
}

var speechWords = set("consideration", "considerations", "remark", "remarks", "comment", "comments", "view",
	"views", "sentiment", "sentiments", "words", "statement", "statements", "message", "messages", "line",
	"position", "positions", "stance", "assessment", "assessments", "thoughts", "concerns", "points")

// complaint is the speaker of reported speech in which another actor is
// said to ignore, violate or undermine something (a judging verb of
// OPPOSE): such a verb is the speaker's charge, not the subject's stance.
func (se *sentence) complaint(i int, cls schema.Class, actors []*mention) *mention {
	if cls != schema.Oppose {
		return nil
	}
	if c, n := se.x.judging.at(se.toks, i); n == 0 || c.class != schema.Oppose {
		return nil
	}
	sp := se.speakerAt(i)
	if sp == nil {
		return nil
	}
	for _, a := range actors {
		if a.actor == sp.actor {
			return nil
		}
	}
	return sp
}

// passive reports whether the verb at i is a passive whose agent is a:
// "a request rejected by the West".
func (se *sentence) passive(i int, a *mention) bool {
	return se.toks[i].Tag == "VBN" && a.start > i && a.start <= i+5 && se.toks[a.start-1].Lower == "by"
}

// compose is the class of a stance towards a stance: DEMAND that X reject
// Y is OPPOSE Y; OPPOSE a halt to Y is SUPPORT Y.
func compose(x *Extractor, outer schema.Class, inner schema.Class) schema.Class {
	if outer.Polarity() < 0 {
		return x.lex.Negation[inner]
	}
	if inner.Polarity() < 0 {
		return inner
	}
	return outer
}
