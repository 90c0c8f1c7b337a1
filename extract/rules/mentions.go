package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// mentionType is how a mention names its actor.
type mentionType int

const (
	mActor    mentionType = iota // a name, metonym or description of a collective
	mPerson                      // a person, with the actor they speak for if known
	mPronoun                     // he, she, it, they, we ... (resolved later)
	mPossPron                    // his, her, its, their, our
)

// mention is a stretch of tokens that refers to an actor.
type mention struct {
	start, end int // token span [start, end)
	typ        mentionType
	actor      string // canonical name of the collective actor
	kind       string
	person     string // the person's name, for mPerson
	title      string
	pronoun    string // the pronoun, lower case
	possessive bool   // followed by 's
	modifier   bool   // followed by a noun it modifies: "the US response"
	resolved   bool   // a pronoun that coreference resolved
}

// govNouns are the heads that make a demonym an actor: "the Russian side".
var govNouns = set("side", "government", "official", "officials", "authorities", "authority",
	"leadership", "diplomat", "diplomats", "delegation", "ministry", "foreign ministry", "minister", "ministers",
	"president", "presidency", "leader", "leaders", "envoy", "negotiator", "negotiators",
	"military", "army", "embassy", "administration", "state", "cabinet", "parliament",
	"regime", "forces", "troops", "navy", "command", "mission", "camp", "establishment")

var personPronouns = set("he", "she", "him", "her")
var groupPronouns = set("it", "they", "them")

// positionPronouns may stand for a position named before: "rejected it".
var positionPronouns = set("it", "them", "they", "this", "that")
var possPronouns = set("his", "her", "its", "their", "our")
var honorifics = set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.")

// person is someone a document has introduced.
type person struct {
	name, actor, kind, title string
}

// findMentions finds the actor mentions of a sentence. People introduced in
// it are added to known, so later sentences find them by a part of their name.
func (x *Extractor) findMentions(toks []nlp.Token, known map[string]*person, date string) []mention {
	var out []mention
	for i := 0; i < len(toks); {
		m, n := x.mentionAt(toks, i, known, date)
		if n == 0 {
			i++
			continue
		}
		if m != nil {
			if m.end < len(toks) && (toks[m.end].Lower == "'s" || toks[m.end].Lower == "'") && toks[m.end].Tag == "POS" {
				m.possessive = true
			} else if m.end < len(toks) && m.typ == mActor && (toks[m.end].Tag == "NN" || toks[m.end].Tag == "NNS") {
				m.modifier = true
			}
			if m.typ == mPerson && m.person != "" {
				p := &person{name: m.person, actor: m.actor, kind: m.kind, title: m.title}
				for _, part := range strings.Fields(m.person) {
					if old, ok := known[strings.ToLower(part)]; !ok || old.actor == "" {
						known[strings.ToLower(part)] = p
					}
				}
				known[strings.ToLower(m.person)] = p
			}
			out = append(out, *m)
		}
		i += n
	}
	return out
}

