package depparse

// state is an arc-eager configuration over n words with the root at the end
// of the buffer (Ballesteros and Nivre 2013, "Going to the roots"): word n
// is ROOT. ROOT is never shifted; at the end it takes what is left on the
// stack by left arcs.
type state struct {
	n     int
	stack []int
	b     int // front of the buffer; the buffer is b..n
	head  []int
	label []int // label id + 1, 0 for none
	// Dependents as features see them: leftmost and second leftmost,
	// rightmost and second rightmost, counts, and label sets.
	l1, l2, r1, r2 []int
	nl, nr         []int
	lset, rset     []uint64
	// Function children: a word's leftmost case or mark dependent (-1 for
	// none), and whether it has a cc dependent; the label ids + 1 of case,
	// mark and cc are set by the parser.
	fn                []int
	cc                []bool
	caseL, markL, ccL int
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	s.head = grow(s.head, n+1, -1)
	s.label = grow(s.label, n+1, 0)
	s.l1 = grow(s.l1, n+1, -1)
	s.l2 = grow(s.l2, n+1, -1)
	s.r1 = grow(s.r1, n+1, -1)
	s.r2 = grow(s.r2, n+1, -1)
	s.nl = grow(s.nl, n+1, 0)
	s.nr = grow(s.nr, n+1, 0)
	s.fn = grow(s.fn, n+1, -1)
	if cap(s.cc) < n+1 {
		s.cc = make([]bool, n+1)
	}
	s.cc = s.cc[:n+1]
	clear(s.cc)
	if cap(s.lset) < n+1 {
		s.lset, s.rset = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.lset, s.rset = s.lset[:n+1], s.rset[:n+1]
	clear(s.lset)
	clear(s.rset)
}

func grow(x []int, n, v int) []int {
	if cap(x) < n {
		x = make([]int, n)
	}
	x = x[:n]
	for i := range x {
		x[i] = v
	}
	return x
}

func (s *state) done() bool { return s.b == s.n && len(s.stack) == 0 }

func (s *state) top() int {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

// Moves, the unlabelled transitions.
const (
	shift = iota
	reduce
	left
	right
)

// can tells whether a move is allowed.
func (s *state) can(move int) bool {
	t := s.top()
	switch move {
	case shift:
		return s.b < s.n
	case reduce:
		return t >= 0 && s.head[t] >= 0
	case left:
		return t >= 0 && s.head[t] < 0
	case right:
		return t >= 0 && s.b < s.n
	}
	return false
}

// apply makes a move with a label (id + 1 for arcs, 0 for shift and reduce).
func (s *state) apply(move, label int) {
	switch move {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case left:
		t := s.top()
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.b, t, label)
	case right:
		s.arc(s.top(), s.b, label)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

func (s *state) arc(h, d, label int) {
	s.head[d], s.label[d] = h, label
	bit := uint64(1) << uint(label&63)
	if d < h {
		// Left dependents come nearest first: each new one is leftmost.
		s.l2[h], s.l1[h] = s.l1[h], d
		s.nl[h]++
		s.lset[h] |= bit
		switch label {
		case s.caseL, s.markL:
			s.fn[h] = d
		case s.ccL:
			s.cc[h] = true
		}
	} else {
		s.r2[h], s.r1[h] = s.r1[h], d
		s.nr[h]++
		s.rset[h] |= bit
	}
}
