package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/extract/lexicon"
)

// TestAgents: a position's agent is the actor its label names as its
// possessor (by name or metonym), by demonym, or after "by"; a bare name in
// front, which may be asked to act, and a label that names none have none.
func TestAgents(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := newAgents(lx)
	for _, tc := range []struct{ label, want string }{
		{"China's military drills around Taiwan", "China"},
		{"Chinese military drills", "China"},
		{"Washington's security proposals", "United States"},
		{"Moscow make concessions", ""},
		{"the drills by China", "China"},
		{"security guarantees", ""},
		{"Russia", ""},
		{"sanctions on Russia", ""},
	} {
		got := ""
		if ac := a.of(tc.label); ac != nil {
			got = ac.Name
		}
		if got != tc.want {
			t.Errorf("agent of %q: %q, want %q", tc.label, got, tc.want)
		}
	}
}
