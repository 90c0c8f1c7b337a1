// Package statement is the stage that turns frames into statements
// ("statements"): it decides who holds each frame (the mentions its holder
// token belongs to, its conjuncts, "we" as the speaker's side, the speaker
// of reported speech for evaluations and demands without a holder), what
// the target is (an actor, or a position labelled from the tree), and who
// speaks; and it reads reported clauses that state no stance as what the
// speaker asserts.
package statement

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

func init() {
	annotate.Register("statements", func(env annotate.Env) (annotate.Stage, error) {
		return New(env.Lexicon, env.Config.MinConfidence), nil
	})
}

// Builder is the statements stage. It is safe for concurrent use.
type Builder struct {
	reporting  map[string]bool
	government map[string]bool // nouns whose modifiers name the actor: "US officials", "leaders of Egypt"
	reversers  map[string]bool // "halt", "end", "ban": a demand for them opposes what follows
	negation   map[schema.Class]schema.Class
	minConf    float64
	stance     map[string]bool // the first words of every stance cue and evaluative word
}

// New makes the stage.
func New(lx *lexicon.Lexicon, minConf float64) *Builder {
	b := &Builder{reporting: map[string]bool{}, government: map[string]bool{},
		reversers: map[string]bool{}, negation: lx.Negation, minConf: minConf}
	for _, w := range lx.Reversers {
		// A withdrawal is wanted for itself: "demanded the withdrawal of
		// troops" is no opposition to troops.
		if w != "withdrawal" && w != "non" {
			b.reversers[strings.ToLower(w)] = true
		}
	}
	for _, w := range lx.Reporting {
		b.reporting[strings.Fields(strings.ToLower(w))[0]] = true
	}
	for _, w := range lx.Mentions.Government {
		b.government[strings.ToLower(w)] = true
	}
	for _, w := range lx.Mentions.Descriptions["person"] {
		b.government[strings.ToLower(w)] = true
	}
	// A statement speaks for who issued it: as a holder it is its source.
	for _, w := range lx.Mentions.Sources {
		b.government[strings.ToLower(w)] = true
	}
	b.stance = map[string]bool{}
	for _, cues := range []lexicon.Cues{lx.Frames.Verbs, lx.Frames.Nouns, lx.Frames.Adjectives, lx.Stance.Adjectives} {
		for _, words := range cues {
			for _, w := range words {
				if f := strings.Fields(strings.ToLower(w)); len(f) > 0 {
					b.stance[f[0]] = true
				}
			}
		}
	}
	return b
}

// builder is one document's work.
type builder struct {
	*Builder
	d        *annotate.Doc
	out      []schema.Statement
	seen     map[string]bool
	lastSpkr []party // the speaker of the last report, for quotations that go on
	quoted   []bool  // sentence -> it opens inside a quotation
	// the position last named and its sentence, for "rejected it"
	lastPos     string
	lastPosSent int
}

// party is an actor with the person who speaks for it, if any.
type party struct {
	actor        *lexicon.Actor
	person, role string
}

// Annotate writes the document's statements.
func (b *Builder) Annotate(_ context.Context, d *annotate.Doc) error {
	w := &builder{Builder: b, d: d, seen: map[string]bool{}, quoted: quotedSentences(d)}
	frames := map[int][]annotate.Frame{}
	for _, f := range d.Frames {
		frames[f.Sent] = append(frames[f.Sent], f)
	}
	for si := range d.Sentences {
		w.sentence(si, frames[si])
	}
	d.Statements = w.out
	return nil
}

