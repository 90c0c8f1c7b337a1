// Package frame is the stage that reads predicate frames off the
// dependency tree ("frames"): for every verb, noun or adjective that the
// lexicon's frames list (lexicon/data/frames.yaml), who holds the stance,
// what its target is, and whether it is negated or conditional; for
// judgments and copulas, what is evaluated; for interaction words, the other
// actor. It does not decide who an argument is: the statements stage
// resolves holders and targets through the mentions.
package frame

import (
	"context"
	"maps"
	"slices"
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

func init() {
	annotate.Register("frames", func(env annotate.Env) (annotate.Stage, error) {
		return New(env.Lexicon), nil
	})
}

// Reader is the frames stage. It is safe for concurrent use.
type Reader struct {
	verbs, nouns, adjs cueIndex
	evals              map[string]schema.Class // evaluative words and phrases -> SUPPORT or OPPOSE
	control, judgment  map[string]bool
	light, content     map[string]bool
	negating, deontic  map[string]bool
	conditional        map[string]bool
	negation           map[schema.Class]schema.Class
	inter              interactions
	// asserting are the accusations that assert their deed: "accused X
	// of Y" says Y happened; "criticized X for Y" need not.
	asserting   map[string]bool
	audience    map[string]bool // "told journalists": who a control verb addresses
	plain       map[string]bool // verbs that say what an actor will do but no deed: "be", "say"
	responses   map[string]bool // "respond", "retaliation": promised on a condition, a threat
	retaliation map[string]bool // "retaliate after X did Y": a threat to X
	eliciting   map[string]bool // "drawing condemnation from X": X's stance towards the clause
	deciding    map[string]bool // "agreed to impose sanctions": a decision taken, not a response promised
	striving    map[string]bool // "pushed to start filling": their "to" takes a verb
	reporting   map[string]bool // verbs of report
	asking      map[string]bool // nouns of pressure whose infinitive is what is asked: "pressure to recognise"
	hostile     map[string]bool // deeds an actor denies by saying it did not do them: "never threatened"
	harming     map[string]bool // "X undermines peace": X is judged harmful
	helping     map[string]bool // "X contributes to the order": X is judged good
}

// sent is the sentence being read: its tree, and its document for the
// mentions.
type sent struct {
	*annotate.Tree
	d  *annotate.Doc
	si int
}

// actor reports a token that names an actor (not a pronoun), itself or by
// its apposition ("longtime ally the United States").
func (t *sent) actor(k int) bool {
	m := t.d.MentionAt(t.si, k)
	if m != nil && m.Kind != annotate.Pronoun {
		return true
	}
	a := t.Child(k, "appos")
	return a >= 0 && t.actor(a)
}

// New makes the stage over a lexicon.
func New(lx *lexicon.Lexicon) *Reader {
	fr := lx.Frames
	r := &Reader{
		verbs: indexCues(fr.Verbs), nouns: indexCues(fr.Nouns), adjs: indexCues(fr.Adjectives),
		evals: map[string]schema.Class{}, control: set(fr.Control), judgment: set(fr.Judgment),
		light: set(fr.Light), content: set(fr.Content), negating: set(fr.Negating),
		deontic: set(fr.Deontic), conditional: set(fr.Conditional), negation: lx.Negation,
		inter: newInteractions(lx), asserting: set(fr.Asserting), audience: set(fr.Audience),
		plain: set(append(append([]string(nil), fr.Plain...), firstWords(lx.Reporting)...)), responses: set(fr.Responses), retaliation: set(fr.Retaliation), eliciting: set(fr.Eliciting), deciding: set(fr.Deciding), striving: set(fr.Striving),
		reporting: set(firstWords(lx.Reporting)), asking: set(fr.Asking), hostile: set(fr.Hostile), harming: set(fr.Harming), helping: set(fr.Helping),
	}
	for _, class := range slices.Sorted(maps.Keys(lx.Stance.Adjectives)) {
		for _, w := range lx.Stance.Adjectives[class] {
			r.evals[strings.ToLower(w)] = class
		}
	}
	return r
}

// Annotate finds the frames of every sentence.
func (r *Reader) Annotate(_ context.Context, d *annotate.Doc) error {
	d.Frames = d.Frames[:0]
	for si := range d.Sentences {
		start := len(d.Frames)
		t := &sent{Tree: annotate.NewTree(d.Tokens(si)), d: d, si: si}
		for p := range t.Toks {
			if r.conditioned(t, p) {
				continue
			}
			var fs []annotate.Frame
			switch {
			case t.IsVerb(p):
				fs = r.verbFrames(t, p)
			case t.IsNoun(p):
				fs = r.nounFrames(t, p)
			case t.IsAdj(p):
				fs = r.adjFrames(t, p)
			}
			fs = append(fs, r.evaluation(t, p)...)
			fs = append(fs, r.deonticFrame(t, p)...)
			if len(fs) == 0 {
				fs = r.deniedDeed(t, p)
			}
			if len(fs) == 0 {
				fs = r.effect(t, p)
			}
			if len(fs) == 0 {
				fs = r.intention(t, p)
			}
			fs = append(fs, r.interactionFrames(t, p)...)
			for _, f := range fs {
				f.Sent, f.Pred = si, p
				d.Frames = append(d.Frames, f)
			}
		}
		for _, f := range r.conditionalThreats(t) {
			f.Sent = si
			d.Frames = append(d.Frames, f)
		}
		d.Frames = append(d.Frames[:start], judgedClaims(d.Frames[start:])...)
	}
	return nil
}

// judgedClaims drops a claim whose clause is an evaluation: "argued that
// the aid constitutes a menace" is the speaker's opposition to the aid
// (the evaluation, which takes the speaker as holder), not a claim besides.
func judgedClaims(fs []annotate.Frame) []annotate.Frame {
	judged := map[int]int{}
	for i, f := range fs {
		if f.Judged && f.Holder < 0 {
			judged[f.Pred] = i + 1
		}
	}
	drop := make([]bool, len(fs))
	for i, f := range fs {
		if f.Class != schema.Assert || len(f.Parts) != 1 || f.Holder < 0 {
			continue
		}
		if j := judged[f.Parts[0]]; j > 0 {
			fs[j-1].Holder = f.Holder // the claimant evaluates
			drop[i] = true
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}

// conditionalThreats reads a response promised on a condition as a threat
// to the actor of the condition: "warned of a swift response if Russia
// invades", "the EU would take further action if Russia continues", "its
// threat to retaliate if Tsai met McCarthy". The response word (a warning
// verb or a word of retaliation, frames.responses) stands outside the
// if-clause; the clause's subject names an actor other than the holder.
func (r *Reader) conditionalThreats(t *sent) []annotate.Frame {
	var out []annotate.Frame
	for c := range t.Toks {
		m := t.Marker(c)
		rel := t.Rel(c)
		conditional := rel == "advcl" && r.conditional[m] && m != "whether"
		// "vowed to retaliate after Washington imposed tariffs": what
		// is avenged names whom.
		after := (rel == "advcl" || rel == "ccomp") && (m == "after" || m == "over" || m == "because" || m == "for")
		if !conditional && !after {
			continue
		}
		target := t.Subject(c)
		if target < 0 || !t.actor(target) {
			continue
		}
		for p, tk := range t.Toks {
			if !r.responses[tk.Lemma] || after && !r.retaliation[tk.Lemma] || t.Dominates(c, p) || t.Negated(p) {
				continue
			}
			h := -1
			switch {
			case t.IsVerb(p):
				h = r.holder(t, p)
			case t.IsNoun(p):
				if h = r.nounHolder(t, p); h < 0 {
					if v := t.Toks[p].Head; v >= 0 && t.IsVerb(v) {
						h = r.holder(t, v)
					}
				}
			}
			if h < 0 || h == target {
				continue
			}
			out = append(out, annotate.Frame{Pred: p, Cue: tk.Lemma + " if", Class: schema.Threaten, Holder: h, Parts: []int{target}, Actor: true})
			// What the response is promised against is opposed: "its
			// threat to retaliate if Tsai met McCarthy" opposes the meeting.
			if conditional && t.IsVerb(c) {
				out = append(out, annotate.Frame{Pred: p, Cue: tk.Lemma + " if", Class: schema.Oppose, Holder: h, Parts: []int{c}, Deed: true})
			}
			break
		}
	}
	return out
}

// promisesResponse reports a target that is a response or retaliation, or
// an infinitive whose object is one ("to deliver a resolute response").
func (r *Reader) promisesResponse(t *sent, target []int) bool {
	for _, k := range target {
		if r.responses[t.Toks[k].Lemma] && (t.IsNoun(k) || r.retaliation[t.Toks[k].Lemma]) {
			return true
		}
		if o := t.Child(k, "obj"); o >= 0 && r.responses[t.Toks[o].Lemma] && t.IsNoun(o) {
			return true
		}
	}
	return false
}

// hasAdverb reports an adverb of p: "not yet".
func (t *sent) hasAdverb(p int, word string) bool {
	for _, k := range t.Kids[p] {
		if t.Rel(k) == "advmod" && t.Toks[k].Lower == word {
			return true
		}
	}
	return false
}

// turn negates a frame's class ("did not accept" opposes).
func (r *Reader) turn(f *annotate.Frame) {
	if c, ok := r.negation[f.Class]; ok {
		f.Class = c
		f.Negated = !f.Negated
	}
}

// conditioned reports a predicate under "if", "unless", "whether": what a
// clause says would happen on a condition is no stance.
func (r *Reader) conditioned(t *sent, p int) bool {
	for _, k := range t.Kids[p] {
		if t.Rel(k) == "advcl" && r.conditional[t.Marker(k)] {
			return true // "if India attacks, Pakistan will reject talks"
		}
	}
	for k, steps := p, 0; k >= 0 && steps < len(t.Toks); k, steps = t.Toks[k].Head, steps+1 {
		if r.conditional[t.Marker(k)] && (t.Rel(k) == "advcl" || t.Rel(k) == "ccomp" || t.Rel(k) == "csubj") {
			return true
		}
		if m := t.Marker(k); t.Rel(k) == "advcl" && (m == "so that" || m == "in order to" || m == "so as to" || m == "in order that" || m == "so") {
			return true // a purpose is no stance: "so that Ukraine can defend itself"
		}
	}
	return false
}

// agentive are the nouns of one's own part in a deed: "played a role in
// bringing the sides together", "made efforts to close the deal", "took
// steps to ease tension" (whoever plays, makes or takes it does the deed).
var agentive = map[string]bool{"role": true, "part": true, "effort": true, "efforts": true, "step": true, "steps": true,
	"lead": true, "initiative": true, "attempt": true, "bid": true, "move": true}

// holder finds who holds what predicate p says: its subject; the agent of
// a passive; for an infinitive or participle without a subject, the
// controller (the object of "urged X to", else the subject of the verb it
// depends on); for a conjunct or a clause set beside another without a
// subject, the first one's holder.
func (r *Reader) holder(t *sent, p int) int {
	for steps := 0; p >= 0 && steps < len(t.Toks); steps++ {
		if t.Passive(p) {
			if a := t.Child(p, "obl:agent"); a >= 0 {
				return a
			}
			for _, k := range t.Kids[p] {
				if t.Rel(k) == "obl" && t.Marker(k) == "by" {
					return k
				}
			}
			return -1
		}
		if s := t.Subject(p); s >= 0 {
			return s
		}
		h := t.Toks[p].Head
		switch t.Rel(p) {
		case "xcomp":
			if h >= 0 && r.control[t.Toks[h].Lemma] {
				if o := t.Child(h, "obj", "iobj"); o >= 0 {
					return o
				}
			}
		case "advcl":
			// "criticized Hamas for rejecting the deal", "accused X of
			// planning": the deed is the object's.
			if m := t.Marker(p); (m == "for" || m == "of") && h >= 0 {
				if o := t.Child(h, "obj"); o >= 0 {
					return o
				}
			}
		case "conj":
		case "acl":
			// "played a key role in bringing the sides together", "made
			// efforts to close the deal": the clause of a noun that a verb
			// takes is done by that verb's holder.
			if h >= 0 && agentive[t.Toks[h].Lemma] && t.Rel(h) == "obj" && t.Toks[h].Head >= 0 && t.IsVerb(t.Toks[h].Head) && t.Marker(p) != "" {
				p = t.Toks[h].Head
				continue
			}
			return -1
		case "parataxis":
			// "denied it is planning an invasion, however has argued
			// that...": a finite clause set after another with no subject
			// of its own shares that clause's.
			if p < h || t.Child(p, "aux") < 0 || !t.IsVerb(h) {
				return -1
			}
		case "ccomp":
			return -1
		default:
			return -1
		}
		p = h
	}
	return -1
}

// negatedAt reports a predicate negated in place or by the verb it is the
// clause of: "refused to accept", "failed to condemn".
func (r *Reader) negatedAt(t *sent, p int) bool {
	if t.Negated(p) {
		return true
	}
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "xcomp" && r.negating[t.Toks[h].Lemma] {
		return true
	}
	return false
}

// verbFrames reads a verb's stance frame.
func (r *Reader) verbFrames(t *sent, p int) []annotate.Frame {
	lemma := t.Toks[p].Lemma
	// A negating verb over a stance verb is that verb's negation, not a
	// frame of its own: "refused to accept the plan".
	if r.negating[lemma] {
		if x := t.Child(p, "xcomp"); x >= 0 && (len(r.verbs[t.Toks[x].Lemma]) > 0 || r.judgment[t.Toks[x].Lemma]) {
			return nil
		}
	}
	if f, ok := r.judge(t, p); ok {
		return []annotate.Frame{f}
	}
	// "pressure on Serbia to recognise Kosovo", "a call for Iran to
	// accept": an infinitive that spells out a noun's demand is what is
	// asked, not a stance its subject holds.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "acl" && t.Marker(p) == "to" && (len(r.nouns[t.Toks[h].Lemma]) > 0 || r.asking[t.Toks[h].Lemma]) {
		return nil
	}
	if h := t.Toks[p].Head; h >= 0 && (t.Rel(p) == "advcl" || t.Rel(p) == "xcomp") && t.Marker(p) == "to" {
		if o := t.Child(h, "obj"); o >= 0 && o < p && r.asking[t.Toks[o].Lemma] {
			return nil // the parser hangs it from the verb: "expected pressure on Serbia to recognise"
		}
	}
	// "has not yet endorsed the proposal": no stance taken yet.
	if t.Negated(p) && t.hasAdverb(p, "yet") {
		return nil
	}
	for _, c := range r.verbs[lemma] {
		target, ok := r.verbTarget(t, p, c)
		if !ok {
			continue
		}
		if r.addressee(t, p, c, target) {
			return nil
		}
		// "vowed to deliver a resolute response": a promised response is
		// a threat (conditionalThreats), not a position; a decision to
		// respond ("agreed to impose sanctions") is one.
		if c.class == schema.Support && !r.deciding[lemma] && r.promisesResponse(t, target) {
			return nil
		}
		// "confirmed that Sullivan delivered the response": a verb of
		// report with a clause reports it; it supports what it takes as
		// a thing ("confirmed its commitment").
		if (c.class == schema.Support || c.class == schema.Propose) && r.reporting[lemma] && len(target) == 1 && t.Rel(target[0]) == "ccomp" {
			return nil
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.holder(t, p), Parts: target}
		if r.negatedAt(t, p) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// verbTarget finds the target of a verb's cue. A cue of several words
// needs them: its particle ("rule out"), the preposition or subordinator
// of its target ("call for X", "insist that"), or the words right after
// the verb ("put on the table").
func (r *Reader) verbTarget(t *sent, p int, c cue) ([]int, bool) {
	if len(c.rest) > 0 {
		rest := strings.Join(c.rest, " ")
		for _, k := range t.Kids[p] {
			if t.Toks[k].Rel == "compound:prt" && t.Toks[k].Lower == rest {
				return r.defaultTarget(t, p, c), true
			}
		}
		for _, k := range t.Kids[p] {
			if rest == "to" && r.striving[t.Toks[p].Lemma] && !t.IsVerb(k) {
				continue // "pushed to start filling", not "moved troops to the border"
			}
			switch t.Rel(k) {
			case "obl", "nmod", "xcomp", "ccomp", "advcl", "obj":
				if t.Marker(k) == rest || strings.HasPrefix(t.Marker(k), rest+" ") {
					return r.withControlled(t, p, c, []int{k}), true
				}
			}
		}
		if p+len(c.rest) < len(t.Toks) {
			match := true
			for i, w := range c.rest {
				if t.Toks[p+1+i].Lower != w {
					match = false
					break
				}
			}
			if match {
				// "backed away from its opposition": the phrase whose
				// case word ends the cue.
				last := p + len(c.rest)
				for k := range t.Toks {
					if t.Toks[last].Head == k && t.Rel(last) == "case" {
						return r.withControlled(t, p, c, []int{k}), true
					}
				}
				return r.defaultTarget(t, p, c), true
			}
		}
		return nil, false
	}
	target := r.defaultTarget(t, p, c)
	return target, target != nil
}

// defaultTarget is a verb's object, else its clause, else (in the
// passive) its subject. A control verb's object and infinitive make the
// target together: "urged Russia to withdraw".
func (r *Reader) defaultTarget(t *sent, p int, c cue) []int {
	if o := t.Child(p, "obj"); o >= 0 {
		return r.withControlled(t, p, c, []int{o})
	}
	// The parser reads "urged Bolivia to withdraw" with an indirect object.
	if o := t.Child(p, "iobj"); o >= 0 && (r.control[t.Toks[p].Lemma] || r.control[c.String()]) {
		return r.withControlled(t, p, c, []int{o})
	}
	if c := t.Child(p, "ccomp", "xcomp"); c >= 0 {
		return []int{c}
	}
	if t.Passive(p) {
		if s := t.Child(p, "nsubj:pass", "csubj:pass"); s >= 0 {
			return []int{s}
		}
	}
	return nil
}

// addressee reports a control verb whose only target is the one it
// addresses: "told journalists that ...", "urged Russia" with no deed
// asked of it. The demand is in the infinitive; without one there is none
// (a that-clause makes the verb a report).
func (r *Reader) addressee(t *sent, p int, c cue, target []int) bool {
	if !(r.control[t.Toks[p].Lemma] || r.control[c.String()]) || len(target) != 1 {
		return false
	}
	if len(c.rest) > 0 {
		// "call on", "appeal to": the phrase names whom, the deed is in
		// the infinitive ("calling their continuation on the sidelines");
		// "ask for", "press for" name what is asked.
		return r.control[c.String()]
	}
	if o := t.Child(p, "obj", "iobj"); o != target[0] {
		return false
	}
	return t.Child(p, "ccomp") >= 0 || t.actor(target[0]) || r.audience[t.Toks[target[0]].Lemma]
}

// withControlled adds a control verb's infinitive to its object ("urged
// Russia to withdraw"), and to an actor it praises or blames the deed it
// does so for ("criticized Hamas for altering the parameters", "thanked
// Egypt for its mediation").
func (r *Reader) withControlled(t *sent, p int, c cue, target []int) []int {
	if len(target) != 1 {
		return target
	}
	if r.control[t.Toks[p].Lemma] || r.control[c.String()] {
		if x := t.Child(p, "xcomp"); x >= 0 && x != target[0] {
			return append(target, x)
		}
		// The parser often hangs the infinitive as a clause modifier:
		// "called on all nations to implement the sanctions".
		for _, k := range t.Kids[p] {
			if k > target[0] && t.Rel(k) == "advcl" && t.Marker(k) == "to" {
				return append(target, k)
			}
		}
		// ... or as a modifier of the object: "urged the OIC to reject".
		for _, k := range t.Kids[target[0]] {
			if k > target[0] && t.Rel(k) == "acl" && t.Marker(k) == "to" {
				return append(target, k)
			}
		}
	}
	if !t.actor(target[0]) {
		return target
	}
	for _, k := range t.Kids[p] {
		if k != target[0] && (t.Rel(k) == "advcl" || t.Rel(k) == "obl") && (t.Marker(k) == "for" || t.Marker(k) == "over") {
			return append(target, k)
		}
	}
	return target
}

// judge reads a verb of judgment with an object and an evaluative second
// predicate: "called X reasonable", "described X as a threat", "considers
// X unacceptable".
func (r *Reader) judge(t *sent, p int) (annotate.Frame, bool) {
	if !r.judgment[t.Toks[p].Lemma] {
		return annotate.Frame{}, false
	}
	obj := t.Child(p, "obj")
	if obj < 0 && t.Passive(p) {
		obj = t.Child(p, "nsubj:pass")
	}
	if obj < 0 {
		return annotate.Frame{}, false
	}
	for _, k := range t.Kids[p] {
		if k == obj {
			continue
		}
		rel := t.Rel(k)
		if rel != "xcomp" && !(rel == "obl" && t.Marker(k) == "as") && !(rel == "advcl" && t.Marker(k) == "as") {
			continue
		}
		class, ok := r.evaluative(t, k)
		if !ok {
			continue
		}
		f := annotate.Frame{Cue: t.Toks[p].Lemma + " " + t.Toks[k].Lower, Class: class, Holder: r.holder(t, p), Parts: []int{obj}, Judged: true}
		if t.Negated(p) != t.Negated(k) {
			r.turn(&f)
		}
		return f, true
	}
	return annotate.Frame{}, false
}

// evaluative gives the class of an evaluative word or phrase at k: its
// lemma or lower-case form ("reasonable", "threat"), or with the word
// before it ("good news", "red line").
func (r *Reader) evaluative(t *sent, k int) (schema.Class, bool) {
	tk := t.Toks[k]
	if k > 0 {
		if c, ok := r.evals[t.Toks[k-1].Lower+" "+tk.Lower]; ok {
			return c, true
		}
	}
	if c, ok := r.evals[tk.Lower]; ok {
		return c, true
	}
	c, ok := r.evals[tk.Lemma]
	return c, ok
}

// evaluation reads a copula that evaluates its subject: "the proposal is
// unacceptable", "the drills are a threat", "it is unacceptable that X".
// The frame has no holder: the statements stage gives it the speaker.
func (r *Reader) evaluation(t *sent, p int) []annotate.Frame {
	if e := t.Child(p, "expl"); e >= 0 && t.Toks[e].Lower == "there" {
		return r.existential(t, p)
	}
	if t.IsVerb(p) && ascriptive[t.Toks[p].Lemma] {
		return r.ascription(t, p)
	}
	if f, ok := r.necessity(t, p); ok {
		return []annotate.Frame{f}
	}
	if t.Child(p, "cop") < 0 || !(t.IsAdj(p) || t.IsNoun(p)) {
		return nil
	}
	class, ok := r.evaluative(t, p)
	if !ok && t.IsNoun(p) {
		// "is a positive signal", "is a dangerous step": the noun
		// judged by its adjective.
		for _, k := range t.Kids[p] {
			if t.Rel(k) == "amod" {
				if class, ok = r.evaluative(t, k); ok {
					break
				}
			}
		}
	}
	if !ok {
		return nil
	}
	subj := t.Subject(p)
	parts := []int{subj}
	if e := t.Child(p, "expl"); e >= 0 || subj < 0 || t.Toks[subj].UPOS == "PRON" && t.Toks[subj].Lower == "it" {
		// "it is unacceptable that X", "it would be foolish for Russia to
		// attack Ukraine": the extraposed clause, with the subject its
		// for-phrase gives.
		c := t.Child(p, "ccomp", "csubj")
		if c < 0 {
			c = r.extraposed(t, p)
		}
		if c >= 0 {
			parts = []int{c}
			for _, k := range t.Kids[p] {
				if t.Rel(k) == "obl" && t.Marker(k) == "for" && k < c && t.Marker(c) == "to" {
					parts = []int{k, c}
				}
			}
		}
	}
	if parts[0] < 0 {
		return nil
	}
	f := annotate.Frame{Cue: "is " + t.Toks[p].Lower, Class: class, Holder: -1, Parts: parts, Judged: true}
	if t.Negated(p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// ascriptive are the verbs that ascribe what their object names to their
// subject, as a copula does: "the aid constitutes a menace", "the dam
// poses a threat", "the vote amounts to annexation", "the drills represent
// a provocation".
var ascriptive = map[string]bool{"constitute": true, "pose": true, "represent": true, "amount": true}

// ascription reads an ascriptive verb whose object is evaluative (itself
// or by its adjective) as an evaluation of its subject.
func (r *Reader) ascription(t *sent, p int) []annotate.Frame {
	o := t.Child(p, "obj")
	if t.Toks[p].Lemma == "amount" {
		o = -1
		for _, k := range t.Kids[p] {
			if t.Rel(k) == "obl" && t.Marker(k) == "to" {
				o = k
			}
		}
	}
	subj := t.Subject(p)
	if o < 0 || subj < 0 || t.actor(subj) {
		return nil
	}
	class, ok := r.evaluative(t, o)
	for _, k := range t.Kids[o] {
		if !ok && t.Rel(k) == "amod" {
			class, ok = r.evaluative(t, k)
		}
	}
	if !ok {
		return nil
	}
	f := annotate.Frame{Cue: t.Toks[p].Lemma + " " + t.Toks[o].Lower, Class: class, Holder: -1, Parts: []int{subj}, Judged: true}
	if r.negatedAt(t, p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// possibility are the adjectives of possibility whose negation with a
// without-phrase states a condition: "no deal is possible without the
// recognition", "stability is impossible without an agreement".
var possibility = map[string]bool{"possible": true, "impossible": true, "feasible": true, "conceivable": true,
	"achievable": true, "viable": true, "sustainable": true, "unthinkable": true, "inconceivable": true}

// necessity reads a condition stated as a negated possibility as a demand
// for the condition: "X is impossible without Y", "no X is possible
// without Y" (the speaker demands Y).
func (r *Reader) necessity(t *sent, p int) (annotate.Frame, bool) {
	lemma := t.Toks[p].Lower
	if !t.IsAdj(p) || !possibility[lemma] {
		return annotate.Frame{}, false
	}
	negated := strings.HasPrefix(lemma, "im") || strings.HasPrefix(lemma, "in") || lemma == "unthinkable" || t.Negated(p)
	if s := t.Subject(p); s >= 0 && t.Negated(s) {
		negated = !negated
	}
	if !negated {
		return annotate.Frame{}, false
	}
	for _, k := range t.Kids[p] {
		if t.Rel(k) == "obl" && t.Marker(k) == "without" {
			return annotate.Frame{Cue: "impossible without", Class: schema.Demand, Holder: -1, Parts: []int{k}, Judged: true}, true
		}
	}
	return annotate.Frame{}, false
}

// extraposed gives the infinitive an evaluative predicate with a dummy
// subject takes, which the parser hangs as a clause modifier: "it would be
// unproductive to negotiate in public".
func (r *Reader) extraposed(t *sent, p int) int {
	for _, k := range t.Kids[p] {
		if k > p && (t.Rel(k) == "advcl" || t.Rel(k) == "xcomp") && t.Marker(k) == "to" && t.IsVerb(k) {
			return k
		}
	}
	return -1
}

// complementCases are the prepositions that introduce a stance noun's or
// adjective's target.
// "from" and "by" name the holder ("opposition from Egypt"), "in" a place
// ("claims in the sea"): neither is a target.
var complementCases = map[string]bool{"of": true, "for": true, "to": true, "on": true, "about": true, "over": true,
	"against": true, "toward": true, "towards": true, "regarding": true, "with": true, "at": true,
	"concerning": true}

// nounFrames reads a stance noun's frame.
func (r *Reader) nounFrames(t *sent, p int) []annotate.Frame {
	if t.Toks[p].UPOS != "NOUN" {
		return nil
	}
	for _, c := range r.nouns[t.Toks[p].Lemma] {
		target := r.nounTarget(t, p, c)
		event := false
		if target < 0 && len(c.rest) == 0 {
			target, event = r.elicited(t, p)
		}
		if target < 0 {
			continue
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.nounHolder(t, p), Parts: []int{target}, Deed: event}
		if t.Negated(p) {
			r.turn(&f)
		} else if h := t.Toks[p].Head; h >= 0 && r.light[t.Toks[h].Lemma] && r.negatedAt(t, h) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// nounTarget finds a noun's complement: the phrase of its cue's
// preposition, else an of/for/to... phrase, an infinitive or a
// that-clause; else what a content verb says the noun holds ("the demands
// include X", "the demand is X").
func (r *Reader) nounTarget(t *sent, p int, c cue) int {
	rest := strings.Join(c.rest, " ")
	for _, k := range t.Kids[p] {
		rel := t.Toks[k].Rel
		if rel == "nmod:poss" || k < p && rel != "acl" {
			continue
		}
		m := t.Marker(k)
		if m == "of" && t.actor(k) {
			continue // "the demands of Russia": the holder
		}
		switch t.Rel(k) {
		case "nmod", "acl", "ccomp", "obl":
			if rest != "" {
				if m == rest || strings.HasPrefix(m, rest+" ") {
					return k
				}
				continue
			}
			if complementCases[m] || m == "to" || m == "that" || (m == "" && t.Rel(k) != "nmod") {
				return k
			}
		}
	}
	// "expressed its support for the mission", "welcomed the support of
	// X for the ruling": the parser often hangs the noun's complement from
	// the verb that takes it.
	if h := t.Toks[p].Head; h >= 0 && (t.Rel(p) == "obj" || t.Rel(p) == "obl" && rest != "") {
		for _, k := range t.Kids[h] {
			m := t.Marker(k)
			if k > p && t.Rel(k) == "obl" && (rest == "" && complementCases[m] && m != "with" && m != "at" || rest != "" && m == rest) {
				return k
			}
			// "reached an agreement to share the water": its infinitive,
			// under a light verb.
			if k > p && rest == "" && t.Rel(p) == "obj" && r.light[t.Toks[h].Lemma] && (t.Rel(k) == "advcl" || t.Rel(k) == "xcomp") && m == "to" {
				return k
			}
		}
	}
	if rest != "" && rest != "that" {
		return -1
	}
	// "Russia's demands include a halt to ...": the content verb's object.
	h := t.Toks[p].Head
	if h < 0 || t.Rel(p) != "nsubj" {
		return -1
	}
	if t.Child(h, "cop") >= 0 && !t.IsAdj(h) {
		return h // an adjective there judges the noun (evaluation)
	}
	if r.content[t.Toks[h].Lemma] {
		if o := t.Child(h, "obj", "xcomp", "ccomp"); o >= 0 {
			return o
		}
	}
	return -1
}

// nounHolder finds who holds a stance noun: its possessor, an actor named
// before it (a demonym, a name: "Russian demands", "US support"), a by- or
// from-phrase, else the holder of the light verb that takes it ("Russia
// made a proposal").
func (r *Reader) nounHolder(t *sent, p int) int {
	if k := t.Child(p, "nmod:poss"); k >= 0 {
		return k
	}
	for _, k := range t.Kids[p] {
		if (t.Rel(k) == "amod" || t.Rel(k) == "compound") && k < p && t.actor(k) {
			return k
		}
		if t.Rel(k) == "nmod" && (t.Marker(k) == "by" || t.Marker(k) == "from" || t.Marker(k) == "of" && t.actor(k)) {
			return k
		}
	}
	if h := t.Toks[p].Head; h >= 0 && r.light[t.Toks[h].Lemma] && (t.Rel(p) == "obj" || t.Rel(p) == "obl") {
		return r.holder(t, h)
	}
	// "recalled its ambassador in protest at the remarks", "voted in
	// support of the resolution": the doer of the clause.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "obl" && t.Marker(p) == "in" && t.IsVerb(h) {
		return r.holder(t, h)
	}
	// "the move drew criticism from Egypt": the parser hangs the source
	// from the verb of eliciting.
	if h := t.Toks[p].Head; h >= 0 && r.eliciting[t.Toks[h].Lemma] && t.Rel(p) == "obj" {
		for _, k := range t.Kids[h] {
			if t.Rel(k) == "obl" && t.Marker(k) == "from" {
				return k
			}
		}
	}
	return -1
}

// adjFrames reads an adjective of stance as a predicate: "Russia is ready
// to talk", "Egypt is concerned about the dam", "opposed to sanctions".
func (r *Reader) adjFrames(t *sent, p int) []annotate.Frame {
	lower := t.Toks[p].Lower
	for _, c := range r.adjs[lower] {
		target := -1
		rest := strings.Join(c.rest, " ")
		for _, k := range t.Kids[p] {
			rel, m := t.Rel(k), t.Marker(k)
			if rest != "" && m != rest {
				continue
			}
			if rel == "xcomp" || rel == "ccomp" || ((rel == "obl" || rel == "nmod") && complementCases[m]) {
				target = k
				break
			}
		}
		if target < 0 {
			continue
		}
		f := annotate.Frame{Cue: c.String(), Class: c.class, Holder: r.holder(t, p), Parts: []int{target}}
		if r.negatedAt(t, p) {
			r.turn(&f)
		}
		return []annotate.Frame{f}
	}
	return nil
}

// deonticFrame reads a clause under a modal of obligation as a demand:
// "Moscow should make concessions", "the concerns must be taken
// seriously", "Kyiv needs to stop". It has no holder: said by someone, it
// is the speaker's demand (the statements stage keeps it only then).
func (r *Reader) deonticFrame(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) && t.Child(p, "cop") < 0 {
		return nil
	}
	for _, k := range t.Kids[p] {
		w := t.Toks[k].Lower
		if t.Rel(k) == "aux" && r.deontic[w] && w != "need" {
			f := annotate.Frame{Cue: w, Class: schema.Demand, Holder: -1, Parts: []int{p}, Judged: true}
			return []annotate.Frame{f}
		}
	}
	// "needs to", "has to": the modal verb heads the clause.
	if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "xcomp" {
		lemma := t.Toks[h].Lemma
		if lemma == "need" || lemma == "have" && t.Child(p, "mark") >= 0 {
			if s := t.Child(h, "nsubj"); s >= 0 {
				return []annotate.Frame{{Cue: lemma + " to", Class: schema.Demand, Holder: -1, Parts: []int{s, p}, Judged: true}}
			}
		}
	}
	return nil
}

// effect reads a thing said to harm or help as the speaker's judgment of
// it: "the launches are undermining regional peace" opposes the launches,
// "the ruling contributes to the rules-based order" supports the ruling
// (frames.harming, frames.helping). An actor as subject is left to the
// verbs of accusation.
func (r *Reader) effect(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) {
		return nil
	}
	class := schema.Class("")
	switch lemma := t.Toks[p].Lemma; {
	case r.harming[lemma]:
		class = schema.Oppose
	case r.helping[lemma]:
		class = schema.Support
	default:
		return nil
	}
	s := t.Child(p, "nsubj")
	if s < 0 || !t.IsNoun(s) || t.actor(s) || t.d.MentionAt(t.si, s) != nil {
		return nil
	}
	f := annotate.Frame{Cue: t.Toks[p].Lemma, Class: class, Holder: -1, Parts: []int{s}, Judged: true}
	if t.Negated(p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// deniedDeed reads a hostile deed an actor says it has not done or will
// not do as its denial of the deed: "Moscow has never threatened Kyiv",
// "they would not attack Ukraine" (frames.hostile).
func (r *Reader) deniedDeed(t *sent, p int) []annotate.Frame {
	if !t.IsVerb(p) || !r.hostile[t.Toks[p].Lemma] || !t.Negated(p) {
		return nil
	}
	h := r.holder(t, p)
	if h < 0 || t.d.MentionAt(t.si, h) == nil {
		return nil
	}
	return []annotate.Frame{{Cue: "not " + t.Toks[p].Lemma, Class: schema.Deny, Holder: h, Parts: []int{p}, Deed: true}}
}

// circumstances are the prepositions whose phrase sets a clause's event
// against someone's stance on it: concession ("pushed on despite vehement
// opposition from Egypt", "in spite of", "notwithstanding", "regardless
// of"), setting ("amid criticism from Beijing", "over the objections of"),
// accompaniment ("with the backing of France").
var circumstances = map[string]bool{"despite": true, "in spite of": true, "notwithstanding": true,
	"regardless of": true, "amid": true, "amidst": true, "over": true, "with": true}

// concessive are the prepositions whose phrase modifies a clause only.
var concessive = map[string]bool{"despite": true, "in spite of": true, "notwithstanding": true, "regardless of": true}

// elicited gives what a reaction noun reacts to when a verb of eliciting
// takes it: the clause it hangs from ("Turkey launched an offensive,
// drawing condemnation from the Arab League"), or the verb's subject ("the
// move drew criticism from Egypt"). The second result says the target is
// a clause. A stance noun in a circumstance of a clause is a stance on the
// clause's event.

func (r *Reader) elicited(t *sent, p int) (int, bool) {
	h := t.Toks[p].Head
	if h >= 0 && t.Rel(p) == "obl" && t.IsVerb(h) && circumstances[t.Marker(p)] {
		return h, true
	}
	// A concession modifies a clause, where the parser may hang it from a
	// noun of the clause: "filled the reservoir despite opposition".
	if h >= 0 && t.Rel(p) == "nmod" && concessive[t.Marker(p)] {
		for v := h; v >= 0; v = t.Toks[v].Head {
			if t.IsVerb(v) {
				return v, true
			}
		}
	}
	if h < 0 || t.Rel(p) != "obj" || !r.eliciting[t.Toks[h].Lemma] {
		return -1, false
	}
	if s := t.Child(h, "nsubj"); s >= 0 && !t.actor(s) {
		return s, false
	}
	if v := t.Toks[h].Head; v >= 0 && t.IsVerb(v) && (t.Rel(h) == "advcl" || t.Rel(h) == "conj") {
		return v, true
	}
	return -1, false
}

// intention reads what an actor says it will do as its support for doing
// it: "the bloc will impose sanctions on 27 people", "Iran will remain in
// the deal", "the US will not allow this lawlessness to continue" (an
// opposition). Only a verb with a complement, under "will" or "shall" (or
// "would" in a reported clause), whose subject names an actor, and that no
// stance frame reads; an act towards another actor is also that act ("will
// impose sanctions on Russia" threatens Russia too).
func (r *Reader) intention(t *sent, p int) []annotate.Frame {
	tk := t.Toks[p]
	if tk.UPOS != "VERB" || r.plain[tk.Lemma] || r.inter.handsOver(tk.Lemma) {
		return nil
	}
	future := false
	for _, k := range t.Kids[p] {
		if t.Rel(k) != "aux" {
			continue
		}
		switch t.Toks[k].Lower {
		case "will", "shall", "'ll":
			future = true
		case "would":
			future = t.Rel(p) == "ccomp"
		}
	}
	if !future || t.Child(p, "obj", "obl", "xcomp", "ccomp") < 0 {
		return nil
	}
	h := r.holder(t, p)
	if h < 0 || t.d.MentionAt(t.si, h) == nil {
		return nil
	}
	f := annotate.Frame{Cue: "will " + tk.Lemma, Class: schema.Support, Holder: h, Parts: []int{p}, Deed: true}
	if r.negatedAt(t, p) {
		r.turn(&f)
	}
	return []annotate.Frame{f}
}

// existential reads "there is no positive reaction", "there are serious
// concerns about X": the noun that exists, judged by its adjective, is the
// speaker's evaluation; "no" turns it.
func (r *Reader) existential(t *sent, p int) []annotate.Frame {
	n := t.Child(p, "nsubj")
	if n < 0 || !t.IsNoun(n) {
		return nil
	}
	for _, k := range t.Kids[n] {
		if t.Rel(k) != "amod" {
			continue
		}
		if class, ok := r.evaluative(t, k); ok {
			f := annotate.Frame{Cue: "there is " + t.Toks[k].Lower, Class: class, Holder: -1, Parts: []int{n}, Judged: true}
			if t.Negated(n) || t.Negated(p) {
				r.turn(&f)
			}
			return []annotate.Frame{f}
		}
	}
	return nil
}

// firstWords gives the first word of each phrase, lower case.
func firstWords(phrases []string) []string {
	var out []string
	for _, p := range phrases {
		if w := strings.Fields(strings.ToLower(p)); len(w) > 0 {
			out = append(out, w[0])
		}
	}
	return out
}
