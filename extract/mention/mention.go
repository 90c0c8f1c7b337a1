// Package mention is the stage that finds who a document talks about
// ("mentions"): actors by name, metonym and demonym, people by title,
// apposition and surname, named bodies no lexicon knows by their head word,
// and the pronouns and descriptions that point back to them, which it
// resolves (coref.go).
package mention

import (
	"context"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
)

func init() {
	annotate.Register("mentions", func(env annotate.Env) (annotate.Stage, error) {
		return New(env.Lexicon), nil
	})
}

// Finder is the mentions stage. It is safe for concurrent use.
type Finder struct {
	lex          *lexicon.Lexicon
	phrases      *phrases
	government   map[string]bool   // lemma -> a noun of government
	orgHeads     map[string]string // head word -> actor kind
	descriptions map[string]string // noun (lower case) -> what it points back to
	honorifics   map[string]bool
	stanceNouns  map[string]bool // "request", "support": "the Russian request" is Russia's
}

// New makes the stage over a lexicon.
func New(lx *lexicon.Lexicon) *Finder {
	f := &Finder{lex: lx, phrases: newPhrases(lx), government: map[string]bool{},
		orgHeads: map[string]string{}, descriptions: map[string]string{}, honorifics: map[string]bool{},
		stanceNouns: map[string]bool{}}
	for _, cues := range lx.Frames.Nouns {
		for _, c := range cues {
			if w := strings.Fields(strings.ToLower(c)); len(w) > 0 {
				f.stanceNouns[w[0]] = true
			}
		}
	}
	for _, w := range lx.Mentions.Government {
		f.government[strings.ToLower(w)] = true
	}
	// In the order of the kinds, so that a word listed twice always
	// gets the same one.
	for _, kind := range slices.Sorted(maps.Keys(lx.Mentions.Organisations)) {
		for _, w := range lx.Mentions.Organisations[kind] {
			f.orgHeads[w] = kind
		}
	}
	for _, what := range slices.Sorted(maps.Keys(lx.Mentions.Descriptions)) {
		for _, w := range lx.Mentions.Descriptions[what] {
			f.descriptions[strings.ToLower(w)] = what
		}
	}
	for _, w := range lx.Mentions.Honorifics {
		f.honorifics[w] = true
	}
	return f
}

// docState is what a document's earlier sentences taught: the people
// named so far by surname, bodies named so far, acronyms given them.
type docState struct {
	people map[string]*person // surname and full name -> person
	bodies map[string]*lexicon.Actor
}

type person struct {
	name, title string
	actor       *lexicon.Actor
}

// Annotate finds the mentions of every sentence, then resolves pronouns
// and descriptions.
func (f *Finder) Annotate(_ context.Context, d *annotate.Doc) error {
	st := &docState{people: map[string]*person{}, bodies: map[string]*lexicon.Actor{}}
	d.Mentions = d.Mentions[:0]
	for si := range d.Sentences {
		d.Mentions = append(d.Mentions, f.sentence(d, si, st)...)
	}
	resolve(d, f)
	return nil
}

// sentence finds one sentence's mentions, left to right, longest first.
func (f *Finder) sentence(d *annotate.Doc, si int, st *docState) []annotate.Mention {
	toks := d.Tokens(si)
	var out []annotate.Mention
	add := func(m annotate.Mention) {
		m.Sent = si
		m.Head = headOf(toks, m.Start, m.End)
		// A person right after a body speaks for it: "African Union
		// Commission Chairman Moussa Faki".
		if n := len(out); m.Kind == annotate.Person && len(m.Actors) == 0 && n > 0 && out[n-1].End == m.Start {
			m.Actors = out[n-1].Actors
		}
		out = append(out, m)
	}
	for i := 0; i < len(toks); {
		if m, end, ok := f.personAt(d, toks, i, st); ok {
			add(m)
			i = end
			continue
		}
		if m, end, ok := f.bodyAt(toks, i, st); ok {
			add(m)
			i = end
			continue
		}
		ph, end := f.phrases.at(toks, i, func(k entryKind) bool { return k != eTitle })
		if ph != nil {
			switch ph.kind {
			case eName, eMetonym:
				// "the US politician": a person of that actor.
				if end < len(toks) && f.descriptions[toks[end].Lower] == "person" {
					add(annotate.Mention{Start: i, End: end + 1, Kind: annotate.Person, Actors: []*lexicon.Actor{ph.actor}, Title: toks[end].Text})
					i = end + 1
					continue
				}
				kind := annotate.Name
				if ph.kind == eMetonym {
					kind = annotate.Metonym
				}
				add(annotate.Mention{Start: i, End: end, Kind: kind, Actors: []*lexicon.Actor{ph.actor}})
			case eLower:
				add(annotate.Mention{Start: i, End: end, Kind: annotate.Description, Actors: []*lexicon.Actor{ph.actor}, Word: toks[i].Lower})
			case eAdjective:
				if m, ok := f.demonym(toks, i, end, ph.actor); ok {
					add(m)
					end = max(end, m.End)
				}
			case ePerson:
				p := f.lexPerson(d, ph.person)
				st.remember(toks[i:end], p)
				add(annotate.Mention{Start: i, End: end, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title})
			}
			i = end
			continue
		}
		if m, end, ok := f.pointer(toks, i, st); ok {
			add(m)
			i = end
			continue
		}
		i++
	}
	return out
}

func actors(a *lexicon.Actor) []*lexicon.Actor {
	if a == nil {
		return nil
	}
	return []*lexicon.Actor{a}
}

