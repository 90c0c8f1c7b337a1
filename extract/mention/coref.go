package mention

import (
	"github.com/stancegraph/stancegraph/extract/annotate"
	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

// resolve points pronouns and descriptions back to what they stand for, in
// text order: he and she to the last person named, it to the last actor,
// they to the last plural mention or actor, "the minister" to the last
// person, "the country" to the last state, "the alliance" to the last
// organisation, "the two sides" to the last two actors. We and our are
// left to the statements stage, which knows who speaks.
func resolve(d *annotate.Doc, f *Finder) {
	var (
		lastPerson *annotate.Mention
		recent     []*lexicon.Actor // actors named, latest last, each once
		lastPlural []*lexicon.Actor
	)
	note := func(as []*lexicon.Actor) {
		for _, a := range as {
			for i, r := range recent {
				if r == a {
					recent = append(recent[:i], recent[i+1:]...)
					break
				}
			}
			recent = append(recent, a)
		}
	}
	lastOf := func(kinds ...string) *lexicon.Actor {
		for i := len(recent) - 1; i >= 0; i-- {
			for _, k := range kinds {
				if k == "" || recent[i].Kind == k {
					return recent[i]
				}
			}
		}
		return nil
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		switch m.Kind {
		case annotate.Pronoun:
			switch m.Word {
			case "he", "him", "his", "she", "her":
				if lastPerson != nil {
					m.Actors, m.Person, m.Title = lastPerson.Actors, lastPerson.Person, lastPerson.Title
				}
			case "it", "its":
				// "It" is an actor only where an actor was the subject of
				// this sentence or the last: else it is most often a thing.
				m.Actors = actors(lastSubject(d, i))
			case "they", "them", "their":
				if lastPlural != nil {
					m.Actors = lastPlural
				} else {
					m.Actors = actors(lastOf(""))
				}
			}
			if m.End-m.Start > 1 && len(m.Actors) > 0 {
				// "his country" names the state, as "the country" does.
				m.Kind = annotate.Description
			}
			continue
		case annotate.Description:
			if len(m.Actors) > 0 {
				break
			}
			switch f.descriptions[m.Word] {
			case "person":
				if lastPerson != nil {
					m.Kind = annotate.Person
					m.Actors, m.Person, m.Title = lastPerson.Actors, lastPerson.Person, lastPerson.Title
				}
			case "state":
				m.Actors = actors(lastOf(schema.KindState))
			case "organisation":
				m.Actors = actors(lastOf(schema.KindOrganisation))
			case "group":
				m.Actors = actors(lastOf(schema.KindGroup))
			case "two":
				if n := len(recent); n >= 2 {
					m.Actors = []*lexicon.Actor{recent[n-2], recent[n-1]}
				}
			default: // a generic organ: "the Foreign Ministry"
				m.Actors = actors(lastOf(schema.KindState, ""))
			}
			continue
		}
		if m.Kind == annotate.Person && (m.Person != "" || len(m.Actors) > 0) {
			lastPerson = m
		}
		note(m.Actors)
		if m.Plural {
			lastPlural = m.Actors
		}
	}
}

// lastSubject gives the actor of the nearest mention before i that is a
// clause's subject, in i's sentence or the one before.
func lastSubject(d *annotate.Doc, i int) *lexicon.Actor {
	si := d.Mentions[i].Sent
	for k := i - 1; k >= 0; k-- {
		m := &d.Mentions[k]
		if m.Sent < si-1 {
			break
		}
		if m.Kind == annotate.Pronoun || len(m.Actors) == 0 || m.Kind == annotate.Person {
			continue
		}
		if rel := d.Tokens(m.Sent)[m.Head].Rel; rel == "nsubj" || rel == "nsubj:pass" {
			return m.Actors[0]
		}
	}
	return nil
}
