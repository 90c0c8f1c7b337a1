// Package nlp is the language stage of the extraction pipeline: it maps
// typographic quotes and dashes to ASCII on a copy that keeps offsets, splits
// text into sentences (newlines first, then Punkt from neurosnap/sentences),
// tokenises each sentence (prose's tokeniser's rules, tokenize.go), tags it
// with prose's WSJ tagger (its model behind a faster index, tagger.go;
// Token.Tag, which the pattern rules were tuned to) and adds lemmas (golem's
// English dictionary, lemma.go). Parse is the syntax stage: the EWT tagger
// of package pos, which reads prose's tags as features (Token.XPOS and
// UPOS), then the dependency parser of package depparse, which was trained
// on those tags (Token.Head and Rel). Tokens are prose's, token for token
// (TestTokenizeEqualsProse).
package nlp

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/v3/tag"
	"github.com/neurosnap/sentences"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string // as normalised: ASCII quotes and apostrophes
	Lower string // Text in lower case
	Lemma string // dictionary form, lower case
	Tag   string // Penn Treebank tag from prose's WSJ tagger (the rules read it)
	XPOS  string // after Parse: Penn Treebank tag from the EWT tagger
	UPOS  string // after Parse: Universal Dependencies tag from the EWT tagger
	Start int    // byte offset of the token in the original document
	End   int
	Head  int    // after Parse: index of the head token, -1 for the root
	Rel   string // after Parse: Universal Dependencies relation to the head
}

// Sentence is a sentence of a document with its tokens.
type Sentence struct {
	Index  int    // 0-based position in the document
	Text   string // the original text of the sentence
	Start  int    // byte offsets in the original document
	End    int
	Para   int // index of the paragraph (line) the sentence is in
	Tokens []Token
}

// Pipeline splits, tokenises, tags and lemmatises text. It is safe for use by
// several goroutines.
type Pipeline struct {
	splitter *sentences.DefaultSentenceTokenizer
	prose    *Tagger
	lemmas   lemmaDict
}

// New loads the models of the pipeline, side by side; those of the syntax
// stage load on the first Parse.
func New() (*Pipeline, error) {
	var (
		p    Pipeline
		wg   sync.WaitGroup
		errs [3]error
	)
	wg.Add(3)
	go func() {
		defer wg.Done()
		if p.splitter, errs[0] = newPunkt(); errs[0] != nil {
			errs[0] = fmt.Errorf("load sentence splitter: %w", errs[0])
		}
	}()
	go func() {
		defer wg.Done()
		if p.prose, errs[1] = defaultTagger(); errs[1] != nil {
			errs[1] = fmt.Errorf("load prose's part-of-speech tagger: %w", errs[1])
		}
	}()
	go func() {
		defer wg.Done()
		data, err := en.New().GetResource()
		if err == nil {
			p.lemmas, err = newLemmaDict(data)
		}
		if err != nil {
			errs[2] = fmt.Errorf("load lemmatiser (golem's English dictionary): %w", err)
		}
	}()
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	return &p, nil
}

// Sentences analyses a whole document.
func (p *Pipeline) Sentences(text string) []Sentence {
	norm, offs := Normalize(text)
	var out []Sentence
	var sc scratch // reused for each sentence
	para := 0
	for start := 0; start < len(norm); {
		end := strings.IndexByte(norm[start:], '\n')
		if end < 0 {
			end = len(norm)
		} else {
			end += start
		}
		line := norm[start:end]
		if strings.TrimSpace(line) != "" {
			for _, s := range p.split(line) {
				s0, s1 := trimSpan(line, s[0], s[1])
				if s0 >= s1 {
					continue
				}
				sent := Sentence{
					Index: len(out),
					Start: offs[start+s0],
					End:   endOffset(offs, start+s1),
					Para:  para,
				}
				toks := p.tokens(line[s0:s1], start+s0, offs, &sc)
				if len(toks) == 0 {
					continue
				}
				if n := len(out); n > 0 && out[n-1].Para == para && !hasWord(toks) {
					// A stray closing quote or bracket: it ends the last sentence.
					last := &out[n-1]
					last.End = sent.End
					last.Text = text[last.Start:last.End]
					last.Tokens = append(last.Tokens, toks...)
					continue
				}
				sent.Text = text[sent.Start:sent.End]
				sent.Tokens = toks
				out = append(out, sent)
			}
			para++
		}
		start = end + 1
	}
	return out
}

