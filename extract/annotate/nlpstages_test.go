package annotate

import (
	"context"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/lexicon"
)

// TestParseTagsKnownNames: the words of a name the lexicon knows are
// proper nouns whatever the tagger says.
func TestParseTagsKnownNames(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := NewChain(Env{Lexicon: lx}, "sentences", "parse")
	if err != nil {
		t.Fatal(err)
	}
	d := &Doc{Source: &extract.Document{ID: "t", Text: "The United States and South Korea held united talks on Saturday."}}
	if err := ch.Annotate(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, tk := range d.Sentences[0].Tokens {
		switch tk.Text {
		case "United", "States", "South", "Korea":
			if tk.UPOS != "PROPN" || tk.XPOS != "NNP" {
				t.Errorf("%s: %s/%s, want PROPN/NNP", tk.Text, tk.UPOS, tk.XPOS)
			}
		case "united":
			if tk.UPOS == "PROPN" {
				t.Errorf("united (no name) is PROPN")
			}
		}
		if tk.Rel == "" {
			t.Errorf("%s: no relation", tk.Text)
		}
	}
}

func TestNewChainUnknownStage(t *testing.T) {
	if _, err := NewChain(Env{}, "nonsense"); err == nil {
		t.Fatal("no error for an unknown stage")
	}
}