func (w *builder) sentence(si int, frames []annotate.Frame) {
	t := annotate.NewTree(w.d.Tokens(si))
	reps := w.reports(t)
	if rep, ok := w.colonReport(si, t); ok {
		reps = append(reps, rep)
	}
	if rep, ok := w.quoteColonReport(si, t); ok {
		reps = append(reps, rep)
	}
	// A quotation that goes on from an earlier sentence keeps its speaker.
	inQuote := w.quoted[si]
	var carried []party
	if len(reps) == 0 && inQuote {
		carried = w.lastSpkr
	}
	inFrame := make([]bool, len(t.Toks))
	for _, f := range frames {
		inFrame[f.Pred] = true
	}
	frames = w.compose(t, frames)
	for _, f := range frames {
		rep := reporter(reps, f.Pred)
		speakers := carried
		if rep != nil {
			speakers = w.parties(si, t, rep.speaker)
		}
		holders := w.holders(si, t, f, speakers)
		if len(holders) == 0 {
			continue
		}
		if f.Actor {
			w.interaction(si, t, f, holders)
			continue
		}
		for _, part := range w.targets(t, f) {
			g := f
			if !g.Deed {
				part = w.reverse(t, &g, w.unwrap(t, part))
			}
			for _, h := range holders {
				w.add(si, t, g, h, part, speakers)
			}
		}
	}
	// Reported clauses that state no stance: the speaker asserts them;
	// so too a deed of another actor ("Haley said Iran had supplied a
	// missile to the Houthis").
	for _, rep := range reps {
		mask := make([]bool, len(inFrame))
		for _, f := range frames {
			if !f.Actor || w.sameActor(si, f.Holder, rep.speaker) || f.Holder < 0 {
				mask[f.Pred] = true
			}
		}
		w.asserted(si, t, rep, mask)
	}
	if len(reps) > 0 {
		w.lastSpkr = w.parties(si, t, reps[len(reps)-1].speaker)
	} else if !inQuote {
		w.lastSpkr = nil
	}
}

// holders resolves who holds a frame. Evaluations and demands without a
// holder are the speaker's; "we" and "our" are the speaker's side.
func (w *builder) holders(si int, t *annotate.Tree, f annotate.Frame, speakers []party) []party {
	if f.Holder < 0 {
		if f.Judged {
			return speakers
		}
		return nil
	}
	if m := w.d.MentionAt(si, f.Holder); m != nil && m.Kind == annotate.Pronoun && firstPerson(m.Word) {
		return speakers
	}
	return w.parties(si, t, f.Holder)
}

func firstPerson(w string) bool {
	switch w {
	case "we", "us", "our", "i", "my", "me":
		return true
	}
	return false
}

// parties gives the actors a token stands for: its mention's, its
// conjuncts' too ("Egypt, Sudan and Ethiopia"), and for a noun of
// government its modifiers' ("US officials", "the leaders of Egypt"). A
// coordination the parser folded into a compound ("Japan and South Korea"
// read as a compound of "Korea") counts as one.
func (w *builder) parties(si int, t *annotate.Tree, tok int) []party {
	toks := append([]int{tok}, conjuncts(t, tok)...)
	for _, k := range t.Kids[tok] {
		if t.Toks[k].Rel == "compound" && len(conjuncts(t, k)) > 0 {
			toks = append(toks, k)
			toks = append(toks, conjuncts(t, k)...)
		}
	}
	var out []party
	seen := map[*lexicon.Actor]bool{}
	for _, k := range toks {
		for _, p := range w.partiesOf(si, t, k) {
			if !seen[p.actor] {
				seen[p.actor] = true
				out = append(out, p)
			}
		}
	}
	return out
}

func (w *builder) partiesOf(si int, t *annotate.Tree, tok int) []party {
	if m := w.d.MentionAt(si, tok); m != nil {
		if firstPerson(m.Word) {
			return nil
		}
		var out []party
		for _, a := range m.Actors {
			out = append(out, party{actor: a, person: m.Person, role: m.Title})
		}
		return out
	}
	// "longtime ally the United States": the apposition names it.
	if a := t.Child(tok, "appos"); a >= 0 {
		if ps := w.partiesOf(si, t, a); len(ps) > 0 {
			return ps
		}
	}
	if !w.government[t.Toks[tok].Lemma] && !w.government[t.Toks[tok].Lower] {
		return nil
	}
	for _, k := range t.Kids[tok] {
		r := t.Toks[k].Rel
		if r == "compound" || r == "amod" || r == "nmod:poss" || (r == "nmod" && (t.Marker(k) == "of" || t.Marker(k) == "from")) {
			if ps := w.parties(si, t, k); len(ps) > 0 {
				return ps
			}
		}
	}
	return nil
}

