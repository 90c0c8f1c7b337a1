package depparse

// Costs of the moves against a gold tree, as in Goldberg and Nivre's
// dynamic oracle for arc-eager parsing (2012): a move's cost is the number
// of gold arcs still reachable that it makes unreachable. gold[i] is word
// i's gold head (n for ROOT) in a projective tree, glabel its label + 1.

// inStack reports whether word k is on the stack (a head-to-word index
// would be faster, but sentences are short and this runs only in training).
func (s *state) inStack(k int) bool {
	for _, x := range s.stack {
		if x == k {
			return true
		}
	}
	return false
}

func (s *state) inBuffer(k int) bool { return k >= s.b && k <= s.n }

// cost gives a move's cost; for arcs, the label's too.
func (s *state) cost(move, label int, gold, glabel []int) int {
	t := s.top()
	c := 0
	switch move {
	case left:
		// t can take no head or dependent in the buffer any more.
		for k := s.b; k < s.n; k++ {
			if gold[k] == t {
				c++
			}
		}
		if g := gold[t]; g == s.b {
			if glabel[t] != label {
				c++
			}
		} else if s.inBuffer(g) {
			c++
		}
	case right:
		// b can take no head but t, and no dependent from the stack.
		g := gold[s.b]
		if g == t {
			if glabel[s.b] != label {
				c++
			}
		} else if s.inStack(g) || (g > s.b && g <= s.n) {
			c++
		}
		for _, k := range s.stack {
			if gold[k] == s.b && s.head[k] < 0 {
				c++
			}
		}
	case reduce:
		for k := s.b; k < s.n; k++ {
			if gold[k] == t {
				c++
			}
		}
	case shift:
		// b can take no head or dependent from the stack.
		if s.inStack(gold[s.b]) {
			c++
		}
		for _, k := range s.stack {
			if gold[k] == s.b && s.head[k] < 0 {
				c++
			}
		}
	}
	return c
}

// projectivize lifts the arcs of a tree until it is projective: while
// some arc has a word between its ends that its head does not dominate,
// the shortest such arc's word is attached to its head's head (Nivre and
// Nilsson's lifting, without the label encoding). heads uses n for ROOT.
func projectivize(heads []int) []int {
	n := len(heads)
	h := append([]int(nil), heads...)
	for {
		best, bestLen := -1, n+2
		for d := 0; d < n; d++ {
			hd := h[d]
			if hd == n {
				continue
			}
			a, b := min(hd, d), max(hd, d)
			if b-a >= bestLen {
				continue
			}
			for k := a + 1; k < b; k++ {
				if !dominates(h, hd, k, n) {
					best, bestLen = d, b-a
					break
				}
			}
		}
		if best < 0 {
			return h
		}
		h[best] = h[h[best]]
	}
}

// dominates reports whether a is an ancestor of k.
func dominates(h []int, a, k, n int) bool {
	for steps := 0; k != n && steps <= n; steps++ {
		k = h[k]
		if k == a {
			return true
		}
	}
	return false
}
