// Who holds a cue: subjects, appositions, coordinated actors, owners.

package rules

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
