package annotate

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract/lexicon"

	"github.com/stancegraph/stancegraph/extract/nlp"
)

// The language stages of package nlp: "sentences" splits, tokenises, tags
// with prose's tagger and lemmatises; "parse" adds the EWT tags and the
// dependency trees.
func init() {
	Register("sentences", func(Env) (Stage, error) {
		p, err := pipeline()
		return sentences{p}, err
	})
	Register("parse", func(env Env) (Stage, error) {
		p, err := pipeline()
		return parse{p: p, names: properNames(env.Lexicon)}, err
	})
}

// pipeline loads the language models once per process for both stages.
var pipeline = sync.OnceValues(nlp.New)

type sentences struct{ p *nlp.Pipeline }

func (s sentences) Annotate(_ context.Context, d *Doc) error {
	d.Sentences = s.p.Sentences(d.Source.Text)
	return nil
}

type parse struct {
	p     *nlp.Pipeline
	names map[string][][]string // first word -> names of several words that begin with it
}

func (s parse) Annotate(_ context.Context, d *Doc) error {
	return s.p.ParseWith(d.Sentences, s.retag)
}

// properNames lists the lexicon's capitalised names: actors' names,
// aliases and metonyms, and office holders' names.
func properNames(lx *lexicon.Lexicon) map[string][][]string {
	names := map[string][][]string{}
	add := func(name string) {
		words := nlp.Words(name)
		if len(words) == 0 {
			return
		}
		for _, w := range words {
			if w == "'s" || w == "of" || w == "the" || w == "and" {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				return
			}
		}
		names[words[0]] = append(names[words[0]], words)
	}
	if lx == nil {
		return names
	}
	for _, a := range lx.Actors {
		add(a.Name)
		for _, s := range append(append([]string(nil), a.Aliases...), a.Metonyms...) {
			add(s)
		}
	}
	for _, p := range lx.People {
		add(p.Name)
	}
	return names
}

// retag tags the words of a known name as proper nouns, which the tagger,
// trained on web text, often misses in news ("the United States" read as
// an adjective and a noun, "Norway" at the start of a sentence as an
// adverb, "Chile" as the pepper): the parse of the rest of the sentence
// hangs on it.
func (s parse) retag(toks []nlp.Token) {
	s.retagNames(toks)
	finiteVerb(toks)
}

// finiteVerb gives a sentence without a finite verb one: a past
// participle right after a noun or pronoun, with no auxiliary before it,
// is read as the past tense the tagger missed ("Norway pressed Venezuela
// to accept", "Chile called on all parties"). A sentence's main clause
// has a finite verb; headlines and captions that have none keep theirs
// when no participle follows a noun.
func finiteVerb(toks []nlp.Token) {
	for _, t := range toks {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].XPOS != "VBN" {
			continue
		}
		switch toks[i-1].XPOS {
		case "NNP", "NNPS", "NN", "NNS", "PRP":
		default:
			continue
		}
		aux := false
		for k := 0; k < i; k++ {
			switch strings.ToLower(toks[k].Text) {
			case "has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "get", "got":
				aux = true
			}
		}
		if !aux {
			toks[i].XPOS, toks[i].UPOS = "VBD", "VERB"
		}
		return
	}
}

// retagNames tags the lexicon's names as proper nouns.
func (s parse) retagNames(toks []nlp.Token) {
	for i := 0; i < len(toks); i++ {
		for _, name := range s.names[toks[i].Text] {
			if i+len(name) > len(toks) {
				continue
			}
			match := true
			for k, w := range name {
				if toks[i+k].Text != w {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			for k := i; k < i+len(name); k++ {
				if w := toks[k].Text; w != "'s" && w != "of" && w != "the" && w != "and" {
					toks[k].XPOS, toks[k].UPOS = "NNP", "PROPN"
				}
			}
			i += len(name) - 1
			break
		}
	}
}
