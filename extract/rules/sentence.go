package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// sentence is one sentence under analysis.
type sentence struct {
	x      *Extractor
	st     *docState
	s      *nlp.Sentence
	toks   []nlp.Token
	ments  []mention
	at     []int  // token -> index of the mention covering it, or -1
	quoted []bool // token inside quotation marks
	frames []frame
	out    []schema.Statement
	seen   map[string]bool

	// conjuncts are the further positions of the last target read when it
	// coordinates several ("the non-expansion of NATO and the deployment
	// of weapons"); the target's label is the first.
	conjuncts []string

	recentBefore []mention // the document's recent sides before this sentence

	startsQuoted bool // the sentence opens with a quotation mark
	openQuote    bool // a quotation is still open at its end
}

// frame is a stretch of a sentence spoken by someone.
type frame struct {
	speaker  *mention
	from, to int // token span
	verb     int // the reporting verb when the speech follows it, else -1
}

// prepare finds mentions, resolves pronouns and finds who speaks where. It
// runs over a document's sentences in order, since resolution reads and
// updates the document state.
func (x *Extractor) prepare(st *docState, s *nlp.Sentence) *sentence {
	se := &sentence{x: x, st: st, s: s, toks: s.Tokens, seen: map[string]bool{}}
	toks := se.toks
	se.quoted = make([]bool, len(toks))
	in := st.inQuote && st.para == s.Para // a quotation open in the last sentence
	se.startsQuoted = in
	for i, t := range toks {
		if t.Text == `"` || t.Text == "``" || t.Text == "''" {
			if i == 0 {
				se.startsQuoted = true
			}
			in = !in
			continue
		}
		se.quoted[i] = in
	}
	se.openQuote = in
	st.inQuote, st.para = in, s.Para
	se.ments = mergeParenthesised(toks, x.findMentions(toks, st.known, st.doc.Date))
	se.at = make([]int, len(toks))
	for i := range se.at {
		se.at[i] = -1
	}
	for k, m := range se.ments {
		for i := m.start; i < m.end; i++ {
			se.at[i] = k
		}
	}
	se.verbAfterActor()
	se.recentBefore = append([]mention(nil), st.recent...)
	for k := range se.ments {
		se.resolve(&se.ments[k])
		st.noteRecent(&se.ments[k])
	}
	se.findFrames()
	return se
}

// verbAfterActor retags a stance or reporting verb the tagger took for a
// plural noun right after an actor: in "Iran supports dialogue" prose
// tags "supports" NNS, and the sentence has no verb.
func (se *sentence) verbAfterActor() {
	toks := se.toks
	for i := 1; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.Tag != "NNS" || !strings.HasSuffix(t.Lower, "s") || se.at[i] >= 0 {
			continue
		}
		m := se.mentionEndingAt(i - 1)
		if m == nil || m.possessive || m.typ == mPossPron {
			continue
		}
		if n := toks[i+1].Tag; !(n == "DT" || n == "JJ" || n == "NN" || n == "NNS" || n == "NNP" || n == "PRP$" || n == "IN" || n == "TO") {
			continue
		}
		if len(se.x.verbs.cues(t.Lemma)) == 0 && len(se.x.reporting.cues(t.Lemma)) == 0 {
			continue
		}
		t.Tag = "VBZ"
		m.modifier = false // its subject, not a noun's modifier
	}
}

// mergeParenthesised makes "the North Atlantic Treaty Organization (NATO)"
// one mention: a name followed by its own short form in parentheses.
func mergeParenthesised(toks []nlp.Token, ms []mention) []mention {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) {
			n := ms[k+1]
			if m.actor != "" && n.actor == m.actor && n.start == m.end+1 && toks[m.end].Text == "(" &&
				n.end < len(toks) && toks[n.end].Text == ")" {
				m.end = n.end + 1
				k++
			}
		}
		out = append(out, m)
	}
	return out
}

// noteRecent records the side a mention names, for "the two sides".
func (st *docState) noteRecent(m *mention) {
	if !usable(m) || m.typ == mPronoun || m.typ == mPossPron {
		return
	}
	st.recent = withLast(st.recent, m)
	if len(st.recent) > 8 {
		st.recent = st.recent[1:]
	}
}

