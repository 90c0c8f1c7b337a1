package nlp

import (
	"fmt"

	"github.com/stancegraph/stancegraph/extract/depparse"
	"github.com/stancegraph/stancegraph/extract/pos"
)

// Parse is the syntax stage: it tags each sentence with the EWT tagger
// (Token.XPOS and UPOS, from the words and prose's tags) and adds its
// dependency tree (Token.Head and Rel). The tagger and the parser (packages
// pos and depparse) load on first use, once per process, and are shared by
// every pipeline.
func (p *Pipeline) Parse(sents []Sentence) error { return p.ParseWith(sents, nil) }

// ParseWith is Parse with a step between tagging and parsing that may
// correct a sentence's tags (a gazetteer's proper names, say).
func (p *Pipeline) ParseWith(sents []Sentence, retag func(toks []Token)) error {
	tagger, err := pos.Default()
	if err != nil {
		return fmt.Errorf("load part-of-speech tagger: %w", err)
	}
	parser, err := depparse.Default()
	if err != nil {
		return fmt.Errorf("load dependency parser: %w", err)
	}
	var (
		forms, guide, xpos, upos []string
		ids, heads, rels         []int
	)
	for si := range sents {
		toks := sents[si].Tokens
		forms, guide, xpos, upos = forms[:0], guide[:0], xpos[:0], upos[:0]
		for _, t := range toks {
			forms = append(forms, t.Text)
			guide = append(guide, t.Tag)
		}
		ids = tagger.Tag(forms, guide, ids[:0])
		for i, id := range ids {
			toks[i].XPOS, toks[i].UPOS = tagger.XPOS(id), tagger.UPOS(id)
		}
		auxiliaries(toks)
		if retag != nil {
			retag(toks)
		}
		for _, t := range toks {
			xpos, upos = append(xpos, t.XPOS), append(upos, t.UPOS)
		}
		heads, rels = parser.Parse(forms, xpos, upos, heads[:0], rels[:0])
		for i := range toks {
			toks[i].Head, toks[i].Rel = heads[i], parser.Label(rels[i])
		}
	}
	return nil
}

// auxiliaries applies UD's rule for auxiliaries where the tagger misses
// it: be, have and do before a verb form of theirs, and the modals, are
// AUX ("Russia has repeatedly denied": "has" is no main verb). Adverbs and
// negation may stand between.
func auxiliaries(toks []Token) {
	for i := range toks {
		t := &toks[i]
		if t.UPOS != "VERB" {
			continue
		}
		switch t.Lemma {
		case "be", "have", "do":
		default:
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3; k++ {
			n := toks[k]
			if n.XPOS == "RB" || n.Lower == "not" || n.Lower == "n't" {
				continue
			}
			if n.XPOS == "VBN" || n.XPOS == "VBG" || (t.Lemma == "do" && n.XPOS == "VB") {
				t.UPOS = "AUX"
			}
			break
		}
	}
}
