package statement

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
)

// maxLabel bounds a label, in words.
const maxLabel = 14

// label writes a position from the subtrees of its parts: their words in
// order, less punctuation, articles, the subordinator or preposition that
// introduces the part, and what is only attached to it (relative clauses,
// appositions, clauses set beside it, and other conjuncts, which are
// positions of their own).
func labelOf(t *annotate.Tree, parts []int) string {
	in := make([]bool, len(t.Toks))
	for _, p := range parts {
		keep(t, p, p, in)
		// "rejected the proposal | for a ceasefire": the parser hangs a
		// noun's of- or for-phrase from the verb; it is the noun's, when
		// no other argument of the verb stands between.
		if h := t.Toks[p].Head; h >= 0 && t.Rel(p) == "obj" {
			for _, k := range t.Kids[h] {
				if k < p {
					continue
				}
				if t.Toks[k].Rel == "obl:unmarked" || t.Toks[k].Rel == "obl:tmod" {
					continue // "last week", or an apposition the parser set apart
				}
				if m := t.Marker(k); t.Rel(k) == "obl" && (m == "of" || m == "for" || m == "on" || m == "against") {
					keep(t, k, k, in)
				}
				if r := t.Rel(k); k > p && (r == "obl" || r == "obj" || r == "xcomp" || r == "ccomp" || r == "advcl") {
					break
				}
			}
		}
		// The part's own case or mark word: "for talks" is "talks".
		for _, k := range t.Kids[p] {
			if r := t.Rel(k); (r == "case" || r == "mark") && k < p {
				t.Unmark(k, in)
			}
		}
	}
	shorten(t, in)
	return words(t, in)
}

// shorten makes a clause too long for a label keep its verb: the modifiers
// of its subject go first ("an armed attack on Philippine armed forces,
// public vessels or aircraft in the South China Sea would invoke US
// commitments" is "armed attack would invoke US mutual defense
// commitments").
func shorten(t *annotate.Tree, in []bool) {
	n := 0
	for _, ok := range in {
		if ok {
			n++
		}
	}
	if n <= maxLabel {
		return
	}
	for i, ok := range in {
		if !ok || !strings.HasPrefix(t.Toks[i].Rel, "nsubj") || !in[max(t.Toks[i].Head, 0)] || t.Toks[i].Head < 0 {
			continue
		}
		for _, k := range t.Kids[i] {
			switch t.Rel(k) {
			case "nmod", "acl", "appos", "conj", "cc":
				t.Unmark(k, in)
			}
		}
	}
}

// labelClause writes what a clause says is or was done, from its verb's
// phrase less the auxiliaries and what only sets the time or manner or
// hangs beside it. withDoer keeps the subject: "Turkey launched an
// offensive against Kurdish fighters" (another's deed); without it, "the
// bloc will also impose sanctions on 27 people" is "impose sanctions on 27
// people" (the holder's own). The phrase that holds the stance word
// (except) is not part of what it is about: "filled the dam despite
// opposition from Egypt" is "filled the dam".
func labelClause(t *annotate.Tree, p int, withDoer bool, except int) string {
	in := make([]bool, len(t.Toks))
	in[p] = true
	for _, k := range t.Kids[p] {
		switch t.Rel(k) {
		case "aux", "expl", "mark", "advmod", "punct", "cc", "conj", "parataxis", "advcl":
			continue
		case "nsubj", "csubj":
			if !withDoer {
				continue
			}
		}
		keep(t, p, k, in)
	}
	if except >= 0 && !t.Dominates(except, p) {
		t.Unmark(except, in)
	}
	return words(t, in)
}

// words joins the marked words, less after maxLabel of them.
func words(t *annotate.Tree, in []bool) string {
	var words []string
	for i, ok := range in {
		if !ok {
			continue
		}
		w := t.Toks[i].Text
		if len(words) > 0 && (w == "'s" || w == "'") {
			words[len(words)-1] += w
			continue
		}
		words = append(words, w)
		if len(words) == maxLabel {
			break
		}
	}
	return strings.Join(words, " ")
}

// keep marks the words of i's subtree that belong in a label of root.
func keep(t *annotate.Tree, root, i int, in []bool) {
	tk := t.Toks[i]
	switch tk.UPOS {
	case "PUNCT":
		return
	case "DET":
		switch tk.Lower {
		case "the", "a", "an":
			return
		}
	}
	if i != root {
		switch t.Rel(i) {
		case "parataxis", "appos", "discourse", "vocative", "dep":
			return
		}
		switch tk.Rel {
		case "acl:relcl":
			return
		}
		if t.Toks[i].Head == root && (tk.Rel == "conj" || tk.Rel == "cc") {
			return
		}
	}
	in[i] = true
	for _, k := range t.Kids[i] {
		keep(t, root, k, in)
	}
}
