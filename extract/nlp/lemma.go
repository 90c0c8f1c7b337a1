package nlp

import (
	"fmt"
	"strings"
)

// lemmaDict is golem's English dictionary (one line a lemma: the base form,
// then its inflections, tab-separated) read into a map that is never
// written after loading. golem's own Lemmatizer sorts a word's bases in
// place when asked for all of them, so what Lemma returns for a word in two
// lines depends on which words were looked up before (and two goroutines
// race on the sort); it also records the word, not the base, for a word's
// second line. Here every word keeps the bases of all its lines, in the
// dictionary's order, and loading takes a third of the time.
type lemmaDict map[string]lemmaBases

// lemmaBases are the base forms of a word: first, then the others.
type lemmaBases struct {
	first string
	more  []string
}

func newLemmaDict(data []byte) (lemmaDict, error) {
	text := string(data)
	d := make(lemmaDict, strings.Count(text, "\t")+strings.Count(text, "\n"))
	for ln := 1; text != ""; ln++ {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if line == "" {
			continue
		}
		base, forms, ok := strings.Cut(line, "\t")
		if !ok || base == "" {
			return nil, fmt.Errorf("lemma dictionary line %d: want a base form and its inflections, tab-separated", ln)
		}
		d.add(base, base)
		for forms != "" {
			var w string
			w, forms, _ = strings.Cut(forms, "\t")
			if w != "" {
				d.add(w, base)
			}
		}
	}
	return d, nil
}

func (d lemmaDict) add(word, base string) {
	b, ok := d[word]
	switch {
	case !ok:
		d[word] = lemmaBases{first: base}
	case b.first == base:
	default:
		for _, m := range b.more {
			if m == base {
				return
			}
		}
		b.more = append(b.more, base)
		d[word] = b
	}
}
