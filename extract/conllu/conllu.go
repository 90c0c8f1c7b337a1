// Package conllu reads and writes the CoNLL-U format of Universal
// Dependencies (https://universaldependencies.org/format.html): one word a
// line in ten tab-separated fields, sentences separated by a blank line,
// comments before each sentence. Multiword-token ranges ("3-4 don't") and
// empty nodes ("8.1") are kept as lines and written back as read; the words
// are the lines with an integer id.
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one line of a sentence with an integer id. Head is the id of the
// head word, 0 for the root, -1 when the file gives "_".
type Word struct {
	ID     int
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int
	Deprel string
	Deps   string
	Misc   string
}

// Sentence is one sentence: its comments, its words, and the other lines
// (multiword tokens and empty nodes) with the word they come before.
type Sentence struct {
	Comments []string // without the leading "# "
	Words    []Word
	Extra    []Extra
	Line     int // line of the sentence's first line in its file
}

// Extra is a range or empty-node line, kept verbatim, written before the
// word at index Before (len(Words) for the end).
type Extra struct {
	Before int
	Line   string
}

// Text gives the sentence's "text = ..." comment, or its forms joined by
// spaces as SpaceAfter says.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if t, ok := strings.CutPrefix(c, "text = "); ok {
			return t
		}
	}
	var b strings.Builder
	for i, w := range s.Words {
		b.WriteString(w.Form)
		if i < len(s.Words)-1 && !strings.Contains(w.Misc, "SpaceAfter=No") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Forms gives the words' forms.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
}

// NewReader reads CoNLL-U from r; name (a file name) prefixes errors.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	return &Reader{sc: sc, name: name}
}

// Read returns the next sentence, or io.EOF after the last one. An error
// names the file, the line and the field.
func (r *Reader) Read() (*Sentence, error) {
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil && len(s.Words) > 0 {
				return s, nil
			}
			if s != nil {
				return nil, r.errf("sentence of line %d has comments but no words", s.Line)
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if strings.HasPrefix(line, "#") {
			if len(s.Words) > 0 || len(s.Extra) > 0 {
				return nil, r.errf("a comment inside a sentence (comments go before its first word)")
			}
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, r.errf("%d tab-separated fields, want 10", len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			s.Extra = append(s.Extra, Extra{Before: len(s.Words), Line: line})
			continue
		}
		id, err := strconv.Atoi(f[0])
		if err != nil || id != len(s.Words)+1 {
			return nil, r.errf("field 1 (ID) is %q, want %d", f[0], len(s.Words)+1)
		}
		if f[1] == "" {
			return nil, r.errf("field 2 (FORM) is empty")
		}
		head := -1
		if f[6] != "_" {
			if head, err = strconv.Atoi(f[6]); err != nil || head < 0 {
				return nil, r.errf("field 7 (HEAD) is %q, want a word id or 0", f[6])
			}
		}
		s.Words = append(s.Words, Word{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4],
			Feats: f[5], Head: head, Deprel: f[7], Deps: f[8], Misc: f[9]})
	}
	if err := r.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: line %d: %w", r.name, r.line+1, err)
	}
	if s != nil && len(s.Words) > 0 {
		return s, nil
	}
	return nil, io.EOF
}

// check reports a head that points outside the sentence.
func (s *Sentence) check() error {
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return fmt.Errorf("word %d: head %d is past the sentence's %d words", w.ID, w.Head, len(s.Words))
		}
	}
	return nil
}

func (r *Reader) errf(format string, args ...any) error {
	return fmt.Errorf("%s: line %d: %s", r.name, r.line, fmt.Sprintf(format, args...))
}

// ReadAll reads every sentence of r; heads must point inside their sentence.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	cr := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if err := s.check(); err != nil {
			return nil, fmt.Errorf("%s: sentence of line %d: %w", name, s.Line, err)
		}
		out = append(out, s)
	}
}

// ReadFile reads every sentence of a CoNLL-U file.
func ReadFile(path string) ([]*Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, path)
}

// Write writes one sentence and the blank line after it.
func Write(w io.Writer, s *Sentence) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	for _, c := range s.Comments {
		bw.WriteString("# ")
		bw.WriteString(c)
		bw.WriteByte('\n')
	}
	x := 0
	for i, wd := range s.Words {
		for ; x < len(s.Extra) && s.Extra[x].Before <= i; x++ {
			bw.WriteString(s.Extra[x].Line)
			bw.WriteByte('\n')
		}
		head := "_"
		if wd.Head >= 0 {
			head = strconv.Itoa(wd.Head)
		}
		fields := [10]string{strconv.Itoa(wd.ID), wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, head, wd.Deprel, wd.Deps, wd.Misc}
		for j, f := range fields {
			if j > 0 {
				bw.WriteByte('\t')
			}
			if f == "" {
				f = "_"
			}
			bw.WriteString(f)
		}
		bw.WriteByte('\n')
	}
	for ; x < len(s.Extra); x++ {
		bw.WriteString(s.Extra[x].Line)
		bw.WriteByte('\n')
	}
	bw.WriteByte('\n')
	if !ok {
		return bw.Flush()
	}
	return nil
}
