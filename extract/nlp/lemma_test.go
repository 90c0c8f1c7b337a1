package nlp

import "testing"

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