// mentionAt returns the mention starting at token i and how many tokens it
// covers (n > 0 with a nil mention skips a place name).
func (x *Extractor) mentionAt(toks []nlp.Token, i int, known map[string]*person, date string) (*mention, int) {
	t := toks[i]
	switch {
	case t.Tag == "PRP" && personPronouns[t.Lower]:
		return &mention{start: i, end: i + 1, typ: mPronoun, pronoun: t.Lower}, 1
	case t.Tag == "PRP" && (groupPronouns[t.Lower] || t.Lower == "we" || t.Lower == "us" && t.Text == "us"):
		return &mention{start: i, end: i + 1, typ: mPronoun, pronoun: t.Lower}, 1
	case t.Tag == "PRP$" && possPronouns[t.Lower]:
		return x.possessivePronoun(toks, i), 1
	}
	if i+1 < len(toks) && capitalized(toks[i+1].Text) && honorifics[t.Lower] {
		if p, ok := known[toks[i+1].Lower]; ok {
			return &mention{start: i, end: i + 2, typ: mPerson, person: p.name, actor: p.actor, kind: p.kind, title: p.title}, 2
		}
	}
	m := x.gaz.longest(toks, i)
	if m.n == 0 {
		return x.nameMention(toks, i, known, date)
	}
	if _, ok := m.find(ePlace); ok && len(m.entries) == 1 {
		return nil, m.n
	}
	end := i + m.n
	// An affiliation followed by a title and maybe a name: "Russian Foreign
	// Minister Sergei Lavrov", "NATO Secretary General Jens Stoltenberg",
	// "Kremlin spokesman Dmitry Peskov".
	for _, e := range m.entries {
		if e.actor == nil || e.typ == eTitle {
			continue
		}
		aff := e.actor
		j := end
		if j < len(toks) && toks[j].Tag == "POS" {
			j++ // "NATO's Jens Stoltenberg", "Russia's foreign minister"
		}
		if tn := x.titleSpan(toks, j); tn > 0 {
			title := text(toks[j : j+tn])
			k := j + tn
			name, nn := properName(toks, k)
			if nn > 0 {
				return &mention{start: i, end: k + nn, typ: mPerson, person: name, actor: aff.Name, kind: aff.Kind, title: title}, k + nn - i
			}
			return &mention{start: i, end: k, typ: mPerson, actor: aff.Name, kind: aff.Kind, title: title}, k - i
		}
		if j > end && j < len(toks) {
			if name, nn := properName(toks, j); nn > 0 && x.gaz.longest(toks, j).n == 0 {
				return &mention{start: i, end: j + nn, typ: mPerson, person: name, actor: aff.Name, kind: aff.Kind}, j + nn - i
			}
		}
	}
	if e, ok := m.find(ePerson); ok {
		p := e.person
		full := p.Name
		if lp, ok := x.lex.PersonAt(text(toks[i:end]), date); ok {
			p = lp
			full = lp.Name
		}
		a, _ := x.lex.Actor(p.Actor)
		kind := schema.KindGroup
		if a != nil {
			kind = a.Kind
		}
		return &mention{start: i, end: end, typ: mPerson, person: full, actor: p.Actor, kind: kind, title: p.Title}, m.n
	}
	for _, typ := range []entryType{eName, eMetonym, eLower} {
		if e, ok := m.find(typ); ok {
			return &mention{start: i, end: end, typ: mActor, actor: e.actor.Name, kind: e.actor.Kind}, m.n
		}
	}
	if e, ok := m.find(eAdjective); ok {
		return x.adjectiveMention(toks, i, end, e)
	}
	if _, ok := m.find(eTitle); ok {
		return x.titleMention(toks, i, end, known, date)
	}
	return nil, 0
}

// adjectiveMention handles a demonym: an actor before a word of government
// ("the Russian side") or as a plural noun ("the Americans"); a speaker's
// affiliation before a title.
func (x *Extractor) adjectiveMention(toks []nlp.Token, i, end int, e entry) (*mention, int) {
	a := e.actor
	// A title a few words on, maybe with a name: "Russian Deputy Foreign
	// Ministry Alexey Zaytsev", "the Russian media official". The last
	// title or word of government before a name ends the title.
	last, lastN := -1, 0
	for j := end; j < len(toks) && j <= end+4; j++ {
		t := toks[j]
		if tn := x.titleAt(toks, j); tn > 0 {
			last, lastN = j, tn
		} else if govNouns[t.Lower] && j > end {
			last, lastN = j, 1
		}
		if !(t.Tag == "NNP" || t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "JJ") {
			break
		}
	}
	if last > end || last == end && lastN > 0 && !govNouns[toks[end].Lower] {
		k := last + lastN
		title := text(toks[end:k])
		if name, nn := properName(toks, k); nn > 0 {
			return &mention{start: i, end: k + nn, typ: mPerson, person: name, actor: a.Name, kind: a.Kind, title: title}, k + nn - i
		}
		return &mention{start: i, end: k, typ: mPerson, actor: a.Name, kind: a.Kind, title: title}, k - i
	}
	j := end
	for j < len(toks) && (toks[j].Lower == "foreign" || toks[j].Lower == "defence" || toks[j].Lower == "defense") && j+1 < len(toks) && govNouns[toks[j+1].Lower] {
		j++
	}
	if j < len(toks) && govNouns[toks[j].Lower] {
		return &mention{start: i, end: j + 1, typ: mActor, actor: a.Name, kind: a.Kind}, j + 1 - i
	}
	if toks[end-1].Tag == "NNPS" || toks[end-1].Tag == "NNS" || strings.HasSuffix(toks[end-1].Lower, "ans") && (j >= len(toks) || !strings.HasPrefix(toks[j].Tag, "NN")) {
		return &mention{start: i, end: end, typ: mActor, actor: a.Name, kind: a.Kind}, end - i
	}
	return nil, 0
}