// Limits that keep a run-away input (a whole book on one line, a table
// without full stops) from stalling the pipeline: longer lines are cut into
// pieces at spaces before Punkt sees them, and longer sentences are cut too.
const (
	MaxLine     = 16 << 10
	MaxSentence = 1 << 10
)

// split returns the [start,end) byte spans of the sentences of one line.
func (p *Pipeline) split(line string) [][2]int {
	if len(line) > MaxLine {
		var spans [][2]int
		for _, c := range chunks(line, MaxLine) {
			for _, s := range p.split(line[c[0]:c[1]]) {
				spans = append(spans, [2]int{c[0] + s[0], c[0] + s[1]})
			}
		}
		return spans
	}
	var spans [][2]int
	for _, s := range p.punkt(line) {
		if s[1]-s[0] <= MaxSentence {
			spans = append(spans, s)
			continue
		}
		for _, c := range chunks(line[s[0]:s[1]], MaxSentence) {
			spans = append(spans, [2]int{s[0] + c[0], s[0] + c[1]})
		}
	}
	return spans
}

// chunks cuts text into pieces of at most max bytes, after a sentence end
// or else at a space where it can, and never inside a UTF-8 sequence.
func chunks(text string, max int) [][2]int {
	var out [][2]int
	for start := 0; start < len(text); {
		end := start + max
		if end >= len(text) {
			out = append(out, [2]int{start, len(text)})
			break
		}
		cut := strings.LastIndex(text[start:end], ". ")
		if cut > max/2 {
			cut += 2
		} else if cut = strings.LastIndexByte(text[start:end], ' '); cut > 0 {
			cut++
		} else {
			cut = max
			for cut > 0 && !utf8.RuneStart(text[start+cut]) {
				cut--
			}
		}
		out = append(out, [2]int{start, start + cut})
		start += cut
	}
	return out
}

// punkt returns the sentence spans Punkt finds in one line. A line with no
// sentence-ending mark before its end is one sentence and skips Punkt: a
// headline, a one-sentence paragraph.
func (p *Pipeline) punkt(line string) [][2]int {
	if !innerEnder(line) {
		return [][2]int{{0, len(line)}}
	}
	var spans [][2]int
	pos := 0
	for _, s := range p.splitter.Tokenize(line) {
		// Find the sentence text from pos on: the splitter's offsets are
		// not reliable across versions, the text is.
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		i := strings.Index(line[pos:], t)
		if i < 0 {
			continue
		}
		a, b := pos+i, pos+i+len(t)
		for a > 0 && !utf8.RuneStart(line[a]) {
			a-- // the splitter can cut a rune (it trims bytes such as 0xA0)
		}
		for b < len(line) && !utf8.RuneStart(line[b]) {
			b++
		}
		spans = append(spans, [2]int{a, b})
		pos = b
	}
	if len(spans) == 0 {
		spans = append(spans, [2]int{0, len(line)})
	}
	return spans
}

// innerEnder reports whether line has a sentence-ending mark (those Punkt
// splits at) followed by more than closing marks and spaces.
func innerEnder(line string) bool {
	end := len(line)
	for end > 0 && strings.IndexByte(" \t\"')]}.!?", line[end-1]) >= 0 {
		end--
	}
	for _, c := range []byte(line[:end]) {
		switch c {
		case '.', '!', '?':
			return true
		case 0xE3, 0xEF: // the lead byte of 。 and of ！ ？
			return strings.ContainsAny(line[:end], "。！？")
		}
	}
	return false
}

