package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

// interactionVerb handles "X delivered its response to Y", "Y received X's
// response", "X met Y", "X accused Y of ...", "X supplied Y with arms",
// "X warned Y", "X mediated between Y and Z".
func (se *sentence) interactionVerb(i int, consumed map[int]bool) {
	toks := se.toks
	c, n := se.x.inter.verbs.at(toks, i)
	if n == 0 {
		return
	}
	cls := c.class
	if se.negated(i) {
		return
	}
	end := se.clauseEnd(i + n)
	if se.x.inter.receive[toks[i].Lemma] {
		se.received(i, end)
		return
	}
	if (cls == schema.Deliver || cls == schema.Aid) && se.hasObject(schema.Aid, i+n, end) {
		cls = schema.Aid
	} else if cls == schema.Aid {
		return
	}
	if cls == schema.Consult && talkVerbs[toks[i].Lemma] {
		if parties := se.after("between", i+n, end); len(parties) >= 2 {
			// "talks/VBZ on a deal between Israel and Hamas": a noun the
			// tagger took for a verb, or talks held between the two.
			se.emitInteraction(parties[0], parties[1], schema.Consult, inflect(c.phrase), 0.8, i, i+n)
			return
		}
	}
	subj, conf := se.subjects(i)
	if len(subj) == 0 {
		return
	}
	var others []*mention
	switch cls {
	case schema.Deliver:
		if !se.hasObject(schema.Deliver, i+n, end) && !se.hasObject(schema.Deliver, max(0, i-5), i) {
			return
		}
		k := i + n
		if k < end && se.toks[k].Tag == "DT" {
			k++
		}
		if m := se.mentionStartingAt(k); usable(m) && !m.possessive && m.typ != mPossPron {
			others = append(others, m) // "sent Russia a response", "gave the Russian diplomat the response"
		}
		others = append(others, se.after("to", i+n, end)...)
	case schema.Aid:
		if m := se.mentionStartingAt(i + n); usable(m) && !m.possessive {
			others = append(others, m) // "supplying Kyiv with arms"
		}
		others = append(others, se.after("to", i+n, end)...)
	case schema.Consult:
		k := i + n
		for k < end && (se.toks[k].Tag == "PRP$" || se.toks[k].Tag == "DT") && se.at[k] >= 0 && se.ments[se.at[k]].typ == mPossPron {
			k++ // "met his Danish counterpart"
		}
		if m := se.objectAt(k); m != nil {
			others = append(others, m)
		}
		others = append(others, se.after("with", i+n, end)...)
		if len(others) == 0 {
			others = se.counterparts()
		}
		if len(others) == 0 && len(subj) > 1 {
			// "Washington and Seoul held talks": with each other.
			se.emitInteraction(subj[0], subj[1], cls, inflect(c.phrase), conf, i, i+n)
			return
		}
	case schema.Accuse, schema.Threaten:
		m := se.objectAt(i + n)
		if m == nil {
			return
		}
		others = append(others, m)
		if cls == schema.Accuse {
			se.accusation(subj, m, i, n, conf, consumed)
		}
	case schema.Mediate:
		others = se.after("between", i+n, end)
	}
	for _, a := range subj {
		for _, o := range others {
			se.emitInteraction(a, o, cls, inflect(c.phrase), conf, i, i+n)
		}
	}
}

// objectAt is the actor the object at k names: an actor, or the owner of
// a person named after it ("met Turkey's Mevlut Cavusoglu", "accused
// Russia's foreign minister"), but not of a thing ("Russia's proposal").
func (se *sentence) objectAt(k int) *mention {
	if k+1 < len(se.toks) && se.toks[k].Lower == "the" && se.at[k] < 0 {
		k++ // "blamed the United States"
	}
	m := se.mentionStartingAt(k)
	if !usable(m) {
		return nil
	}
	if !m.possessive {
		return m
	}
	j := m.end + 1 // after "'s"
	if j >= len(se.toks) {
		return nil
	}
	if p := se.mentionStartingAt(j); p != nil {
		if p.typ == mPerson {
			return m
		}
		return nil
	}
	if tn := se.x.titleAt(se.toks, j); tn > 0 {
		return m // "Russia's foreign minister"
	}
	if _, nn := properName(se.toks, j); nn > 0 && j+nn < len(se.toks) && !isNoun(se.toks[j+nn]) {
		return m // a name not in the gazetteer
	}
	return nil
}

// accusation adds the stance of an accusation: "X accused Y of planning an
// invasion" asserts "Y planning invasion". The verbs of what Y is accused
// of are consumed: they are no stance of Y's own.
func (se *sentence) accusation(subj []*mention, target *mention, i, n int, conf float64, consumed map[int]bool) {
	toks := se.toks
	k := target.end
	if k >= len(toks) || toks[k].Lower != "of" {
		return
	}
	label, tconf, _ := se.target(k+1, consumed)
	if label == "" {
		return
	}
	if g := toks[k+1]; g.Tag == "VBG" && consumed[k+1] {
		label = g.Lower + " " + label // "planning invasion of ..."
	}
	label = target.actor + " " + label
	for _, a := range subj {
		se.emitStance(a, schema.Assert, schema.Assert, "accuses of", label, conf*tconf, i, i+n)
	}
}

