package mention

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// personAt finds a person named with a title at token i:
//
//	[actor ['s]] title name    "Russian Foreign Minister Sergei Lavrov", "Egypt's foreign minister"
//	name, [the] [actor ['s]] title   "Sameh Shoukry, Egypt's foreign minister"
//	actor 's name               "Turkey's Mevlut Cavusoglu"
//
// The person speaks for the actor named with the title, else for the actor
// the lexicon or an earlier sentence gives them.
func (f *Finder) personAt(d *annotate.Doc, toks []nlp.Token, i int, st *docState) (annotate.Mention, int, bool) {
	// Apposition: a name first.
	if n := nameRun(toks, i); n >= 2 && i+n+1 < len(toks) && toks[i+n].Text == "," {
		j := i + n + 1
		if toks[j].Lower == "the" {
			j++
		}
		a, j2 := f.actorAt(toks, j)
		if title, end := f.titleAt(toks, j2); title != "" {
			p := f.person(d, toks[i:i+n], title, a, st)
			return annotate.Mention{Start: i, End: end, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title}, end, true
		}
	}
	a, j := f.actorAt(toks, i)
	title, k := f.titleAt(toks, j)
	if title == "" {
		// "Turkey's Mevlut Cavusoglu": an actor, 's and a name of two words.
		if a != nil && j > i && toks[j-1].Text == "'s" {
			if n := nameRun(toks, j); n >= 2 && !f.isBody(toks, j, j+n) {
				p := f.person(d, toks[j:j+n], "", a, st)
				return annotate.Mention{Start: i, End: j + n, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title}, j + n, true
			}
		}
		return annotate.Mention{}, i, false
	}
	n := nameRun(toks, k)
	if n == 0 {
		if a == nil {
			return annotate.Mention{}, i, false
		}
		// "Egypt's foreign minister", "the Russian president": the office.
		return annotate.Mention{Start: i, End: k, Kind: annotate.Person, Actors: actors(a), Title: title}, k, true
	}
	p := f.person(d, toks[k:k+n], title, a, st)
	return annotate.Mention{Start: i, End: k + n, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title}, k + n, true
}

// person settles who a name is: the actor the text gives, else the
// lexicon's office holder, else what an earlier sentence said of them.
func (f *Finder) person(d *annotate.Doc, name []nlp.Token, title string, a *lexicon.Actor, st *docState) *person {
	full := joinText(name)
	p := &person{name: full, title: title, actor: a}
	if lp, ok := f.lex.PersonAt(full, d.Source.Date); ok {
		q := f.lexPerson(d, lp)
		if p.actor == nil {
			p.actor = q.actor
		}
		p.name = q.name
		if p.title == "" {
			p.title = q.title
		}
	} else if old, ok := st.people[full]; ok && p.actor == nil {
		p.actor = old.actor
	} else if old, ok := st.people[name[len(name)-1].Text]; ok && p.actor == nil && old.name == full {
		p.actor = old.actor
	} else if lp, ok := f.lex.PersonBySurname(full, d.Source.Date); ok && len(name) == 1 && title != "" && p.actor == nil {
		// A title and a surname the lexicon knows one person by.
		q := f.lexPerson(d, lp)
		p.actor, p.name = q.actor, q.name
	}
	st.remember(name, p)
	return p
}

// actorAt reads an actor's name, metonym or demonym at i, and a possessive
// after it; it gives nil and i when there is none.
func (f *Finder) actorAt(toks []nlp.Token, i int) (*lexicon.Actor, int) {
	ph, end := f.phrases.at(toks, i, func(k entryKind) bool { return k == eName || k == eMetonym || k == eAdjective })
	if ph == nil {
		return nil, i
	}
	if end < len(toks) && toks[end].Text == "'s" {
		end++
	}
	return ph.actor, end
}

// titleAt reads one or two titles at i ("Deputy Foreign Minister", "Chief
// of Staff", "Secretary of State"), returning them as written. A title the
// lexicon lacks is a head noun of office with up to three modifiers before
// it: "water and energy minister", "senior Hamas official".
func (f *Finder) titleAt(toks []nlp.Token, i int) (string, int) {
	if i >= len(toks) {
		return "", i
	}
	ph, end := f.phrases.at(toks, i, func(k entryKind) bool { return k == eTitle })
	if ph == nil {
		for k := i; k < len(toks) && k-i < 4; k++ {
			if f.descriptions[toks[k].Lower] == "person" {
				return joinText(toks[i : k+1]), k + 1
			}
			if t := toks[k]; t.Tag != "JJ" && t.Tag != "NN" && t.Tag != "NNP" && t.Lower != "and" {
				break
			}
		}
		return "", i
	}
	if end < len(toks) {
		if ph2, end2 := f.phrases.at(toks, end, func(k entryKind) bool { return k == eTitle }); ph2 != nil {
			end = end2
		}
	}
	return joinText(toks[i:end]), end
}

