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
	}
	return false
}

// purpose are the subordinators of a purpose clause.
var purpose = map[string]bool{"so that": true, "in order that": true, "so as": true, "so as to": true, "in order to": true}

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
		// "will share intelligence with Kiev so that Ukraine can defend
		// its sovereignty": a purpose is the aim of whoever acts for it.
		if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "advcl" && purpose[t.Marker(p)] {
			p = h
			continue
		}
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
			// "expressed his hope that Russia does not make them public,
			// once again asserting ...": a participle set off by a comma
			// after a reported clause is the reporter's.
			if h >= 0 && t.Rel(h) == "ccomp" && t.Marker(p) == "" && t.Toks[p].XPOS == "VBG" && commaBefore(t, p) && t.Toks[h].Head >= 0 {
				p = t.Toks[h].Head
				continue
			}
			// "criticized Hamas for rejecting the deal", "accused X of
			// planning": the deed is the object's.
			if m := t.Marker(p); (m == "for" || m == "of") && h >= 0 {
				if o := t.Child(h, "obj"); o >= 0 {
					return o
				}
			}
		case "conj":
			// "Russia denies any plan, but demands NATO reject it": a
			// conjunct without a subject goes with the clause right before
			// it, though the parser hung it from an earlier one.
			if u := adjacentClause(t, p); u >= 0 {
				p = u
				continue
			}
			// "warned the tension was dangerous, and urged Riyadh to ...":
			// hung from a reported clause whose subject is no actor, the
			// conjunct goes with the verb that reports it.
			if h >= 0 && t.Rel(h) == "ccomp" && t.Toks[h].Head >= 0 {
				if s := t.Subject(h); s >= 0 && !t.actor(s) {
					p = t.Toks[h].Head
					continue
				}
			}
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

// elicited gives what a reaction noun reacts to when a verb of eliciting
// takes it: the clause it hangs from ("Turkey launched an offensive,
// drawing condemnation from the Arab League"), or the verb's subject ("the
// move drew criticism from Egypt"). The second result says the target is
// a clause. A stance noun in a circumstance of a clause is a stance on the
// clause's event.

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

// adjacentClause gives the verb of the clause that ends right before
// conjunct p (past punctuation and the conjunction), where that clause lies
// between p and its head and has an actor for subject; else -1.
func adjacentClause(t *sent, p int) int {
	h := t.Toks[p].Head
	k := p - 1
	for k > h && (t.Toks[k].UPOS == "PUNCT" || t.Toks[k].UPOS == "CCONJ" || t.Rel(k) == "cc" || t.Rel(k) == "punct") {
		k--
	}
	if k <= h {
		return -1
	}
	// The highest word above k that still lies between h and p.
	a := k
	for steps := 0; steps < len(t.Toks); steps++ {
		up := t.Toks[a].Head
		if up <= h || up >= p {
			break
		}
		a = up
	}
	if a == h || !t.IsVerb(a) {
		return -1
	}
	// Only a clause of its own ("while Russia denies ...") with an actor
	// for subject, not the head's complement ("warned the tension was
	// dangerous, and urged ...": the urging is the warner's).
	if r := t.Rel(a); r != "advcl" && r != "parataxis" && r != "conj" {
		return -1
	}
	if s := t.Subject(a); s < 0 || !t.actor(s) {
		return -1
	}
	return a
}

// commaBefore reports a comma right before p, past adverbs ("..., once
// again asserting").
func commaBefore(t *sent, p int) bool {
	for k := p - 1; k >= 0; k-- {
		switch {
		case t.Toks[k].Text == ",":
			return true
		case t.Toks[k].UPOS == "ADV" && t.Toks[k].Head >= 0 && t.Dominates(p, k):
			continue
		}
		return false
	}
	return false
}
