package rules

import (
	"strings"
	"unicode"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
)

// entryType says what a gazetteer phrase names.
type entryType int

const (
	eName      entryType = iota // a name or alias of an actor
	eMetonym                    // a capital or seat of government
	eAdjective                  // a demonym or adjective
	eLower                      // a lower-case description ("the alliance")
	ePlace                      // a place that is no actor
	ePerson                     // an office holder's name
	eTitle                      // a title or role
)

type entry struct {
	typ    entryType
	actor  *lexicon.Actor
	person *lexicon.Person
	exact  string // for short all-capital aliases: the case that must match
}

// gazetteer finds lexicon phrases in token sequences, longest first.
type gazetteer struct {
	phrases map[string]*phrase // by key, with every proper prefix of a key
	starts  firstWords
	maxLen  int
}

// firstWords is a bit set of the first bytes and lengths of the first words
// of phrases: most words begin none, and the test is cheaper than a map's.
type firstWords [256]uint32

func (f *firstWords) add(w string) {
	if w != "" {
		f[w[0]] |= 1 << (len(w) & 31)
	}
}

// may reports whether a phrase may begin with w.
func (f *firstWords) may(w string) bool {
	return w != "" && f[w[0]]&(1<<(len(w)&31)) != 0
}

// phrase is what a key names: entries if it is a phrase, prefix if it
// begins a longer one (a search goes on past it).
type phrase struct {
	entries []entry
	prefix  bool
}

func newGazetteer(lx *lexicon.Lexicon) *gazetteer {
	g := &gazetteer{phrases: map[string]*phrase{}}
	for i := range lx.Actors {
		a := &lx.Actors[i]
		g.add(a.Name, entry{typ: eName, actor: a})
		for _, s := range a.Aliases {
			g.add(s, entry{typ: eName, actor: a})
		}
		for _, s := range a.Metonyms {
			g.add(s, entry{typ: eMetonym, actor: a})
		}
		for _, s := range a.Adjectives {
			g.add(s, entry{typ: eAdjective, actor: a})
		}
		for _, s := range a.Lower {
			g.add(s, entry{typ: eLower, actor: a})
		}
	}
	for _, p := range lx.Places {
		g.add(p, entry{typ: ePlace})
	}
	for i := range lx.People {
		p := &lx.People[i]
		g.add(p.Name, entry{typ: ePerson, person: p})
		for _, s := range p.Short {
			g.add(s, entry{typ: ePerson, person: p})
		}
		if f := strings.Fields(p.Name); len(f) > 1 {
			g.add(f[len(f)-1], entry{typ: ePerson, person: p})
		}
	}
	for _, t := range lx.Titles {
		g.add(t, entry{typ: eTitle})
	}
	return g
}

// key is the lookup form of a phrase: its tokens, lower case, joined by spaces.
func key(words []string) string { return strings.ToLower(strings.Join(words, " ")) }

func (g *gazetteer) add(phrase string, e entry) {
	words := splitPhrase(phrase)
	if len(words) == 0 {
		return
	}
	if len(words) == 1 && len(phrase) <= 5 && isUpper(phrase) {
		e.exact = phrase
	}
	g.at(key(words)).entries = append(g.at(key(words)).entries, e)
	g.starts.add(key(words[:1]))
	for n := 1; n < len(words); n++ {
		g.at(key(words[:n])).prefix = true
	}
	if len(words) > g.maxLen {
		g.maxLen = len(words)
	}
}

// splitPhrase splits a lexicon phrase the way the tokenizer splits text:
// on spaces, and "'s" apart.
func splitPhrase(p string) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			out = append(out, w[:len(w)-2], "'s")
			continue
		}
		out = append(out, w)
	}
	return out
}

func (g *gazetteer) at(k string) *phrase {
	p := g.phrases[k]
	if p == nil {
		p = &phrase{}
		g.phrases[k] = p
	}
	return p
}

// entries are the entries of a phrase given as its key.
func (g *gazetteer) entries(k string) []entry {
	if p := g.phrases[k]; p != nil {
		return p.entries
	}
	return nil
}

func isUpper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

func capitalized(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// match is a gazetteer phrase found at a position.
type match struct {
	n       int // tokens covered
	entries []entry
}

// longest returns the longest phrase starting at token i whose entries fit
// the text's case, or n == 0.
func (g *gazetteer) longest(toks []nlp.Token, i int) match {
	max := g.maxLen
	if len(toks)-i < max {
		max = len(toks) - i
	}
	var best match
	if max <= 0 || !g.starts.may(toks[i].Lower) {
		return best
	}
	var arr [64]byte
	buf := arr[:0]
	for n := 1; n <= max; n++ {
		if n > 1 {
			buf = append(buf, ' ')
		}
		buf = append(buf, toks[i+n-1].Lower...)
		p := g.phrases[string(buf)]
		if p == nil {
			break // neither a phrase nor the start of one
		}
		var fit []entry
		for _, e := range p.entries {
			if e.fits(toks[i : i+n]) {
				fit = append(fit, e)
			}
		}
		if len(fit) > 0 {
			best = match{n: n, entries: fit}
		}
	}
	return best
}

// fits checks the case of the text against the entry: names are written
// with a capital ("US", not "us"); titles and descriptions may be lower case.
func (e entry) fits(toks []nlp.Token) bool {
	switch e.typ {
	case eTitle, eLower:
		return true
	}
	if e.exact != "" {
		return toks[0].Text == e.exact || strings.ReplaceAll(toks[0].Text, ".", "") == strings.ReplaceAll(e.exact, ".", "")
	}
	first := toks[0].Text
	if strings.EqualFold(first, "the") && len(toks) > 1 {
		first = toks[1].Text
	}
	return capitalized(first)
}

func (m match) find(t entryType) (entry, bool) {
	for _, e := range m.entries {
		if e.typ == t {
			return e, true
		}
	}
	return entry{}, false
}
