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

func lastWord(phrase string) string {
	f := strings.Fields(phrase)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// trailing words cannot end a label.
var trailing = set("for", "of", "to", "in", "on", "at", "by", "with", "and", "or", "the", "a", "an", "that", "which", "from", "as", "including")

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

var leading = set("the", "a", "an", "any", "all", "some", "such", "both", "each", "every", "that", "this", "these", "those")

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

// assertions adds what a speaker asserts in reported speech that states no
// stance of its own: "Kiev affirmed that it is not planning any offensive
// actions" is Ukraine ASSERT "Ukraine is not planning any offensive actions".
func (se *sentence) assertions() {
	for _, f := range se.frames {
		if f.verb < 0 || !usable(f.speaker) {
			continue
		}
		asserting := se.x.asserting[se.toks[f.verb].Lemma]
		for _, c := range se.thatClauses(f.from, f.to) {
			if se.warned(f, c) {
				continue
			}
			if label, cls, ok := se.deonticClause(c); ok {
				// "Kuleba said Moscow, not Kyiv, should make concessions".
				se.emitStance(f.speaker, schema.Demand, cls, "says should", label, 0.7, f.verb, f.verb+1)
				continue
			}
			if !asserting && !se.negatedClause(c[0]) {
				continue // "said" asserts only what it negates: "said it would not publish"
			}
			said := false
			for _, st := range se.out {
				cue := st.CueStart + se.s.Start
				if st.Subject == f.speaker.actor && (cue >= se.toks[c[0]].Start && cue < se.toks[c[1]-1].End || cue == se.toks[f.verb].Start) {
					said = true // stated in the clause, or by the verb itself ("think X unacceptable")
				}
			}
			if said {
				continue
			}
			label, conf, _ := se.clean(c[0], c[1]) // the whole clause is what is asserted
			if label == "" || len(strings.Fields(label)) < 3 {
				continue
			}
			se.emitStance(f.speaker, schema.Assert, schema.Assert, inflect(se.toks[f.verb].Lemma), label, 0.6*conf, f.verb, f.verb+1)
		}
	}
}

// warned handles "X warned that Y would ...": the clause's subject, when it
// is no actor, is what X warns against ("warned that attempts to use
// military force would have grave consequences" opposes those attempts).
func (se *sentence) warned(f frame, c [2]int) bool {
	toks := se.toks
	if l := toks[f.verb].Lemma; l != "warn" && l != "caution" {
		return false
	}
	e := c[0]
	for e < c[1] && (!isVerb(toks[e]) || e > c[0] && toks[e-1].Lower == "to" || toks[e].Tag == "VBG") && toks[e].Tag != "MD" && !isPunct(toks[e]) {
		e++ // over "attempts to use force to resolve the crisis"
	}
	if e == c[0] || e >= c[1] || toks[e].Tag != "MD" {
		return false // "would", "could", "will": a consequence follows
	}
	if m := se.mentionStartingAt(c[0]); m != nil && m.end >= e {
		return false // "warned that Russia would ...": a threat, not a position
	}
	if k := c[0]; leading[toks[k].Lower] && se.mentionStartingAt(k+1) != nil && se.mentionStartingAt(k+1).end >= e {
		return false
	}
	label, conf, _ := se.clean(c[0], e)
	if label == "" || len(strings.Fields(label)) < 2 {
		return false
	}
	se.emitStance(f.speaker, schema.Oppose, schema.Oppose, "warns against", label, 0.7*conf, f.verb, f.verb+1)
	return true
}

// meansRejected handles "Y cannot be guaranteed by X": X is rejected as the
// way to Y ("regional security cannot be guaranteed by expanding military
// blocs"); "can only be resolved through dialogue" supports dialogue.
func (se *sentence) meansRejected(i int) {
	toks := se.toks
	if toks[i].Tag != "VBN" || !meansVerbs[toks[i].Lemma] || i+2 >= len(toks) {
		return
	}
	j := i + 1
	if toks[j].Lower != "by" && toks[j].Lower != "through" && toks[j].Lower != "via" {
		return
	}
	cls := schema.Class("")
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch {
		case se.x.negators[toks[k].Lower]:
			cls = schema.Oppose
		case toks[k].Lower == "only" || toks[k].Lower == "should" || toks[k].Lower == "must":
			if cls == "" {
				cls = schema.Support // "should be resolved through dialogue"
			}
		}
		if !(auxiliary(toks[k]) || toks[k].Lower == "only" || toks[k].Lower == "cannot") {
			break
		}
	}
	sp := se.speakerAt(i)
	if cls == "" || sp == nil {
		return
	}
	label, conf, _ := se.clean(j+1, se.clauseEnd(j+1))
	if label == "" {
		return
	}
	pred := "says cannot be " + toks[i].Lower + " by"
	if cls == schema.Support {
		pred = "says should be " + toks[i].Lower + " by"
	}
	se.emitStance(sp, cls, cls, pred, label, 0.7*conf, i, j+1)
}

// meansVerbs say that something is reached by some means.
var meansVerbs = set("guarantee", "ensure", "achieve", "resolve", "solve", "settle", "secure",
	"reach", "win", "attain", "bring", "restore", "build", "maintain", "preserve")

// deonticClause reads a reported clause that says what someone should do:
// "Moscow, not Kyiv, should make concessions" is a demand for "Moscow make
// concessions"; "should not" opposes it. A contrast set off by commas (",
// not Kyiv,") is left out of the label.
func (se *sentence) deonticClause(c [2]int) (string, schema.Class, bool) {
	toks := se.toks
	m := -1
	for k := c[0]; k < c[1] && k < c[0]+12; k++ {
		t := toks[k]
		if t.Lower == "should" || t.Lower == "must" || t.Lower == "ought" ||
			(t.Lemma == "have" || t.Lemma == "need") && k+1 < c[1] && toks[k+1].Lower == "to" && k > c[0] && !isVerb(toks[k-1]) {
			m = k
			break
		}
		if isVerb(t) || t.Tag == "MD" {
			return "", "", false // the clause's verb comes first: no deontic modal
		}
	}
	if m <= c[0] {
		return "", "", false
	}
	v := m + 1
	cls := schema.Demand
	for v < c[1] && (toks[v].Lower == "to" || toks[v].Tag == "RB" || se.x.negators[toks[v].Lower]) {
		if se.x.negators[toks[v].Lower] {
			cls = schema.Oppose
		}
		v++
	}
	if v >= c[1] || !isVerb(toks[v]) || toks[v].Lemma == "be" {
		return "", "", false // "should be taken seriously" is the copula's
	}
	var words []string
	for k := c[0]; k < m; k++ {
		t := toks[k]
		if t.Text == "," && k+1 < m && toks[k+1].Lower == "not" {
			for k+1 < m && toks[k+1].Text != "," {
				k++ // ", not Kyiv,"
			}
			continue
		}
		if isPunct(t) || isQuote(t) || k == c[0] && leading[t.Lower] {
			continue
		}
		words = append(words, t.Text)
	}
	end := v + 1
	for end < c[1] && !(toks[end].Lower == "and" && end+1 < c[1] && isVerb(toks[end+1])) && !boundaries[toks[end].Lower] {
		end++ // "should stop arming Taiwan and warned that ...": the verb phrase only
	}
	if se.x.reversers[toks[v].Lemma] && v+1 < end {
		// "the US should stop arming Taiwan": against the US arming Taiwan.
		v++
		cls = se.x.lex.Negation[cls]
	}
	rest, _, _ := se.clean(v, end)
	if len(words) == 0 || rest == "" {
		return "", "", false
	}
	return strings.Join(words, " ") + " " + rest, cls, true
}

// deonticAfter reports a deontic clause as the complement of the verb
// ending at i ("insisted that any settlement must recognise ..."): the
// demand is read there, and the verb asserts nothing besides.
func (se *sentence) deonticAfter(i int) bool {
	k := i
	if k < len(se.toks) && se.toks[k].Lower == "that" {
		k++
	}
	if k >= len(se.toks) {
		return false
	}
	_, _, ok := se.deonticClause([2]int{k, se.clauseEnd(k)})
	return ok
}