// conjuncts gives the tokens coordinated with tok.
func conjuncts(t *annotate.Tree, tok int) []int {
	var out []int
	for _, k := range t.Kids[tok] {
		if t.Toks[k].Rel == "conj" {
			out = append(out, k)
			out = append(out, conjuncts(t, k)...)
		}
	}
	return out
}

// holder of a reporting verb: its subject, the agent of a passive, or the
// first conjunct's subject.
func (w *builder) holder(t *annotate.Tree, p int) int {
	for steps := 0; p >= 0 && steps < len(t.Toks); steps++ {
		if s := t.Child(p, "nsubj", "nsubj:outer"); s >= 0 {
			return s
		}
		if a := t.Child(p, "obl:agent"); a >= 0 {
			return a
		}
		if r := t.Rel(p); r != "conj" && r != "advcl" && r != "xcomp" {
			return -1
		}
		p = t.Toks[p].Head
	}
	return -1
}

// interaction writes a frame between actors: the holder towards each
// actor of the target, or among the holder's conjuncts.
func (w *builder) interaction(si int, t *annotate.Tree, f annotate.Frame, holders []party) {
	if f.Mutual {
		all := holders
		if len(f.Parts) > 0 && f.Parts[0] != f.Holder {
			all = append(all, w.parties(si, t, f.Parts[0])...)
		}
		for _, a := range all {
			for _, b := range all {
				if a.actor != b.actor {
					w.emit(si, t, f, a, string(b.actor.Name), schema.ObjectActor, b.actor.Kind, nil)
				}
			}
		}
		return
	}
	if len(f.Parts) == 0 {
		return
	}
	for _, o := range w.parties(si, t, f.Parts[0]) {
		for _, h := range holders {
			if h.actor != o.actor {
				w.emit(si, t, f, h, o.actor.Name, schema.ObjectActor, o.actor.Kind, nil)
			}
		}
	}
}

// add writes a stance statement with a position target.
func (w *builder) add(si int, t *annotate.Tree, f annotate.Frame, h party, parts []int, speakers []party) {
	var label string
	deed := f.Deed && len(parts) == 1 && t.Toks[parts[0]].UPOS == "VERB"
	if deed {
		// Another's deed keeps its doer: "Turkey launched an offensive".
		s := t.Subject(parts[0])
		label = labelClause(t, parts[0], s >= 0 && !w.sameActor(si, s, f.Holder), f.Pred)
	} else {
		label = labelOf(t, parts)
	}
	label = w.ownerNames(si, t, parts, label)
	if anaphors[strings.ToLower(label)] && w.lastPos != "" && si-w.lastPosSent <= 1 {
		// "Egypt proposed a binding deal. Ethiopia rejected it.": the
		// position named last, in this sentence or the one before (a
		// stance is taken on a position, so "it" is one, not an actor).
		label = w.lastPos
	} else if len(parts) == 1 {
		if m := w.d.MentionAt(si, parts[0]); m != nil && m.Head == parts[0] && len(m.Actors) > 0 {
			return // a stance "towards Ukraine" is an interaction's business, not a position
		}
	}
	if label == "" || pronouns[strings.ToLower(label)] {
		return // "they all agreed": no position named
	}
	w.emit(si, t, f, h, label, schema.ObjectPosition, "", speakers)
	w.lastPos, w.lastPosSent = label, si
}