func (f *Finder) lexPerson(d *annotate.Doc, p *lexicon.Person) *person {
	if q, ok := f.lex.PersonAt(p.Name, d.Source.Date); ok {
		p = q
	}
	a, _ := f.lex.Actor(p.Actor)
	return &person{name: p.Name, title: p.Title, actor: a}
}

// remember files a person under its full name and its surname.
func (st *docState) remember(name []nlp.Token, p *person) {
	if len(name) == 0 {
		return
	}
	st.people[joinText(name)] = p
	st.people[name[len(name)-1].Text] = p
}

// demonym makes a demonym an actor where it modifies a noun of government
// ("the Russian side", "Chinese officials"), stands as a plural noun ("the
// Russians") or as a clause's subject ("Saudi accuses Iran").
func (f *Finder) demonym(toks []nlp.Token, i, end int, a *lexicon.Actor) (annotate.Mention, bool) {
	m := annotate.Mention{Start: i, End: end, Kind: annotate.Demonym, Actors: []*lexicon.Actor{a}}
	if t := toks[i]; end == i+1 && (t.Tag == "NNPS" || t.Tag == "NNS") && strings.HasSuffix(t.Text, "s") {
		m.Plural = true
		return m, true
	}
	// A demonym that is itself a clause's subject stands for its state, as
	// headlines write it ("Saudi accuses Iran over missile attack").
	if t := toks[i]; end == i+1 && (t.Rel == "nsubj" || t.Rel == "nsubj:pass") && t.Head > i && (t.UPOS == "PROPN" || t.UPOS == "NOUN") {
		return m, true
	}
	// The government noun: the head the demonym hangs from, or the words
	// right after it ("Russian Foreign Ministry" before a parse says so).
	if h := toks[i].Head; h > i && h-i <= 3 && (f.isGovernment(toks, h) || toks[i].Rel == "amod" && (f.stanceNouns[toks[h].Lemma] || f.stanceNouns[toks[h].Lower])) {
		if !f.isGovernment(toks, h) {
			return m, true // "the Russian request": the demonym alone
		}
		m.End = h + 1
		return m, true
	}
	for k := end; k < len(toks) && k <= end+2; k++ {
		if f.isGovernment(toks, k) {
			m.End = k + 1
			return m, true
		}
		if !isModifier(toks[k]) {
			break
		}
	}
	return m, false
}

func (f *Finder) isGovernment(toks []nlp.Token, k int) bool {
	if f.government[toks[k].Lemma] || f.government[toks[k].Lower] {
		return true
	}
	return k > 0 && f.government[toks[k-1].Lower+" "+toks[k].Lower]
}

func isModifier(t nlp.Token) bool {
	switch t.Tag {
	case "JJ", "NN", "NNP", "NNS", "NNPS", "VBN":
		return true
	}
	return false
}

// pointer finds pronouns, definite descriptions ("the minister", "the two
// sides") and surnames of people named before.
func (f *Finder) pointer(toks []nlp.Token, i int, st *docState) (annotate.Mention, int, bool) {
	t := toks[i]
	switch t.Lower {
	case "his", "her", "its", "their":
		// "his country", "their governments": the possessor's state.
		if k := i + 1; k < len(toks) && f.descriptions[toks[k].Lower] == "state" ||
			k+1 < len(toks) && toks[k].Tag == "JJ" && f.descriptions[toks[k+1].Lower] == "state" {
			end := k + 1
			if f.descriptions[toks[k].Lower] != "state" {
				end = k + 2
			}
			return annotate.Mention{Start: i, End: end, Kind: annotate.Pronoun, Word: t.Lower,
				Plural: t.Lower == "their"}, end, true
		}
		return annotate.Mention{Start: i, End: i + 1, Kind: annotate.Pronoun, Word: t.Lower,
			Plural: t.Lower == "their"}, i + 1, true
	case "he", "him", "she", "it", "they", "them", "we", "us", "our", "i", "my":
		return annotate.Mention{Start: i, End: i + 1, Kind: annotate.Pronoun, Word: t.Lower,
			Plural: t.Lower == "they" || t.Lower == "them" || t.Lower == "their"}, i + 1, true
	case "the", "both", "this", "these":
		for n := 3; n >= 1; n-- {
			if i+n >= len(toks) {
				continue
			}
			words := lowerJoin(toks[i+1 : i+1+n])
			if t.Lower == "both" {
				words = "both " + words
			}
			if what, ok := f.descriptions[words]; ok {
				end := i + 1 + n
				return annotate.Mention{Start: i, End: end, Kind: annotate.Description, Word: words, Plural: what == "two"}, end, true
			}
		}
	}
	if f.honorifics[t.Text] && i+1 < len(toks) {
		if p, ok := st.people[toks[i+1].Text]; ok {
			return annotate.Mention{Start: i, End: i + 2, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title}, i + 2, true
		}
	}
	if upper(t.Text) {
		// The longest run of capitalised words a known person goes by.
		end := i
		for end < len(toks) && upper(toks[end].Text) && end-i < 4 {
			end++
		}
		for k := end; k > i; k-- {
			if p, ok := st.people[joinText(toks[i:k])]; ok {
				return annotate.Mention{Start: i, End: k, Kind: annotate.Person, Actors: actors(p.actor), Person: p.name, Title: p.title}, k, true
			}
		}
	}
	return annotate.Mention{}, i, false
}

// headOf gives the token of a span whose head lies outside it.
func headOf(toks []nlp.Token, start, end int) int {
	for k := end - 1; k >= start; k-- {
		if h := toks[k].Head; h < start || h >= end {
			return k
		}
	}
	return end - 1
}

func upper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func joinText(toks []nlp.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Text != "'s" {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

func lowerJoin(toks []nlp.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Lower)
	}
	return b.String()
}
