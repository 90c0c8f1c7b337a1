package depparse

// Punctuation attachment by the UD guidelines, after the parse.
//
// UD attaches a paired mark (quotes, brackets) to the head of the phrase
// it encloses, and any other mark to the highest node of the unit beside
// it that keeps the tree projective. The treebanks are made to follow this
// by a deterministic tool (udapi's ud.FixPunct); the parser, which learns
// it only from examples, misplaces about one mark in five. fixPunct is that
// tool's algorithm, with one change: the mark always moves to the
// candidate, where udapi keeps a parent it finds on the candidates' paths
// (measured on the parser's output: EWT test LAS +0.10 against +0.02,
// GUM news the same).

// maxFixPunct is the longest sentence whose marks are re-attached.
const maxFixPunct = 300

// paired maps an opening mark to its closing one.
var paired = map[string]string{
	"(": ")", "[": "]", "{": "}", `"`: `"`, "``": "''", "'": "'",
	"«": "»", "“": "”", "‘": "’",
}

// punctTree is a tree under repair: heads are word indexes, n for the root.
type punctTree struct {
	n     int
	forms []string
	punct []bool
	head  []int
	kind  []byte // 'o' or 'c' for a mark settled as opening or closing
}

// fixPunct re-attaches the punctuation of a parsed sentence (heads as the
// parser's state holds them: n for ROOT). Marks never end up with children.
func fixPunct(forms, upos []string, head []int) {
	n := len(forms)
	if n > maxFixPunct {
		return // its checks grow with the square of the sentence; a sentence this long is seldom prose
	}
	t := punctTree{n: n, forms: forms, head: head, punct: make([]bool, n), kind: make([]byte, n)}
	any := false
	for i, u := range upos {
		if u == "PUNCT" {
			t.punct[i], any = true, true
		}
	}
	if !any {
		return
	}
	for i := 0; i < n; i++ {
		if head[i] == n && t.punct[i] {
			return // a mark as the root: leave the parser's tree
		}
	}
	// No mark heads a word: a child of a mark climbs to the mark's head.
	for i := 0; i < n; i++ {
		for steps := 0; head[i] < n && t.punct[head[i]] && steps <= n; steps++ {
			head[i] = head[head[i]]
		}
	}
	for o := 0; o < n; o++ {
		if t.kind[o] == 'c' {
			continue
		}
		if c, ok := paired[forms[o]]; ok {
			t.pair(o, c)
		}
	}
	for i := 0; i < n; i++ {
		if t.punct[i] && t.kind[i] == 0 {
			t.subordinate(i)
		}
	}
}

// pair attaches an opening mark and its closing one to the single head of
// what they enclose, when there is one.
func (t *punctTree) pair(o int, closing string) {
	open := t.forms[o]
	c, level := -1, 0
	for k := o + 1; k < t.n; k++ {
		if t.forms[k] == closing {
			if level == 0 {
				c = k
				break
			}
			level--
		} else if t.forms[k] == open {
			level++
		}
	}
	if c < 0 {
		return
	}
	var heads, marks []int
	add := func(list []int, k int) []int {
		for _, x := range list {
			if x == k {
				return list
			}
		}
		return append(list, k)
	}
	for k := 0; k < t.n; k++ {
		if k == o || k == c {
			continue
		}
		h := t.head[k]
		switch {
		case o < k && k < c && (h < o || h > c):
			if t.punct[k] {
				marks = add(marks, k)
			} else {
				heads = add(heads, k)
			}
		case (k < o || k > c) && o < h && h < c:
			if t.punct[h] {
				marks = add(marks, h)
			} else {
				heads = add(heads, h)
			}
		}
	}
	if len(heads) == 0 {
		heads = marks
	}
	if len(heads) == 1 {
		t.head[o], t.head[c] = heads[0], heads[0]
		t.kind[o], t.kind[c] = 'o', 'c'
	}
}

// subordinate attaches a mark that is not one of a pair.
func (t *punctTree) subordinate(i int) {
	f := t.forms[i]
	if f == "." && t.head[i] == i-1 && i < t.n-1 {
		return // an abbreviation's or an ordinal's dot, inside a sentence
	}
	// A comma or dash that pairs with another mark around one phrase stays.
	if p := t.head[i]; p < t.n {
		lo, hi := t.span(p)
		if (i == lo || i == hi) && t.punct[lo] && t.punct[hi] && t.head[lo] == p && t.head[hi] == p {
			return
		}
	}
	l, r := i-1, i+1
	if f == "." || f == "?" || f == "!" || r >= t.n {
		r = -1
	}
	for l >= 0 && t.punct[l] {
		if t.kind[l] == 'o' && t.head[l] != i {
			l = -1
			break
		}
		l--
	}
	for r >= 0 && r < t.n && t.punct[r] {
		if t.kind[r] == 'c' && t.head[r] != i {
			r = -1
			break
		}
		r++
	}
	if r >= t.n {
		r = -1
	}
	// Climb from each side while the head stays on that side and the
	// subtree does not span the mark.
	var lp, rp []int
	if l >= 0 {
		lp = append(lp, l)
		for t.head[l] < t.n && t.head[l] < i {
			if _, hi := t.span(l); hi > i {
				break
			}
			l = t.head[l]
			lp = append(lp, l)
		}
	}
	if r >= 0 {
		rp = append(rp, r)
		for t.head[r] < t.n && t.head[r] > i {
			if lo, _ := t.span(r); lo < i {
				break
			}
			r = t.head[r]
			rp = append(rp, r)
		}
	}
	orig := t.head[i]
	lp, rp = t.projective(i, lp), t.projective(i, rp)
	t.head[i] = orig
	l, r = -1, -1
	if len(lp) > 0 {
		l = lp[len(lp)-1]
	}
	if len(rp) > 0 {
		r = rp[len(rp)-1]
	}
	switch {
	case l >= 0 && r >= 0 && t.under(r, l):
		t.head[i] = r
	case l >= 0:
		t.head[i] = l
	case r >= 0:
		t.head[i] = r
	}
}

// projective keeps the candidates that, as the mark's head, leave its arc
// projective and make it no gap of another's arc.
func (t *punctTree) projective(i int, cands []int) []int {
	out := cands[:0]
	for _, c := range cands {
		t.head[i] = c
		if !t.nonProjective(i) && !(t.gap(i) && (c == t.n || !t.gap(c))) {
			out = append(out, c)
		}
	}
	return out
}

// under reports whether a is a descendant of b.
func (t *punctTree) under(a, b int) bool {
	for k, steps := t.head[a], 0; k < t.n && steps <= t.n; k, steps = t.head[k], steps+1 {
		if k == b {
			return true
		}
	}
	return false
}

// span gives the first and last word of a word's subtree.
func (t *punctTree) span(x int) (lo, hi int) {
	lo, hi = x, x
	for k := 0; k < t.n; k++ {
		if (k < lo || k > hi) && t.under(k, x) {
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	return lo, hi
}

// nonProjective reports whether a word between i and its head is not
// under that head.
func (t *punctTree) nonProjective(i int) bool {
	h := t.head[i]
	lo, hi := min(i, h), max(i, h)
	if h == t.n {
		return false
	}
	for k := lo + 1; k < hi; k++ {
		if !t.under(k, h) {
			return true
		}
	}
	return false
}

// gap reports whether some arc spans i without i being under its head.
func (t *punctTree) gap(i int) bool {
	for k := 0; k < t.n; k++ {
		h := t.head[k]
		if h == t.n {
			continue
		}
		if min(k, h) < i && i < max(k, h) && !t.under(i, h) {
			return true
		}
	}
	return false
}
