package schema

import (
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
	"github.com/cayleygraph/quad/voc/rdf"
	"github.com/cayleygraph/quad/voc/rdfs"
)

// NS is the namespace of every stancegraph IRI; Prefix is its compact form.
const (
	NS     = "https://stancegraph.org/"
	Prefix = "sg:"
)

func init() { voc.RegisterPrefix(Prefix, NS) }

// Classes of nodes.
const (
	TypeActor     = quad.IRI(Prefix + "Actor")
	TypePosition  = quad.IRI(Prefix + "Position")
	TypeStatement = quad.IRI(Prefix + "Statement")
	TypeDocument  = quad.IRI(Prefix + "Document")
)

// Actor kinds, the values of sg:kind on an actor.
const (
	KindState        = "state"
	KindOrganisation = "organisation"
	KindPerson       = "person"
	KindGroup        = "group"
)

// Kinds lists the valid actor kinds.
var Kinds = []string{KindState, KindOrganisation, KindPerson, KindGroup}

// ValidKind reports whether k is one of Kinds.
func ValidKind(k string) bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Predicates.
const (
	Type  = quad.IRI(rdf.Type)
	Label = quad.IRI(rdfs.Label)

	Kind      = quad.IRI(Prefix + "kind")      // actor -> "state" | ...
	SpeaksFor = quad.IRI(Prefix + "speaksFor") // person -> actor
	Title     = quad.IRI(Prefix + "title")     // person, document -> text

	// Statement properties.
	PActor         = quad.IRI(Prefix + "actor")
	PSpeaker       = quad.IRI(Prefix + "speaker")
	PClass         = quad.IRI(Prefix + "class")
	PPredicate     = quad.IRI(Prefix + "predicate")
	PTarget        = quad.IRI(Prefix + "target")
	PPolarity      = quad.IRI(Prefix + "polarity")
	PDocument      = quad.IRI(Prefix + "document")
	PSentence      = quad.IRI(Prefix + "sentence")
	PSentenceIndex = quad.IRI(Prefix + "sentenceIndex")
	PStart         = quad.IRI(Prefix + "start")
	PEnd           = quad.IRI(Prefix + "end")
	PDate          = quad.IRI(Prefix + "date")
	PEventDate     = quad.IRI(Prefix + "eventDate") // statement -> xsd:date the sentence places it at
	PAgent         = quad.IRI(Prefix + "agent")     // position -> the actor whose deed, demand or concern it is
	PConfidence    = quad.IRI(Prefix + "confidence")

	// Document properties.
	PSource    = quad.IRI(Prefix + "source")
	PURL       = quad.IRI(Prefix + "url")
	PSentences = quad.IRI(Prefix + "sentences") // how many sentences were read
)

// ValidDate reports whether s is a date written YYYY-MM-DD, as statements
// and documents carry them.
func ValidDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// ActorIRI is the stable IRI of an actor with the given canonical name.
func ActorIRI(name string) quad.IRI { return quad.IRI(Prefix + "actor/" + Slug(name)) }

// PositionIRI is the stable IRI of a position with the given canonical label.
func PositionIRI(label string) quad.IRI { return quad.IRI(Prefix + "position/" + Slug(label)) }

// DocumentIRI is the stable IRI of a document with the given id.
func DocumentIRI(id string) quad.IRI { return quad.IRI(Prefix + "doc/" + Slug(id)) }

// PredicateIRI is the IRI of a fine-grained predicate such as "calls reasonable".
func PredicateIRI(verb string) quad.IRI { return quad.IRI(Prefix + Slug(verb)) }

// ClassIRI is the IRI of a stance or interaction class, e.g. sg:OPPOSE.
func ClassIRI(c Class) quad.IRI { return quad.IRI(Prefix + string(c)) }
