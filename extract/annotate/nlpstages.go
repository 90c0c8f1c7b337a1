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
		return parse{p: p, names: properNames(env.Lexicon), verbs: stanceVerbs(env.Lexicon), saying: sayingVerbs(env.Lexicon)}, err
	})
}

// pipeline loads the language models once per process for both stages.
var pipeline = sync.OnceValues(nlp.New)

type sentences struct{ p *nlp.Pipeline }

func (s sentences) Annotate(_ context.Context, d *Doc) error {
	d.Sentences = s.p.Sentences(d.Source.Text)
	for i := range d.Sentences {
		d.Sentences[i].Tokens = splitQuotes(d.Source.Text, d.Sentences[i].Tokens)
	}
	return nil
}

// clitics are the words that begin with an apostrophe.
var clitics = map[string]bool{"'s": true, "'t": true, "'re": true, "'ve": true, "'ll": true, "'d": true,
	"'m": true, "'em": true, "'n": true, "'til": true, "'cause": true, "'tis": true, "'twas": true}

// splitQuotes splits an opening single quote off the word it opens:
// prose's tokeniser keeps "'regret" whole, and British-style quotation
// ('We regret this decision') is common in news. text is the document
// the tokens' offsets point into.
func splitQuotes(text string, toks []nlp.Token) []nlp.Token {
	n := 0
	for _, t := range toks {
		if quoted(t) {
			n++
		}
	}
	if n == 0 {
		return toks
	}
	out := make([]nlp.Token, 0, len(toks)+n)
	for _, t := range toks {
		if !quoted(t) {
			out = append(out, t)
			continue
		}
		qlen := 1
		if strings.HasPrefix(text[min(t.Start, len(text)):], "‘") || strings.HasPrefix(text[min(t.Start, len(text)):], "’") {
			qlen = len("‘")
		}
		q := t
		q.Text, q.Lower, q.Lemma, q.Tag, q.End = "'", "'", "'", "``", t.Start+qlen
		w := t
		w.Text, w.Lower, w.Lemma, w.Start = t.Text[1:], strings.TrimPrefix(t.Lower, "'"), strings.TrimPrefix(t.Lemma, "'"), t.Start+qlen
		out = append(out, q, w)
	}
	return out
}

// quoted reports a token that an opening quote begins: "'regret".
func quoted(t nlp.Token) bool {
	if len(t.Text) < 2 || t.Text[0] != '\'' || clitics[t.Lower] {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text[1:])
	return unicode.IsLetter(r)
}

type parse struct {
	p     *nlp.Pipeline
	names map[string][][]string // first word -> names of several words that begin with it
	verbs map[string]bool       // the lexicon's stance verbs of one word
	// saying: verbs that take a clause, the stance verbs and the reporting
	// verbs of one word
	saying map[string]bool
}

// sayingVerbs lists the verbs of one word that take a clause: the stance
// verbs and the reporting verbs ("say", "deny", "argue").
func sayingVerbs(lx *lexicon.Lexicon) map[string]bool {
	verbs := stanceVerbs(lx)
	if lx == nil {
		return verbs
	}
	for _, r := range lx.Reporting {
		if !strings.Contains(r, " ") {
			verbs[strings.ToLower(r)] = true
		}
	}
	return verbs
}

// stanceVerbs lists the lexicon's stance verbs of one word.
func stanceVerbs(lx *lexicon.Lexicon) map[string]bool {
	verbs := map[string]bool{}
	if lx == nil {
		return verbs
	}
	for _, cues := range lx.Frames.Verbs {
		for _, c := range cues {
			if !strings.Contains(c, " ") {
				verbs[strings.ToLower(c)] = true
			}
		}
	}
	return verbs
}

func (s parse) Annotate(_ context.Context, d *Doc) error {
	if err := s.p.ParseWith(d.Sentences, s.retag); err != nil {
		return err
	}
	for i := range d.Sentences {
		promoteVerb(d.Sentences[i].Tokens)
		colonSubject(d.Sentences[i].Tokens)
		oneSubject(d.Sentences[i].Tokens)
		s.complementClause(d.Sentences[i].Tokens)
		subjectAfterColon(d.Sentences[i].Tokens)
		nameSubject(d.Sentences[i].Tokens)
		s.reportSubject(d.Sentences[i].Tokens)
	}
	return nil
}

