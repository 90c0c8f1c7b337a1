package statement

import (
	"strings"

	"github.com/stancegraph/stancegraph/extract/annotate"
)

// report is a reporting predicate of a sentence: "X said (that) ...",
// "..., X said", "according to X". clause is the set of tokens of what is
// reported; speaker the token of who reports it.
type report struct {
	verb    int
	speaker int
	clause  []bool
}

// reports finds a sentence's reporting predicates: a reporting verb with
// its clause (a that-clause or a quote as its complement, or the clause it
// is set beside: "'...,' X said"), and "according to X" for the whole
// sentence.
func (b *builder) reports(t *annotate.Tree) []report {
	var out []report
	for p, tk := range t.Toks {
		if tk.UPOS == "VERB" && b.reporting[tk.Lemma] {
			speaker := b.holder(t, p)
			if speaker < 0 {
				continue
			}
			clause := make([]bool, len(t.Toks))
			found := false
			for _, k := range t.Kids[p] {
				if r := t.Rel(k); r == "ccomp" || r == "parataxis" || (r == "xcomp" && tk.Lemma != "continue") {
					t.Mark(k, clause)
					found = true
				}
			}
			// The parser also reads "..., Egypt added" as a clause the
			// head takes: a report after its head, with no clause of its own.
			if h := tk.Head; h >= 0 && !found && (t.Rel(p) == "parataxis" || t.Rel(p) == "advcl" && p > h && t.Marker(p) == "" ||
				t.Rel(p) == "ccomp" && p > h && t.Marker(p) == "" && commaBefore(t, p)) {
				// "'...,' X said": the clause is the head's, less the report.
				t.Mark(h, clause)
				t.Unmark(p, clause)
				found = true
			}
			if found {
				out = append(out, report{verb: p, speaker: speaker, clause: clause})
			}
		}
		if tk.Lower == "according" && p+1 < len(t.Toks) && t.Toks[p+1].Lower == "to" {
			// "according to X": X reports the sentence.
			if h := tk.Head; h >= 0 {
				clause := make([]bool, len(t.Toks))
				for i := range clause {
					clause[i] = true
				}
				t.Unmark(h, clause)
				out = append(out, report{verb: p, speaker: h, clause: clause})
			}
		}
	}
	return out
}

// colonReport reads a headline's attribution: "Moscow: The US response
// has not been positive", "Kuleba: Russia must withdraw". A name of a few
// words that starts the sentence and ends at a colon reports the rest.
func (w *builder) colonReport(si int, t *annotate.Tree) (report, bool) {
	c := -1
	for i, tk := range t.Toks {
		if i > 5 {
			break
		}
		if tk.Text == ":" {
			c = i
			break
		}
		if tk.UPOS != "PROPN" && tk.UPOS != "NOUN" && tk.UPOS != "DET" && tk.Text != "'s" {
			return report{}, false
		}
	}
	if c < 1 || c+1 >= len(t.Toks) {
		return report{}, false
	}
	m := w.d.MentionAt(si, c-1)
	if m == nil || m.Start != 0 && !(m.Start == 1 && strings.EqualFold(t.Toks[0].Text, "the")) || m.End != c {
		return report{}, false
	}
	clause := make([]bool, len(t.Toks))
	for i := c + 1; i < len(t.Toks); i++ {
		clause[i] = true
	}
	return report{verb: c, speaker: m.Head, clause: clause}, true
}

// quoteColonReport reads a headline that gives a quotation and then, after
// a colon, who said it: "'We regret this decision': May, Merkel and Macron
// respond to Trump". The name right after the colon reports the quotation.
func (w *builder) quoteColonReport(si int, t *annotate.Tree) (report, bool) {
	quote := func(s string) bool { return isQuote(s) || s == "'" || s == "‘" || s == "’" }
	if len(t.Toks) < 4 || !quote(t.Toks[0].Text) {
		return report{}, false
	}
	q := -1
	for i := 1; i+1 < len(t.Toks); i++ {
		if quote(t.Toks[i].Text) && t.Toks[i+1].Text == ":" {
			q = i
			break
		}
	}
	if q < 2 || q+2 >= len(t.Toks) {
		return report{}, false
	}
	m := w.d.MentionAt(si, q+2)
	if m == nil || m.Start != q+2 || m.Kind == annotate.Pronoun {
		return report{}, false
	}
	clause := make([]bool, len(t.Toks))
	for i := 1; i < q; i++ {
		clause[i] = true
	}
	return report{verb: q + 1, speaker: m.Head, clause: clause}, true
}

// reporter gives the report whose clause holds token p, the innermost if
// several do, or nil.
func reporter(reps []report, p int) *report {
	var best *report
	for i := range reps {
		r := &reps[i]
		if r.clause[p] && (best == nil || count(r.clause) < count(best.clause)) {
			best = r
		}
	}
	return best
}

func count(b []bool) int {
	n := 0
	for _, x := range b {
		if x {
			n++
		}
	}
	return n
}

// quotedSentences reports for each sentence whether it opens inside a
// quotation: it starts with a quotation mark, or the paragraph's quotation
// marks before it are unbalanced. One pass over the document.
func quotedSentences(d *annotate.Doc) []bool {
	out := make([]bool, len(d.Sentences))
	open, para := false, -1
	for si, s := range d.Sentences {
		if s.Para != para {
			open, para = false, s.Para
		}
		out[si] = open || len(s.Tokens) > 0 && isQuote(s.Tokens[0].Text)
		for _, t := range s.Tokens {
			if isQuote(t.Text) {
				open = !open
			}
		}
	}
	return out
}

func isQuote(s string) bool {
	return s == `"` || s == "``" || s == "''" || strings.ContainsAny(s, "“”")
}

// commaBefore reports a report set off by a comma: ", Egypt added".
func commaBefore(t *annotate.Tree, p int) bool {
	first := p
	if s := t.Subject(p); s >= 0 && s < p {
		first = s
		for first > 0 && t.Toks[first-1].Head == s && t.Toks[first-1].UPOS != "PUNCT" {
			first--
		}
	}
	return first > 0 && (t.Toks[first-1].Text == "," || t.Toks[first-1].Text == "''" || t.Toks[first-1].Text == "\"")
}
