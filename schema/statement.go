package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// Object types of a statement's target.
const (
	ObjectPosition = "position"
	ObjectActor    = "actor"
)

// Statement is one actor's stance towards a position, or one actor's
// interaction with another, in one sentence of one document. Its JSON form is
// the JSONL contract of `stancegraph extract` and of ../shared/eval/score.py.
type Statement struct {
	Doc           string  `json:"doc"`            // document id: the file name for text files
	SentenceIndex int     `json:"sentence_index"` // 0-based index of the sentence in the document
	Sentence      string  `json:"sentence"`       // the sentence, as text
	Start         int     `json:"start"`          // byte offset of the sentence in the document
	End           int     `json:"end"`            // byte offset just past the sentence
	Subject       string  `json:"subject"`        // the actor's canonical name
	SubjectKind   string  `json:"subject_kind"`   // state, organisation, person or group
	Speaker       string  `json:"speaker,omitempty"`
	SpeakerTitle  string  `json:"speaker_title,omitempty"`
	Class         Class   `json:"class"`
	Predicate     string  `json:"predicate"` // the fine-grained relation, e.g. "calls reasonable"
	Object        string  `json:"object"`    // a position's label or an actor's canonical name
	ObjectType    string  `json:"object_type"`
	ObjectKind    string  `json:"object_kind,omitempty"` // for actor objects
	Agent         string  `json:"agent,omitempty"`       // for a position: the actor whose deed, demand or concern it is ("China's drills")
	AgentKind     string  `json:"agent_kind,omitempty"`
	Polarity      string  `json:"polarity,omitempty"`   // "+" or "-" for stances
	Date          string  `json:"date,omitempty"`       // YYYY-MM-DD, the document's date
	EventDate     string  `json:"event_date,omitempty"` // YYYY-MM-DD the sentence places it at ("on Wednesday")
	Confidence    float64 `json:"confidence"`
	Cue           string  `json:"cue,omitempty"`       // the words that carry the stance
	CueStart      int     `json:"cue_start,omitempty"` // byte offsets of the cue in the sentence
	CueEnd        int     `json:"cue_end,omitempty"`
}

// Validate checks the fields a statement must have to be loaded.
func (s *Statement) Validate() error {
	var missing []string
	for name, v := range map[string]string{"doc": s.Doc, "sentence": s.Sentence, "subject": s.Subject,
		"class": string(s.Class), "predicate": s.Predicate, "object": s.Object} {
		if strings.TrimSpace(v) == "" {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return fmt.Errorf("statement lacks %s", strings.Join(missing, ", "))
	}
	if !s.Class.IsStance() && !s.Class.IsInteraction() {
		return fmt.Errorf("statement has unknown class %q", s.Class)
	}
	if s.ObjectType != ObjectPosition && s.ObjectType != ObjectActor {
		return fmt.Errorf("statement has object_type %q, want %q or %q", s.ObjectType, ObjectPosition, ObjectActor)
	}
	if s.Class.IsInteraction() != (s.ObjectType == ObjectActor) {
		return fmt.Errorf("class %s does not take an object of type %s", s.Class, s.ObjectType)
	}
	if s.Confidence < 0 || s.Confidence > 1 {
		return fmt.Errorf("statement confidence %v is outside [0,1]", s.Confidence)
	}
	if !utf8.ValidString(s.Sentence) || !utf8.ValidString(s.Object) {
		return errors.New("statement text is not valid UTF-8")
	}
	return nil
}

// ID is the statement's stable IRI: a hash of what makes it this statement.
func (s *Statement) ID() quad.IRI {
	h := sha256.New()
	for _, part := range []string{s.Doc, strconv.Itoa(s.SentenceIndex), s.Subject, s.Speaker,
		string(s.Class), s.Predicate, s.ObjectType, s.Object} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return quad.IRI(Prefix + "statement/" + hex.EncodeToString(h.Sum(nil)[:12]))
}

// TargetIRI is the IRI of the statement's target node.
func (s *Statement) TargetIRI() quad.IRI {
	if s.ObjectType == ObjectActor {
		return ActorIRI(s.Object)
	}
	return PositionIRI(s.Object)
}
