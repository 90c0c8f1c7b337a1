package nlp

import (
	"strings"
	"testing"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

func TestLemma(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ word, tag, want string }{
		{"calling", "VBG", "call"},
		{"rejected", "VBD", "reject"},
		{"demands", "VBZ", "demand"},
		{"demands", "NNS", "demand"},
		{"talks", "NNS", "talk"},
		{"reasonable", "JJ", "reasonable"},
		{"'s", "VBZ", "be"},
	} {
		if got := p.lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("lemma(%s/%s) = %q, want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

// The dictionary is golem's: every word's first base is the one golem's
// Lemma gives (asked before anything sorts golem's lists).
func TestLemmaDictMatchesGolem(t *testing.T) {
	data, err := en.New().GetResource()
	if err != nil {
		t.Fatal(err)
	}
	d, err := newLemmaDict(data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := golem.New(en.New())
	if err != nil {
		t.Fatal(err)
	}
	if len(d) < 60000 {
		t.Fatalf("%d words, want the whole dictionary", len(d))
	}
	for w, b := range d {
		if got := g.Lemma(w); got != b.first {
			t.Fatalf("Lemma(%q) = %q, golem says %q", w, b.first, got)
		}
	}
}

// A word in two lines of the dictionary has one lemma whatever was looked
// up before (golem's Lemmas sorts its list in place, changing its Lemma).
func TestLemmaDoesNotDependOnHistory(t *testing.T) {
	p, err := pipe()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"better", "found", "left", "saw", "axes"} {
		before := p.lemma(w, "NN")
		p.lemma(w, "VBD")
		p.lemma(w, "VBN")
		if after := p.lemma(w, "NN"); after != before {
			t.Errorf("lemma(%s/NN) = %q, then %q after it was read as a verb", w, before, after)
		}
	}
	if got := p.lemma("found", "VBD"); got != "find" {
		t.Errorf("lemma(found/VBD) = %q, want find", got)
	}
}

func TestLemmaDictErrors(t *testing.T) {
	for _, bad := range []string{"see\tsaw\n\tnobase\n", "lonely\n"} {
		if _, err := newLemmaDict([]byte(bad)); err == nil || !strings.Contains(err.Error(), "line 2") && !strings.Contains(err.Error(), "line 1") {
			t.Errorf("newLemmaDict(%q) = %v, want an error naming the line", bad, err)
		}
	}
}