// ownerNames writes the actor a possessive pronoun of the target stands
// for: "defend its sovereignty" after Ukraine is "Ukraine's sovereignty",
// so that the position meets the one named outright; a later conjunct
// takes the first one's owner.
func (w *builder) ownerNames(si int, t *annotate.Tree, parts []int, label string) string {
	// "its sovereignty, security and territorial integrity": a later
	// conjunct has the first one's owner.
	if len(parts) == 1 && t.Rel(parts[0]) == "conj" && t.Child(parts[0], "nmod:poss") < 0 {
		if h := t.Toks[parts[0]].Head; h >= 0 && t.IsNoun(parts[0]) {
			if o := t.Child(h, "nmod:poss"); o >= 0 {
				if m := w.d.MentionAt(si, o); m != nil && len(m.Actors) == 1 && !strings.HasPrefix(label, m.Actors[0].Name) {
					label = m.Actors[0].Name + "'s " + label
				}
			}
		}
	}
	for _, top := range parts {
		for k := range t.Toks {
			tk := t.Toks[k]
			if tk.Lower != "its" && tk.Lower != "their" || !t.Dominates(top, k) {
				continue
			}
			m := w.d.MentionAt(si, k)
			if m == nil || len(m.Actors) != 1 || !w.subjectsOwn(si, t, top, k, m) {
				continue
			}
			label = replaceWord(label, tk.Text, m.Actors[0].Name+"'s")
		}
	}
	return label
}

// subjectsOwn reports a possessive pronoun at k that stands for the named
// subject of its clause, where that subject lies outside the target top:
// "Ukraine can defend its sovereignty" (the target "its sovereignty"), not
// "urged Bolivia to withdraw its ambassador" (no subject to check it by).
func (w *builder) subjectsOwn(si int, t *annotate.Tree, top, k int, m *annotate.Mention) bool {
	v := t.Toks[k].Head
	for steps := 0; v >= 0 && !t.IsVerb(v) && steps < len(t.Toks); steps++ {
		v = t.Toks[v].Head
	}
	if v < 0 {
		return false
	}
	s := t.Subject(v)
	if s < 0 || t.Dominates(top, s) {
		return false
	}
	sm := w.d.MentionAt(si, s)
	return sm != nil && len(sm.Actors) == 1 && sm.Actors[0] == m.Actors[0]
}

// replaceWord replaces the first whole word old of s by new.
func replaceWord(s, old, new string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w == old {
			words[i] = new
			return strings.Join(words, " ")
		}
	}
	return s
}

// anaphors are the pronouns that point back to a position.
var anaphors = map[string]bool{"it": true, "this": true, "that": true, "these": true, "those": true, "them": true}

func (w *builder) emit(si int, t *annotate.Tree, f annotate.Frame, h party, object, otype, okind string, speakers []party) {
	s := w.d.Sentences[si]
	if h.actor == nil {
		return
	}
	if otype == schema.ObjectPosition && strings.EqualFold(object, h.actor.Name) {
		return
	}
	key := strings.Join([]string{strconv.Itoa(si), h.actor.Name, string(f.Class), object}, "\x00")
	if w.seen[key] {
		return
	}
	w.seen[key] = true
	speaker, role := h.person, h.role
	if speaker == "" && len(speakers) > 0 && speakers[0].actor == h.actor {
		speaker, role = speakers[0].person, speakers[0].role
	}
	pred := t.Toks[f.Pred]
	conf := 0.8
	if f.Holder < 0 {
		conf = 0.6
	}
	st := schema.Statement{
		Doc: w.d.Source.ID, SentenceIndex: si, Sentence: strings.ToValidUTF8(s.Text, "\uFFFD"), Start: s.Start, End: s.End,
		Subject: h.actor.Name, SubjectKind: h.actor.Kind, Speaker: speaker, SpeakerTitle: role,
		Class: f.Class, Predicate: f.Cue, Object: strings.ToValidUTF8(object, "\uFFFD"), ObjectType: otype, ObjectKind: okind,
		Date: w.d.Source.Date, Confidence: conf,
		Cue: strings.ToValidUTF8(pred.Text, "\uFFFD"), CueStart: pred.Start - s.Start, CueEnd: pred.End - s.Start,
	}
	if f.Class.IsStance() {
		st.Polarity = f.Class.Sign()
	}
	if st.Confidence < w.minConf {
		return
	}
	w.out = append(w.out, st)
}