// withLast moves m's side to the end of the list of sides, once.
func withLast(list []mention, m *mention) []mention {
	for k := range list {
		if list[k].actor == m.actor {
			list = append(list[:k], list[k+1:]...)
			break
		}
	}
	return append(list, mention{typ: mActor, actor: m.actor, kind: m.kind})
}

// twoSides resolves "the two sides" ("parties", "countries", ...) at token
// i: the two sides named last before it.
func (se *sentence) twoSides(i int) []*mention {
	if i+1 >= len(se.toks) || se.toks[i].Lower != "two" || !sideNouns[se.toks[i+1].Lower] {
		return nil
	}
	list := append([]mention(nil), se.recentBefore...)
	for k := range se.ments {
		m := &se.ments[k]
		if m.start >= i {
			break
		}
		if usable(m) && m.typ != mPronoun && m.typ != mPossPron {
			list = withLast(list, m)
		}
	}
	if len(list) < 2 {
		return nil
	}
	a, b := list[len(list)-2], list[len(list)-1]
	a.start, a.end, b.start, b.end = i, i+2, i, i+2
	return []*mention{&a, &b}
}

var sideNouns = set("sides", "parties", "countries", "nations", "governments", "leaders",
	"presidents", "ministers", "delegations", "capitals", "states", "powers", "neighbours", "neighbors")

// resolveFirstPerson gives "we", "us" and "our" the actor of whoever speaks
// there; it runs once quotations have their speakers.
func (se *sentence) resolveFirstPerson() {
	for k := range se.ments {
		m := &se.ments[k]
		if m.pronoun == "we" || m.pronoun == "us" || m.pronoun == "our" {
			if sp := se.speakerAt(m.start); sp != nil {
				m.actor, m.kind, m.resolved = sp.actor, sp.kind, true
			}
		}
		// "he" in what a person is reported to say is, first of all, that
		// person: "Erdogan said he expected a response".
		if personPronouns[m.pronoun] || m.pronoun == "his" {
			if sp, from := se.reportedFrame(m.start); sp != nil && sp.actor != m.actor && !se.personBetween(from, m.start, sp) {
				m.actor, m.kind, m.person, m.title, m.resolved = sp.actor, sp.kind, sp.person, sp.title, true
			}
		}
		// "they" in what an official is reported to say, with no other
		// actor named before it in the sentence, is the official's side:
		// "the Russian deputy minister told journalists that they consider
		// a war unacceptable".
		if m.pronoun == "they" {
			if sp := se.reportedSpeaker(m.start); sp != nil && sp.actor != m.actor && !se.actorBefore(m.start, sp) {
				m.actor, m.kind, m.resolved = sp.actor, sp.kind, true
			}
		}
	}
}

// personBetween reports another person named in [a,b): "we will not allow
// Putin to achieve his goals" (his is Putin's, not the speaker's).
func (se *sentence) personBetween(a, b int, except *mention) bool {
	for k := range se.ments {
		m := &se.ments[k]
		if m.start >= a && m.end <= b && m != except && m.typ == mPerson && m.person != except.person {
			return true
		}
	}
	return false
}

// actorBefore reports a collective actor named before token i other than
// the mention except.
func (se *sentence) actorBefore(i int, except *mention) bool {
	for k := range se.ments {
		m := &se.ments[k]
		if m.start >= i {
			break
		}
		if m != except && m.typ == mActor && usable(m) {
			return true
		}
	}
	return false
}

// reportedSpeaker is the person whose reporting verb governs token i ("X
// said (that) ... i"), if there is one.
func (se *sentence) reportedSpeaker(i int) *mention {
	sp, _ := se.reportedFrame(i)
	return sp
}

