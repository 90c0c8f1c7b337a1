package depparse

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// token is a word's hashed attributes; the last token of a sentence's
// slice is ROOT.
type token struct {
	w, p, u, s uint64 // lower-case form (digits folded), XPOS, UPOS, suffix
}

var (
	hNone = perceptron.Hash("-NONE-")
	hRoot = perceptron.Hash("-ROOT-")
)

// tokens hashes a sentence's words, with ROOT after them.
func tokens(forms, xpos, upos []string, out []token) []token {
	out = out[:0]
	for i, f := range forms {
		l := perceptron.FoldDigits(strings.ToLower(f))
		t := token{
			w: perceptron.Hash(l),
			p: perceptron.Hash(xpos[i]),
			u: perceptron.Hash(upos[i]),
			s: perceptron.Hash(suffix3(l)),
		}
		out = append(out, t)
	}
	return append(out, token{w: hRoot, p: hRoot, u: hRoot, s: hRoot})
}

// Templates. Each feature is its template's id mixed with the hashes of its
// parts: Zhang and Nivre's rich features for arc-eager parsing (2011), with
// the second stack word, UPOS, suffixes, punctuation between the two words
// compared, and the function words UD hangs below their heads added.
const (
	tS0wp uint64 = iota + 1
	tS0w
	tS0p
	tN0wp
	tN0w
	tN0p
	tN1wp
	tN1w
	tN1p
	tN2wp
	tN2w
	tN2p
	tS0wpN0wp
	tS0wpN0w
	tS0wN0wp
	tS0wpN0p
	tS0pN0wp
	tS0wN0w
	tS0pN0p
	tN0pN1p
	tN0pN1pN2p
	tS0pN0pN1p
	tS0hpS0pN0p
	tS0pS0lpN0p
	tS0pS0rpN0p
	tS0pN0pN0lp
	tS0wd
	tS0pd
	tN0wd
	tN0pd
	tS0wN0wd
	tS0pN0pd
	tS0wvr
	tS0pvr
	tS0wvl
	tS0pvl
	tN0wvl
	tN0pvl
	tS0hw
	tS0hp
	tS0l
	tS0lw
	tS0lp
	tS0ll
	tS0rw
	tS0rp
	tS0rl
	tN0lw
	tN0lp
	tN0ll
	tS0h2w
	tS0h2p
	tS0hl
	tS0l2w
	tS0l2p
	tS0l2l
	tS0r2w
	tS0r2p
	tS0r2l
	tN0l2w
	tN0l2p
	tN0l2l
	tS0pS0lpS0l2p
	tS0pS0rpS0r2p
	tS0pS0hpS0h2p
	tN0pN0lpN0l2p
	tS0wsr
	tS0psr
	tS0wsl
	tS0psl
	tN0wsl
	tN0psl
	// Added to Zhang and Nivre's.
	tS1w
	tS1p
	tS1pS0pN0p
	tS1wS0p
	tS0uN0u
	tS0uN0uN1u
	tS0hasN0p
	tN0s
	tS0s
	tN0sS0p
	tPunctBetween
	tN1sN0p
	tS0wN0wN1p
	tS0wN0f
	tS0pN0f
	tS0pN0fN0w
	tS0wN0fN0p
	tS1wN0f
	tS1pS0pN0f
	tS0fN0p
	tS0fS0pN0p
	tS0hwN0f
	tN0ccS0pN0p
	tS0ccS0pN0p
)