// received handles a verb whose subject is the recipient.
func (se *sentence) received(i, end int) {
	k := i + 1
	if k < end && se.toks[k].Tag == "DT" {
		k++
	}
	if m := se.mentionStartingAt(k); usable(m) && !m.possessive && m.typ != mPossPron && (m.typ == mPerson || k+1 >= end || !isNoun(se.toks[m.end])) {
		// "Grushko received US Ambassador John Sullivan at his request":
		// a meeting, whatever else the clause names.
		if subj, conf := se.subjects(i); len(subj) > 0 {
			for _, a := range subj {
				se.emitInteraction(a, m, schema.Consult, "receives", conf, i, i+1)
			}
		}
		return
	}
	if !se.hasObject(schema.Deliver, i+1, end) {
		// "Grushko received the US ambassador": a meeting.
		if m := se.mentionStartingAt(i + 1); usable(m) && m.typ == mPerson {
			if subj, conf := se.subjects(i); len(subj) > 0 {
				for _, a := range subj {
					se.emitInteraction(a, m, schema.Consult, "receives", conf, i, i+1)
				}
			}
		}
		return
	}
	recipients, conf := se.subjects(i)
	var senders []*mention
	for k := i + 1; k < end; k++ {
		if m := se.mentionStartingAt(k); usable(m) && (m.possessive || m.typ == mPossPron) {
			senders = append(senders, m)
			break
		}
		if a := se.demonym(k); a != nil {
			senders = append(senders, a)
			break
		}
	}
	senders = append(senders, se.after("from", i+1, end)...)
	for _, s := range senders {
		for _, r := range recipients {
			se.emitInteraction(s, r, schema.Deliver, "sends", conf*0.9, i, i+1)
		}
	}
}

// interactionNoun handles "talks between X and Y", "a phone call with Y",
// "Franco-German mediation", "sanctions on Y", "deliveries of aid to Y".
func (se *sentence) interactionNoun(i int) {
	toks := se.toks
	c, n := se.x.inter.nouns.at(toks, i)
	if n == 0 {
		return
	}
	end := se.clauseEnd(i + n)
	pred := c.phrase
	switch c.class {
	case schema.Consult:
		parties := se.after("between", i+n, end)
		if len(parties) >= 2 {
			se.emitInteraction(parties[0], parties[1], schema.Consult, pred, 0.8, i, i+n)
			return
		}
		others := se.after("with", i+n, end)
		if len(others) == 0 {
			others = se.counterparts()
		}
		owner := se.owner(i)
		if owner == nil {
			owner = se.governorSubject(i)
		}
		if owner == nil {
			owner = se.mainSubject(i)
		}
		if owner == nil {
			return
		}
		for _, o := range others {
			se.emitInteraction(owner, o, schema.Consult, pred, 0.7, i, i+n)
		}
	case schema.Mediate:
		var mediators []*mention
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			mediators = append(mediators, se.hyphenated(k)...)
		}
		if o := se.owner(i); o != nil {
			mediators = append(mediators, o)
		}
		parties := se.after("between", 0, len(toks))
		for _, m := range mediators {
			for _, p := range parties {
				se.emitInteraction(m, p, schema.Mediate, "mediates between", 0.75, i, i+n)
			}
		}
	case schema.Threaten:
		others := se.after("on", i+n, end)
		others = append(others, se.after("against", i+n, end)...)
		if len(others) == 0 {
			return
		}
		owner := se.owner(i)
		if owner == nil {
			for k := i + n; k < end; k++ {
				if m := se.mentionStartingAt(k); usable(m) && !m.possessive && k+1 < len(toks) && (isVerb(toks[m.end]) || toks[m.end].Tag == "MD") {
					owner = m
					break
				}
			}
		}
		if owner == nil {
			if se.againstNoun(i) {
				return // "Hungary rejected any sanctions on Russian gas"
			}
			owner = se.mainSubject(i)
		}
		for _, o := range others {
			se.emitInteraction(owner, o, schema.Threaten, pred, 0.7, i, i+n)
		}
	case schema.Aid:
		if !se.hasObject(schema.Aid, i, end) {
			return
		}
		owner := se.owner(i)
		if owner == nil {
			for k := i + n; k < end; k++ {
				if a := se.demonym(k); a != nil {
					owner = a
					break
				}
			}
		}
		if owner == nil {
			return
		}
		for _, o := range se.after("to", i+n, end) {
			se.emitInteraction(owner, o, schema.Aid, pred, 0.7, i, i+n)
		}
	}
}

// hyphenated finds the actors of a compound like "Franco-German".
func (se *sentence) hyphenated(k int) []*mention {
	var out []*mention
	t := se.toks[k]
	parts := strings.Split(t.Text, "-")
	if len(parts) < 2 {
		if a := se.demonym(k); a != nil {
			out = append(out, a)
		}
		return out
	}
	for _, p := range parts {
		if es := se.x.gaz.entries(strings.ToLower(p)); es != nil {
			for _, e := range es {
				if e.actor != nil {
					out = append(out, &mention{start: k, end: k + 1, typ: mActor, actor: e.actor.Name, kind: e.actor.Kind})
					break
				}
			}
		}
	}
	return out
}