// complementClause makes a clause that follows a verb of saying with no
// mark of punctuation between them its complement, where the parser set it
// beside the verb ("Russia has denied it is planning an invasion" read with
// "planning" as a parataxis of "denied"): clauses set side by side are
// parted by punctuation.
func (s parse) complementClause(toks []nlp.Token) {
	for c := range toks {
		v := toks[c].Head
		if v < 0 || v > c || toks[c].Rel != "parataxis" || toks[v].UPOS != "VERB" || !s.saying[toks[v].Lemma] {
			continue
		}
		first := c
		for k := v + 1; k < c; k++ {
			if within(toks, k, c) {
				first = k
				break
			}
		}
		clean := true
		for k := v + 1; k < first; k++ {
			if toks[k].UPOS == "PUNCT" || toks[k].Head != v {
				clean = false
			}
		}
		for k := first; k < c && clean; k++ {
			if toks[k].UPOS == "PUNCT" {
				clean = false
			}
		}
		if clean {
			toks[c].Rel = "ccomp"
		}
	}
}

// reportSubject mends an inverted report ("'...,' Josep Borrell added")
// whose verb of saying the parser left without a subject while it hung the
// name right before the verb inside the quotation: the name is the verb's
// subject.
func (s parse) reportSubject(toks []nlp.Token) {
	for v := 1; v < len(toks); v++ {
		if toks[v].UPOS != "VERB" || !s.saying[toks[v].Lemma] || hasSubject(toks, v) {
			continue
		}
		n := v - 1
		if toks[n].UPOS != "PROPN" || toks[n].Head == v {
			continue
		}
		// n heads its name: the words before it that hang from it stay.
		if h := toks[n].Head; h > n && h < v {
			continue
		}
		toks[n].Head, toks[n].Rel = v, "nsubj"
	}
}

// nameSubject mends a capitalised word right before a finite verb that has
// no subject, which the parser hung from the verb as an adjective: it is
// the verb's subject ("after Saudi accuses Iran", a demonym standing for
// its state in a headline).
func nameSubject(toks []nlp.Token) {
	for v := 1; v < len(toks); v++ {
		switch toks[v].XPOS {
		case "VBZ", "VBD", "VBP":
		default:
			continue
		}
		a := v - 1
		r := []rune(toks[a].Text)
		if toks[a].Head != v || toks[a].Rel != "amod" || len(r) == 0 || !unicode.IsUpper(r[0]) || hasSubject(toks, v) {
			continue
		}
		toks[a].Rel, toks[a].UPOS, toks[a].XPOS = "nsubj", "PROPN", "NNP"
	}
}

// subjectAfterColon mends a clause after a colon whose subject the parser
// hung before the colon ("'We regret this decision': May, Merkel and
// Macron respond to Trump", with the names as an apposition of the quote's
// object and "respond" a subjectless parataxis): the noun phrase right
// after the colon, ending right before a verb without a subject, is that
// verb's subject.
func subjectAfterColon(toks []nlp.Token) {
	for c := range toks {
		if toks[c].Text != ":" || c+2 >= len(toks) {
			continue
		}
		// the head of the phrase that starts after the colon
		n := c + 1
		for steps := 0; steps < len(toks) && toks[n].Head > c && toks[toks[n].Head].UPOS != "VERB"; steps++ {
			n = toks[n].Head
		}
		if u := toks[n].UPOS; u != "PROPN" && u != "NOUN" && u != "PRON" || toks[n].Head < 0 || toks[n].Head > c {
			continue
		}
		// the verb right after n's phrase
		v := -1
		for k := n + 1; k < len(toks); k++ {
			if !within(toks, k, n) {
				v = k
				break
			}
		}
		if v < 0 || toks[v].UPOS != "VERB" || toks[v].Head < 0 || toks[v].Head > c || hasSubject(toks, v) {
			continue
		}
		toks[n].Head, toks[n].Rel = v, "nsubj"
		return
	}
}