// thatClauses splits reported speech into its clauses: "said that A, and
// that B" gives A and B; a "that" near the start ("assured his counterpart
// that A") starts the first.
func (se *sentence) thatClauses(from, to int) [][2]int {
	start := from
	for k := from; k < to && k <= from+6; k++ {
		if se.toks[k].Lower == "that" && se.toks[k].Tag != "WDT" {
			start = k + 1
			break
		}
		if isPunct(se.toks[k]) {
			break
		}
	}
	var out [][2]int
	for k := start; k < to; k++ {
		if se.toks[k].Lower == "that" && k > start && (se.toks[k-1].Lower == "and" || se.toks[k-1].Text == ",") {
			end := k - 1
			if se.toks[end-1].Text == "," {
				end--
			}
			if end > start {
				out = append(out, [2]int{start, end})
			}
			start = k + 1
		}
	}
	if start < to {
		out = append(out, [2]int{start, se.clauseEnd(start)})
	}
	return out
}

// negatedClause reports a negator in the clause that starts at token k.
func (se *sentence) negatedClause(k int) bool {
	for ; k < len(se.toks); k++ {
		t := se.toks[k]
		if t.Text == "," || t.Text == ";" || t.Text == "." || boundaries[t.Lower] {
			return false
		}
		if t.Lower == "not" || t.Lower == "n't" || t.Lower == "never" || t.Lower == "cannot" {
			return true
		}
	}
	return false
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

// subjects finds who does what the verb at i says: the agent of a passive,
// the nearest subject to the left within the clause (with a coordinated
// one: "Washington and NATO"), the subject of the main clause for a
// participle after a comma, or else the speaker of the stretch.
func (se *sentence) subjects(i int) ([]*mention, float64) {
	toks := se.toks
	if toks[i].Tag == "VBN" {
		for k := i + 1; k < len(toks) && k <= i+4; k++ {
			if toks[k].Lower == "by" {
				if m := se.mentionStartingAt(k + 1); usable(m) {
					return se.coordinated(m, +1), 0.85
				}
				break
			}
		}
	}
	if k := se.skipAux(i - 1); k >= 0 && toks[i].Tag == "VBG" && toks[k].Text == "," {
		if m := se.mainSubject(i); m != nil {
			return se.coordinated(m, +1), 0.8 // "Egypt and Qatar proposed ..., calling on"
		}
	}
	// A coordinated verb phrase shares its subject: "Russia denies X, but
	// demands Y", "had submitted proposals and demanded a response".
	k := se.skipAux(i - 1)
	if k > 0 && (toks[k].Tag == "WDT" || toks[k].Lower == "which" || toks[k].Lower == "that") {
		p := k - 1
		for p > 0 && (toks[p].Lower == "there" || toks[p].Lower == "here" || toks[p].Tag == "RB") {
			p-- // "a reaction there that allows"
		}
		if se.at[p] < 0 && isNoun(toks[p]) && toks[p].Tag != "NNP" && (toks[k].Tag == "WDT" || !complementNouns[toks[p].Lemma]) {
			return nil, 0 // "a reaction that allows us to ...": the reaction's doing, no actor's
		}
	}
	for k > 0 && (se.x.negators[toks[k].Lower] || auxiliary(toks[k])) {
		k-- // "... and has not ruled out"
	}
	if k >= 0 && (toks[k].Lower == "and" || toks[k].Lower == "but" || toks[k].Lower == "yet") {
		for v := k - 1; v >= 0 && v >= k-20; v-- {
			if t := toks[v]; finite(t) && t.Tag != "MD" && !se.quoted[v] {
				return se.subjects(v)
			}
			if toks[v].Text == ";" || toks[v].Text == ":" {
				break
			}
		}
	}
	// A subject that is a plain noun phrase ("Washington's proposals
	// ignored ...") is no actor: the verb says nothing of anyone's stance,
	// unless its head is a word of government ("Russia's foreign ministry").
	if h := se.nounSubject(i); h >= 0 {
		if speechNouns[toks[h].Lemma] && h > 0 {
			// "the US message made it clear": the message speaks for the US.
			if m := se.mentionEndingAt(h - 1); usable(m) {
				return []*mention{m}, 0.8
			}
			if d := se.demonym(h - 1); d != nil {
				return []*mention{d}, 0.8
			}
		}
		if !govNouns[toks[h].Lower] {
			return nil, 0
		}
		for k := h - 1; k >= 0 && k >= h-4; k-- {
			if m := se.mentionEndingAt(k); usable(m) {
				return []*mention{m}, 0.85
			}
			if toks[k].Tag == "POS" {
				if m := se.mentionEndingAt(k - 1); usable(m) {
					return []*mention{m}, 0.85
				}
			}
		}
	}
	// An apposition between the subject and its verb: "Denis Pushilin,
	// President of the Donetsk Republic in southeastern Ukraine, welcomed".
	if c := se.skipAux(i - 1); c > 0 && toks[c].Text == "," {
		if m := se.appositionSubject(c); m != nil {
			return se.coordinated(m, -1), 0.85
		}
	}
	for j := i - 1; j >= 0 && j >= i-16; j-- {
		t := toks[j]
		if t.Text == ";" || t.Text == ":" || (t.Lower == "that" && t.Tag == "IN") {
			break
		}
		if isVerb(t) && j != i {
			if _, n := se.x.reporting.at(toks, j); n > 0 {
				break
			}
		}
		m := se.mentionEndingAt(j)
		if m == nil {
			continue
		}
		j = m.start
		if m.possessive || m.typ == mPossPron {
			continue
		}
		if m.start > 0 && !se.adjacent(m.end, i) {
			q := m.start - 1
			for q > 0 && (toks[q].Tag == "JJ" || toks[q].Tag == "DT" && toks[q].Lower != "that") {
				q-- // "in southeastern Ukraine"
			}
			if p := toks[q]; (p.Tag == "IN" || p.Tag == "TO") && p.Lower != "that" {
				continue // the object of a preposition: "talks with the Russian side"
			}
		}
		if !usable(m) {
			continue
		}
		conf := 0.9
		if m.typ == mPronoun {
			conf = 0.7
		}
		return se.coordinated(m, -1), conf
	}
	if sp := se.speakerAt(i); sp != nil {
		return []*mention{sp}, 0.75
	}
	if se.quoted[i] {
		if sp := se.speaker(); sp != nil {
			return []*mention{sp}, 0.7
		}
	}
	return nil, 0
}

// appositionSubject is the actor before an apposition that closes with the
// comma at c: "Denis Pushilin, President of the Donetsk Republic in
// southeastern Ukraine, welcomed"; nil when a verb stands between the
// commas (a clause, not an apposition).
func (se *sentence) appositionSubject(c int) *mention {
	toks := se.toks
	for o := c - 1; o > 0 && o >= c-16; o-- {
		if toks[o].Text == "," {
			if m := se.mentionEndingAt(o - 1); usable(m) && !m.possessive && m.typ != mPossPron {
				return m
			}
			return nil
		}
		if isVerb(toks[o]) || toks[o].Text == ";" || toks[o].Text == ":" {
			return nil
		}
	}
	return nil
}

// nounSubject returns the head of a plain noun phrase right before the
// verb at i (over auxiliaries and adverbs), or -1.
func (se *sentence) nounSubject(i int) int {
	k := i - 1
	for k >= 0 && auxiliary(se.toks[k]) {
		k--
	}
	for k >= 1 && timeWords[se.toks[k].Lower] {
		k-- // "The United States and NATO yesterday evening delivered"
		for k >= 0 && (timeWords[se.toks[k].Lower] || se.toks[k].Lower == "on" || se.toks[k].Lower == "late" || se.toks[k].Lower == "early") {
			k-- // "Iran's foreign ministry on Sunday rejected"
		}
		if k < 0 {
			return -1
		}
	}
	// Over a prepositional phrase to its head: "Russia's aggression
	// against Ukraine threatens".
	if k > 1 && se.at[k] >= 0 {
		m := se.ments[se.at[k]]
		p := m.start - 1
		for p > 0 && se.toks[p].Tag == "DT" {
			p--
		}
		if p > 0 && se.toks[p].Tag == "IN" && se.toks[p].Lower != "that" && !boundaries[se.toks[p].Lower] && (se.toks[p-1].Tag == "NN" || se.toks[p-1].Tag == "NNS") && se.at[p-1] < 0 {
			return p - 1
		}
	}
	if k < 0 || se.at[k] >= 0 || !(se.toks[k].Tag == "NN" || se.toks[k].Tag == "NNS") {
		return -1
	}
	return k
}

// speechNouns speak for their owner: "the US message made it clear".
var speechNouns = set("message", "statement", "response", "reply", "letter", "note", "document",
	"communique", "declaration", "answer", "proposal", "draft", "position", "delegation")

// timeWords stand between a subject and its verb without being either.
var timeWords = set("yesterday", "today", "tonight", "morning", "evening", "afternoon", "night", "week",
	"weekend", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"last", "this", "next", "earlier", "later", "also", "already", "now")

// skipAux steps left from k over auxiliaries, modals, adverbs and
// quotation marks, and returns where it stops (-1 at the start).
func (se *sentence) skipAux(k int) int {
	for k >= 0 {
		t := se.toks[k]
		if !auxiliary(t) || t.Lower == "not" {
			return k
		}
		k--
	}
	return -1
}

// adjacent reports whether only auxiliaries, modals, adverbs and quotation
// marks stand between token a and the verb at i: "Russia has repeatedly
// denied", "while Russia denies".
func (se *sentence) adjacent(a, i int) bool {
	for k := a; k < i; k++ {
		t := se.toks[k]
		if !auxiliary(t) {
			return false
		}
	}
	return true
}

// coordinated adds the actor joined to m by "and": dir -1 looks left of m
// ("Washington and NATO requested"), +1 right ("by the US and NATO").
func (se *sentence) coordinated(m *mention, dir int) []*mention {
	out := []*mention{m}
	k := m.start - 1
	if k >= 0 && (se.toks[k].Tag == "PRP$" || se.toks[k].Tag == "DT" && se.toks[k].Lower != "that") {
		k-- // "Washington and its European allies", "the US and the North Atlantic ..."
	}
	if dir < 0 && k >= 1 && se.toks[k].Lower == "and" {
		if k >= 2 && se.toks[k-1].Text == "," {
			k-- // "France, Germany, and Britain"
		}
		if o := se.mentionEndingAt(k - 1); usable(o) && !o.possessive {
			out = append(out, o)
			// The rest of a list: "France, Germany and Britain".
			j := o.start - 1
			if j >= 1 && se.toks[j].Tag == "DT" {
				j-- // "the US, the UK and France"
			}
			for j >= 1 && se.toks[j].Text == "," {
				p := se.mentionEndingAt(j - 1)
				if !usable(p) || p.possessive || p.typ == mPerson {
					break
				}
				out = append(out, p)
				j = p.start - 1
				if j >= 1 && se.toks[j].Tag == "DT" {
					j--
				}
			}
		}
	}
	if dir > 0 {
		// "by Russia, China and India": a list that "and" closes.
		var list []*mention
		j := m.end
		for j+1 < len(se.toks) && se.toks[j].Text == "," {
			o := se.mentionStartingAt(j + 1)
			if !usable(o) || o.possessive || o.typ == mPerson {
				break
			}
			list = append(list, o)
			j = o.end
		}
		if j < len(se.toks) && se.toks[j].Text == "," && len(list) > 0 {
			j++ // "Russia, China, and India"
		}
		if j+1 < len(se.toks) && se.toks[j].Lower == "and" {
			if o := se.mentionStartingAt(j + 1); usable(o) {
				out = append(append(out, list...), o)
			}
		}
	}
	return out
}

// mainSubject is the first actor in subject position before token i.
func (se *sentence) mainSubject(i int) *mention {
	// The subject of the main clause's verb: "Iran's foreign ministry on
	// Sunday rejected X, calling it ...".
	for v := 0; v < i; v++ {
		if t := se.toks[v]; finite(t) && t.Tag != "MD" && !se.quoted[v] && t.Lemma != "be" && t.Lemma != "have" {
			if as, _ := se.subjects(v); len(as) > 0 && usable(as[0]) {
				first := as[0] // the leftmost, which "and" joins to the others
				for _, a := range as[1:] {
					if a.start < first.start {
						first = a
					}
				}
				return first
			}
			break
		}
	}
	for k := range se.ments {
		m := &se.ments[k]
		if m.start >= i {
			break
		}
		if !usable(m) || m.possessive || m.typ == mPossPron {
			continue
		}
		if m.start > 0 {
			if p := se.toks[m.start-1]; p.Tag == "IN" && p.Lower != "that" || p.Tag == "TO" {
				continue
			}
		}
		return m
	}
	return se.speakerAt(i)
}

// verbCue handles a stance verb at i covering n tokens.
func (se *sentence) verbCue(i, n int, c cue, consumed map[int]bool) {
	cls := c.class
	pred := inflect(c.phrase)
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

// conditional reports a verb inside an "if", "unless" or "whether" clause.
func (se *sentence) conditional(i int) bool {
	for k := i - 1; k >= 0 && k >= i-10; k-- {
		t := se.toks[k]
		if isPunct(t) && !isQuote(t) || t.Lower == "that" {
			return false
		}
		if t.Lower == "if" || t.Lower == "unless" || t.Lower == "whether" {
			return true
		}
	}
	return false
}

// emitConjuncts emits the further positions of a coordinated target with
// the first one's stance, a little less sure.
func (se *sentence) emitConjuncts(more []string, a *mention, cue, cls schema.Class, pred string, conf float64, i, j int) {
	for _, l := range more {
		se.emitStance(a, cue, cls, pred, l, 0.9*conf, i, j)
	}
}

// passive reports whether the verb at i is a passive whose agent is a:
// "a request rejected by the West".
func (se *sentence) passive(i int, a *mention) bool {
	return se.toks[i].Tag == "VBN" && a.start > i && a.start <= i+5 && se.toks[a.start-1].Lower == "by"
}

// before reads the noun phrase that ends just before token i, back to the
// clause boundary: the patient of a passive.
func (se *sentence) before(i int) (string, float64, schema.Class) {
	e := i - 1
	for e >= 0 && auxiliary(se.toks[e]) {
		e--
	}
	s := e
	for s > 0 && !isPunct(se.toks[s-1]) && !isVerb(se.toks[s-1]) && se.toks[s-1].Tag != "WDT" && se.toks[s-1].Lower != "that" {
		s--
	}
	if e < 0 || s > e {
		return "", 0, ""
	}
	// An apposition naming a stance: "Ukraine's membership, a request
	// rejected by the West" is about the membership, as that request was.
	if _, n := se.x.nouns.at(se.toks, e); n > 0 && s >= 2 && se.toks[s-1].Text == "," && (s == e || s == e-1 && se.toks[s].Tag == "DT") {
		if label, conf, _ := se.before(s - 1); label != "" {
			if h, ok := se.st.heldLabel(label); ok {
				return label, conf, h.class
			}
			return label, conf, ""
		}
	}
	return se.clean(s, e+1)
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

// target reads the phrase a cue governs from token j: its label, a
// confidence factor, and the class of an embedded stance ("to reject",
// "the inadmissibility of") that turns the outer one.
func (se *sentence) target(j int, consumed map[int]bool) (string, float64, schema.Class) {
	toks := se.toks
	n := len(toks)
	se.conjuncts = nil
	thatClause := false // "claims that the talks are aimed at ...": the clause is the position
	for j < n && (isQuote(toks[j]) || toks[j].Tag == "RB" || toks[j].Tag == "RP" || toks[j].Lower == "that" ||
		toks[j].Lower == "to" && j+1 < n && isVerb(toks[j+1])) {
		if toks[j].Lower == "not" || toks[j].Lower == "never" {
			break
		}
		if toks[j].Lower == "that" {
			thatClause = true
		}
		j++
	}
	if j >= n || toks[j].Tag == "IN" || toks[j].Tag == "TO" {
		// A preposition the cue does not take: the verb has no object here
		// ("agreed in the context of ...").
		return "", 0, ""
	}
	// An object and an infinitive: "demands NATO to reject ...", "called on
	// world powers to halt ...": the stance is towards what the verb says.
	keepAgent := j > 0 && agentVerbs[toks[j-1].Lemma] // "allow Iran to acquire weapons": Iran's acquiring
	for k := j; k < n-1 && k <= j+5 && !keepAgent; k++ {
		t := toks[k]
		if t.Lower == "to" && isVerb(toks[k+1]) && k > j {
			j = k + 1
			break
		}
		if !(t.Tag == "DT" || t.Tag == "JJ" || isNoun(t) || se.at[k] >= 0 || t.Lower == "and" || t.Text == ",") {
			break
		}
	}
	// A nominal stance: "ignoring Russia's request for a promise that ...",
	// "rejected Moscow's demands". The target is what that stance is about.
	if label, cls, ok := se.nominal(j, consumed); ok {
		return label, 0.85, cls
	}
	// A reversing verb: "urged Washington to stop arms sales" is against them.
	if isVerb(toks[j]) && se.x.reversers[toks[j].Lemma] && j+1 < n {
		label, conf, flip := se.target(j+1, consumed)
		if flip != "" {
			return label, conf, se.x.lex.Negation[flip]
		}
		return label, conf, schema.Oppose
	}
	// An embedded stance verb: "agreed to continue", "refused to disclose".
	if isVerb(toks[j]) {
		if c, k := se.x.verbs.at(toks, j); k > 0 {
			consumed[j] = true
			inner := c.class
			if se.negated(j) {
				inner = se.x.lex.Negation[inner]
			}
			label, conf, flip := se.target(j+k, consumed)
			if label == "" {
				// "committed to uphold and defend, including X": X.
				for q := j + k; q+2 < n && q <= j+k+3; q++ {
					if toks[q].Text == "," && toks[q+1].Lower == "including" {
						label, conf, flip = se.target(q+2, consumed)
						break
					}
					if !(toks[q].Lower == "and" || toks[q].Lower == "or" || isVerb(toks[q]) || toks[q].Tag == "RB") {
						break
					}
				}
			}
			if c.class == schema.Propose && handedOver(label) {
				return "", 0, "" // "refused to offer a reply": nothing proposed
			}
			if flip != "" {
				inner = compose(se.x, inner, flip)
			}
			return label, conf, inner
		}
	}
	if thatClause && j+2 < n && toks[j].Lower == "there" && toks[j+1].Lemma == "be" {
		// "makes clear that there are core principles that ...": the
		// principles, not the clause.
		j += 2
		thatClause = false
	}
	thatStart := thatClause
	end := j
	clause := j // where the current clause of the phrase starts
	conj := j   // where the current conjunct starts
	var splits []int
	reverse, subjEnd := -1, -1
	head := -1 // the end of "a promise that" when the phrase is a complement
	for end < n && end-conj < 16 {
		t := toks[end]
		if t.Lower == "that" && end > j && isNoun(toks[end-1]) && !complementNouns[toks[end-1].Lemma] &&
			end+2 < n && (toks[end+1].Tag == "PRP" || se.at[end+1] >= 0) {
			break // a relative clause: "core principles that we are committed to"
		}
		if t.Lower == "that" && end > j && complementNouns[toks[end-1].Lemma] {
			end++ // "a promise that ...", "guarantees that ..."
			clause = end
			if head < 0 {
				head = end
			}
			continue
		}
		if se.conjunction(j, conj, end, head >= 0 || thatStart) {
			splits = append(splits, end)
			end++
			if toks[end].Lower == "that" {
				end++ // "that A and that B": B's clause starts after its "that"
				thatClause = thatStart
			}
			conj, clause = end, end
			continue
		}
		if t.Text == "," && end+1 < n && toks[end+1].Lower == "and" && se.conjunction(j, conj, end+1, head >= 0 || thatStart) {
			splits = append(splits, end) // "A, and the right of states to ..."
			end += 2
			conj, clause = end, end
			continue
		}
		if isPunct(t) && t.Text != "-" || boundaries[t.Lower] || t.Tag == "WDT" || t.Tag == "WP" {
			break
		}
		if isQuote(t) && end > j && end+1 < n && isPunct(toks[end+1]) {
			break
		}
		if end > clause && finite(t) && (thatClause && clause == conj || !se.subjectOnly(clause, end)) &&
			!(t.Tag == "VBD" && isNoun(toks[end-1]) && end+1 < n && toks[end+1].Tag == "IN") &&
			!(!thatClause && isNoun(toks[end-1]) && (end+1 >= n || isPunct(toks[end+1]))) {
			// (The last: "make these responses public/VBP.": an object
			// complement the tagger took for a verb.)
			if thatClause && clause == conj {
				// The that-clause's own verb: read on to its end, then stop
				// at the next clause. A reversing verb in it turns the
				// stance: "hope that NATO will stop fueling the conflict".
				thatClause = false
				verb := end
				end++
				for end < n && (auxiliary(toks[end]) || isVerb(toks[end])) {
					if isVerb(toks[end]) && se.x.reversers[toks[end].Lemma] && end+1 < n && (toks[end+1].Tag == "VBG" || isNoun(toks[end+1]) || toks[end+1].Tag == "DT") {
						reverse, subjEnd = end, verb
					}
					end++
				}
				if reverse >= 0 {
					end = reverse + 1 // read the reversed phrase afresh
					rest, conf, _ := se.target(end, consumed)
					subj, _, _ := se.clean(conj, subjEnd)
					if rest == "" || subj == "" || conj != j {
						return "", 0, ""
					}
					return subj + " " + rest, conf, schema.Oppose
				}
				continue
			}
			break // a new clause; but not "X and Y reopen ...", nor "talks held in Paris"
		}
		if t.Lower == "and" && end+1 < n && (isVerb(toks[end+1]) || toks[end+1].Tag == "PRP" || se.x.isCueVerb(toks, end+1)) {
			break
		}
		end++
	}
	for k := j; k < end; k++ {
		if isVerb(toks[k]) {
			if _, m := se.x.verbs.at(toks, k); m > 0 {
				consumed[k] = true // said within this stance: "denied it's planning an invasion"
			}
		}
	}
	label, conf, flip := se.clean(j, end)
	if len(splits) > 0 {
		label, conf, flip = se.coordination(j, end, head, splits)
	}
	// "core principles, including Ukraine's sovereignty": what is included
	// takes the same stance.
	if label != "" && end+2 < n && toks[end].Text == "," && (toks[end+1].Lower == "including" || toks[end+1].Lower == "notably") {
		more := se.conjuncts
		if inc, _, _ := se.target(end+2, consumed); inc != "" {
			more = append(append(more, inc), se.conjuncts...)
		}
		se.conjuncts = more
	}
	return label, conf, flip
}

// agentVerbs take an object that does what follows: "will not allow Putin
// to achieve his goals" is about Putin achieving them.
var agentVerbs = set("allow", "permit", "tolerate", "let", "enable")

// placeNouns head places, not positions.
var placeNouns = set("country", "state", "region", "area", "territory", "nation", "republic", "city",
	"border", "capital", "province", "zone", "neighbour", "neighbor", "part")

// coordination reads coordinated positions, the phrase [j,end) split at
// splits: each is a position of its own ("demands the non-expansion of NATO
// and the withdrawal of forces" demands both; "a promise that A and that
// B" promises each). The first is returned, the others are left in
// se.conjuncts.
func (se *sentence) coordination(j, end, head int, splits []int) (string, float64, schema.Class) {
	se.conjuncts = nil
	// Coordinated positions are positions each: "demands the non-expansion
	// of NATO and the withdrawal of forces" demands both; "a promise that
	// A and that B" promises each.
	from := j
	for _, sp := range append(splits, end) {
		label, _, _ := se.clean(from, sp)
		if head >= 0 && from > j && label != "" {
			if h, _, _ := se.clean(j, head); h != "" {
				label = h + " that " + label
			}
		}
		if label != "" {
			se.conjuncts = append(se.conjuncts, label)
		}
		from = sp + 1
		if from < end && se.toks[from].Lower == "and" {
			from++ // "A, and B"
		}
	}
	label, conf, flip := se.clean(j, splits[0])
	if label == "" || len(se.conjuncts) < 2 {
		se.conjuncts = nil
		return se.clean(j, end)
	}
	se.conjuncts = se.conjuncts[1:]
	return label, conf, flip
}

// conjunction reports whether the "and" at k joins two positions in the
// phrase that starts at j (its current conjunct at conj): a noun phrase
// with its own determiner or owner after a noun ("the non-expansion of NATO
// and the deployment of weapons"), or a second that-clause after a
// complement noun ("guarantees that A and that B"). Actors joined ("talks
// between Russia and the West"), adjectives ("sovereignty and territorial
// integrity") and verbs are not split.
func (se *sentence) conjunction(j, conj, k int, complement bool) bool {
	toks := se.toks
	if toks[k].Lower != "and" || k+2 >= len(toks) || k-conj < 2 {
		return false
	}
	p := k - 1
	if toks[p].Text == "," {
		p--
	}
	if complement && toks[k+1].Lower == "that" {
		return true
	}
	if !isNoun(toks[p]) {
		return false
	}
	if se.at[p] >= 0 {
		// An actor may end the first conjunct only inside it: "the sale of
		// jets to Taiwan and the transit of warships", not "Russia and the
		// talks".
		m := se.ments[se.at[p]]
		if q := m.start - 1; q < conj || !(toks[q].Tag == "IN" || toks[q].Tag == "TO" || toks[q].Tag == "DT" && q-1 >= conj && toks[q-1].Tag == "IN") {
			return false
		}
	}
	nx := toks[k+1]
	if !(nx.Tag == "DT" && nx.Lower != "that" || nx.Tag == "PRP$") {
		return false
	}
	// The new conjunct must be headed by a common noun, not name an actor.
	for q := k + 2; q < len(toks) && q <= k+5; q++ {
		t := toks[q]
		if se.at[q] >= 0 {
			if m := se.ments[se.at[q]]; !m.modifier && !m.possessive {
				return false
			}
			continue
		}
		if isNoun(t) {
			// The head noun ends the noun phrase. A place is no position:
			// "influence in Eastern Europe and the countries of ...".
			return !placeNouns[t.Lemma]
		}
		if !(t.Tag == "JJ" || t.Tag == "VBN" || t.Tag == "VBG" || t.Tag == "POS" || t.Tag == "CD") {
			return false
		}
	}
	return false
}

// nominal reads a noun phrase at j headed by a stance noun with its owner
// ("Russia's request for X", "the Russian proposals on X", "Moscow's
// demands"): the label of X, or of the owner's latest position of that
// class when the noun has no complement, and the noun's class.
func (se *sentence) nominal(j int, consumed map[int]bool) (string, schema.Class, bool) {
	toks := se.toks
	for k := j; k < len(toks) && k <= j+5; k++ {
		t := toks[k]
		if isNoun(t) {
			c, n := se.x.nouns.at(toks, k)
			if n == 0 {
				if se.at[k] >= 0 || isQuote(t) {
					continue
				}
				if k+1 < len(toks) && isNoun(toks[k+1]) {
					continue // a compound: "security proposals"
				}
				return "", "", false
			}
			owner := se.owner(k)
			next := k + n
			if owner == nil {
				// Nobody's stance, but its content is the target: "rejected
				// calls for a ceasefire" is against the ceasefire.
				if !prepositions[lastWord(c.phrase)] || next >= len(toks) {
					return "", "", false
				}
				label, _, flip := se.target(next, map[int]bool{})
				if label == "" {
					return "", "", false
				}
				consumed[k] = true
				cls := c.class
				if flip != "" {
					cls = compose(se.x, cls, flip)
				}
				return label, cls, true
			}
			consumed[k] = true
			if next < len(toks) {
				switch toks[next].Lower {
				case "for", "of", "on", "that", "to", "regarding", "about":
					if toks[next].Lower != "that" {
						next++
					}
					if label, tconf, flip := se.target(next, map[int]bool{}); label != "" {
						cls := c.class
						if flip != "" {
							cls = compose(se.x, cls, flip)
						}
						se.emitStance(owner, c.class, cls, inflect(c.phrase), label, 0.8*tconf, k, k+n)
						se.emitConjuncts(se.conjuncts, owner, c.class, cls, inflect(c.phrase), 0.8*tconf, k, k+n)
						return label, cls, true
					}
				}
			}
			if h, ok := se.st.heldBy(owner.actor, c.class); ok {
				return h.label, h.class, true
			}
			return "", "", false
		}
		if !(t.Tag == "DT" || t.Tag == "POS" || t.Tag == "JJ" || t.Tag == "PRP$" || t.Tag == "VBN" || isQuote(t) || se.at[k] >= 0) {
			return "", "", false
		}
	}
	return "", "", false
}

// subjectOnly reports whether tokens [a,b) are only a subject: actors,
// pronouns, "and", commas and determiners ("that Moscow and NATO reopen").
func (se *sentence) subjectOnly(a, b int) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		t := se.toks[k]
		if !(se.at[k] >= 0 || t.Tag == "PRP" || t.Lower == "and" || t.Text == "," || t.Tag == "DT" || t.Tag == "POS" || isQuote(t)) {
			return false
		}
	}
	return true
}

// clean turns tokens [a,b) into a position label: determiners and quotation
// marks dropped, possessive pronouns replaced by their actor, a pronoun or a
// demonstrative description replaced by the recent position it points to,
// and a reversing head ("the inadmissibility of X") turned into a class.
func (se *sentence) clean(a, b int) (string, float64, schema.Class) {
	toks := se.toks
	conf := 1.0
	demonstrative := false
	for a < b && (leading[toks[a].Lower] || isQuote(toks[a])) {
		if toks[a].Lower == "these" || toks[a].Lower == "those" || toks[a].Lower == "this" || toks[a].Lower == "such" {
			demonstrative = true
		}
		a++
	}
	for b > a && (isQuote(toks[b-1]) || toks[b-1].Tag == "IN" || toks[b-1].Tag == "DT" || toks[b-1].Tag == "CC" ||
		toks[b-1].Tag == "TO" || toks[b-1].Tag == "PRP$" || toks[b-1].Text == "-" || toks[b-1].Tag == "POS") {
		b--
	}
	if a >= b {
		if demonstrative {
			return se.recentPosition(""), 0.6, ""
		}
		return "", 0, ""
	}
	if b-a == 1 && (toks[a].Tag == "EX" || toks[a].Lower == "there" || toks[a].Tag == "WP") {
		return "", 0, ""
	}
	if b-a == 1 && (toks[a].Tag == "PRP" || toks[a].Lower == "it" || toks[a].Lower == "them") {
		if !positionPronouns[toks[a].Lower] {
			return "", 0, "" // "to defend itself", "told us": a party, not a position
		}
		if p := se.recentPosition(""); p != "" {
			return p, 0.6, ""
		}
		return "", 0, ""
	}
	var flip schema.Class
	if b-a > 2 && se.x.reversers[toks[a].Lemma] && (toks[a+1].Lower == "of" || toks[a+1].Lower == "to" || toks[a+1].Lower == "on") {
		flip = schema.Oppose
		a += 2
		for a < b && leading[toks[a].Lower] {
			a++
		}
	}
	var skip [2]int // a stretch [from,to) left out of the label
	if flip == "" && b-a > 3 && toks[a].Tag == "VBG" && se.x.reversers[toks[a].Lemma] {
		// "stopping NATO countries from interfering in Ukraine's affairs":
		// against NATO countries interfering.
		for f := a + 2; f < b-1 && f <= a+6; f++ {
			if toks[f].Lower == "from" && toks[f+1].Tag == "VBG" {
				flip, skip = schema.Oppose, [2]int{f, f + 1}
				a++
				break
			}
		}
	}
	if demonstrative {
		if p := se.recentPosition(toks[b-1].Lemma); p != "" {
			return p, 0.7, flip
		}
	}
	var words []string
	for k := a; k < b; k++ {
		t := toks[k]
		switch {
		case k >= skip[0] && k < skip[1]:
			continue
		case isQuote(t) || t.Text == "," || t.Text == "(" || t.Text == ")":
			continue
		case t.Tag == "PRP$" && se.at[k] >= 0 && usable(&se.ments[se.at[k]]):
			if m := se.ments[se.at[k]]; m.end > k+1 {
				words = append(words, m.actor) // "his country": the country itself
				k = m.end - 1
				continue
			}
			words = append(words, se.ments[se.at[k]].actor+"'s")
			continue
		case t.Tag == "PRP" && se.at[k] >= 0 && usable(&se.ments[se.at[k]]):
			if a := se.ments[se.at[k]].actor; len(words) == 0 || words[len(words)-1] != a {
				words = append(words, a) // not "Ukraine Ukraine" for "that Ukraine it will"
			}
			continue
		case t.Text == "'s" || t.Text == "'" || t.Text == "n't":
			if len(words) > 0 {
				words[len(words)-1] += t.Text
				continue
			}
		case t.Text == "-" && len(words) > 0 && k+1 < b:
			words[len(words)-1] += "-" + toks[k+1].Text
			k++
			continue
		}
		words = append(words, t.Text)
	}
	if len(words) > 10 {
		words = words[:10]
	}
	for len(words) > 1 && trailing[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	label := se.x.canonical(possessiveForm(se, a, b, strings.Join(words, " ")))
	se.st.rememberPosition(label)
	return label, conf, flip
}

// possessiveForm writes "HEAD of ACTOR" as "ACTOR's HEAD" so that
// paraphrases meet in one position: "the security concerns of Russia" and
// "Russia's security concerns". It applies when the label ends with "of"
// and a single actor mention and the head is at most three words.
func possessiveForm(se *sentence, a, b int, label string) string {
	toks := se.toks
	if b-a < 3 || se.at[b-1] < 0 {
		return label
	}
	m := se.ments[se.at[b-1]]
	if m.typ != mActor || m.end != b || m.start < a+2 || toks[m.start-1].Lower != "of" {
		return label
	}
	if m.start-1-a > 3 {
		return label
	}
	for k := a; k < m.start-1; k++ {
		if t := toks[k]; !(isNoun(t) || t.Tag == "JJ" || t.Tag == "VBG") || se.at[k] >= 0 || se.demonym(k) != nil {
			return label // "a Chinese blockade of Taiwan" has its owner already
		}
	}
	return m.actor + "'s " + text(toks[a:m.start-1])
}

// recentPosition is the latest position whose label has a word like head
// or a noun that head may refer back to ("these claims" -> "allegations
// about ..."); any position when head is empty.
func (se *sentence) recentPosition(head string) string {
	ps := se.st.positions
	stems := se.x.corefer[strings.ToLower(head)]
	if head != "" {
		stems = append(stems, stem(head))
	}
	for k := len(ps) - 1; k >= 0; k-- {
		if head == "" {
			return ps[k]
		}
		label := strings.ToLower(ps[k])
		for _, s := range stems {
			if strings.Contains(label, s) {
				return ps[k]
			}
		}
	}
	// A stance noun points back to the content of the latest stance of its
	// class: "these allegations" to what was alleged, "the demand" to what
	// was demanded.
	if c, ok := se.x.nounClass[strings.ToLower(head)]; ok {
		for k := len(se.st.held) - 1; k >= 0; k-- {
			if h := se.st.held[k]; h.cue == c {
				return h.label
			}
		}
	}
	return ""
}

// evaluation handles "X called Y ADJ", "X described Y as ADJ". It reports
// whether it found one.
func (se *sentence) evaluation(i int) bool {
	toks := se.toks
	sawFinite := false
	for k := i + 1; k < len(toks) && k <= i+30; k++ {
		if toks[k].Text == "." || toks[k].Text == ";" {
			break
		}
		cls, n := se.x.adjs.at(toks, k)
		if n == 0 {
			// (An evaluation the tagger took for a verb, "illegal/VBP",
			// is still an evaluation.)
			if finite(toks[k]) && !(k > 0 && isNoun(toks[k-1]) && toks[k].Tag == "VBD") {
				sawFinite = true
			}
			continue
		}
		if toks[k].Tag == "JJ" && k+n < len(toks) && isNoun(toks[k+n]) {
			// "a serious violation": the noun, not the adjective, evaluates.
			continue
		}
		as := toks[k-1].Lower == "as" || k > 1 && isQuote(toks[k-1]) && toks[k-2].Lower == "as"
		if asVerbs[toks[i].Lemma] && !as || !as && sawFinite {
			continue
		}
		adj := text(toks[k : k+n])
		pred := inflect(toks[i].Lemma) + " " + adj
		e := k - 1
		for e > i && (isQuote(toks[e]) || toks[e].Lower == "as" || isNoun(toks[k]) && (toks[e].Tag == "JJ" || toks[e].Tag == "DT")) {
			e-- // "calling it a serious violation": over the noun's modifiers
		}
		for e > i+1 && (toks[e].Lower == "and" || toks[e].Text == "," || toks[e].Tag == "JJ" && isQuote(toks[e-1])) ||
			e > i+2 && toks[e].Tag == "JJ" && (toks[e+1].Lower == "and" || toks[e+1].Text == ",") {
			e-- // "calling it political and unconstructive": over the other adjectives
		}
		for e > i+1 && isQuote(toks[e]) {
			e--
		}
		if toks[e].Lower == "not" {
			cls = se.x.lex.Negation[cls]
			pred = inflect(toks[i].Lemma) + " not " + adj
			e--
		}
		s := e
		for s > i+1 && toks[s-1].Text != "," && !(isVerb(toks[s-1]) && toks[s-1].Tag != "VBN" && toks[s-1].Tag != "VBG") {
			s--
		}
		if s > e {
			return false
		}
		label, tconf, flip := se.clean(s, e+1)
		if label == "" {
			return false
		}
		if flip != "" {
			cls = compose(se.x, cls, flip)
		}
		actors, conf := se.subjects(i)
		for _, a := range actors {
			se.emitStance(a, cls, cls, pred, label, conf*tconf, i, k+n)
		}
		return len(actors) > 0
	}
	return false
}

// copula handles an evaluation in reported speech: "Lavrov said the US
// response was not positive" is Russia OPPOSE the US response.
func (se *sentence) copula(i int) {
	toks := se.toks
	k := i + 1
	neg := se.negated(i)
	for k < len(toks) && (isQuote(toks[k]) || toks[k].Tag == "RB" || se.x.negators[toks[k].Lower]) {
		if se.x.negators[toks[k].Lower] {
			neg = true
		}
		k++
	}
	if k >= len(toks) {
		return
	}
	cls, n := se.x.adjs.at(toks, k)
	for q := k; n == 0 && q < len(toks) && q <= k+3 && (toks[q].Tag == "DT" || toks[q].Tag == "JJ" || toks[q].Tag == "VBG"); q++ {
		// "constitutes a rising menace": over the noun's modifiers
		if c, m := se.x.adjs.at(toks, q+1); m > 0 && isNoun(toks[q+1]) {
			cls, n, k = c, m, q+1
		}
	}
	if n == 0 && i > 0 && toks[i-1].Tag == "MD" && (toks[i-1].Lower == "should" || toks[i-1].Lower == "must") &&
		toks[k].Tag == "VBN" && se.x.deontic[toks[k].Lemma] && !neg {
		cls, n = schema.Demand, 1 // "these concerns should be taken seriously"
	} else if n == 0 || !(strings.HasPrefix(toks[k].Tag, "JJ") || toks[k].Tag == "RBS" || toks[k].Tag == "RBR" || isNoun(toks[k])) {
		return
	}
	sp := se.speakerAt(i)
	if sp == nil {
		return
	}
	adj := text(toks[k : k+n])
	pred := "says is " + adj
	if toks[k].Tag == "VBN" {
		pred = "says " + toks[i-1].Lower + " be " + adj // "should be taken"
	}
	if neg {
		cls = se.x.lex.Negation[cls]
		pred = "says is not " + adj
	}
	// "it would be foolish for Russia to attack Ukraine", "it may not be
	// worth keeping the documents secret": the judged clause follows.
	ex := i - 1
	for ex >= 0 && (toks[ex].Tag == "RB" || toks[ex].Tag == "MD" || isQuote(toks[ex]) || se.x.negators[toks[ex].Lower]) {
		ex--
	}
	if ex >= 0 && toks[ex].Lower == "it" {
		j := k + n
		for j < len(toks) && (isQuote(toks[j]) || toks[j].Tag == "RB") {
			j++
		}
		if j < len(toks) && (toks[j].Tag == "VBG" || toks[j].Lower == "to" || toks[j].Lower == "for" || toks[j].Lower == "that") {
			if toks[j].Lower == "for" { // "for Russia to attack": keep the actor
				for q := j + 1; q < len(toks) && q <= j+5; q++ {
					if toks[q].Lower == "that" {
						// "it is best for Russian security that the alliance
						// does not expand": the clause is judged.
						j = q
						break
					}
					if toks[q].Lower == "to" && q+1 < len(toks) {
						label, tconf, flip := se.clean(j+1, se.clauseEnd(j+1))
						if label != "" {
							if flip != "" {
								cls = compose(se.x, cls, flip)
							}
							se.emitStance(sp, cls, cls, pred, label, 0.7*tconf, i, k+n)
						}
						return
					}
				}
			}
			label, tconf, flip := se.target(j, map[int]bool{})
			if label != "" {
				if flip != "" {
					cls = compose(se.x, cls, flip)
				}
				se.emitStance(sp, cls, cls, pred, label, 0.7*tconf, i, k+n)
				se.emitConjuncts(se.conjuncts, sp, cls, cls, pred, 0.7*tconf, i, k+n)
			}
			return
		}
	}
	// The subject: back over auxiliaries, then to the clause start.
	e := i - 1
	skip := func() {
		for e >= 0 && (toks[e].Tag == "MD" || toks[e].Lemma == "have" || toks[e].Lemma == "be" || toks[e].Lemma == "do" || isQuote(toks[e]) || toks[e].Tag == "RB" || se.x.negators[toks[e].Lower]) {
			e--
		}
	}
	skip()
	if e > 0 && (toks[e].Lower == "and" || toks[e].Lower == "but") {
		// A second verb phrase shares the subject: "the exercises are
		// defensive and do not represent a threat".
		for v := e - 1; v > 0 && v >= e-12; v-- {
			if finite(toks[v]) {
				e = v - 1
				skip()
				break
			}
			if isPunct(toks[v]) && toks[v].Text != "," {
				break
			}
		}
	}
	s := e
	for s > 0 {
		p := toks[s-1]
		if isPunct(p) || p.Lower == "that" || (isVerb(p) && p.Tag != "VBN" && p.Tag != "VBG") {
			break
		}
		if _, n := se.x.reporting.at(toks, s-1); n > 0 && p.Tag == "VBG" {
			break // "saying dialogue was the only way": what is said
		}
		s--
	}
	if s > e || s < 0 {
		return
	}
	// Keep the head and its of-, between- and against-phrases ("the idea
	// of a war between Russia and Ukraine"): cut at another preposition.
	for c := s + 1; c <= e; c++ {
		if (toks[c].Tag == "IN" || toks[c].Tag == "TO") && toks[c].Lower != "of" && toks[c].Lower != "between" && toks[c].Lower != "against" {
			e = c - 1
			break
		}
	}
	if e-s == 0 && toks[s].Tag == "PRP" {
		return
	}
	if m := se.mentionStartingAt(s); m != nil && m.end == e+1 && !m.possessive {
		return // "Russia does not pose a threat" judges an actor, not a position
	}
	label, tconf, flip := se.clean(s, e+1)
	if label == "" {
		return
	}
	danger := -1
	for d := k; d < k+n; d++ {
		if isNoun(toks[d]) && se.x.dangers[toks[d].Lemma] {
			danger = d
		}
	}
	if neg && flip == "" && danger >= 0 {
		// "the exercises do not represent a threat to Europe": a denial
		// that they are one, not support for them.
		what := toks[danger].Text
		if e2 := danger + 1; e2+1 < len(toks) && toks[e2].Lower == "to" {
			if m := se.mentionStartingAt(e2 + 1); usable(m) {
				what += " to " + m.actor
			}
		}
		se.emitStance(sp, schema.Deny, schema.Deny, pred, label+" as "+what, 0.7*tconf, i, k+n)
		return
	}
	if flip != "" {
		cls = compose(se.x, cls, flip)
	}
	se.emitStance(sp, cls, cls, pred, label, 0.75*tconf, i, k+n)
}

// nounCue handles a nominal stance: "Russia's request for guarantees",
// "the American proposals on ...", "its commitment to diplomacy".
func (se *sentence) nounCue(i, n int, c cue) {
	toks := se.toks
	cls := c.class
	pred := inflect(c.phrase)
	// Negation: "no support for", "lack of support".
	if i > 0 && (toks[i-1].Lower == "no" || i > 1 && toks[i-2].Lower == "no" && toks[i-1].Tag == "JJ") ||
		i > 1 && toks[i-1].Lower == "of" && toks[i-2].Lemma == "lack" {
		cls = se.x.lex.Negation[cls]
		pred = "no " + c.phrase
	}
	j := i + n
	for j < len(toks) && j < i+n+2 && (toks[j].Tag == "NN" || toks[j].Tag == "NNS") && se.at[j] < 0 {
		j++ // "a draft agreement on security guarantees": over the compound's head
	}
	if j >= len(toks) {
		return
	}
	if lastWord(c.phrase) == "that" {
		j-- // "hope that ...": the target reads the that-clause
	} else if !prepositions[lastWord(c.phrase)] { // "concern over" carries its own
		switch toks[j].Lower {
		case "for", "to", "of", "on", "against", "that", "regarding", "about", "related", "relating", "concerning":
		default:
			return
		}
	}
	actors := se.owners(i)
	if len(actors) == 0 && se.quoted[i] {
		if sp := se.speakerAt(i); sp != nil {
			actors = []*mention{sp} // a nominal stance in someone's own words
		}
	}
	if len(actors) == 0 {
		return
	}
	if prepositions[toks[j].Lower] || toks[j].Lower == "regarding" {
		j++ // "request for X": X
	}
	if j+1 < len(toks) && (toks[j].Lower == "related" || toks[j].Lower == "relating") && toks[j+1].Lower == "to" {
		j += 2 // "requests related to reducing American influence"
	}
	label, tconf, flip := se.target(j, map[int]bool{})
	if label == "" {
		return
	}
	if flip != "" {
		cls = compose(se.x, cls, flip)
	}
	more := se.conjuncts
	for _, actor := range actors {
		se.emitStance(actor, c.class, cls, pred, label, 0.8*tconf, i, j)
		se.emitConjuncts(more, actor, c.class, cls, pred, 0.8*tconf, i, j)
	}
}

// danger handles a noun of danger under a verb that warns of it: "warned of
// the risks of a Russian attack", "stressed the risks that a new
// aggression could pose", "global risks if Russia attacks Ukraine" are
// OPPOSE what brings the danger.
func (se *sentence) danger(i int) {
	toks := se.toks
	v := -1
	for k := i - 1; k >= 0 && k >= i-12; k-- {
		t := toks[k]
		if t.Text == "." || t.Text == ";" || t.Text == ":" || t.Tag == "WDT" {
			return
		}
		if isVerb(t) {
			if _, n := se.x.warning.at(toks, k); n > 0 {
				v = k
			}
			if v < 0 && !(t.Tag == "VBN" || t.Tag == "VBG" && k+1 < len(toks) && isNoun(toks[k+1])) {
				return // another verb governs it: "Russia poses a risk of war"
			}
			if v >= 0 {
				break
			}
		}
	}
	if v < 0 || se.negated(v) {
		return
	}
	actors, conf := se.subjects(v)
	if len(actors) == 0 {
		return
	}
	j := i + 1
	for j < len(toks) && isQuote(toks[j]) {
		j++
	}
	if j+1 >= len(toks) {
		return
	}
	var label string
	var tconf float64
	switch toks[j].Lower {
	case "of", "from":
		label, tconf, _ = se.target(j+1, map[int]bool{})
	case "that", "which", "if", "should":
		// The clause's subject is the danger ("that a new Russian
		// aggression could pose"); after "if", the whole clause.
		e := j + 1
		if toks[j].Lower == "if" || toks[j].Lower == "should" {
			e = se.clauseEnd(j + 1)
		} else {
			for e < len(toks) && !isVerb(toks[e]) && toks[e].Tag != "MD" && !isPunct(toks[e]) {
				e++
			}
		}
		label, tconf, _ = se.clean(j+1, e)
	}
	if label == "" || len(strings.Fields(label)) < 2 {
		return
	}
	pred := inflect(toks[v].Lemma) + " " + toks[i].Lemma // "stresses risk"
	if toks[v].Lemma == "warn" || toks[v].Lemma == "caution" {
		pred = inflect(toks[v].Lemma) + " of " + toks[i].Lemma
	}
	for _, a := range actors {
		se.emitStance(a, schema.Oppose, schema.Oppose, pred, label, 0.7*conf*tconf, v, v+1)
	}
}

// neutralCue handles a noun that holds a position without its own polarity:
// the complement gives it, through a reversing head ("the inadmissibility
// of X": OPPOSE X) or a negated label ("NATO's non-expansion": a demand for
// it). Anything else says nothing.
func (se *sentence) neutralCue(i, n int, c cue) {
	owner := se.owner(i)
	if owner == nil {
		owner = se.speakerAt(i)
	}
	if owner == nil {
		return
	}
	label, tconf, flip := se.target(i+n, map[int]bool{})
	if label == "" {
		return
	}
	cls := flip
	if cls == "" {
		if !negatedLabel(label) {
			return
		}
		cls = c.class
	}
	se.emitStance(owner, cls, cls, "holds "+c.phrase, label, 0.7*tconf, i, i+n)
	// The negation that gave the stance scopes over the conjuncts: "the
	// issue of NATO's non-expansion and the deployment of weapons".
	for _, l := range se.conjuncts {
		lc := cls
		if flip == "" && !negatedLabel(l) {
			lc = se.x.lex.Negation[cls]
		}
		se.emitStance(owner, lc, lc, "holds "+c.phrase, l, 0.6*tconf, i, i+n)
	}
}

// negatedLabel reports a label that names the absence of something:
// "non-expansion", "no deployment", "never join".
func negatedLabel(label string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool { return r == ' ' || r == '-' }) {
		switch w {
		case "non", "no", "not", "never", "without":
			return true
		}
	}
	return false
}

// owner finds whose a nominal cue at i is: a possessor ("Russia's",
// "its"), a demonym ("the Russian request"), an agent after it ("requests
// by Moscow"), or the subject of a light verb ("Moscow made requests").
func (se *sentence) owner(i int) *mention {
	if os := se.owners(i); len(os) > 0 {
		return os[0]
	}
	return nil
}

// owners is owner, with the actors coordinated with it as the subject of a
// light verb: "Japan and the Philippines expressed concern over the drills".
func (se *sentence) owners(i int) []*mention {
	toks := se.toks
	one := func(m *mention) []*mention { return []*mention{m} }
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := toks[k]
		if t.Tag == "POS" {
			if m := se.mentionEndingAt(k - 1); usable(m) {
				return one(m)
			}
			if m := se.mentionEndingAt(k); usable(m) {
				return one(m)
			}
			return nil
		}
		if m := se.mentionEndingAt(k); m != nil {
			if usable(m) && (m.possessive || m.typ == mPossPron) {
				return one(m)
			}
			return nil
		}
		if a := se.demonym(k); a != nil {
			return one(a)
		}
		if !(t.Tag == "JJ" || isNoun(t) || t.Tag == "VBN" || isQuote(t) || t.Tag == "RB" || t.Tag == "JJS") {
			break
		}
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		if toks[k].Lower == "by" || toks[k].Lower == "from" {
			if m := se.mentionStartingAt(k + 1); usable(m) {
				return one(m)
			}
			break
		}
		if isPunct(toks[k]) {
			break
		}
	}
	// A light verb right before the noun phrase: "Moscow made requests".
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		t := toks[k]
		if t.Lower == "of" && k > 0 && (toks[k-1].Tag == "NN" || toks[k-1].Tag == "NNS") && se.at[k-1] < 0 {
			k-- // "made a series of requests"
			continue
		}
		if !(isVerb(t) || t.Tag == "DT" || t.Tag == "JJ" || t.Tag == "PRP$" || isQuote(t)) {
			break
		}
		if isVerb(toks[k]) {
			if lightVerbs[toks[k].Lemma] {
				if as, _ := se.subjects(k); len(as) > 0 {
					return as
				}
			}
			break
		}
	}
	return nil
}