// asserted writes what a speaker asserts in a reported clause that holds
// no frame: "Lavrov said Moscow has never threatened Kyiv".
func (w *builder) asserted(si int, t *annotate.Tree, rep report, inFrame []bool) {
	head := -1
	for i, in := range rep.clause {
		if !in {
			continue
		}
		if inFrame[i] {
			return
		}
		if h := t.Toks[i].Head; h < 0 || !rep.clause[h] {
			if head >= 0 {
				return // a clause of several parts: no one assertion
			}
			head = i
		}
	}
	if head < 0 || t.Child(head, "nsubj", "nsubj:pass", "expl") < 0 {
		return
	}
	if w.reporting[t.Toks[head].Lemma] {
		return // a report inside a report: the inner one asserts
	}
	if w.ownConduct(si, t, head, rep) {
		return
	}
	speakers := w.parties(si, t, rep.speaker)
	f := annotate.Frame{Sent: si, Pred: rep.verb, Cue: t.Toks[rep.verb].Lemma, Class: schema.Assert, Holder: rep.speaker}
	for _, h := range speakers {
		w.emit(si, t, f, h, labelOf(t, []int{head}), schema.ObjectPosition, "", speakers)
	}
}

// ownConduct reports a reported clause that only tells what the speaker's
// own side does or did ("'We will do that in parallel with the United
// States,' Stoltenberg said", "the ministry announced that it had completed
// the transfer"): news of one's own conduct, with no stance word in it and
// no negation, claims nothing about the dispute.
func (w *builder) ownConduct(si int, t *annotate.Tree, head int, rep report) bool {
	subj := t.Subject(head)
	if subj < 0 || t.Negated(head) || t.Toks[head].UPOS != "VERB" {
		return false
	}
	for i, in := range rep.clause {
		if in && (w.stance[t.Toks[i].Lemma] || w.stance[t.Toks[i].Lower]) {
			return false // "he was glad the dialogue resumed", "passed a resolution supporting the proposal"
		}
	}
	speaker := rep.speaker
	if m := w.d.MentionAt(si, subj); m != nil && m.Kind == annotate.Pronoun && firstPerson(m.Word) {
		return true
	}
	return w.sameActor(si, subj, speaker)
}

// pronouns stand for a position without naming it.
var pronouns = map[string]bool{"it": true, "this": true, "that": true, "these": true, "those": true, "which": true,
	"them": true, "they": true, "what": true, "so": true, "one": true, "all": true, "both": true}

// transparent nouns stand before the position they are about: "the
// possibility of his country invading", "the idea of a war"; commitments
// before their content: "a promise that Ukraine will never join", "a
// written commitment that ...".
var transparent = map[string]bool{"possibility": true, "prospect": true, "idea": true, "notion": true, "concept": true,
	"option": true, "issue": true, "question": true, "matter": true, "likelihood": true, "chance": true,
	"scenario": true, "risk": true, "threat": true, "danger": true, "promise": true, "pledge": true,
	"guarantee": true, "assurance": true, "commitment": true, "undertaking": true, "vow": true}

// unwrap steps from a transparent noun to what it is about.
func (w *builder) unwrap(t *annotate.Tree, parts []int) []int {
	last := parts[len(parts)-1]
	if !transparent[t.Toks[last].Lemma] {
		return parts
	}
	for _, k := range t.Kids[last] {
		r, m := t.Rel(k), t.Marker(k)
		if (r == "nmod" && m == "of") || (r == "acl" && (m == "that" || m == "to" || m == "of")) || r == "ccomp" {
			out := append([]int(nil), parts[:len(parts)-1]...)
			return append(out, k)
		}
	}
	return parts
}

