package nlp

import (
	"fmt"
	"strings"

	"github.com/jdkato/prose/v3/tag"

	"github.com/stancegraph/stancegraph/extract/conllu"
)

// CoNLLU gives a parsed sentence of doc (the document's original text) as
// CoNLL-U: forms as the document spells them, lemmas, both tags, heads and
// relations, and in MISC the token's byte offsets in the document
// (TokenRange, as UDPipe writes it) and SpaceAfter=No where the next token
// follows with no space.
func (s *Sentence) CoNLLU(doc, sentID string) *conllu.Sentence {
	out := &conllu.Sentence{Comments: []string{
		"sent_id = " + sentID,
		"text = " + strings.Join(strings.Fields(s.Text), " "),
	}}
	for i, t := range s.Tokens {
		form := t.Text
		if orig := doc[t.Start:t.End]; orig != "" && !strings.ContainsAny(orig, " \t\r\n") {
			form = orig
		}
		misc := fmt.Sprintf("TokenRange=%d:%d", t.Start, t.End)
		if i+1 < len(s.Tokens) && s.Tokens[i+1].Start == t.End {
			misc = "SpaceAfter=No|" + misc
		}
		out.Words = append(out.Words, conllu.Word{
			ID: i + 1, Form: form, Lemma: t.Lemma, UPOS: t.UPOS, XPOS: t.XPOS,
			Head: t.Head + 1, Deprel: t.Rel, Misc: misc,
		})
	}
	return out
}

// AnnotateCoNLLU tags, lemmatises and parses a sentence whose words are
// given (a treebank's): it keeps the sentence's comments, words and other
// lines and replaces LEMMA, UPOS, XPOS, FEATS, HEAD, DEPREL and DEPS.
func (p *Pipeline) AnnotateCoNLLU(s *conllu.Sentence) error {
	raw := make([]tag.Token, len(s.Words))
	lower := make([]string, len(s.Words))
	for i, w := range s.Words {
		raw[i].Text, _ = Normalize(w.Form)
		lower[i] = strings.ToLower(raw[i].Text)
	}
	var sc scratch
	sent := Sentence{Tokens: p.tag(raw, lower, &sc)}
	if err := p.Parse([]Sentence{sent}); err != nil {
		return err
	}
	for i, t := range sent.Tokens {
		w := &s.Words[i]
		w.Lemma, w.UPOS, w.XPOS, w.Feats = t.Lemma, t.UPOS, t.XPOS, "_"
		w.Head, w.Deprel, w.Deps = t.Head+1, t.Rel, "_"
	}
	return nil
}
