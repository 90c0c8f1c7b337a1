package mention

import (
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
)

// entryKind says what a lexicon phrase names.
type entryKind int

const (
	eName      entryKind = iota // a name or alias of an actor
	eMetonym                    // a capital or organ that speaks for it
	eAdjective                  // a demonym
	eLower                      // a lower-case description ("the alliance")
	ePerson                     // an office holder's name
	eTitle                      // a title or role ("foreign minister")
	ePlace                      // a place that is no actor
)

type entry struct {
	kind   entryKind
	actor  *lexicon.Actor
	person *lexicon.Person
}

// phrase is a lexicon phrase as tokens, with what it names.
type phrase struct {
	words []string
	fold  bool // compare in lower case (titles and descriptions)
	entry
}

// phrases finds lexicon phrases in token sequences, longest first.
type phrases struct {
	byFirst map[string][]*phrase // first word (lower case) -> phrases, longest first
}

func newPhrases(lx *lexicon.Lexicon) *phrases {
	p := &phrases{byFirst: map[string][]*phrase{}}
	for i := range lx.Actors {
		a := &lx.Actors[i]
		p.add(a.Name, false, entry{kind: eName, actor: a})
		for _, s := range a.Aliases {
			p.add(s, false, entry{kind: eName, actor: a})
		}
		for _, s := range a.Metonyms {
			p.add(s, false, entry{kind: eMetonym, actor: a})
		}
		for _, s := range a.Adjectives {
			p.add(s, false, entry{kind: eAdjective, actor: a})
		}
		for _, s := range a.Lower {
			p.add(s, true, entry{kind: eLower, actor: a})
		}
	}
	for i := range lx.People {
		pr := &lx.People[i]
		p.add(pr.Name, false, entry{kind: ePerson, person: pr})
		for _, s := range pr.Short {
			p.add(s, false, entry{kind: ePerson, person: pr})
		}
	}
	for _, t := range lx.Titles {
		p.add(t, true, entry{kind: eTitle})
	}
	for _, pl := range lx.Places {
		p.add(pl, false, entry{kind: ePlace})
	}
	for _, list := range p.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	return p
}

func (p *phrases) add(s string, fold bool, e entry) {
	words := nlp.Words(s)
	if len(words) == 0 {
		return
	}
	// "the Kremlin" also matches "Kremlin": the article is the text's.
	if strings.EqualFold(words[0], "the") && len(words) > 1 {
		words = words[1:]
	}
	if fold {
		for i := range words {
			words[i] = strings.ToLower(words[i])
		}
	}
	k := strings.ToLower(words[0])
	p.byFirst[k] = append(p.byFirst[k], &phrase{words: words, fold: fold, entry: e})
}

// at gives the longest phrase that starts at token i, and its end, or nil.
// Names match as written, but a name in capitals matches a headline in
// capitals too; titles and descriptions match in any case.
func (p *phrases) at(toks []nlp.Token, i int, want func(entryKind) bool) (*phrase, int) {
	for _, ph := range p.byFirst[toks[i].Lower] {
		if want != nil && !want(ph.kind) {
			continue
		}
		if i+len(ph.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range ph.words {
			t := toks[i+k]
			if ph.fold {
				ok = t.Lower == w
			} else {
				ok = t.Text == w
			}
			if !ok {
				break
			}
		}
		if ok {
			return ph, i + len(ph.words)
		}
	}
	return nil, i
}
