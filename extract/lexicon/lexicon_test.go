package lexicon

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/schema"
)

func TestDefault(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, want string }{
		{"US", "United States"}, {"the Kremlin", "Russia"}, {"Kyiv", "Ukraine"}, {"Kiev", "Ukraine"},
		{"Elysee", "France"}, {"Beijing", "China"}, {"the State Department", "United States"},
		{"Tehran", "Iran"}, {"Taipei", "Taiwan"}, {"American", "United States"}, {"NATO", "NATO"},
	} {
		if got, ok := lx.Canonical(tc.name); !ok || got != tc.want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
	if p, ok := lx.PersonAt("Antony Blinken", "2022-01-27"); !ok || p.Actor != "United States" {
		t.Errorf("PersonAt(Blinken) = %+v, %v", p, ok)
	}
	if p, ok := lx.PersonAt("Jens Stoltenberg", "2025-01-01"); !ok || p.To == "" {
		t.Errorf("PersonAt(Stoltenberg, 2025) = %+v, %v: want the old term as the only match", p, ok)
	}
	if len(lx.Stance.Verbs[schema.Demand]) == 0 || lx.Negation[schema.Support] != schema.Oppose {
		t.Error("stance verbs or negation missing")
	}
}

func TestLoadExtra(t *testing.T) {
	lx, err := Load("testdata/gas.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := lx.Canonical("Nord Stream operator"); !ok || got != "Nord Stream AG" {
		t.Errorf("extra actor not found: %q %v", got, ok)
	}
	if got, ok := lx.Canonical("Gazprom headquarters"); !ok || got != "Russia" {
		t.Errorf("replaced actor lost its new metonym: %q %v", got, ok)
	}
	if _, ok := lx.Canonical("Russian Federation"); !ok {
		t.Error("replaced actor lost its alias")
	}
	n := 0
	for _, a := range lx.Actors {
		if a.Name == "Russia" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("Russia appears %d times after replacement", n)
	}
	found := false
	for _, v := range lx.Stance.Verbs[schema.Oppose] {
		found = found || v == "sabotage"
	}
	if !found {
		t.Error("extra verb not merged")
	}
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"testdata/badkind.yaml", `testdata/badkind.yaml: actors[0] (Atlantis): kind "empire"`},
		{"testdata/badfield.yaml", "testdata/badfield.yaml"},
		{"testdata/badclass.yaml", `stance.verbs: "LIKE" is not a stance class`},
		{"testdata/missing.yaml", "missing.yaml"},
	} {
		_, err := Load(tc.file)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s) = %v, want an error with %q", tc.file, err, tc.want)
		}
	}
}

// TestOneClassAWord: a word the stages index by its class (evaluative
// adjectives and nouns, heads of named bodies, descriptions, synonyms) is
// listed under one class only; under two, which one a stage takes would
// depend on map order, and extraction would differ from run to run.
func TestOneClassAWord(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string, m map[string][]string) {
		seen := map[string]string{}
		for class, words := range m {
			for _, w := range words {
				w = strings.ToLower(w)
				if c, ok := seen[w]; ok && c != class {
					t.Errorf("%s: %q is listed under %s and %s", what, w, c, class)
				}
				seen[w] = class
			}
		}
	}
	cues := func(c Cues) map[string][]string {
		m := map[string][]string{}
		for class, words := range c {
			m[string(class)] = words
		}
		return m
	}
	check("stance.adjectives", cues(lx.Stance.Adjectives))
	check("stance.nouns", cues(lx.Stance.Nouns))
	check("mentions.organisations", lx.Mentions.Organisations)
	check("mentions.descriptions", lx.Mentions.Descriptions)
	check("synonyms", lx.Synonyms)
}
