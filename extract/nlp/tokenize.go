package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
)

// tokenizeText splits a sentence into tokens exactly as prose's tokenize.New()
// does (TestTokenizeEqualsProse, FuzzTokenize): runs of non-space split into
// opening marks, contractions and closing marks. prose tests every run
// against a regular expression and ten contraction endings; here the
// expression is a few byte comparisons and runs without an apostrophe skip
// the endings, which makes tokenising about five times faster
// (BenchmarkTokenize). tokens is reused.
func tokenizeText(text string, tokens []tag.Token) []tag.Token {
	tokens = tokens[:0]
	start := -1
	for i := 0; i < len(text); {
		c := text[i]
		size := 1
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				tokens = splitRun(text[start:i], start, tokens)
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		tokens = splitRun(text[start:], start, tokens)
	}
	return tokens
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// splitRun breaks one run of non-space into tokens; base is its offset.
func splitRun(span string, base int, tokens []tag.Token) []tag.Token {
	var sufArr [8]tag.Token
	suffixes := sufArr[:0]
	for span != "" {
		if keepWhole(span) {
			tokens = append(tokens, tag.Token{Text: span, Start: base})
			span = ""
			break
		}
		if p := openingMark(span); p > 0 {
			tokens = append(tokens, tag.Token{Text: span[:p], Start: base})
			span, base = span[p:], base+p
			continue
		}
		if idx := contraction(span); idx > 0 {
			tokens = append(tokens, tag.Token{Text: span[:idx], Start: base})
			span, base = span[idx:], base+idx
			continue
		}
		if s := closingMark(span); s > 0 {
			cut := len(span) - s
			suffixes = append(suffixes, tag.Token{Text: span[cut:], Start: base + cut})
			span = span[:cut]
			continue
		}
		tokens = append(tokens, tag.Token{Text: span, Start: base})
		span = ""
	}
	for i := len(suffixes) - 1; i >= 0; i-- {
		tokens = append(tokens, suffixes[i])
	}
	return tokens
}

// keepWhole is prose's test for a run it never splits: an emoticon, an
// initialism ("U.S.", "e.g.") or a short abbreviation ("Mr.", "Gen.").
func keepWhole(s string) bool {
	if isEmoticon(s) {
		return true
	}
	n := len(s)
	if n == 0 || s[n-1] != '.' {
		return false
	}
	if n >= 4 && n%2 == 0 {
		ok := true
		for i := 0; i < n; i += 2 {
			if !asciiLetter(s[i]) || s[i+1] != '.' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	if n == 3 || n == 4 {
		if s[0] < 'A' || s[0] > 'Z' {
			return false
		}
		for i := 1; i < n-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

// emoticonStart has bit b&63 of entry a set when an emoticon begins with
// the bytes a, b: a cheap test before the map (every emoticon has two bytes).
var emoticonStart = func() (set [256]uint64) {
	for e := range emoticons {
		set[e[0]] |= 1 << (e[1] & 63)
	}
	return set
}()

// isEmoticon: one of prose's emoticons.
func isEmoticon(s string) bool {
	return len(s) > 1 && emoticonStart[s[0]]&(1<<(s[1]&63)) != 0 && emoticons[s]
}

func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// openingMark is the length of a mark split off the front, or 0.
func openingMark(s string) int {
	switch {
	case len(s) > 1 && (s[0] == '$' || s[0] == '(' || s[0] == '"' || s[0] == '['):
		return 1
	case len(s) > 3 && (strings.HasPrefix(s, "“") || strings.HasPrefix(s, "‘")):
		return 3
	}
	return 0
}

// closingMark is the length of a mark split off the end, or 0.
func closingMark(s string) int {
	n := len(s)
	if n > 1 {
		switch s[n-1] {
		case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
			return 1
		}
	}
	if n > 3 && (strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’")) {
		return 3
	}
	return 0
}

// contractions are prose's endings split off a word: "they'll", "don't".
var contractions = []string{"'ll", "'s", "'re", "'m", "n't", "’ll", "’s", "’re", "’m", "n’t"}

// contraction is the offset of the earliest contraction ending in s, as
// prose finds it: each ending's first occurrence, ASCII case folded, counts
// only when it is not at the start. -1 for none.
func contraction(s string) int {
	if strings.IndexByte(s, '\'') < 0 && !strings.Contains(s, "’") {
		return -1
	}
	best := -1
	for _, c := range contractions {
		if i := indexFold(s, c); i > 0 && (best == -1 || i < best) {
			best = i
		}
	}
	return best
}

func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		ca, cb := a[i], b[i]
		if ca >= 'A' && ca <= 'Z' {
			ca += 'a' - 'A'
		}
		if cb >= 'A' && cb <= 'Z' {
			cb += 'a' - 'A'
		}
		if ca != cb {
			return false
		}
	}
	return true
}

// Words tokenises a phrase as the pipeline tokenises sentences, after the
// same normalisation of quotes and dashes: lexicons use it so that their
// phrases and the text split alike ("People's" is "People" and "'s").
func Words(phrase string) []string {
	norm, _ := Normalize(phrase)
	var out []string
	for _, t := range tokenizeText(norm, nil) {
		out = append(out, t.Text)
	}
	return out
}