// particles are the lower-case words inside names: "Lula da Silva",
// "Ursula von der Leyen", "Mohammed bin Salman".
var particles = map[string]bool{"da": true, "de": true, "do": true, "dos": true, "von": true, "van": true, "der": true,
	"den": true, "bin": true, "ibn": true, "al": true, "el": true, "di": true, "du": true, "la": true, "le": true, "ben": true}

// nameRun gives the number of tokens of a personal name at i: one to four
// capitalised proper nouns, with particles inside.
func nameRun(toks []nlp.Token, i int) int {
	n := 0
	for k := i; k < len(toks) && k-i < 5; k++ {
		t := toks[k]
		if particles[t.Text] && n > 0 && k+1 < len(toks) && (upper(toks[k+1].Text) ||
			particles[toks[k+1].Text] && k+2 < len(toks) && upper(toks[k+2].Text)) { // "von der Leyen"
			continue
		}
		if !upper(t.Text) || (t.Tag != "NNP" && t.Tag != "NNPS") || strings.ContainsAny(t.Text, ".") && len(t.Text) > 2 {
			break
		}
		n = k - i + 1
	}
	return n
}

// generic words name an organ by its function only ("the Foreign
// Ministry", "the Security Council"): such a body is the actor in context,
// not one of its own.
var generic = map[string]bool{"foreign": true, "defense": true, "defence": true, "interior": true, "security": true,
	"affairs": true, "national": true, "state": true, "general": true, "supreme": true, "federal": true, "central": true,
	"executive": true, "presidential": true, "military": true, "armed": true, "justice": true, "finance": true,
	"trade": true, "economy": true, "energy": true, "health": true, "home": true, "public": true, "joint": true,
	"chiefs": true, "staff": true, "high": true, "of": true, "the": true, "and": true, "for": true, "water": true,
	"resources": true, "information": true, "press": true, "prime": true, "minister": true, "ministers": true}

// bodyAt finds a named body no lexicon names: a run of capitalised words,
// with of, for, and, the, 's inside, that ends in a head word of
// organisations ("the Collective Security Treaty Organization", "the Tigray
// People's Liberation Front"). A run that holds an actor's name or demonym
// is that actor's organ ("the Egyptian Foreign Ministry"); one of generic
// words only points back to the last actor named ("the Foreign Ministry").
// An acronym in brackets after it names it from then on.
func (f *Finder) bodyAt(toks []nlp.Token, i int, st *docState) (annotate.Mention, int, bool) {
	if a, ok := st.bodies[toks[i].Text]; ok && upper(toks[i].Text) {
		return annotate.Mention{Start: i, End: i + 1, Kind: annotate.Organisation, Actors: actors(a)}, i + 1, true
	}
	if !upper(toks[i].Text) || toks[i].Lower == "the" {
		return annotate.Mention{}, i, false // "The" opens the sentence, not the name
	}
	end, kind := -1, ""
	for k := i; k < len(toks) && k-i < 8; k++ {
		t := toks[k]
		if k > i && (t.Text == "of" || t.Text == "for" || t.Text == "and" || t.Text == "the" || t.Text == "'s") {
			continue
		}
		if !upper(t.Text) {
			break
		}
		if kd, ok := f.orgHeads[t.Text]; ok {
			end, kind = k+1, kd
		}
	}
	if end < 0 {
		return annotate.Mention{}, i, false
	}
	if ph, pend := f.phrases.at(toks, i, nil); ph != nil && pend >= end {
		return annotate.Mention{}, i, false // the lexicon names it
	}
	m := annotate.Mention{Start: i, End: end, Kind: annotate.Organisation}
	for k := i; k < end; k++ {
		if a, _ := f.actorAt(toks, k); a != nil {
			m.Kind, m.Actors = annotate.Metonym, actors(a)
			return m, end, true
		}
	}
	all := true
	for _, t := range toks[i:end] {
		if !generic[t.Lower] && f.orgHeads[t.Text] == "" {
			all = false
		}
	}
	if all {
		m.Kind, m.Word = annotate.Description, lowerJoin(toks[i:end])
		return m, end, true
	}
	name := joinText(toks[i:end])
	a := st.bodies[name]
	if a == nil {
		if kind == "" {
			kind = schema.KindOrganisation
		}
		a = &lexicon.Actor{Name: name, Kind: kind}
		st.bodies[name] = a
	}
	m.Actors = actors(a)
	if end+2 < len(toks) && toks[end].Text == "(" && toks[end+2].Text == ")" && isAcronym(toks[end+1].Text) {
		st.bodies[toks[end+1].Text] = a
		end += 3
	}
	return m, end, true
}

// isBody tells a name run that is a named body ("Gazprom Neft Group").
func (f *Finder) isBody(toks []nlp.Token, i, end int) bool {
	for _, t := range toks[i:end] {
		if f.orgHeads[t.Text] != "" {
			return true
		}
	}
	return false
}

func isAcronym(s string) bool {
	if len(s) < 2 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