// reportedFrame is reportedSpeaker with where the speech begins.
func (se *sentence) reportedFrame(i int) (*mention, int) {
	var best *frame
	for k := range se.frames {
		f := &se.frames[k]
		sp := f.speaker
		person := usable(sp) && (sp.typ == mPerson || sp.typ == mPronoun && personPronouns[sp.pronoun])
		if person && f.verb >= 0 && f.verb < i && i >= f.from && i < f.to && sp.start < i && (best == nil || f.from > best.from) {
			best = f
		}
	}
	if best == nil {
		return nil, 0
	}
	return best.speaker, best.from
}

// hasQuote reports quotation marks in the sentence.
func (se *sentence) hasQuote() bool {
	for _, t := range se.toks {
		if isQuote(t) {
			return true
		}
	}
	return false
}

// resolve gives a pronoun the actor of its antecedent and records the
// mention as the latest antecedent.
func (se *sentence) resolve(m *mention) {
	st := se.st
	switch m.typ {
	case mPerson:
		if m.actor != "" {
			cp := *m
			st.lastPerson = &cp
		}
	case mActor:
		st.lastActors = append(st.lastActors, *m)
		if len(st.lastActors) > 8 {
			st.lastActors = st.lastActors[1:]
		}
	case mPronoun, mPossPron:
		switch m.pronoun {
		case "he", "she", "him", "her", "his", "his country":
			if p := st.lastPerson; p != nil {
				m.actor, m.kind, m.person, m.title, m.resolved = p.actor, p.kind, p.person, p.title, true
				if m.pronoun == "his country" {
					m.person = ""
				}
			}
		case "it", "its", "they", "them", "their":
			if m.pronoun == "it" && se.expletive(m.start) {
				return
			}
			// The nearest subject of this sentence before the pronoun
			// ("Russia rejects the expansion of NATO near its borders"),
			// else the nearest actor that is not a mere modifier ("the US
			// response to its proposals": its is not the US).
			if a := se.subjectBefore(m.start); a != nil {
				m.actor, m.kind, m.resolved = a.actor, a.kind, true
				return
			}
			if se.unknownSubjectBefore(m.start) {
				return // "Shell reaffirmed its commitment": its is Shell's
			}
			for k := len(st.lastActors) - 1; k >= 0; k-- {
				if a := st.lastActors[k]; !a.modifier || k == 0 {
					m.actor, m.kind, m.resolved = a.actor, a.kind, true
					break
				}
			}
		}
	}
}

// unknownSubjectBefore reports a name no lexicon knows as the subject of
// a verb before token i: a pronoun after it is that name's, not an actor's
// named before.
func (se *sentence) unknownSubjectBefore(i int) bool {
	toks := se.toks
	for k := 0; k < i; k++ {
		if toks[k].Tag != "NNP" || se.at[k] >= 0 || !capitalized(toks[k].Text) {
			continue
		}
		j := k
		for j < i && toks[j].Tag == "NNP" && se.at[j] < 0 {
			j++
		}
		if j < i && finite(toks[j]) && (k == 0 || !isVerb(toks[k-1]) && toks[k-1].Tag != "IN") {
			return true
		}
		k = j
	}
	return false
}

// subjectBefore is the nearest collective actor before token i in this
// sentence that is a subject or an object, not the object of a preposition
// nor a modifier: "Russia rejects the expansion of NATO near its borders"
// (Russia), "accused Russia of planning an invasion of its neighbour"
// (Russia), "demands that NATO halt its expansion" (NATO).
func (se *sentence) subjectBefore(i int) *mention {
	for k := len(se.ments) - 1; k >= 0; k-- {
		a := &se.ments[k]
		if a.start >= i || a.typ != mActor || !usable(a) || a.modifier || a.possessive {
			continue
		}
		p := a.start - 1
		for p >= 0 && (se.toks[p].Tag == "DT" && se.toks[p].Lower != "that" || se.toks[p].Tag == "JJ") {
			p--
		}
		if p >= 0 && (se.toks[p].Tag == "IN" && se.toks[p].Lower != "that" || se.toks[p].Tag == "TO") {
			continue
		}
		return a
	}
	return nil
}

