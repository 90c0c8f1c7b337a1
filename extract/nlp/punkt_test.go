package nlp

import (
	"reflect"
	"regexp"
	"testing"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// punktCases are lines whose ends Punkt must weigh: abbreviations,
// initials, closing quotes and brackets, list numbers, ellipses.
var punktCases = []string{
	"U.S. officials met. The F.B.I. said so. Mr. Lavrov agreed.",
	`"We will not accept it." The minister left. He said: "No!" Then (he added) "never?"`,
	"It was 5 p.m. on Jan. 3. Gov. Smith and Sgt. Jones said no. 3. The list.",
	"Wait... what? Yes! e.g. this, i.e. that. etc. And so on.",
	"N°. 5 is 40°N. 30°E. Item 1.2. is here.", "He said 'fine.' She said 'no.' (Really.) [Yes.]",
	"A.B.C.D. E. F. Kennedy spoke.", "“Quoted.” ‘Single.’ Done.", "a.. b. . c", ".", "", "?!", "x.y.z",
	"Russia’s demands were “unacceptable.” NATO said so? It did!",
}

func equalPunkt(t *testing.T, ours, theirs *sentences.DefaultSentenceTokenizer, line string) {
	t.Helper()
	a, b := ours.Tokenize(line), theirs.Tokenize(line)
	if !reflect.DeepEqual(a, b) {
		var as, bs []string
		for _, s := range a {
			as = append(as, s.Text)
		}
		for _, s := range b {
			bs = append(bs, s.Text)
		}
		t.Fatalf("sentences of %q\n got %q\nwant %q", line, as, bs)
	}
}

// punktPair is our splitter and english's.
func punktPair(tb testing.TB) (ours, theirs *sentences.DefaultSentenceTokenizer) {
	ours, err := newPunkt()
	if err != nil {
		tb.Fatal(err)
	}
	theirs, err = english.NewSentenceTokenizer(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return ours, theirs
}

func TestPunktEqualsEnglish(t *testing.T) {
	ours, theirs := punktPair(t)
	lines := append(append([]string(nil), punktCases...), corpusLines(t)...)
	for _, l := range lines {
		equalPunkt(t, ours, theirs, l)
	}
}

// FuzzPunkt: any line splits into the sentences english's splitter finds.
func FuzzPunkt(f *testing.F) {
	for _, s := range punktCases {
		f.Add(s)
	}
	ours, theirs := punktPair(f)
	f.Fuzz(func(t *testing.T, line string) { equalPunkt(t, ours, theirs, line) })
}

// dottedWord is english's abbreviation expression, without the expression.
func TestDottedWord(t *testing.T) {
	re := regexp.MustCompile(`((?:[\w]\.)+[\w]*\.)`)
	for _, s := range []string{"U.S.", "e.g.", "a..", "x.y.z", "xy.z", "Mr.", "U.S", "etc.", "(a.b.)", "a_.b.",
		"é.b.", "1.2.", "", ".", "..", "a.", ".a.", "a.bc", "ab.cd.", "U.S.-led", "F.B.I.’s"} {
		if got, want := dottedWord(s), re.MatchString(s); got != want {
			t.Errorf("dottedWord(%q) = %v, the expression says %v", s, got, want)
		}
	}
}
