package pos

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/perceptron"
)

// word holds a token's hashed forms, computed once a sentence.
type word struct {
	form, lower, shape          uint64
	suf1, suf2, suf3, suf4      uint64
	pre1, pre2, pre3            uint64
	guide                       uint64 // another tagger's tag, or hNone
	hyphen, upper, digit, title bool
}

// Feature templates; each is mixed with its parts' hashes.
const (
	fBias uint64 = iota + 1
	fForm
	fLower
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPre1
	fPre2
	fPre3
	fShape
	fPrev1
	fPrev2
	fNext1
	fNext2
	fPrevSuf3
	fNextSuf3
	fNextShape
	fPrevShape
	fTag1
	fTag2
	fTag12
	fTag1Word
	fTag1Suf3
	fWordNext
	fPrevWord
	fTag1Next
	fFirstShape
	fFlags
	fGuide
	fGuidePrev
	fGuideNext
	fGuideWord
	fGuidePair
	fGuideNextPair
	fGuideTag1
)

var (
	hStart  = perceptron.Hash("-START-")
	hStart2 = perceptron.Hash("-START2-")
	hEnd    = perceptron.Hash("-END-")
	hEnd2   = perceptron.Hash("-END2-")
	hNone   = perceptron.Hash("-NONE-")
)

// analyse hashes the forms of a sentence's words, and the tags another
// tagger gave them if guide is not nil, into ws.
func analyse(forms, guide []string, ws []word) []word {
	ws = ws[:0]
	for i, f := range forms {
		l := perceptron.FoldDigits(strings.ToLower(f))
		w := word{
			form:  perceptron.Hash(perceptron.FoldDigits(f)),
			lower: perceptron.Hash(l),
			shape: perceptron.Hash(Shape(f)),
			suf1:  perceptron.Hash(suffix(l, 1)),
			suf2:  perceptron.Hash(suffix(l, 2)),
			suf3:  perceptron.Hash(suffix(l, 3)),
			suf4:  perceptron.Hash(suffix(l, 4)),
			pre1:  perceptron.Hash(prefix(l, 1)),
			pre2:  perceptron.Hash(prefix(l, 2)),
			pre3:  perceptron.Hash(prefix(l, 3)),
			guide: hNone,
		}
		if guide != nil {
			w.guide = perceptron.Hash(guide[i])
		}
		for _, r := range f {
			switch {
			case r == '-':
				w.hyphen = true
			case unicode.IsUpper(r):
				w.upper = true
			case unicode.IsDigit(r):
				w.digit = true
			}
		}
		r, _ := utf8.DecodeRuneInString(f)
		w.title = unicode.IsUpper(r)
		ws = append(ws, w)
	}
	return ws
}

// features appends the features of word i given the tags of the two
// words before it (as hashes).
func features(ws []word, i int, t1, t2 uint64, out []uint64) []uint64 {
	m := perceptron.Mix
	w := &ws[i]
	p1, p2, n1, n2 := hStart, hStart2, hEnd, hEnd2
	ps3, ns3, nsh, psh := hStart, hEnd, hEnd, hStart
	pg, ng := hStart, hEnd
	if i > 0 {
		p1, ps3, psh, pg = ws[i-1].lower, ws[i-1].suf3, ws[i-1].shape, ws[i-1].guide
	}
	if i > 1 {
		p2 = ws[i-2].lower
	}
	if i+1 < len(ws) {
		n1, ns3, nsh, ng = ws[i+1].lower, ws[i+1].suf3, ws[i+1].shape, ws[i+1].guide
	}
	if i+2 < len(ws) {
		n2 = ws[i+2].lower
	}
	flags := uint64(0)
	if w.hyphen {
		flags |= 1
	}
	if w.upper {
		flags |= 2
	}
	if w.digit {
		flags |= 4
	}
	if i == 0 {
		flags |= 8
	}
	out = append(out,
		fBias,
		m(fForm, w.form),
		m(fLower, w.lower),
		m(fSuf1, w.suf1),
		m(fSuf2, w.suf2),
		m(fSuf3, w.suf3),
		m(fSuf4, w.suf4),
		m(fPre1, w.pre1),
		m(fPre2, w.pre2),
		m(fPre3, w.pre3),
		m(fShape, w.shape),
		m(fPrev1, p1),
		m(fPrev2, p2),
		m(fNext1, n1),
		m(fNext2, n2),
		m(fPrevSuf3, ps3),
		m(fNextSuf3, ns3),
		m(fNextShape, nsh),
		m(fPrevShape, psh),
		m(fTag1, t1),
		m(fTag2, t2),
		m(m(fTag12, t1), t2),
		m(m(fTag1Word, t1), w.lower),
		m(m(fTag1Suf3, t1), w.suf3),
		m(m(fWordNext, w.lower), n1),
		m(m(fPrevWord, p1), w.lower),
		m(m(fTag1Next, t1), n1),
		m(fFlags, flags),
		m(fGuide, w.guide),
		m(fGuidePrev, pg),
		m(fGuideNext, ng),
		m(m(fGuideWord, w.guide), w.lower),
		m(m(fGuidePair, pg), w.guide),
		m(m(fGuideNextPair, w.guide), ng),
		m(m(fGuideTag1, w.guide), t1),
	)
	if i == 0 {
		out = append(out, m(fFirstShape, w.shape))
	}
	return out
}

// Shape maps a word to its letter shape: X for upper case, x for lower, d
// for digits, other characters as they are, runs cut at two:
// "Washington" -> "Xxx", "McCain" -> "XxXxx", "1999" -> "dd", "U.S." -> "X.X.".
func Shape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			last, run = c, 1
		}
		b.WriteRune(c)
	}
	return b.String()
}

func suffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

func prefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
