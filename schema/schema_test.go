package schema

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Russia", "russia"},
		{"United States", "united-states"},
		{"NATO's open-door policy", "nato-s-open-door-policy"},
		{"  Élysée  ", "elysee"},
		{"Donetsk People's Republic", "donetsk-people-s-republic"},
		{"!!!", "_"},
		{"", "_"},
	} {
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestClassPolarity(t *testing.T) {
	for _, tc := range []struct {
		c      Class
		pol    int
		stance bool
	}{
		{Demand, 1, true}, {Propose, 1, true}, {Support, 1, true}, {Assert, 1, true},
		{Oppose, -1, true}, {Deny, -1, true},
		{Consult, 0, false}, {Deliver, 0, false}, {Aid, 0, false}, {Accuse, 0, false}, {Threaten, 0, false}, {Mediate, 0, false},
	} {
		if tc.c.Polarity() != tc.pol || tc.c.IsStance() != tc.stance || tc.c.IsInteraction() == tc.stance {
			t.Errorf("%s: polarity %d stance %v", tc.c, tc.c.Polarity(), tc.c.IsStance())
		}
	}
	if _, err := ParseClass("oppose"); err != nil {
		t.Errorf("ParseClass(oppose): %v", err)
	}
	if _, err := ParseClass("LIKE"); err == nil || !strings.Contains(err.Error(), "DEMAND") {
		t.Errorf("ParseClass(LIKE) error = %v, want one that lists the classes", err)
	}
}

func sample() Statement {
	return Statement{Doc: "a.txt", SentenceIndex: 3, Sentence: "Russia demands NATO non-expansion.", Start: 10, End: 44,
		Subject: "Russia", SubjectKind: KindState, Speaker: "Sergei Lavrov", SpeakerTitle: "Foreign Minister",
		Class: Demand, Predicate: "demands", Object: "NATO non-expansion", ObjectType: ObjectPosition,
		Polarity: "+", Date: "2022-01-27", Confidence: 0.9}
}

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*Statement)
		want   string
	}{
		{"valid", func(*Statement) {}, ""},
		{"no subject", func(s *Statement) { s.Subject = " " }, "lacks subject"},
		{"bad class", func(s *Statement) { s.Class = "LIKES" }, "unknown class"},
		{"interaction to position", func(s *Statement) { s.Class = Consult }, "does not take"},
		{"bad object type", func(s *Statement) { s.ObjectType = "thing" }, "object_type"},
		{"confidence", func(s *Statement) { s.Confidence = 1.5 }, "confidence"},
		{"utf8", func(s *Statement) { s.Object = "\xff" }, "UTF-8"},
	} {
		s := sample()
		tc.change(&s)
		err := s.Validate()
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Validate() = %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestQuads(t *testing.T) {
	s := sample()
	qs := s.Quads()
	id := s.ID()
	if id != s.ID() || !strings.HasPrefix(string(id), "sg:statement/") {
		t.Fatalf("ID %q is not stable or not under sg:statement/", id)
	}
	want := map[quad.Quad]bool{
		quad.Make(ActorIRI("Russia"), PredicateIRI("demands"), PositionIRI("NATO non-expansion"), id): false,
		quad.Make(ActorIRI("Russia"), ClassIRI(Demand), PositionIRI("NATO non-expansion"), id):        false,
		quad.Make(id, PActor, ActorIRI("Russia"), id):                                                 false,
		quad.Make(id, PSpeaker, ActorIRI("Sergei Lavrov"), id):                                        false,
		quad.Make(ActorIRI("Sergei Lavrov"), SpeaksFor, ActorIRI("Russia"), nil):                      false,
		quad.Make(ActorIRI("Russia"), Label, quad.String("Russia"), nil):                              false,
		quad.Make(PositionIRI("NATO non-expansion"), Type, TypePosition, nil):                         false,
		quad.Make(id, PPolarity, quad.String("+"), id):                                                false,
	}
	for _, q := range qs {
		if _, ok := want[q]; ok {
			want[q] = true
		}
	}
	for q, seen := range want {
		if !seen {
			t.Errorf("missing quad %v", q)
		}
	}
	other := sample()
	other.SentenceIndex = 4
	if other.ID() == id {
		t.Error("statements of different sentences share an ID")
	}
}

func TestClassOf(t *testing.T) {
	for _, c := range append(append([]Class{}, StanceClasses...), InteractionClasses...) {
		if got := ClassOf([]byte(c)); got != c {
			t.Errorf("ClassOf(%q) = %q", c, got)
		}
	}
	for _, s := range []string{"", "demand", "REJECT"} {
		if got := ClassOf([]byte(s)); got != Class(s) {
			t.Errorf("ClassOf(%q) = %q, want the bytes as they are", s, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { ClassOf([]byte("OPPOSE")) }); n != 0 {
		t.Errorf("ClassOf of a known class allocates %v times", n)
	}
}