// expletive reports whether "it" at i is a dummy subject: "it cannot be
// said", "it may not be worth", "it is clear".
func (se *sentence) expletive(i int) bool {
	for k := i + 1; k < len(se.toks) && k <= i+4; k++ {
		t := se.toks[k]
		if t.Text == `"` || t.Tag == "MD" || t.Lower == "not" || t.Lower == "n't" || t.Tag == "RB" || t.Lower == "cannot" {
			continue
		}
		if t.Lemma != "be" && t.Lemma != "seem" && t.Lemma != "appear" {
			return false
		}
		for j := k + 1; j < len(se.toks) && j <= k+3; j++ {
			n := se.toks[j]
			if isQuote(n) || n.Tag == "RB" {
				continue
			}
			return strings.HasPrefix(n.Tag, "JJ") || n.Tag == "RBS" || n.Tag == "RBR" || n.Tag == "VBN" || n.Tag == "DT" || n.Lower == "that"
		}
		return false
	}
	return false
}

// actorAt returns the resolved mention whose last token is i, if any.
func (se *sentence) mentionEndingAt(i int) *mention {
	if i < 0 || i >= len(se.toks) || se.at[i] < 0 {
		return nil
	}
	m := &se.ments[se.at[i]]
	if m.end-1 != i {
		return nil
	}
	return m
}

func (se *sentence) mentionStartingAt(i int) *mention {
	if i < 0 || i >= len(se.toks) || se.at[i] < 0 {
		return nil
	}
	m := &se.ments[se.at[i]]
	if m.start != i {
		return nil
	}
	return m
}

// usable reports whether a mention names a collective actor.
func usable(m *mention) bool { return m != nil && m.actor != "" }

// speaker is the sentence's main speaker.
func (se *sentence) speaker() *mention {
	for _, f := range se.frames {
		if usable(f.speaker) {
			return f.speaker
		}
	}
	return nil
}

// speakerAt is who speaks at token i: the innermost frame around it.
func (se *sentence) speakerAt(i int) *mention {
	var best *frame
	for k := range se.frames {
		f := &se.frames[k]
		if i >= f.from && i < f.to && usable(f.speaker) && (best == nil || f.to-f.from < best.to-best.from) {
			best = f
		}
	}
	if best == nil {
		return nil
	}
	return best.speaker
}

// sharedSpeaker is the speaker of a reporting verb at i that has no subject
// of its own: a participle after a comma ("..., indicating that") or a verb
// after "and" or "but" speaks for the sentence's earlier speaker, or else
// for the main clause's subject.
func (se *sentence) sharedSpeaker(i int) *mention {
	t := se.toks[i]
	k := se.skipAux(i - 1)
	if k < 0 {
		return nil
	}
	coordinated := se.toks[k].Lower == "and" || se.toks[k].Lower == "but"
	if !(t.Tag == "VBG" && se.toks[k].Text == ",") && !coordinated {
		return nil
	}
	for f := len(se.frames) - 1; f >= 0; f-- {
		if fr := se.frames[f]; fr.verb >= 0 && fr.verb < i && usable(fr.speaker) {
			return fr.speaker
		}
	}
	if t.Tag == "VBG" {
		return se.mainSubject(i)
	}
	// "Peskov did not rule out X and warned that ...": the first verb's subject.
	if as, _ := se.subjects(i); len(as) > 0 && usable(as[0]) {
		return as[0]
	}
	return nil
}

