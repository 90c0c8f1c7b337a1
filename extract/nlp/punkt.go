package nlp

import (
	"strings"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/data"
	"github.com/neurosnap/sentences/english"
)

// newPunkt builds neurosnap/sentences' English sentence splitter as
// english.NewSentenceTokenizer does (same training, abbreviations and
// annotations, so the same sentences: TestPunktEqualsEnglish, FuzzPunkt),
// with its per-token string tests written as byte tests: the English
// annotation matched a regular expression against every token and built
// lists of endings on every call, a third of Punkt's time.
func newPunkt() (*sentences.DefaultSentenceTokenizer, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	training, err := sentences.LoadTraining(b)
	if err != nil {
		return nil, err
	}
	for _, abbr := range []string{"sgt", "gov", "no"} { // as english adds them
		training.AbbrevTypes.Add(abbr)
	}
	lang := sentences.NewPunctStrings()
	word := &punktWords{}
	word.PunctStrings = lang
	annotations := sentences.NewAnnotations(training, lang, word)
	ortho := &sentences.OrthoContext{Storage: training, PunctStrings: lang, TokenType: word, TokenFirst: word}
	annotations = append(annotations, &multiPunct{Storage: training, TokenParser: word, Ortho: ortho})
	return &sentences.DefaultSentenceTokenizer{
		Storage:       training,
		PunctStrings:  lang,
		WordTokenizer: word,
		Annotations:   annotations,
	}, nil
}

// punktWords is english.WordTokenizer with its two ending tests in bytes.
type punktWords struct {
	english.WordTokenizer
}

// HasSentEndChars: ?, ! or a full stop, ? or ! before a closing quote or
// bracket at the end, or a full stop, ? or ! before an opening bracket (or
// a full stop before a quote) anywhere.
func (p *punktWords) HasSentEndChars(t *sentences.Token) bool {
	s := t.Tok
	if n := len(s); n > 0 && (s[n-1] == '?' || s[n-1] == '!') {
		return true
	}
	if closedEnd(s) {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '.':
			if c := s[i+1]; c == '[' || c == '(' || c == '"' || c == '\'' {
				return true
			}
		case '?', '!':
			if c := s[i+1]; c == '[' || c == '(' {
				return true
			}
		}
	}
	return false
}

// HasUnreliableEndChars: a full stop, ? or ! before a closing quote or
// bracket at the end.
func (p *punktWords) HasUnreliableEndChars(t *sentences.Token) bool { return closedEnd(t.Tok) }

func closedEnd(s string) bool {
	n := len(s)
	ender := func(c byte) bool { return c == '.' || c == '?' || c == '!' }
	if n >= 2 && (s[n-1] == '"' || s[n-1] == '\'' || s[n-1] == ')') && ender(s[n-2]) {
		return true
	}
	return n >= 4 && (strings.HasSuffix(s, "’") || strings.HasSuffix(s, "”")) && ender(s[n-4])
}

// multiPunct is english.MultiPunctWordAnnotation (abbreviations such as
// F.B.I.) with its regular expression ((?:\w\.)+\w*\.) as a byte scan.
type multiPunct struct {
	*sentences.Storage
	sentences.TokenParser
	sentences.Ortho
}

func (a *multiPunct) Annotate(tokens []*sentences.Token) []*sentences.Token {
	// english pairs each token with the next (DefaultTokenGrouper).
	for i := 0; i+1 < len(tokens); i++ {
		if tokens[i+1] != nil {
			a.tokenAnnotation(tokens[i], tokens[i+1])
		}
	}
	return tokens
}

func (a *multiPunct) tokenAnnotation(tokOne, tokTwo *sentences.Token) {
	if a.IsListNumber(tokOne) || a.IsCoordinatePartOne(tokOne) {
		tokOne.SentBreak = false
		return
	}
	if strings.HasSuffix(tokOne.Tok, ".") && tokTwo.Tok == "." {
		tokOne.SentBreak = false
		return
	}
	if !dottedWord(tokOne.Tok) && tokOne.Tok != "." && !a.HasUnreliableEndChars(tokOne) && !a.IsCoordinatePartTwo(tokOne) {
		return
	}
	if a.IsInitial(tokOne) {
		return
	}
	tokOne.Abbr = true
	tokOne.SentBreak = false
	nextTyp := a.TypeNoSentPeriod(tokTwo)
	if a.Ortho.Heuristic(tokTwo) == 1 {
		tokOne.SentBreak = true
		return
	}
	if a.FirstUpper(tokTwo) && (a.SentStarters[nextTyp] != 0 || a.HasUnreliableEndChars(tokOne) || tokOne.Tok == "." || a.IsCoordinatePartTwo(tokOne)) {
		tokOne.SentBreak = true
	}
}

// dottedWord reports whether s holds a match of (?:\w\.)+\w*\. - which it
// does exactly when it holds \w\.\w*\. (the last repetition and the rest).
func dottedWord(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if !wordByte(s[i]) || s[i+1] != '.' {
			continue
		}
		j := i + 2
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			return true
		}
	}
	return false
}

// wordByte is \w of Go's regular expressions: ASCII letters, digits, _.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
