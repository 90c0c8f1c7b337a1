package stancegraph

import (
	"context"
	"fmt"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/queries"
)

// Opponent is an actor on the other side of one of an actor's positions.
type Opponent struct {
	Actor       string `json:"opponent"`
	ActorID     string `json:"opponent_id"`
	Position    string `json:"position"`
	TheirStance string `json:"their_stance"` // "+" or "-"
	MyStance    string `json:"my_stance"`
	Statements  int    `json:"statements"`
}

// Opponents lists who opposes what actor demands, proposes or supports, and
// who backs what actor opposes.
func (g *Graph) Opponents(ctx context.Context, actor string) ([]Opponent, error) {
	return sidesAs(ctx, g, "opponents", actor, func(r queries.Side) Opponent {
		return Opponent{Actor: r.Actor, ActorID: r.ActorID, Position: r.Position,
			TheirStance: r.Theirs, MyStance: r.Mine, Statements: r.Statements}
	})
}

// Supporter is an actor on the same side of one of an actor's positions.
type Supporter struct {
	Actor      string `json:"supporter"`
	ActorID    string `json:"supporter_id"`
	Position   string `json:"position"`
	Stance     string `json:"stance"`
	Statements int    `json:"statements"`
}

// Supporters lists who takes the actor's side on its positions.
func (g *Graph) Supporters(ctx context.Context, actor string) ([]Supporter, error) {
	return sidesAs(ctx, g, "supporters", actor, func(r queries.Side) Supporter {
		return Supporter{Actor: r.Actor, ActorID: r.ActorID, Position: r.Position, Stance: r.Theirs, Statements: r.Statements}
	})
}

// sidesAs answers opponents or supporters (name) from the tally as Go
// values (not the query's maps: a tenth of the time of the largest
// questions), or when the store keeps no tally through the script.
func sidesAs[T any](ctx context.Context, g *Graph, name, actor string, as func(queries.Side) T) ([]T, error) {
	rows, ok, err := g.sides(ctx, name, actor)
	if !ok {
		var out []T
		return out, g.run(ctx, &out, name, actor)
	}
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		out = append(out, as(r))
	}
	return out, err
}

// sides answers opponents or supporters from the tally; ok is false when
// the store keeps no tally.
func (g *Graph) sides(ctx context.Context, name, actor string) (rows []queries.Side, ok bool, err error) {
	t := g.st.Tally()
	if t == nil {
		return nil, false, nil
	}
	_, resolved, err := g.resolveQuery(ctx, name, []string{actor})
	if err != nil {
		return nil, true, err
	}
	rows, err = queries.Sides(ctx, t, resolved[0], name == "supporters", graph.DefaultLimit)
	if err != nil {
		return nil, true, fmt.Errorf("query %s: %w", name, err)
	}
	return rows, true, nil
}

// Held is a position an actor holds with one class of stance.
type Held struct {
	Position   string `json:"position"`
	PositionID string `json:"position_id"`
	Class      string `json:"class"`
	Statements int    `json:"statements"`
	First      string `json:"first"`
	Last       string `json:"last"`
}

// Positions lists everything the actor holds, most-stated first.
func (g *Graph) Positions(ctx context.Context, actor string) ([]Held, error) {
	var out []Held
	return out, g.run(ctx, &out, "positions", actor)
}

// Holder is an actor's stance on a position.
type Holder struct {
	Actor      string `json:"actor"`
	ActorID    string `json:"actor_id"`
	Class      string `json:"class"`
	Stance     string `json:"stance"`
	Statements int    `json:"statements"`
}

// Holders lists who holds a position, for and against.
func (g *Graph) Holders(ctx context.Context, position string) ([]Holder, error) {
	var out []Holder
	return out, g.run(ctx, &out, "holders", position)
}

// Alignment is how far another actor agrees with an actor.
type Alignment struct {
	Actor    string `json:"actor"`
	ActorID  string `json:"actor_id"`
	Score    int    `json:"score"` // agreements minus disagreements
	Agree    int    `json:"agree"`
	Disagree int    `json:"disagree"`
}

// Alignment ranks other actors by agreement minus disagreement over the
// positions they share with actor.
func (g *Graph) Alignment(ctx context.Context, actor string) ([]Alignment, error) {
	var out []Alignment
	return out, g.run(ctx, &out, "alignment", actor)
}

// Evidence is one statement behind a stance.
type Evidence struct {
	Statement  string  `json:"statement"`
	Class      string  `json:"class"`
	Predicate  string  `json:"predicate"`
	Speaker    string  `json:"speaker"`
	Document   string  `json:"document"`
	Date       string  `json:"date"`
	Confidence float64 `json:"confidence"`
	Sentence   string  `json:"sentence"`
}

// Evidence lists the statements behind an actor's stance on a position.
func (g *Graph) Evidence(ctx context.Context, actor, position string) ([]Evidence, error) {
	var out []Evidence
	return out, g.run(ctx, &out, "evidence", actor, position)
}

// Event is a statement of an actor in a timeline.
type Event struct {
	Date          string `json:"date"`
	Class         string `json:"class"`
	Predicate     string `json:"predicate"`
	Target        string `json:"target"`
	Document      string `json:"document"`
	SentenceIndex int    `json:"sentence_index"`
}

// Timeline lists an actor's statements in date order.
func (g *Graph) Timeline(ctx context.Context, actor string) ([]Event, error) {
	var out []Event
	return out, g.run(ctx, &out, "timeline", actor)
}

// Chain is a chain of statements linking two actors.
type Chain struct {
	Length int    `json:"length"`
	Path   string `json:"path"`
}

// Path lists the shortest chains of statements linking two actors.
func (g *Graph) Path(ctx context.Context, a, b string) ([]Chain, error) {
	var out []Chain
	return out, g.run(ctx, &out, "path", a, b)
}