// after returns the actors after the word w in [from,to): "to Russia",
// "between Russia and Ukraine", "with the US and NATO".
func (se *sentence) after(w string, from, to int) []*mention {
	var out []*mention
	for k := from; k < to; k++ {
		if se.toks[k].Lower != w {
			continue
		}
		j := k + 1
		comma := false // after a comma
		for j < to {
			for j < to && (se.toks[j].Tag == "DT" || se.toks[j].Tag == "PRP$" && se.at[j] < 0 || se.toks[j].Tag == "JJ" && se.at[j] < 0 && se.demonym(j) == nil) {
				j++
			}
			if two := se.twoSides(j); two != nil && len(out) == 0 {
				return two // "talks between the two sides"
			}
			m := se.mentionStartingAt(j)
			if m != nil && m.typ == mPossPron && m.end < to && m.end > j && se.mentionStartingAt(m.end) != nil {
				j = m.end // "with its European allies": the allies
				continue
			}
			if !usable(m) {
				// "a response to the Russian proposals": to Russia.
				if d := se.demonym(j); d != nil && j+1 < to && isNoun(se.toks[j+1]) {
					out = append(out, d)
				}
				break
			}
			if comma && m.end < len(se.toks) && finite(se.toks[m.end]) {
				break // "to Ukraine, Chancellor Olaf Scholz said": a new clause's subject
			}
			out = append(out, m)
			j = m.end
			if j < to && (se.toks[j].Lower == "and" || se.toks[j].Text == ",") {
				comma = se.toks[j].Text == ","
				j++
				continue
			}
			break
		}
		if len(out) > 0 {
			return out
		}
	}
	return out
}

// counterparts are the people named as someone's counterpart.
func (se *sentence) counterparts() []*mention {
	var out []*mention
	for k := range se.ments {
		m := &se.ments[k]
		if usable(m) && m.typ == mPerson && strings.EqualFold(m.title, "counterpart") {
			out = append(out, m)
		}
	}
	return out
}

// hasObject reports a word of the class's object list in [from,to).
func (se *sentence) hasObject(c schema.Class, from, to int) bool {
	objs := se.x.inter.objects[c]
	for k := from; k < to && k < len(se.toks); k++ {
		if objs[se.toks[k].Lower] || objs[se.toks[k].Lemma] {
			return true
		}
	}
	return false
}

// talkVerbs name talks that can be held between two others ("talks between
// Israel and Hamas"); "calls for de-escalation between" is no call.
var talkVerbs = set("talk", "negotiate", "meet", "consult", "hold")

// governorSubject is the subject of the verb whose phrase holds the noun
// at i: "Tsai returned from a meeting with McCarthy" (Tsai).
func (se *sentence) governorSubject(i int) *mention {
	for v := i - 1; v >= 0 && v >= i-6; v-- {
		t := se.toks[v]
		if isPunct(t) && !isQuote(t) {
			return nil
		}
		if isVerb(t) && t.Tag != "VBG" {
			if as, _ := se.subjects(v); len(as) > 0 && usable(as[0]) {
				return as[0]
			}
			return nil
		}
	}
	return nil
}

// againstNoun reports whether the noun at i is the object of a verb of
// opposition ("rejected any sanctions", "condemned the threats") or of a
// negated verb ("did not impose sanctions"): its clause's subject is then
// not the one who sanctions or threatens.
func (se *sentence) againstNoun(i int) bool {
	for v := i - 1; v >= 0 && v >= i-4; v-- {
		t := se.toks[v]
		if isPunct(t) && !isQuote(t) {
			return false
		}
		if !isVerb(t) {
			continue
		}
		if c, n := se.x.verbs.at(se.toks, v); n > 0 && c.class.Polarity() < 0 {
			return true
		}
		for k := v - 1; k >= 0 && k >= v-3; k-- {
			if se.x.negators[se.toks[k].Lower] {
				return true
			}
			if !(se.toks[k].Tag == "RB" || se.toks[k].Tag == "MD" || se.toks[k].Lemma == "do" || se.toks[k].Lemma == "have" || se.toks[k].Lemma == "be") {
				break
			}
		}
		return false
	}
	return false
}

// clauseEnd is the end of the clause that starts at i: a full stop, a
// semicolon, a comma before a new clause, or 18 tokens outside brackets.
func (se *sentence) clauseEnd(i int) int {
	depth, counted := 0, 0
	for k := i; k < len(se.toks); k++ {
		t := se.toks[k]
		switch t.Text {
		case "(":
			depth++
		case ")":
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			continue
		}
		if t.Text == ";" || t.Text == "." || (t.Text == "," && k > i+1 && k+1 < len(se.toks) && (boundaries[se.toks[k+1].Lower] || se.toks[k+1].Tag == "VBG")) {
			return k
		}
		if counted++; counted > 18 {
			return k
		}
	}
	return len(se.toks)
}
