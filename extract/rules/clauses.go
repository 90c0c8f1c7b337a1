// Clauses a cue governs: that-clauses, deontic and negated clauses, warnings, assertions.

package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

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
