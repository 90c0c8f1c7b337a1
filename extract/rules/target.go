// What a cue is about: the target phrase after it, cut and cleaned into a label.

package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

func lastWord(phrase string) string {
	f := strings.Fields(phrase)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// trailing words cannot end a label.
var trailing = set("for", "of", "to", "in", "on", "at", "by", "with", "and", "or", "the", "a", "an", "that", "which", "from", "as", "including")

var leading = set("the", "a", "an", "any", "all", "some", "such", "both", "each", "every", "that", "this", "these", "those")

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