// reverse turns a target headed by a word that ends or excludes what
// follows it: a demand for "a halt to X", "an end to X", "a ban on X",
// "the cessation of X", or that Russia "stop X", is opposition to X.
func (w *builder) reverse(t *annotate.Tree, f *annotate.Frame, parts []int) []int {
	last := parts[len(parts)-1]
	tk := t.Toks[last]
	if !w.reversers[tk.Lemma] {
		return parts
	}
	for _, k := range t.Kids[last] {
		r, m := t.Rel(k), t.Marker(k)
		if (r == "nmod" && (m == "to" || m == "on" || m == "of")) || (r == "obj" && tk.UPOS == "VERB") {
			if c, ok := w.negation[f.Class]; ok {
				f.Class = c
			}
			out := append([]int(nil), parts[:len(parts)-1]...)
			return append(out, k)
		}
	}
	return parts
}

// targets splits a frame's target at coordination: "rejected A and B" is
// two statements.
func (w *builder) targets(t *annotate.Tree, f annotate.Frame) [][]int {
	if len(f.Parts) == 0 {
		return nil
	}
	last := f.Parts[len(f.Parts)-1]
	var out [][]int
	for _, k := range append([]int{last}, conjuncts(t, last)...) {
		if f.Deed && k != last && t.Child(k, "aux") >= 0 {
			continue // "will remain in the deal and will trade": its own deed
		}
		parts := append(append([]int(nil), f.Parts[:len(f.Parts)-1]...), k)
		out = append(out, parts)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][len(out[i])-1] < out[j][len(out[j])-1] })
	return out
}

// sameActor reports two tokens of a sentence that stand for one actor: the
// same token, or mentions resolved to the same actor ("Germany ... its").
func (w *builder) sameActor(si, a, b int) bool {
	if a == b {
		return true
	}
	if a < 0 || b < 0 {
		return false
	}
	ma, mb := w.d.MentionAt(si, a), w.d.MentionAt(si, b)
	return ma != nil && mb != nil && ma.Actor() != nil && ma.Actor() == mb.Actor()
}

// compose folds a stance frame into the frame that asks it of its object:
// in "urged NATO to reject Ukraine's membership" the rejecting is what the
// urging wants, not a stance NATO holds, so the statement is Russia's,
// towards the membership, with the opposite sign (an opposition wanted is
// an opposition). A deed that is no stance ("urged Russia to withdraw")
// stays the target as it was.
func (w *builder) compose(t *annotate.Tree, frames []annotate.Frame) []annotate.Frame {
	drop := map[int]bool{}
	out := make([]annotate.Frame, 0, len(frames))
	for _, g := range frames {
		// "urged X to Y" (X and Y), or "demanded that X do Y" (a clause
		// whose subject is X): Y is asked of X.
		// "ruled out recognising X", "vowed to oppose X", "backed away
		// from its opposition to X": a stance towards the holder's own
		// stance is one stance, the signs multiplied.
		asked := len(g.Parts) >= 2 && !g.Actor
		subject := -1
		if len(g.Parts) == 1 && !g.Actor && (g.Class == schema.Demand || g.Class == schema.Propose) {
			if r := t.Rel(g.Parts[0]); r == "ccomp" || r == "xcomp" {
				asked, subject = true, t.Subject(g.Parts[0])
			}
		} else if asked {
			subject = g.Parts[0]
		}
		own := false
		if !asked && len(g.Parts) == 1 && !g.Actor && g.Class.IsStance() && g.Holder >= 0 && !g.Judged {
			asked, subject, own = true, g.Holder, true
		}
		if asked {
			x := g.Parts[len(g.Parts)-1]
			for _, f := range frames {
				if f.Pred != x || f.Pred == g.Pred || f.Actor || len(f.Parts) == 0 || !(f.Holder < 0 && !own || w.sameActor(g.Sent, f.Holder, subject)) {
					continue
				}
				drop[f.Pred] = true
				g.Cue += " " + f.Cue
				g.Parts = f.Parts
				if f.Class.Polarity() < 0 {
					if c, ok := w.negation[g.Class]; ok {
						g.Class, g.Negated = c, !g.Negated
					}
				}
				break
			}
		}
		out = append(out, g)
	}
	kept := out[:0]
	for _, f := range out {
		if !drop[f.Pred] {
			kept = append(kept, f)
		}
	}
	return kept
}
