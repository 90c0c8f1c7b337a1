package schema

import (
	"github.com/cayleygraph/quad"
)

// DocumentInfo describes a source document.
type DocumentInfo struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	// Sentences is how many sentences the extractor read in the document.
	Sentences int `json:"sentences"`
}

// Quads describes the document node; the quads are labelled with its IRI.
func (d DocumentInfo) Quads() []quad.Quad {
	id := DocumentIRI(d.ID)
	qs := []quad.Quad{
		quad.Make(id, Type, TypeDocument, id),
		quad.Make(id, Label, quad.String(d.ID), id),
	}
	if d.Sentences > 0 { // unknown for documents loaded from statements
		qs = append(qs, quad.Make(id, PSentences, quad.Int(d.Sentences), id))
	}
	for _, p := range []struct {
		pred quad.IRI
		val  string
	}{{Title, d.Title}, {PDate, d.Date}, {PSource, d.Source}, {PURL, d.URL}} {
		if p.val != "" {
			qs = append(qs, quad.Make(id, p.pred, quad.String(p.val), id))
		}
	}
	return qs
}

// Quads writes the statement as quads: the entity nodes it touches (actor,
// speaker, target; unlabelled, so they are shared by all statements), the
// reified statement node, and the direct edges actor --predicate--> target and
// actor --CLASS--> target. Statement quads are labelled with the statement's
// IRI, so every edge leads back to its evidence. The statement must be valid.
func (s *Statement) Quads() []quad.Quad {
	sid := s.ID()
	actor := ActorIRI(s.Subject)
	target := s.TargetIRI()
	qs := make([]quad.Quad, 0, 24)
	qs = append(qs, actorQuads(s.Subject, s.SubjectKind)...)
	if s.ObjectType == ObjectActor {
		qs = append(qs, actorQuads(s.Object, s.ObjectKind)...)
	} else {
		qs = append(qs,
			quad.Make(target, Type, TypePosition, nil),
			quad.Make(target, Label, quad.String(s.Object), nil))
	}
	add := func(p quad.IRI, o quad.Value) { qs = append(qs, quad.Make(sid, p, o, sid)) }
	add(Type, TypeStatement)
	add(PActor, actor)
	if s.Speaker != "" {
		person := ActorIRI(s.Speaker)
		qs = append(qs, actorQuads(s.Speaker, KindPerson)...)
		qs = append(qs, quad.Make(person, SpeaksFor, actor, nil))
		if s.SpeakerTitle != "" {
			qs = append(qs, quad.Make(person, Title, quad.String(s.SpeakerTitle), nil))
		}
		add(PSpeaker, person)
	}
	add(PClass, ClassIRI(s.Class))
	add(PPredicate, quad.String(s.Predicate))
	add(PTarget, target)
	if sign := s.Class.Sign(); sign != "" {
		add(PPolarity, quad.String(sign))
	}
	add(PDocument, DocumentIRI(s.Doc))
	add(PSentence, quad.String(s.Sentence))
	add(PSentenceIndex, quad.Int(s.SentenceIndex))
	add(PStart, quad.Int(s.Start))
	add(PEnd, quad.Int(s.End))
	if s.Date != "" {
		add(PDate, quad.String(s.Date))
	}
	if s.EventDate != "" {
		add(PEventDate, quad.TypedString{Value: quad.String(s.EventDate), Type: "xsd:date"})
	}
	add(PConfidence, quad.Float(s.Confidence))
	qs = append(qs,
		quad.Make(actor, PredicateIRI(s.Predicate), target, sid),
		quad.Make(actor, ClassIRI(s.Class), target, sid))
	if s.Agent != "" && s.ObjectType == ObjectPosition {
		// Whose the position is, as the statement says: an actor node,
		// and the edge, labelled with the statement like its own edges.
		qs = append(qs, actorQuads(s.Agent, s.AgentKind)...)
		qs = append(qs, quad.Make(target, PAgent, ActorIRI(s.Agent), sid))
	}
	return qs
}

func actorQuads(name, kind string) []quad.Quad {
	id := ActorIRI(name)
	if kind == "" {
		kind = KindGroup
	}
	return []quad.Quad{
		quad.Make(id, Type, TypeActor, nil),
		quad.Make(id, Label, quad.String(name), nil),
		quad.Make(id, Kind, quad.String(kind), nil),
	}
}
