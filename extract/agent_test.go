package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/extract/lexicon"
)

// TestAgents: a position's agent is the actor its label names in front,
// by name, metonym or demonym, or after "by"; a label that names none has
// none.
func TestAgents(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	a := newAgents(lx)
	for _, tc := range []struct{ label, want string }{
		{"China's military drills around Taiwan", "China"},
		{"Chinese military drills", "China"},
		{"US sanctions on Russia", "United States"},
		{"Washington's security proposals", "United States"},
		{"Ukraine joining NATO", "Ukraine"},
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
