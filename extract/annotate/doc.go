// Package annotate is the shape of the tree extractor: one document
// annotated by stages in turn, as spaCy's pipeline annotates a Doc. A stage
// reads what earlier stages wrote and adds its own layer: sentences and
// tokens, their trees, actor mentions and coreference, predicate frames,
// statements. Stages register by name (Register) and a Chain runs the ones
// a configuration names, so a user can swap one (another language's
// parser, an LLM-backed frame reader) without touching the rest.
package annotate

import (
	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/extract/nlp"
	"github.com/stancegraph/stancegraph/schema"
)

// Doc is a document and its layers of annotation.
type Doc struct {
	Source    *extract.Document
	Sentences []nlp.Sentence // with tokens, tags, lemmas and trees
	Mentions  []Mention      // actors, people and what refers to them, in text order
	Frames    []Frame        // stance and interaction predicates with their arguments
	// Statements are the output: what the document says who holds.
	Statements []schema.Statement
}

// MentionKind says how a mention names its actor.
type MentionKind int

const (
	Name         MentionKind = iota // a name or alias: "Russia", "NATO"
	Metonym                         // a capital or organ: "Moscow", "the Kremlin"
	Demonym                         // a demonym on a word of government: "the Russian side"
	Person                          // a person who speaks for an actor
	Pronoun                         // he, she, it, they, we, our ...
	Description                     // "the alliance", "the minister", "the two sides"
	Organisation                    // a named body no lexicon knows: "the Tigray People's Liberation Front"
)

// Mention is a span of tokens that refers to an actor or a person. Actors
// are the collectives it stands for (none while unresolved; two for "the
// two sides"); a person's mention has the person's name and title too.
type Mention struct {
	Sent       int // sentence index
	Start, End int // token span [Start, End)
	Head       int // the token the tree hangs the span from
	Kind       MentionKind
	Actors     []*lexicon.Actor
	Person     string // for a person: the full name
	Title      string
	Word       string // for pronouns and descriptions: the word, lower case
	Plural     bool   // "they", "the two sides"
}

// Actor gives the mention's first actor, or nil.
func (m *Mention) Actor() *lexicon.Actor {
	if len(m.Actors) == 0 {
		return nil
	}
	return m.Actors[0]
}

// Frame is a predicate that carries a stance or an interaction, with its
// arguments as token indexes of one sentence.
type Frame struct {
	Sent    int
	Pred    int    // the predicate's token
	Cue     string // its words as the lexicon lists them: "call for", "rejection"
	Class   schema.Class
	Negated bool // the class is already turned (not, never, refuse to)
	Holder  int  // who holds it; -1 when the clause does not say
	// Parts are the heads of the subtrees that make up the target, in
	// order: one for "rejected the plan", two for "urged Russia to
	// withdraw" (Russia, withdraw).
	Parts  []int
	Actor  bool // the target is another actor (an interaction)
	Mutual bool // an interaction among the holder's conjuncts: "X and Y met"
	Judged bool // an evaluation of its target by the holder: "called X reasonable", "X is unacceptable"
	// Deed: the target is the predicate's own verb phrase, less its
	// subject and auxiliaries: what an actor says it will do ("the bloc
	// will impose sanctions" supports imposing them).
	Deed bool
}

// Tokens gives a sentence's tokens.
func (d *Doc) Tokens(sent int) []nlp.Token { return d.Sentences[sent].Tokens }

// MentionAt gives the mention a token belongs to in a sentence (its head or
// any token of its span), or nil.
func (d *Doc) MentionAt(sent, tok int) *Mention {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Sent == sent && tok >= m.Start && tok < m.End {
			return m
		}
	}
	return nil
}
