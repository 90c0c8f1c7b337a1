package rules

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// cue is a lexicon phrase that signals a stance or an interaction.
type cue struct {
	rest   []string // the words after the first, lower case
	class  schema.Class
	phrase string
}

// cueIndex finds cues by the lemma of their first word. Most words begin
// no cue: a bit set by first byte and length answers for them before the
// map is asked.
type cueIndex struct {
	byFirst map[string][]cue
	starts  firstWords
}

func newCueIndex() *cueIndex { return &cueIndex{byFirst: map[string][]cue{}} }

func (ix *cueIndex) add(phrase string, c schema.Class) {
	words := strings.Fields(strings.ToLower(phrase))
	if len(words) == 0 {
		return
	}
	w := words[0]
	ix.byFirst[w] = append(ix.byFirst[w], cue{rest: words[1:], class: c, phrase: strings.ToLower(phrase)})
	ix.starts.add(w)
}

// cues are the cues whose first word is w.
func (ix *cueIndex) cues(w string) []cue {
	if !ix.starts.may(w) {
		return nil
	}
	return ix.byFirst[w]
}

// indexCues indexes cues class by class in the fixed order of
// schema.StanceClasses, so that of two equal cues the first class wins,
// every run alike.
func indexCues(cs lexicon.Cues) *cueIndex {
	ix := newCueIndex()
	for _, c := range schema.StanceClasses {
		for _, p := range cs[c] {
			ix.add(p, c)
		}
	}
	return ix
}

// at returns the longest cue whose first word is token i's lemma (or its
// lower-case form) and whose other words follow; n is the tokens covered.
func (ix *cueIndex) at(toks []nlp.Token, i int) (cue, int) {
	return ix.before(&toks[i], toks[i+1:])
}

// before is at for a first word and the words that follow it: "put" and
// "forward" in "put the proposal forward".
func (ix *cueIndex) before(first *nlp.Token, rest []nlp.Token) (cue, int) {
	var best cue
	bestN := 0
	for f, form := range [2]string{first.Lemma, first.Lower} {
		if f == 1 && form == first.Lemma {
			break // the same cues again
		}
		for _, c := range ix.cues(form) {
			n := 1 + len(c.rest)
			if n <= bestN || len(c.rest) > len(rest) {
				continue
			}
			ok := true
			for k, w := range c.rest {
				if rest[k].Lower != w && rest[k].Lemma != w {
					ok = false
					break
				}
			}
			if ok {
				best, bestN = c, n
			}
		}
	}
	return best, bestN
}

// phraseIndex finds whole phrases of one or more words, by lower-case form.
type phraseIndex struct {
	classes  map[string]schema.Class
	prefixes map[string]bool // the proper prefixes of phrases, to stop early
	starts   firstWords
	maxLen   int
}

func indexPhrases(cs lexicon.Cues) phraseIndex {
	px := phraseIndex{classes: map[string]schema.Class{}, prefixes: map[string]bool{}}
	for _, c := range schema.StanceClasses {
		for _, p := range cs[c] {
			p = strings.ToLower(p)
			if _, dup := px.classes[p]; dup {
				continue
			}
			px.classes[p] = c
			words := strings.Fields(p)
			if len(words) > 0 {
				px.starts.add(words[0])
			}
			for n := 1; n < len(words); n++ {
				px.prefixes[strings.Join(words[:n], " ")] = true
			}
			if len(words) > px.maxLen {
				px.maxLen = len(words)
			}
		}
	}
	return px
}

// at returns the class of the longest phrase at token i and its length.
func (px phraseIndex) at(toks []nlp.Token, i int) (schema.Class, int) {
	var best schema.Class
	n := 0
	if i >= len(toks) || !px.starts.may(toks[i].Lower) {
		return best, 0
	}
	var arr [64]byte
	key := arr[:0]
	for k := 0; k < px.maxLen && i+k < len(toks); k++ {
		if k > 0 {
			key = append(key, ' ')
		}
		key = append(key, toks[i+k].Lower...)
		if c, ok := px.classes[string(key)]; ok {
			best, n = c, k+1
		} else if !px.prefixes[string(key)] {
			break
		}
	}
	return best, n
}

// interaction holds the indexed cues of the interaction classes.
type interaction struct {
	verbs   *cueIndex
	nouns   *cueIndex
	receive map[string]bool
	objects map[schema.Class]map[string]bool
}

func indexInteractions(in map[schema.Class]lexicon.Interaction) interaction {
	ix := interaction{verbs: newCueIndex(), nouns: newCueIndex(), receive: map[string]bool{}, objects: map[schema.Class]map[string]bool{}}
	for _, c := range schema.InteractionClasses {
		l := in[c]
		for _, p := range l.Verbs {
			ix.verbs.add(p, c)
		}
		for _, p := range l.Nouns {
			ix.nouns.add(p, c)
		}
		for _, p := range l.Receive {
			ix.receive[p] = true
		}
		ix.objects[c] = map[string]bool{}
		for _, p := range l.Objects {
			ix.objects[c][strings.ToLower(p)] = true
		}
	}
	return ix
}

// inflect writes a cue as a third-person predicate: "call for" -> "calls for".
func inflect(phrase string) string {
	words := strings.Fields(phrase)
	if len(words) == 0 {
		return phrase
	}
	w := words[0]
	switch {
	case w == "be":
		w = "is"
	case w == "have":
		w = "has"
	case w == "veto" || w == "go" || w == "do" || w == "echo" || w == "torpedo":
		w += "es"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		// already a plural or a third person: "calls for"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z"):
		w += "es"
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsAny(w[len(w)-2:len(w)-1], "aeiou"):
		w = w[:len(w)-1] + "ies"
	default:
		w += "s"
	}
	words[0] = w
	return strings.Join(words, " ")
}
