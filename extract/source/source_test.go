package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
)

func TestTextDocument(t *testing.T) {
	for _, tc := range []struct {
		name, in, date, err string
	}{
		{"plain", "Russia demands guarantees.", "", ""},
		{"date line", "date 2022-01-27\nRussia demands.", "2022-01-27", ""},
		{"date inline", " date 2022-01-27 “There is no positive reaction”", "2022-01-27", ""},
		{"bad date", "date 2022-13-45 text", "", "not a valid date"},
		{"empty", " \n\t ", "", "empty"},
		{"binary", "abc\x00def", "", "binary"},
		{"latin1", "caf\xe9 au lait", "", "not valid UTF-8 (first bad byte at offset 3)"},
		{"html", "  <!DOCTYPE html><html><body><p>Russia demands.</p></body></html>", "", "document is HTML"},
		{"html lower", "<html lang=en>", "", "document is HTML"},
		{"text about html", "The <html> tag was discussed.", "", ""},
	} {
		d, err := TextDocument("x.txt", []byte(tc.in))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d.Date != tc.date || d.ID != "x.txt" || len(d.Text) != len(tc.in) {
			t.Errorf("%s: got id %q date %q text %q", tc.name, d.ID, d.Date, d.Text)
		}
		if tc.date != "" && strings.Contains(d.Text, "date") {
			t.Errorf("%s: date line left in text %q", tc.name, d.Text)
		}
	}
}

func TestWalk(t *testing.T) {
	var docs []*extract.Document
	var bad []string
	err := Walk([]string{"testdata/mixed"}, func(d *extract.Document) error {
		docs = append(docs, d)
		return nil
	}, func(b *BadDocument) error {
		bad = append(bad, b.Error())
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range docs {
		ids = append(ids, d.ID+"|"+d.Date)
	}
	want := []string{"b.txt|2022-01-27", "w1|2022-02-01", "c.jsonl:7|", "a.txt|"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("documents %v, want %v", ids, want)
	}
	wantBad := []string{`c.jsonl:3: field "text"`, "c.jsonl:4: line is not a JSON object", `c.jsonl:5: record has no "text" field`, `c.jsonl:6: field "date": "yesterday" is not a date`}
	if len(bad) != len(wantBad) {
		t.Fatalf("bad documents %q, want %d", bad, len(wantBad))
	}
	for i, w := range wantBad {
		if !strings.Contains(bad[i], w) {
			t.Errorf("bad[%d] = %q, want it to contain %q", i, bad[i], w)
		}
	}
}

func TestWalkMissingPath(t *testing.T) {
	err := Walk([]string{"testdata/nothing-here"}, func(*extract.Document) error { return nil }, func(*BadDocument) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "testdata/nothing-here") {
		t.Errorf("err = %v, want one naming the path", err)
	}
}

func TestWalkTooLarge(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(f, MaxDocument+1); err != nil {
		t.Fatal(err)
	}
	var got error
	_ = Walk([]string{f}, func(*extract.Document) error { return nil }, func(b *BadDocument) error { got = b; return nil })
	if got == nil || !strings.Contains(got.Error(), "larger than") {
		t.Errorf("got %v, want a size error", got)
	}
}