// demonym returns an actor for a demonym adjective at k ("Russian").
func (se *sentence) demonym(k int) *mention {
	m := se.x.gaz.longest(se.toks, k)
	if e, ok := m.find(eAdjective); ok && m.n == 1 {
		return &mention{start: k, end: k + 1, typ: mActor, actor: e.actor.Name, kind: e.actor.Kind}
	}
	return nil
}

// personBefore is the nearest named person of the actor before token i.
func (se *sentence) personBefore(i int, actor string) *mention {
	for k := len(se.ments) - 1; k >= 0; k-- {
		m := &se.ments[k]
		if m.end <= i && m.typ == mPerson && m.person != "" && m.actor == actor {
			return m
		}
	}
	return nil
}

// emitStance records a stance statement once per actor, class and target.
func (se *sentence) emitStance(a *mention, cue, cls schema.Class, pred, label string, conf float64, cs, ce int) {
	if !cls.IsStance() || label == "" || !se.namesPosition(label) {
		return
	}
	se.st.held = append(se.st.held, heldPosition{actor: a.actor, class: cls, cue: cue, label: label})
	se.emit(a, schema.Statement{Class: cls, Predicate: pred, Object: label, ObjectType: schema.ObjectPosition,
		Polarity: cls.Sign(), Confidence: conf}, cs, ce)
}

