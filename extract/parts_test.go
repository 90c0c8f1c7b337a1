package extract

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/schema"
)

// lines is an extractor that reads each line as a sentence and states the
// line's first word, with the line's offsets.
type lines struct{ longest *int }

func (l lines) Extract(_ context.Context, d *Document) (Result, error) {
	if len(d.Text) > *l.longest {
		*l.longest = len(d.Text)
	}
	var r Result
	off := 0
	for _, line := range strings.SplitAfter(d.Text, "\n") {
		if strings.TrimSpace(line) == "" {
			off += len(line)
			continue
		}
		r.Statements = append(r.Statements, schema.Statement{SentenceIndex: r.Sentences, Start: off, End: off + len(line),
			Object: strings.Fields(line)[0]})
		r.Sentences++
		off += len(line)
	}
	return r, nil
}

// TestInParts: a document past PartSize is read in parts cut at line
// breaks, and its statements keep the document's sentence numbers and
// offsets.
func TestInParts(t *testing.T) {
	var b strings.Builder
	n := 0
	for b.Len() < 2*PartSize+PartSize/2 {
		fmt.Fprintf(&b, "line%d says something about the dam and the talks\n", n)
		n++
	}
	text := b.String()
	longest := 0
	x := inParts{lines{&longest}}
	r, err := x.Extract(context.Background(), &Document{ID: "long.txt", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if longest > PartSize || longest == 0 {
		t.Errorf("the extractor read %d bytes at once, want at most %d", longest, PartSize)
	}
	if r.Sentences != n || len(r.Statements) != n {
		t.Fatalf("%d sentences, %d statements; want %d", r.Sentences, len(r.Statements), n)
	}
	for i, s := range r.Statements {
		want := fmt.Sprintf("line%d", i)
		if s.SentenceIndex != i || s.Object != want || !strings.HasPrefix(text[s.Start:s.End], want+" ") {
			t.Fatalf("statement %d: sentence %d, object %q, text %q", i, s.SentenceIndex, s.Object, text[s.Start:min(s.End, s.Start+20)])
		}
	}
	// A part never cuts a rune, even in a text without line breaks or spaces.
	long := strings.Repeat("é", PartSize)
	for start := 0; start < len(long); {
		end := cut(long, start, PartSize)
		if end <= start || !strings.HasPrefix(long[start:], "é") {
			t.Fatalf("cut at %d..%d", start, end)
		}
		start = end
	}
}
