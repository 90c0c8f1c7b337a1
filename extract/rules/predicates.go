// Predicates beside verb cues: evaluations, copulas, noun cues, dangers, neutral cues.

package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

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
