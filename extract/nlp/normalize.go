package nlp

import "unicode/utf8"

// ascii maps typographic punctuation to the ASCII the tagger was trained on.
var ascii = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': `"`, '\u201D': `"`, '\u201E': `"`, '\u201F': `"`, '\u00AB': `"`, '\u00BB': `"`, '\u2033': `"`,
	'\u2013': "-", '\u2014': " - ", '\u2212': "-", '\u2010': "-", '\u2011': "-",
	'\u00A0': " ", '\u2009': " ", '\u200A': " ", '\u202F': " ", '\u2026': "...",
	'\u200B': "", '\uFEFF': "", '\r': "",
}

// Normalize returns text with typographic quotes, apostrophes, dashes and
// spaces replaced by ASCII, and for every byte of the result (and one past
// its end) the offset of the byte in text it came from. Invalid UTF-8 bytes
// become spaces.
func Normalize(text string) (string, []int) {
	b := make([]byte, 0, len(text))
	offs := make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && (c >= ' ' || c == '\n' || c == '\t') {
			b = append(b, c) // plain ASCII, the common case
			offs = append(offs, i)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		rep, ok := ascii[r]
		switch {
		case r == utf8.RuneError && size == 1:
			rep, ok = " ", true
		case r < ' ' && r != '\n' && r != '\t' && !ok:
			rep, ok = " ", true
		}
		if !ok {
			rep = text[i : i+size]
		}
		for j := 0; j < len(rep); j++ {
			offs = append(offs, i)
		}
		b = append(b, rep...)
		i += size
	}
	offs = append(offs, len(text))
	return string(b), offs
}
