package frame

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

// cue is a frame's word: its lemma, the words after it (a particle or the
// preposition that introduces the target), and its class.
type cue struct {
	lemma string
	rest  []string // lower case; empty for a bare lemma
	class schema.Class
}

// cueIndex finds cues by lemma, those with more words first.
type cueIndex map[string][]cue

func indexCues(c lexicon.Cues) cueIndex {
	ix := cueIndex{}
	for class, phrases := range c {
		for _, p := range phrases {
			words := strings.Fields(strings.ToLower(p))
			if len(words) == 0 {
				continue
			}
			ix[words[0]] = append(ix[words[0]], cue{lemma: words[0], rest: words[1:], class: class})
		}
	}
	for k, list := range ix {
		sortCues(list)
		ix[k] = list
	}
	return ix
}

// sortCues puts longer cues first, then by class, so that lookups are
// deterministic whatever the map order of the lexicon.
func sortCues(list []cue) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && less(list[j], list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func less(a, b cue) bool {
	if len(a.rest) != len(b.rest) {
		return len(a.rest) > len(b.rest)
	}
	if ra, rb := strings.Join(a.rest, " "), strings.Join(b.rest, " "); ra != rb {
		return ra < rb
	}
	return a.class < b.class
}

func (c cue) String() string {
	if len(c.rest) == 0 {
		return c.lemma
	}
	return c.lemma + " " + strings.Join(c.rest, " ")
}

func set(words []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}
