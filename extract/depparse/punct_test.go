package depparse

import (
	"fmt"
	"strings"
	"testing"
)

// TestFixPunct: marks move to the node the UD guidelines give them, and
// the tree stays a projective tree.
func TestFixPunct(t *testing.T) {
	tests := []struct {
		name  string
		words string // form/UPOS/head (1-based, 0 for the root)
		want  string // heads after the fix
	}{{
		name:  "a comma before a conjunct goes to the conjunct",
		words: "Seoul/PROPN/2 protested/VERB/0 ,/PUNCT/2 and/CCONJ/6 Tokyo/PROPN/6 replied/VERB/2 ./PUNCT/2",
		want:  "2 0 6 6 6 2 2",
	}, {
		name:  "quotes go to the head of what they enclose",
		words: `Ankara/PROPN/2 said/VERB/0 "/PUNCT/2 never/ADV/2 "/PUNCT/2 ./PUNCT/2`,
		want:  "2 0 4 2 4 2",
	}, {
		name:  "a word below a mark climbs to the mark's head; the mark goes to the lower neighbour",
		words: "Kyiv/PROPN/2 refused/VERB/0 -/PUNCT/2 again/ADV/3 ./PUNCT/2",
		want:  "2 0 4 2 2",
	}, {
		name:  "a final stop goes to the root, not to the last word",
		words: "Delhi/PROPN/2 rejected/VERB/0 talks/NOUN/2 ./PUNCT/3",
		want:  "2 0 2 2",
	}, {
		name:  "commas around an apposition stay with it",
		words: "Lula/PROPN/7 ,/PUNCT/5 Brazil/PROPN/5 's/PART/3 leader/NOUN/1 ,/PUNCT/5 spoke/VERB/0 ./PUNCT/7",
		want:  "7 5 5 3 1 5 0 7",
	}, {
		name:  "a mark that heads the sentence is left alone",
		words: "!/PUNCT/0 yes/INTJ/1",
		want:  "0 1",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var forms, upos []string
			var heads []int
			for _, w := range strings.Fields(tt.words) {
				f := strings.Split(w, "/")
				var h int
				fmt.Sscan(f[2], &h)
				forms, upos = append(forms, f[0]), append(upos, f[1])
				heads = append(heads, h-1)
			}
			n := len(forms)
			for i, h := range heads {
				if h < 0 {
					heads[i] = n
				}
			}
			fixPunct(forms, upos, heads)
			got := make([]string, n)
			out := make([]int, n)
			for i, h := range heads {
				if h == n {
					h = -1
				}
				out[i] = h
				got[i] = fmt.Sprint(h + 1)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("heads %s, want %s", g, tt.want)
			}
			if err := Check(out); err != nil {
				t.Fatalf("not a tree: %v", err)
			}
			for i, h := range out {
				if h < 0 {
					continue
				}
				for k := min(i, h) + 1; k < max(i, h); k++ {
					a := k
					for a != h && a >= 0 {
						a = out[a]
					}
					if a != h {
						t.Errorf("arc %d<-%d is not projective over word %d", h+1, i+1, k+1)
					}
				}
			}
		})
	}
}
