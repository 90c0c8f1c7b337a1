// Package nlp is the language stage of the extraction pipeline: it maps
// typographic quotes and dashes to ASCII on a copy that keeps offsets, splits
// text into sentences (newlines first, then Punkt from neurosnap/sentences),
// tokenises and tags each sentence (prose's tokeniser, prose's tagger model
// behind a faster index), and adds lemmas (golem).
package nlp

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
	"github.com/jdkato/prose/v3/tokenize"
	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// Token is one word or punctuation mark of a sentence.
type Token struct {
	Text  string // as normalised: ASCII quotes and apostrophes
	Lower string // Text in lower case
	Lemma string // dictionary form, lower case
	Tag   string // Penn Treebank part-of-speech tag
	Start int    // byte offset of the token in the original document
	End   int
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
	splitter  *sentences.DefaultSentenceTokenizer
	tokenizer *tokenize.Tokenizer
	tagger    *Tagger
	lemmas    *golem.Lemmatizer
}

// New loads the models of the pipeline.
func New() (*Pipeline, error) {
	sp, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load sentence splitter: %w", err)
	}
	tg, err := defaultTagger()
	if err != nil {
		return nil, fmt.Errorf("load part-of-speech tagger: %w", err)
	}
	lm, err := golem.New(en.New())
	if err != nil {
		return nil, fmt.Errorf("load lemmatiser: %w", err)
	}
	return &Pipeline{splitter: sp, tokenizer: tokenize.New(), tagger: tg, lemmas: lm}, nil
}

// Sentences analyses a whole document.
func (p *Pipeline) Sentences(text string) []Sentence {
	norm, offs := Normalize(text)
	var out []Sentence
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
				toks := p.tokens(line[s0:s1], start+s0, offs)
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
	return strings.ContainsAny(line[:end], ".!?。！？")
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
func (p *Pipeline) tokens(sent string, base int, offs []int) []Token {
	raw := p.tokenizer.Tokenize(sent)
	p.tagger.Tag(raw)
	out := make([]Token, len(raw))
	for i, t := range raw {
		lower := strings.ToLower(t.Text)
		tag := fixTag(t.Text, t.Tag)
		out[i] = Token{
			Text:  t.Text,
			Lower: lower,
			Tag:   tag,
			Lemma: p.lemma(lower, tag),
			Start: offs[base+t.Start],
			End:   endOffset(offs, base+t.Start+len(t.Text)),
		}
	}
	return out
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
			if p.lemmas.InDict(c) {
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
		for _, l := range p.lemmas.Lemmas(lower) {
			if l != lower {
				return l
			}
		}
		if l := p.strip(lower); l != "" {
			return l
		}
	}
	if strings.HasPrefix(tag, "VB") || strings.HasPrefix(tag, "NN") {
		if l := p.lemmas.Lemma(lower); l != "" {
			return l
		}
	}
	return lower
}
