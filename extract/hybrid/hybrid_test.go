package hybrid

import (
	"context"
	"fmt"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/schema"
)

func st(sent int, subject string, class schema.Class, object string) schema.Statement {
	return schema.Statement{SentenceIndex: sent, Subject: subject, Class: class, Object: object}
}

func TestUnite(t *testing.T) {
	for _, tc := range []struct {
		name          string
		first, second []schema.Statement
		want          []string
	}{
		{"the first's stance stands for one of the same sign",
			[]schema.Statement{st(0, "Egypt", schema.Oppose, "the dam's filling")},
			[]schema.Statement{st(0, "Egypt", schema.Oppose, "filling of the dam")},
			[]string{"0 Egypt OPPOSE the dam's filling"}},
		{"another sign in the sentence is another statement",
			[]schema.Statement{st(0, "Egypt", schema.Oppose, "unilateral filling")},
			[]schema.Statement{st(0, "Egypt", schema.Demand, "binding agreement")},
			[]string{"0 Egypt OPPOSE unilateral filling", "0 Egypt DEMAND binding agreement"}},
		{"DEMAND and SUPPORT share a sign",
			[]schema.Statement{st(1, "Sudan", schema.Demand, "talks")},
			[]schema.Statement{st(1, "Sudan", schema.Support, "resuming talks")},
			[]string{"1 Sudan DEMAND talks"}},
		{"the second's statements of one key, none in the first, all stand",
			[]schema.Statement{st(4, "Chile", schema.Support, "talks")},
			[]schema.Statement{st(4, "Peru", schema.Oppose, "the launch"), st(4, "Peru", schema.Oppose, "the programmes")},
			[]string{"4 Chile SUPPORT talks", "4 Peru OPPOSE the launch", "4 Peru OPPOSE the programmes"}},
		{"the second's wording stands where it names the same target whole",
			[]schema.Statement{st(5, "Chile", schema.Support, "the open support of Peru")},
			[]schema.Statement{st(5, "Chile", schema.Support, "open support of Peru for the ruling")},
			[]string{"5 Chile SUPPORT open support of Peru for the ruling"}},
		{"acts towards other actors are apart",
			[]schema.Statement{st(2, "Ethiopia", schema.Consult, "Egypt")},
			[]schema.Statement{st(2, "Ethiopia", schema.Consult, "Sudan"), st(2, "Ethiopia", schema.Consult, "Egypt")},
			[]string{"2 Ethiopia CONSULT Egypt", "2 Ethiopia CONSULT Sudan"}},
		{"sentence order, the first's before the second's within one",
			[]schema.Statement{st(3, "Egypt", schema.Oppose, "x")},
			[]schema.Statement{st(1, "Sudan", schema.Oppose, "y"), st(3, "Sudan", schema.Oppose, "z")},
			[]string{"1 Sudan OPPOSE y", "3 Egypt OPPOSE x", "3 Sudan OPPOSE z"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Unite(tc.first, tc.second)
			var s []string
			for _, g := range got {
				s = append(s, fmt.Sprintf("%d %s %s %s", g.SentenceIndex, g.Subject, g.Class, g.Object))
			}
			if fmt.Sprint(s) != fmt.Sprint(tc.want) {
				t.Errorf("got %q\nwant %q", s, tc.want)
			}
		})
	}
}

// The union finds what each part finds on sentences about a dispute the
// development sets do not cover.
func TestHybridFindsBoth(t *testing.T) {
	x, err := New(extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.New("rules", extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := extract.New("tree", extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	doc := &extract.Document{ID: "nile.txt", Text: "Egypt rejected Ethiopia's plan to fill the dam before an agreement. " +
		"Sudan's prime minister urged the African Union to reject any unilateral filling of the reservoir."}
	ctx := context.Background()
	all, err := x.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []extract.Extractor{r, tr} {
		res, err := part.Extract(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Statements {
			if !covered(all.Statements, s) {
				t.Errorf("%s %s %q of a part is not in the union %v", s.Subject, s.Class, s.Object, all.Statements)
			}
		}
	}
	if len(all.Statements) == 0 {
		t.Fatal("nothing found")
	}
}

func covered(sts []schema.Statement, s schema.Statement) bool {
	for _, a := range sts {
		if keyOf(a) == keyOf(s) {
			return true
		}
	}
	return false
}

func ExampleExtractor_Extract() {
	x, err := New(extract.Config{})
	if err != nil {
		panic(err)
	}
	res, err := x.Extract(context.Background(), &extract.Document{ID: "a.txt",
		Text: "Pakistan urged the OIC to reject India's annexation of Kashmir."})
	if err != nil {
		panic(err)
	}
	for _, s := range res.Statements {
		fmt.Println(s.Subject, s.Class, s.Object)
	}
	// Output:
	// Pakistan OPPOSE India's annexation of Kashmir
}