// findFrames finds reported speech: "X said (that) ...", "..., X said",
// "..., said X", "according to X, ...", "X: ..." (headline attribution).
func (se *sentence) findFrames() {
	toks := se.toks
	n := len(toks)
	// Headline attribution: "Moscow: the US response ...".
	if m := se.mentionStartingAt(0); usable(m) && m.end < n && toks[m.end].Text == ":" {
		se.frames = append(se.frames, frame{speaker: m, from: m.end + 1, to: n, verb: -1})
	}
	for i := 0; i < n; i++ {
		t := toks[i]
		if t.Lower == "according" && i+2 < n && toks[i+1].Lower == "to" {
			if m := se.mentionStartingAt(i + 2); usable(m) {
				se.frames = append(se.frames, frame{speaker: m, from: 0, to: n, verb: -1})
			}
			continue
		}
		if len(t.Tag) < 2 || t.Tag[:2] != "VB" || se.quoted[i] {
			continue
		}
		if _, k := se.x.reporting.at(toks, i); k == 0 {
			continue
		}
		if t.Tag == "VBN" && !(i > 0 && (toks[i-1].Lemma == "have" || toks[i-1].Lemma == "be")) {
			// "its written response" reports nothing; "Amirabdollahian
			// told/VBN reporters" is a past tense the tagger missed.
			if m := se.mentionEndingAt(i - 1); !usable(m) || m.possessive || m.typ == mPossPron {
				continue
			}
		}
		// Speaker before the verb: "X said", "X has repeatedly said".
		j := i - 1
		j = se.skipAux(j)
		if j > 0 && toks[j].Text == "," {
			// An apposition before the verb, set off by commas: "Alexei
			// Zaitsev, Deputy Director at the Russian Foreign Ministry,
			// said", "the Secretary of State, Antony Blinken, said". A
			// participle or a second verb shares the main clause's
			// speaker: "X said A, indicating B"; "X said A, but added B".
			if a := se.appositionSubject(j); a != nil {
				j = a.end - 1
			} else if a := se.mentionEndingAt(j - 1); usable(a) && a.start > 0 && toks[a.start-1].Text == "," {
				j--
			} else if m := se.sharedSpeaker(i); m != nil {
				se.frames = append(se.frames, frame{speaker: m, from: i + 1, to: n, verb: i})
				continue
			}
		} else if j >= 0 && (toks[j].Lower == "and" || toks[j].Lower == "but") {
			if m := se.sharedSpeaker(i); m != nil {
				se.frames = append(se.frames, frame{speaker: m, from: i + 1, to: n, verb: i})
				continue
			}
		}
		if se.mentionEndingAt(j) == nil {
			// "the Belarusian Ministry of Defense said": over the office's name.
			q := j
			for q > 0 && toks[q].Tag == "NNP" && se.at[q] < 0 {
				q--
			}
			if q < j && q > 0 && toks[q].Lower == "of" {
				if m := se.mentionEndingAt(q - 1); usable(m) && m.typ == mActor {
					j = q - 1
				}
			}
		}
		if m := se.mentionEndingAt(j); m != nil && !m.possessive && m.typ != mPossPron && usable(m) {
			k := i + 1
			addressee := false
			for k < n && k <= i+3 && (toks[k].Tag == "NNS" || toks[k].Tag == "RB" || toks[k].Tag == "NNP" && se.at[k] >= 0) {
				addressee = addressee || se.at[k] >= 0
				k++ // "told reporters", "said today"
			}
			if addressee && k < n && toks[k].Text == "," && m.start > 0 && !isQuote(toks[m.start-1]) {
				// "mentioned Moscow, not Kyiv, should ...": an actor after the
				// verb and a comma begins the speech, it is not "..., X said,".
				k = i + 1
			}
			closing := m.start > 0 && (isQuote(toks[m.start-1]) || toks[m.start-1].Text == "," && m.start > 1 && isQuote(toks[m.start-2]))
			if closing && m.start > 1 {
				// "“...,” he mentioned in reference to ...": the speech is before.
				se.frames = append(se.frames, frame{speaker: m, from: 0, to: m.start, verb: -1})
			} else if k < n && toks[k].Text == ":" {
				se.frames = append(se.frames, frame{speaker: m, from: k + 1, to: n, verb: -1})
			} else if (k >= n || toks[k].Text == "." || toks[k].Text == "," || toks[k].Text == `"`) && m.start > 0 {
				// "..., X said." — the speech is before.
				se.frames = append(se.frames, frame{speaker: m, from: 0, to: m.start, verb: -1})
			} else {
				se.frames = append(se.frames, frame{speaker: m, from: i + 1, to: n, verb: i})
			}
			continue
		}
		// Inverted: "..., said X".
		if i > 0 && (toks[i-1].Text == "," || toks[i-1].Text == `"`) {
			if m := se.mentionStartingAt(i + 1); usable(m) {
				se.frames = append(se.frames, frame{speaker: m, from: 0, to: i, verb: -1})
			}
		}
	}
}
