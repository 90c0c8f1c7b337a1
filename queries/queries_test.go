package queries

import (
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	all, err := List()
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]Query{}
	for _, q := range all {
		names[q.Name] = q
		if q.Description == "" || len(q.Params) == 0 {
			t.Errorf("%s: no description or parameters", q.Name)
		}
	}
	for _, n := range []string{"opponents", "supporters", "positions"} {
		if _, ok := names[n]; !ok {
			t.Errorf("no query %s", n)
		}
	}
}

func TestRender(t *testing.T) {
	q, err := Get("opponents")
	if err != nil {
		t.Fatal(err)
	}
	s, err := q.Render(`<sg:actor/a"b>`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, `var args = ["\u003csg:actor/a\"b\u003e"];`) && !strings.HasPrefix(s, `var args = ["<sg:actor/a\"b>"];`) {
		t.Errorf("arguments not bound as JSON: %q", s[:60])
	}
	if _, err := q.Render(); err == nil || !strings.Contains(err.Error(), "ACTOR") {
		t.Errorf("missing argument: %v", err)
	}
	if _, err := Get("nope"); err == nil || !strings.Contains(err.Error(), "opponents") {
		t.Errorf("unknown query: %v", err)
	}
}
