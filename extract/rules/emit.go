// Writing statements: once per actor, class and target, with their cues.

package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/schema"
)

// emitConjuncts emits the further positions of a coordinated target with
// the first one's stance, a little less sure.
func (se *sentence) emitConjuncts(more []string, a *mention, cue, cls schema.Class, pred string, conf float64, i, j int) {
	for _, l := range more {
		se.emitStance(a, cue, cls, pred, l, 0.9*conf, i, j)
	}
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