// namesPosition reports whether a label can name a position: not a bare
// number ("2015" of "withdrawal from 2015 Iran nuclear deal") or a lone
// adjective ("swift" of a "swift, severe response").
func (se *sentence) namesPosition(label string) bool {
	words := strings.Fields(label)
	if len(words) != 1 {
		return true
	}
	w := words[0]
	if strings.Trim(w, "0123456789") == "" {
		return false
	}
	for _, t := range se.toks {
		if t.Text == w && (t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "JJS") {
			return false
		}
	}
	return true
}

// emitInteraction records an interaction between two different actors.
func (se *sentence) emitInteraction(a, b *mention, cls schema.Class, pred string, conf float64, cs, ce int) {
	if !usable(a) || !usable(b) || a.actor == b.actor {
		return
	}
	se.emit(a, schema.Statement{Class: cls, Predicate: pred, Object: b.actor, ObjectType: schema.ObjectActor,
		ObjectKind: b.kind, Confidence: conf}, cs, ce)
}

func (se *sentence) emit(a *mention, st schema.Statement, cs, ce int) {
	key := a.actor + "\x00" + string(st.Class) + "\x00" + st.Object
	if se.seen[key] {
		return
	}
	se.seen[key] = true
	s := se.s
	st.Doc = se.st.doc.ID
	st.SentenceIndex = s.Index
	st.Sentence = s.Text
	st.Start, st.End = s.Start, s.End
	st.Subject, st.SubjectKind = a.actor, a.kind
	if a.typ == mPerson && a.person != "" || a.typ == mPronoun && a.person != "" {
		st.Speaker, st.SpeakerTitle = a.person, a.title
	} else if sp := se.speakerAt(cs); sp != nil && sp.actor == a.actor && sp.person != "" {
		st.Speaker, st.SpeakerTitle = sp.person, sp.title
	} else if p := se.personBefore(cs, a.actor); p != nil {
		st.Speaker, st.SpeakerTitle = p.person, p.title // "Denis Pushilin, head of the DPR, welcomed"
	}
	st.Date = se.st.doc.Date
	if cs >= 0 && ce <= len(se.toks) && cs < ce {
		st.CueStart = se.toks[cs].Start - s.Start
		st.CueEnd = se.toks[ce-1].End - s.Start
		st.Cue = s.Text[st.CueStart:st.CueEnd]
	}
	if st.Confidence > 1 {
		st.Confidence = 1
	}
	st.Confidence = float64(int(st.Confidence*100+0.5)) / 100
	se.out = append(se.out, st)
}
