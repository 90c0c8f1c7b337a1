package extract

import (
	"context"
	"strings"

	"github.com/stancegraph/stancegraph/extract/lexicon"
	"github.com/stancegraph/stancegraph/schema"
)

// agented gives each position a stance takes the actor whose deed, demand
// or concern it is, where its label names one as its possessor, by demonym
// or as its agent: "China's military drills", "Chinese military drills",
// "the drills by China". Whoever opposes such a position opposes that
// actor's doing, and the library counts it so. A claim (ASSERT, DENY) is
// left alone: claiming that Russia prepares an invasion is not backing
// Russia.
type agented struct {
	Extractor
	agents agents
}

func (x agented) Extract(ctx context.Context, doc *Document) (Result, error) {
	r, err := x.Extractor.Extract(ctx, doc)
	for i := range r.Statements {
		s := &r.Statements[i]
		if s.ObjectType != schema.ObjectPosition || s.Agent != "" {
			continue
		}
		switch s.Class {
		case schema.Assert, schema.Deny:
			continue // a claim that X did something is not X's position
		}
		if a := x.agents.of(s.Object); a != nil {
			s.Agent, s.AgentKind = a.Name, a.Kind
		}
	}
	return r, err
}

// agents finds actors in labels: by name, alias or metonym, and by
// demonym, as written.
type agents struct {
	names   map[string]*lexicon.Actor // a name, alias or metonym, as written
	demonym map[string]*lexicon.Actor
	longest int // words of the longest name
}

func newAgents(lx *lexicon.Lexicon) agents {
	a := agents{names: map[string]*lexicon.Actor{}, demonym: map[string]*lexicon.Actor{}}
	for i := range lx.Actors {
		ac := &lx.Actors[i]
		for _, n := range append(append([]string{ac.Name}, ac.Aliases...), ac.Metonyms...) {
			n = strings.TrimPrefix(n, "the ")
			if _, ok := a.names[n]; !ok {
				a.names[n] = ac
			}
			a.longest = max(a.longest, len(strings.Fields(n)))
		}
		for _, d := range ac.Adjectives {
			if _, ok := a.demonym[d]; !ok {
				a.demonym[d] = ac
			}
		}
	}
	return a
}

// of gives the agent a label names, or nil.
func (a agents) of(label string) *lexicon.Actor {
	words := strings.Fields(label)
	if len(words) < 2 {
		return nil // a bare name is an actor, not a position of one
	}
	// In front: a name with a possessive ("China's drills") or a demonym.
	// A bare name in front may be the subject of a deed asked of it
	// ("Moscow make concessions"), which is not its position.
	for n := min(a.longest, len(words)-1); n >= 1; n-- {
		name := strings.Join(words[:n], " ")
		bare := strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
		if bare == name {
			continue
		}
		if ac, ok := a.names[bare]; ok {
			return ac
		}
	}
	if ac, ok := a.demonym[words[0]]; ok {
		return ac
	}
	// As the agent of a passive or a nominal: "the drills by China".
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "by" {
			continue
		}
		for n := min(a.longest, len(words)-i-1); n >= 1; n-- {
			if ac, ok := a.names[strings.Join(words[i+1:i+1+n], " ")]; ok {
				return ac
			}
		}
	}
	return nil
}