func isGovWord(w string) bool { return govNouns[w] }

// titleMention handles a title with no affiliation before it: "Foreign
// Minister Dmytro Kuleba", "the minister", "Secretary General of NATO".
func (x *Extractor) titleMention(toks []nlp.Token, i, end int, known map[string]*person, date string) (*mention, int) {
	title := text(toks[i:end])
	k := end
	var aff *mention
	if k+1 < len(toks) && toks[k].Lower == "of" {
		if m := x.gaz.longest(toks, k+1); m.n > 0 {
			for _, typ := range []entryType{eName, eMetonym} {
				if e, ok := m.find(typ); ok {
					aff = &mention{actor: e.actor.Name, kind: e.actor.Kind}
					k += 1 + m.n
					break
				}
			}
		}
	}
	if k < len(toks) && toks[k].Text == "," && k+1 < len(toks) && capitalized(toks[k+1].Text) {
		k++ // apposition: "his counterpart, Anthony Blinken"
	}
	name, nn := properName(toks, k)
	m := &mention{start: i, end: end, typ: mPerson, title: title}
	if aff != nil {
		m.actor, m.kind, m.end = aff.actor, aff.kind, k
	}
	if nn > 0 {
		m.person, m.end = name, k+nn
		if m.actor == "" {
			m.actor, m.kind = x.affiliation(name, known, date)
		}
	}
	if m.actor == "" && m.person == "" {
		// "the minister", "the official": the last such person, resolved later.
		m.typ, m.pronoun = mPronoun, "he"
		if i > 0 && possPronouns[toks[i-1].Lower] {
			return nil, end - i // "his counterpart" without a name: no one to resolve
		}
	}
	return m, m.end - i
}

// nameMention handles a capitalised name that is not in the gazetteer: a
// person introduced earlier in the document ("Blinken", "Yi").
func (x *Extractor) nameMention(toks []nlp.Token, i int, known map[string]*person, date string) (*mention, int) {
	if toks[i].Tag != "NNP" || !capitalized(toks[i].Text) {
		return nil, 0
	}
	name, n := properName(toks, i)
	if n == 0 {
		return nil, 0
	}
	if p, ok := known[strings.ToLower(name)]; ok {
		return &mention{start: i, end: i + n, typ: mPerson, person: p.name, actor: p.actor, kind: p.kind, title: p.title}, n
	}
	// An apposition after the name: "Denis Pushilin, President of the
	// self-proclaimed Donetsk People's Republic".
	// The title's office may come a few words on, up to the closing comma:
	// "Alexei Zaitsev, Deputy Director of Information and Press at the
	// Russian Foreign Ministry".
	if k := i + n; k+2 < len(toks) && toks[k].Text == "," {
		if tn := x.titleAt(toks, k+1); tn > 0 && k+1+tn < len(toks) && toks[k+1+tn].Tag == "IN" {
			for q := k + 2 + tn; q < len(toks) && q <= k+tn+12 && toks[q].Text != ","; q++ {
				m := x.gaz.longest(toks, q)
				for _, typ := range []entryType{eName, eMetonym} {
					if e, ok := m.find(typ); ok {
						return &mention{start: i, end: i + n, typ: mPerson, person: name, actor: e.actor.Name, kind: e.actor.Kind, title: text(toks[k+1 : k+1+tn])}, n
					}
				}
				if e, ok := m.find(eAdjective); ok && q+m.n < len(toks) && isGovWord(toks[q+m.n].Lower) {
					return &mention{start: i, end: i + n, typ: mPerson, person: name, actor: e.actor.Name, kind: e.actor.Kind, title: text(toks[k+1 : k+1+tn])}, n
				}
			}
		}
	}
	for k := n - 1; k >= 0; k-- {
		if p, ok := known[toks[i+k].Lower]; ok {
			return &mention{start: i, end: i + n, typ: mPerson, person: p.name, actor: p.actor, kind: p.kind, title: p.title}, n
		}
	}
	return nil, n
}