// hasSubject reports a subject among v's dependents.
func hasSubject(toks []nlp.Token, v int) bool {
	for _, t := range toks {
		if t.Head == v && strings.HasPrefix(t.Rel, "nsubj") {
			return true
		}
	}
	return false
}

// oneSubject mends a clause the parser gave two subjects side by side: a
// clause has one, so a noun right before another subject's phrase is its
// modifier ("EU top diplomats agree", "Iran's foreign ministry spokesman
// Bahram Qassemi said" read with "EU" and the title as subjects).
func oneSubject(toks []nlp.Token) {
	for b := range toks {
		h := toks[b].Head
		if h < 0 || toks[b].Rel != "nsubj" && toks[b].Rel != "nsubj:pass" {
			continue
		}
		lo := b
		for lo > 0 && within(toks, lo-1, b) {
			lo--
		}
		a := lo - 1
		if a < 0 || toks[a].Head != h || toks[a].Rel != toks[b].Rel || !within(toks, a, a) {
			continue
		}
		if u := toks[a].UPOS; u != "PROPN" && u != "NOUN" {
			continue
		}
		// a's own phrase ends where b's begins: a is one word, or a phrase
		// whose last word is a's.
		toks[a].Head, toks[a].Rel = b, "compound"
	}
}

// within reports whether token i is top or under it.
func within(toks []nlp.Token, i, top int) bool {
	for steps := 0; i >= 0 && steps <= len(toks); steps++ {
		if i == top {
			return true
		}
		i = toks[i].Head
	}
	return false
}

// colonSubject mends a headline's attribution ("Moscow: The US response
// has not been positive") that the parser reads with the name as the
// subject and the real subject as its apposition: the apposition becomes
// the subject and the name a dislocated element of the clause.
func colonSubject(toks []nlp.Token) {
	c := -1
	for i := 0; i < len(toks) && i <= 5; i++ {
		if toks[i].Text == ":" {
			c = i
			break
		}
	}
	if c < 1 {
		return
	}
	name := -1
	for i := 0; i < c; i++ {
		if h := toks[i].Head; h < 0 || h >= c {
			if name >= 0 {
				return // the words before the colon are not one phrase
			}
			name = i
		}
	}
	if name < 0 || toks[name].Head < 0 || !strings.HasPrefix(toks[name].Rel, "nsubj") {
		return
	}
	for a := c + 1; a < len(toks); a++ {
		if toks[a].Head == name && toks[a].Rel == "appos" {
			toks[a].Head, toks[a].Rel = toks[name].Head, toks[name].Rel
			toks[name].Rel = "dislocated"
			if toks[c].Head == a {
				toks[c].Head = toks[name].Head
			}
			return
		}
	}
}

// promoteVerb makes a finite verb the root where the parser hung it from a
// noun phrase before it ("May, Macron and Merkel 'regret' the decision"
// parsed with "May" as the root and "regret" as its parataxis): the noun
// phrase becomes its subject, and what followed the verb hangs from it.
func promoteVerb(toks []nlp.Token) {
	root := -1
	for i, t := range toks {
		if t.Head < 0 {
			root = i
			break
		}
	}
	if root < 0 || (toks[root].UPOS != "NOUN" && toks[root].UPOS != "PROPN" && toks[root].UPOS != "PRON") {
		return
	}
	v := -1
	for i, t := range toks {
		if t.Head != root || i < root {
			continue
		}
		switch t.Rel {
		case "parataxis", "appos", "acl", "dep", "list", "acl:relcl":
		default:
			continue
		}
		if x := t.XPOS; t.UPOS == "VERB" && (x == "VBD" || x == "VBZ" || x == "VBP") {
			v = i
			break
		}
	}
	if v < 0 {
		return
	}
	for _, t := range toks {
		if t.Head == v && (t.Rel == "nsubj" || t.Rel == "nsubj:pass") {
			return
		}
	}
	for i := range toks {
		if toks[i].Head == root && i > v {
			toks[i].Head = v
		}
	}
	toks[v].Head, toks[v].Rel = -1, "root"
	toks[root].Head, toks[root].Rel = v, "nsubj"
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
	s.verbNotPreposition(toks)
	gerundNoun(toks)
	s.finiteVerb(toks)
}