// endOffset maps an exclusive end k in normalised text to the original: the
// end of the source rune of byte k-1, even when that rune became several
// bytes ("—" -> " - ").
func endOffset(offs []int, k int) int {
	if k <= 0 {
		return offs[0]
	}
	j := k
	for j < len(offs)-1 && offs[j] == offs[k-1] {
		j++
	}
	return offs[j]
}

func trimSpan(s string, a, b int) (int, int) {
	for a < b {
		r, size := utf8.DecodeRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += size
	}
	for b > a {
		r, size := utf8.DecodeLastRuneInString(s[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}

// tokens tokenises, tags and lemmatises one sentence; base is its offset in
// the normalised document and offs maps normalised to original offsets.
func (p *Pipeline) tokens(sent string, base int, offs []int, sc *scratch) []Token {
	raw := tokenizeText(sent, sc.raw)
	lower := sc.lower[:0]
	for _, t := range raw {
		lower = append(lower, strings.ToLower(t.Text))
	}
	sc.raw, sc.lower = raw, lower
	toks := p.tag(raw, lower, sc)
	for i, t := range raw {
		toks[i].Start = offs[base+t.Start]
		toks[i].End = endOffset(offs, base+t.Start+len(t.Text))
	}
	return toks
}

// tag tags (prose's tagger) and lemmatises one sentence's tokens.
func (p *Pipeline) tag(raw []tag.Token, lower []string, sc *scratch) []Token {
	p.prose.tag(raw, lower)
	out := make([]Token, len(raw))
	for i, t := range raw {
		tg := fixTag(t.Text, t.Tag)
		out[i] = Token{
			Text:  t.Text,
			Lower: lower[i],
			Tag:   tg,
			Lemma: p.lemma(lower[i], tg),
			Head:  -1,
		}
	}
	return out
}

// scratch is the space one document's sentences reuse for tokenising.
type scratch struct {
	raw   []tag.Token
	lower []string
}

// strip undoes a regular inflection when the dictionary lacks the form:
// calling -> call, despatched -> despatch, hoping -> hope.
func (p *Pipeline) strip(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+2 {
			continue
		}
		base := w[:len(w)-len(suf)]
		cands := []string{base, base + "e"}
		if n := len(base); n > 2 && base[n-1] == base[n-2] {
			cands = append(cands, base[:n-1])
		}
		for _, c := range cands {
			if _, ok := p.lemmas[c]; ok {
				return c
			}
		}
	}
	return ""
}

func hasWord(toks []Token) bool {
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// fixTag corrects what the tagger cannot know: quotation marks are
// punctuation, "cannot" is a modal.
func fixTag(text, tag string) string {
	switch text {
	case `"`, "``", "''":
		return `"`
	case "cannot", "Cannot":
		return "MD"
	}
	return tag
}

// Lemma gives the dictionary form of a lower-case word read as the given
// part of speech.
func (p *Pipeline) Lemma(lower, tag string) string { return p.lemma(lower, tag) }

// lemma gives the dictionary form of verbs and nouns; other words keep their
// lower-case form.
func (p *Pipeline) lemma(lower, tag string) string {
	if lower == "'s" && strings.HasPrefix(tag, "VB") {
		return "be"
	}
	if strings.HasPrefix(tag, "VB") && tag != "VB" && tag != "VBP" {
		// An inflected verb: prefer a lemma other than the word itself
		// ("calling" is also a noun).
		if b, ok := p.lemmas[lower]; ok {
			if b.first != lower {
				return b.first
			}
			for _, l := range b.more {
				if l != lower {
					return l
				}
			}
		}
		if l := p.strip(lower); l != "" {
			return l
		}
	}
	if strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "NN") {
		if b, ok := p.lemmas[lower]; ok {
			return b.first
		}
	}
	return lower
}