// features appends the features of a state.
func features(st *state, tk []token, out []uint64) []uint64 {
	m := perceptron.Mix
	at := func(i int) *token {
		if i < 0 {
			return &noToken
		}
		return &tk[i]
	}
	lab := func(i int) uint64 {
		if i < 0 {
			return 0
		}
		return uint64(st.label[i])
	}
	s0i, s1i := -1, -1
	if k := len(st.stack); k > 0 {
		s0i = st.stack[k-1]
		if k > 1 {
			s1i = st.stack[k-2]
		}
	}
	n0i := st.b
	n1i, n2i := -1, -1
	if n0i+1 <= st.n {
		n1i = n0i + 1
	}
	if n0i+2 <= st.n {
		n2i = n0i + 2
	}
	var s0hi, s0h2i, s0li, s0l2i, s0ri, s0r2i = -1, -1, -1, -1, -1, -1
	var vl, vr uint64
	var sl, sr uint64
	if s0i >= 0 {
		s0hi = st.head[s0i]
		if s0hi >= 0 {
			s0h2i = st.head[s0hi]
		}
		s0li, s0l2i, s0ri, s0r2i = st.l1[s0i], st.l2[s0i], st.r1[s0i], st.r2[s0i]
		vl, vr = uint64(st.nl[s0i]), uint64(st.nr[s0i])
		sl, sr = st.lset[s0i], st.rset[s0i]
	}
	n0li, n0l2i := st.l1[n0i], st.l2[n0i]
	n0vl, n0sl := uint64(st.nl[n0i]), st.lset[n0i]

	s0, s1, n0, n1, n2 := at(s0i), at(s1i), &tk[n0i], at(n1i), at(n2i)
	s0h, s0h2, s0l, s0l2, s0r, s0r2 := at(s0hi), at(s0h2i), at(s0li), at(s0l2i), at(s0ri), at(s0r2i)
	n0l, n0l2 := at(n0li), at(n0l2i)

	d := uint64(0)
	punct := uint64(0)
	if s0i >= 0 {
		d = distance(n0i - s0i)
		for k := s0i + 1; k < n0i && punct < 3; k++ {
			if tk[k].u == hPunct {
				punct++
			}
		}
	}
	fn := func(i int) uint64 {
		if i < 0 || st.fn[i] < 0 {
			return hNone
		}
		return tk[st.fn[i]].w
	}
	cc := func(i int) uint64 {
		if i < 0 || !st.cc[i] {
			return 0
		}
		return 1
	}
	s0f, n0f := fn(s0i), fn(n0i)
	s0cc, n0cc := cc(s0i), cc(n0i)
	s0wp := m(s0.w, s0.p)
	n0wp := m(n0.w, n0.p)
	has := uint64(0)
	if s0i >= 0 && st.head[s0i] >= 0 {
		has = 1
	}
	out = append(out,
		m(tS0wp, s0wp), m(tS0w, s0.w), m(tS0p, s0.p),
		m(tN0wp, n0wp), m(tN0w, n0.w), m(tN0p, n0.p),
		m(tN1wp, m(n1.w, n1.p)), m(tN1w, n1.w), m(tN1p, n1.p),
		m(tN2wp, m(n2.w, n2.p)), m(tN2w, n2.w), m(tN2p, n2.p),

		m(m(tS0wpN0wp, s0wp), n0wp),
		m(m(tS0wpN0w, s0wp), n0.w),
		m(m(tS0wN0wp, s0.w), n0wp),
		m(m(tS0wpN0p, s0wp), n0.p),
		m(m(tS0pN0wp, s0.p), n0wp),
		m(m(tS0wN0w, s0.w), n0.w),
		m(m(tS0pN0p, s0.p), n0.p),
		m(m(tN0pN1p, n0.p), n1.p),

		m(m(m(tN0pN1pN2p, n0.p), n1.p), n2.p),
		m(m(m(tS0pN0pN1p, s0.p), n0.p), n1.p),
		m(m(m(tS0hpS0pN0p, s0h.p), s0.p), n0.p),
		m(m(m(tS0pS0lpN0p, s0.p), s0l.p), n0.p),
		m(m(m(tS0pS0rpN0p, s0.p), s0r.p), n0.p),
		m(m(m(tS0pN0pN0lp, s0.p), n0.p), n0l.p),

		m(m(tS0wd, s0.w), d),
		m(m(tS0pd, s0.p), d),
		m(m(tN0wd, n0.w), d),
		m(m(tN0pd, n0.p), d),
		m(m(m(tS0wN0wd, s0.w), n0.w), d),
		m(m(m(tS0pN0pd, s0.p), n0.p), d),

		m(m(tS0wvr, s0.w), vr),
		m(m(tS0pvr, s0.p), vr),
		m(m(tS0wvl, s0.w), vl),
		m(m(tS0pvl, s0.p), vl),
		m(m(tN0wvl, n0.w), n0vl),
		m(m(tN0pvl, n0.p), n0vl),

		m(tS0hw, s0h.w), m(tS0hp, s0h.p), m(tS0l, lab(s0i)),
		m(tS0lw, s0l.w), m(tS0lp, s0l.p), m(tS0ll, lab(s0li)),
		m(tS0rw, s0r.w), m(tS0rp, s0r.p), m(tS0rl, lab(s0ri)),
		m(tN0lw, n0l.w), m(tN0lp, n0l.p), m(tN0ll, lab(n0li)),

		m(tS0h2w, s0h2.w), m(tS0h2p, s0h2.p), m(tS0hl, lab(s0hi)),
		m(tS0l2w, s0l2.w), m(tS0l2p, s0l2.p), m(tS0l2l, lab(s0l2i)),
		m(tS0r2w, s0r2.w), m(tS0r2p, s0r2.p), m(tS0r2l, lab(s0r2i)),
		m(tN0l2w, n0l2.w), m(tN0l2p, n0l2.p), m(tN0l2l, lab(n0l2i)),
		m(m(m(tS0pS0lpS0l2p, s0.p), s0l.p), s0l2.p),
		m(m(m(tS0pS0rpS0r2p, s0.p), s0r.p), s0r2.p),
		m(m(m(tS0pS0hpS0h2p, s0.p), s0h.p), s0h2.p),
		m(m(m(tN0pN0lpN0l2p, n0.p), n0l.p), n0l2.p),

		m(m(tS0wsr, s0.w), sr),
		m(m(tS0psr, s0.p), sr),
		m(m(tS0wsl, s0.w), sl),
		m(m(tS0psl, s0.p), sl),
		m(m(tN0wsl, n0.w), n0sl),
		m(m(tN0psl, n0.p), n0sl),

		m(tS1w, s1.w), m(tS1p, s1.p),
		m(m(m(tS1pS0pN0p, s1.p), s0.p), n0.p),
		m(m(tS1wS0p, s1.w), s0.p),
		m(m(tS0uN0u, s0.u), n0.u),
		m(m(m(tS0uN0uN1u, s0.u), n0.u), n1.u),
		m(m(m(tS0hasN0p, has), s0.p), n0.p),
		m(tN0s, n0.s), m(tS0s, s0.s),
		m(m(tN0sS0p, n0.s), s0.p),
		m(m(m(tPunctBetween, punct), s0.p), n0.p),
		m(m(tN1sN0p, n1.s), n0.p),
		m(m(m(tS0wN0wN1p, s0.w), n0.w), n1.p),
		// UD makes prepositions and subordinators dependents of the noun
		// or clause they introduce: a word's function child (case or mark)
		// is what PP and clause attachment turn on, with the head's word.
		m(m(tS0wN0f, s0.w), n0f),
		m(m(tS0pN0f, s0.p), n0f),
		m(m(m(tS0pN0fN0w, s0.p), n0f), n0.w),
		m(m(m(tS0wN0fN0p, s0.w), n0f), n0.p),
		m(m(tS1wN0f, s1.w), n0f),
		m(m(m(tS1pS0pN0f, s1.p), s0.p), n0f),
		m(m(tS0fN0p, s0f), n0.p),
		m(m(m(tS0fS0pN0p, s0f), s0.p), n0.p),
		m(m(m(tS0hwN0f, s0h.w), n0f), n0.p),
		m(m(m(tN0ccS0pN0p, n0cc), s0.p), n0.p),
		m(m(m(tS0ccS0pN0p, s0cc), s0.p), n0.p),
	)
	return out
}

var (
	noToken = token{w: hNone, p: hNone, u: hNone, s: hNone}
	hPunct  = perceptron.Hash("PUNCT")
)

// distance buckets a distance: 1 to 4 as they are, then 5-6, 7-10, 11+.
func distance(d int) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func suffix3(s string) string {
	if len(s) <= 3 {
		return s
	}
	return s[len(s)-3:]
}