// gerundNoun tags an -ing word that a determiner opens, with only
// modifiers between, as the noun it is: "the 2016 arbitral ruling", "a
// deadly bombing", "its continued shelling" (the tagger reads "ruling" as
// a verb, and the parse of the sentence hangs on it).
func gerundNoun(toks []nlp.Token) {
	for i := range toks {
		if toks[i].XPOS != "VBG" {
			continue
		}
	back:
		for k := i - 1; k >= 0; k-- {
			switch toks[k].XPOS {
			case "JJ", "JJR", "JJS", "CD", "NN", "NNP", "HYPH", "VBN", "RB":
				continue
			case "DT", "PRP$", "POS", "WP$":
				if toks[k].XPOS == "DT" && !determiners[toks[k].Lower] {
					break back
				}
				toks[i].XPOS, toks[i].UPOS = "NN", "NOUN"
				break back
			default:
				break back
			}
		}
	}
}

// determiners that open a noun phrase ("that" and "all" may not).
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "these": true, "those": true,
	"its": true, "their": true, "any": true, "every": true, "each": true, "no": true, "another": true}

// prepositions that are also verbs' forms: a stance verb tagged as a
// preposition is a verb unless it is one of these.
var verbalPrepositions = map[string]bool{"like": true, "concerning": true, "regarding": true, "following": true,
	"including": true, "considering": true, "given": true, "past": true, "excluding": true, "barring": true,
	"pending": true, "respecting": true, "save": true, "except": true, "near": true, "than": true}

// verbNotPreposition tags a stance verb of the lexicon that the tagger read
// as a preposition as the verb it is: "demanded that North Korea abandon
// its programmes" (a subjunctive the tagger has seldom seen).
func (s parse) verbNotPreposition(toks []nlp.Token) {
	for i := range toks {
		if toks[i].XPOS == "IN" && s.verbs[toks[i].Lower] && !verbalPrepositions[toks[i].Lower] {
			toks[i].XPOS, toks[i].UPOS = "VB", "VERB"
		}
	}
}

// finiteVerb gives a sentence without a finite verb one, as a headline
// or a bulleted summary often lacks it to the tagger: a past participle
// right after a noun or pronoun with no auxiliary before it ("Norway
// pressed Venezuela to accept", "Chile called on all parties"), else a
// stance verb of the lexicon read as a noun between a noun phrase and
// what it governs ("May, Macron and Merkel 'regret' Trump's decision").
// The main clause of a sentence has a finite verb; a headline that has
// none keeps its tags when neither shape is there.
func (s parse) finiteVerb(toks []nlp.Token) {
	for _, t := range toks {
		switch t.XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	nounBefore := func(i int) bool {
		for k := i - 1; k >= 0; k-- {
			switch toks[k].XPOS {
			case "``", "''", "\"":
				continue
			case "NNP", "NNPS", "NN", "NNS", "PRP":
				return true
			}
			return false
		}
		return false
	}
	objectAfter := func(i int) bool {
		for k := i + 1; k < len(toks); k++ {
			switch toks[k].XPOS {
			case "``", "''":
				continue
			case "DT", "NNP", "NNPS", "PRP$", "JJ", "CD", "NN", "NNS", "TO", "IN":
				return true
			}
			return false
		}
		return false
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].XPOS != "VBN" || !nounBefore(i) {
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
	for i := 1; i < len(toks)-1; i++ {
		if x := toks[i].XPOS; (x == "NN" || x == "NNS" || x == "VB") && s.verbs[toks[i].Lower] && nounBefore(i) && objectAfter(i) {
			if x == "NNS" {
				toks[i].XPOS = "VBZ"
			} else {
				toks[i].XPOS = "VBP"
			}
			toks[i].UPOS = "VERB"
			return
		}
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
