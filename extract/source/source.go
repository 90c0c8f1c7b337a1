// Package source reads documents: plain-text files, JSON Lines files and
// directories of them. It is the first stage of the extraction pipeline.
//
// A text file is one document whose id is its file name. A first line of the
// form "date YYYY-MM-DD" (as in the sample corpus) sets the document's date
// and is not part of its text. A .jsonl file holds one document a line, with
// "text" and optionally "id", "title", "date", "source" and "url".
package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
)

// MaxDocument is the largest document read, in bytes.
const MaxDocument = 64 << 20

// BadDocument is a document that could not be read; the rest of the input
// still is.
type BadDocument struct {
	Origin string // path or path:line
	Err    error
}

func (e *BadDocument) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *BadDocument) Unwrap() error { return e.Err }

// Walk reads every document under the given paths, in a stable order
// (directories sorted by name, recursively; only .txt, .text and .jsonl
// files). It calls fn with each good document and bad with each one that
// cannot be read. An error from fn or bad stops the walk and is returned; a
// path that does not exist is an error.
func Walk(paths []string, fn func(*extract.Document) error, bad func(*BadDocument) error) error {
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("input %s: %w", p, unwrapPath(err))
		}
		if !info.IsDir() {
			if err := readFile(p, fn, bad); err != nil {
				return err
			}
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return bad(&BadDocument{Origin: path, Err: unwrapPath(err)})
			}
			if !d.IsDir() && Readable(path) {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(f, fn, bad); err != nil {
				return err
			}
		}
	}
	return nil
}

// Check fails on the first path that does not exist, naming it; commands
// call it before they open a store, so that a typo creates nothing.
func Check(paths []string) error {
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			return fmt.Errorf("input %s: %w", p, unwrapPath(err))
		}
	}
	return nil
}

// Readable reports whether a file name has an ending Walk reads in directories.
func Readable(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text", ".jsonl":
		return true
	}
	return false
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(path string, fn func(*extract.Document) error, bad func(*BadDocument) error) error {
	if strings.EqualFold(filepath.Ext(path), ".jsonl") {
		return readJSONL(path, fn, bad)
	}
	data, err := readLimited(path)
	if err != nil {
		return bad(&BadDocument{Origin: path, Err: err})
	}
	doc, err := TextDocument(filepath.Base(path), data)
	if err != nil {
		return bad(&BadDocument{Origin: path, Err: err})
	}
	doc.Origin = path
	return fn(doc)
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if info.Size() > MaxDocument {
		return nil, fmt.Errorf("file is %d MB, larger than the %d MB a document may be", info.Size()>>20, MaxDocument>>20)
	}
	// One read for the whole file (and one to see its end), as os.ReadFile
	// does: a growing buffer took five system calls for a 5 KB article.
	data := make([]byte, 0, info.Size()+512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, unwrapPath(err)
		}
		if len(data) > MaxDocument {
			return nil, fmt.Errorf("file grew past the %d MB a document may be while it was read", MaxDocument>>20)
		}
	}
}

var dateLine = regexp.MustCompile(`^\s*date[:\s]+(\d{4}-\d{2}-\d{2})\b[ \t]*`)

// TextDocument makes a document of a plain-text file's content, taking its
// date from a leading "date YYYY-MM-DD".
func TextDocument(id string, data []byte) (*extract.Document, error) {
	if err := checkText(data); err != nil {
		return nil, err
	}
	text := string(data)
	doc := &extract.Document{ID: id}
	if m := dateLine.FindStringSubmatchIndex(text); m != nil {
		date := text[m[2]:m[3]]
		if _, err := time.Parse("2006-01-02", date); err != nil {
			return nil, fmt.Errorf("leading date line: %q is not a valid date", date)
		}
		doc.Date = date
		// Keep offsets meaningful: blank the date line out rather than cut it.
		text = strings.Repeat(" ", m[1]) + text[m[1]:]
	}
	doc.Text = text
	return doc, nil
}

// checkText refuses content that is not text: empty, binary or invalid UTF-8.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return errors.New("document is empty")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return errors.New("document is binary (it holds NUL bytes), not text")
	}
	if looksHTML(data) {
		return errors.New("document is HTML, not text: save the article's text (e.g. with a readability tool) and read that")
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		return fmt.Errorf("document is not valid UTF-8 (first bad byte at offset %d); convert it, e.g. with iconv -f latin1 -t utf-8", off)
	}
	return nil
}

// looksHTML reports a page saved as text: it opens with a doctype or an
// html, head or body tag.
func looksHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data))
	if len(head) > 512 {
		head = head[:512]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(head, []byte(p)) {
			return true
		}
	}
	return false
}

type jsonDoc struct {
	ID     *string `json:"id"`
	Title  string  `json:"title"`
	Date   string  `json:"date"`
	Source string  `json:"source"`
	URL    string  `json:"url"`
	Text   *string `json:"text"`
}

func readJSONL(path string, fn func(*extract.Document) error, bad func(*BadDocument) error) error {
	f, err := os.Open(path)
	if err != nil {
		return bad(&BadDocument{Origin: path, Err: unwrapPath(err)})
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), MaxDocument)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		origin := fmt.Sprintf("%s:%d", path, n)
		doc, err := JSONDocument(line, fmt.Sprintf("%s:%d", filepath.Base(path), n))
		if err != nil {
			if err := bad(&BadDocument{Origin: origin, Err: err}); err != nil {
				return err
			}
			continue
		}
		doc.Origin = origin
		if err := fn(doc); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return bad(&BadDocument{Origin: fmt.Sprintf("%s:%d", path, n+1), Err: fmt.Errorf("line cannot be read: %w", err)})
	}
	return nil
}

// JSONDocument makes a document of one JSON Lines record; defaultID is its id
// when the record has none.
func JSONDocument(line []byte, defaultID string) (*extract.Document, error) {
	var j jsonDoc
	if err := json.Unmarshal(line, &j); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return nil, fmt.Errorf("field %q: want a %s, got a JSON %s", te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("line is not a JSON object: %w", err)
	}
	if j.Text == nil {
		return nil, errors.New(`record has no "text" field`)
	}
	if err := checkText([]byte(*j.Text)); err != nil {
		return nil, fmt.Errorf(`field "text": %w`, err)
	}
	doc := &extract.Document{ID: defaultID, Title: j.Title, Source: j.Source, URL: j.URL, Text: *j.Text}
	if j.ID != nil && strings.TrimSpace(*j.ID) != "" {
		doc.ID = strings.TrimSpace(*j.ID)
	}
	if j.Date != "" {
		t, err := parseDate(j.Date)
		if err != nil {
			return nil, fmt.Errorf(`field "date": %w`, err)
		}
		doc.Date = t
	}
	return doc, nil
}

func parseDate(s string) (string, error) {
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", fmt.Errorf("%q is not a date (want YYYY-MM-DD or RFC 3339)", s)
}
