package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTextDocument: any bytes give a document or an error, never a panic;
// a document keeps the input's length, so offsets into it stay valid.
func FuzzTextDocument(f *testing.F) {
	for _, s := range []string{"date 2022-01-27 Russia demands.", "", "\x00", "caf\xe9", " date 2022-02-30 x", "Moscow: the US response"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := TextDocument("f.txt", data)
		if err != nil {
			return
		}
		if len(d.Text) != len(data) || !utf8.ValidString(d.Text) {
			t.Fatalf("text of %d bytes from %d, valid %v", len(d.Text), len(data), utf8.ValidString(d.Text))
		}
	})
}

// FuzzJSONDocument: any line gives a document or an error, never a panic.
func FuzzJSONDocument(f *testing.F) {
	for _, s := range []string{`{"text":"Russia demands.","date":"2022-01-27"}`, `{"text":5}`, `{`, `{"id":"x","text":"\u0000"}`, `[]`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		d, err := JSONDocument(line, "f.jsonl:1")
		if err != nil {
			return
		}
		if d.ID == "" || strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) {
			t.Fatalf("bad document %+v", d)
		}
	})
}