func (x *Extractor) affiliation(name string, known map[string]*person, date string) (string, string) {
	if p, ok := known[strings.ToLower(name)]; ok && p.actor != "" {
		return p.actor, p.kind
	}
	if p, ok := x.lex.PersonAt(name, date); ok {
		if a, ok := x.lex.Actor(p.Actor); ok {
			return a.Name, a.Kind
		}
	}
	return "", ""
}

// possessivePronoun makes "his country", "its" and the like.
func (x *Extractor) possessivePronoun(toks []nlp.Token, i int) *mention {
	m := &mention{start: i, end: i + 1, typ: mPossPron, pronoun: toks[i].Lower}
	if i+1 < len(toks) && (toks[i+1].Lower == "country" || toks[i+1].Lower == "government" || toks[i+1].Lower == "side") {
		m.end = i + 2
		m.typ = mPronoun // "his country said": the actor itself
		if toks[i].Lower == "his" || toks[i].Lower == "her" {
			m.pronoun = "his country"
		} else {
			m.pronoun = "it"
		}
	}
	return m
}

// titleAt returns the length of a title starting at token i, or 0.
func (x *Extractor) titleAt(toks []nlp.Token, i int) int {
	if i >= len(toks) {
		return 0
	}
	m := x.gaz.longest(toks, i)
	if _, ok := m.find(eTitle); ok {
		// Take a following title too: "Foreign Ministry spokeswoman".
		return m.n
	}
	if i+1 < len(toks) && (toks[i].Lower == "foreign" || toks[i].Lower == "state" || toks[i].Lower == "defence" || toks[i].Lower == "defense") {
		if n := x.titleAt(toks, i+2); n > 0 && (toks[i+1].Lower == "ministry" || toks[i+1].Lower == "department") {
			return n + 2
		}
	}
	return 0
}

// titleSpan is titleAt extended over the title words and words of
// government that follow: "Deputy Foreign Ministry official", "Foreign
// Ministry spokeswoman".
func (x *Extractor) titleSpan(toks []nlp.Token, i int) int {
	n := x.titleAt(toks, i)
	if n == 0 {
		return 0
	}
	for i+n < len(toks) {
		if m := x.titleAt(toks, i+n); m > 0 {
			n += m
			continue
		}
		t := toks[i+n]
		if govNouns[t.Lower] || (t.Lower == "foreign" || t.Lower == "defence" || t.Lower == "defense") && i+n+1 < len(toks) && govNouns[toks[i+n+1].Lower] {
			n++
			continue
		}
		break
	}
	return n
}

// properName returns the run of capitalised proper-noun tokens at i, up
// to five, with the particles inside a name ("Luiz Inacio Lula da Silva",
// "Ursula von der Leyen").
func properName(toks []nlp.Token, i int) (string, int) {
	n, words := 0, 0
	for i+n < len(toks) && words < 5 {
		t := toks[i+n]
		if n > 0 && nameParticles[t.Text] {
			k := i + n
			for k < len(toks) && nameParticles[toks[k].Text] {
				k++
			}
			if k < len(toks) && k-(i+n) <= 2 && strings.HasPrefix(toks[k].Tag, "NN") && capitalized(toks[k].Text) && !govNouns[toks[k].Lower] {
				// the tagger takes "Silva" after "da" for a common noun
				n, words = k-i+1, words+1
				continue
			}
			break
		}
		if !(t.Tag == "NNP" || t.Tag == "NNPS") || !capitalized(t.Text) || govNouns[t.Lower] || days[t.Lower] {
			break
		}
		n++
		words++
	}
	if n == 0 {
		return "", 0
	}
	return text(toks[i : i+n]), n
}

// nameParticles are the lower-case words inside a person's name.
var nameParticles = set("da", "de", "do", "dos", "das", "di", "del", "della", "du", "van", "von", "der", "den",
	"ter", "bin", "ibn", "al", "el", "la", "le")

var days = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "today", "yesterday")

func text(toks []nlp.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !noSpaceBefore(t.Text) && !(i > 0 && toks[i-1].Text == "-") {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func noSpaceBefore(s string) bool {
	switch s {
	case "'s", "'", ",", ".", ";", ":", "n't", ")", "?", "!", "-":
		return true
	}
	return false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
