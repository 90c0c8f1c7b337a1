package queries

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/graph"
)

// The aggregate questions of the library also have a Go form that reads
// the store's tally (graph.Tally: one entry per actor, target and class)
// instead of every statement. Each returns the rows its Gizmo script
// returns, in the same order; TestNativeMatchesGizmo holds them to it.
// Stores without a tally (memstore, the SQL stores) run the script.

// A nativeFunc answers a query from the tally; args are bare IRIs; it
// returns the first limit rows (all when limit <= 0).
type nativeFunc func(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error)

var native = map[string]nativeFunc{
	"opponents": func(ctx context.Context, t *graph.Tally, a []string, limit int) ([]map[string]interface{}, error) {
		return sides(ctx, t, a[0], false, limit)
	},
	"supporters": func(ctx context.Context, t *graph.Tally, a []string, limit int) ([]map[string]interface{}, error) {
		return sides(ctx, t, a[0], true, limit)
	},
	"alignment": alignment,
	"positions": positions,
	"holders":   holders,
	"evidence":  evidence,
	"timeline":  timeline,
}

// HasNative reports whether the query has a Go form.
func (q Query) HasNative() bool { return native[q.Name] != nil }

// RunNative answers the query from the tally; args are node IRIs in angle
// brackets, as Render takes them. Rows beyond limit (when > 0) are dropped.
func (q Query) RunNative(ctx context.Context, t *graph.Tally, limit int, args ...string) ([]interface{}, error) {
	fn := native[q.Name]
	if fn == nil || t == nil {
		return nil, &NoNativeError{q.Name}
	}
	ids := make([]string, len(args))
	for i, a := range args {
		ids[i] = bare(a)
	}
	rows, err := fn(ctx, t, ids, limit)
	if err != nil {
		return nil, err
	}
	out := make([]interface{}, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out, nil
}

// NoNativeError says a query cannot run from the tally.
type NoNativeError struct{ Name string }

func (e *NoNativeError) Error() string {
	return "query " + e.Name + " has no Go form or the store keeps no tally"
}

func bare(iri string) string { return strings.TrimSuffix(strings.TrimPrefix(iri, "<"), ">") }

func bracket(id string) string { return "<" + id + ">" }

// stanceSums is the prelude's: for each target, the sum of the polarities
// of the actor's statements on it, and the targets where it is not zero
// (the positions the actor holds), in the tally's order.
func stanceSums(ctx context.Context, t *graph.Tally, actor string) (map[string]int, []string, error) {
	sums := map[string]int{}
	var order []string
	err := t.Cells(ctx, graph.ByActor, []string{actor}, func(c graph.Cell) error {
		if p := c.Class.Polarity(); p != 0 {
			if _, ok := sums[c.Target]; !ok {
				order = append(order, c.Target)
			}
			sums[c.Target] += p * c.Statements
		}
		return nil
	})
	var held []string
	for _, p := range order {
		if sums[p] != 0 {
			held = append(held, p)
		}
	}
	return sums, held, err
}

// stancesOn calls fn with every cell of a stance on the positions by
// another actor than except.
func stancesOn(ctx context.Context, t *graph.Tally, positions []string, except string, fn func(graph.Cell)) error {
	return t.Cells(ctx, graph.ByTarget, positions, func(c graph.Cell) error {
		if c.Actor != except && c.Class.Polarity() != 0 {
			fn(c)
		}
		return nil
	})
}

func sign(n int) string {
	if n > 0 {
		return "+"
	}
	return "-"
}

// emitFirst sorts the rows (cmp orders every two rows that print apart)
// and turns the first limit of them (all when
// limit <= 0) into the maps the Gizmo script emits.
func emitFirst[T any](rows []T, limit int, cmp func(a, b T) int, emit func(T) map[string]interface{}) []map[string]interface{} {
	slices.SortFunc(rows, cmp)
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	out := make([]map[string]interface{}, len(rows))
	for i, r := range rows {
		out[i] = emit(r)
	}
	return out
}

// then is c, or when c is 0 the first difference of the pairs of strings
// (a1, b1, a2, b2, ...): a comparison by a number, then by names.
func then(c int, pairs ...string) int {
	for i := 0; c == 0 && i+1 < len(pairs); i += 2 {
		c = strings.Compare(pairs[i], pairs[i+1])
	}
	return c
}

// labelled reads the labels of the ids each row names, in one transaction,
// and hands them to set.
func labelled[T any](ctx context.Context, t *graph.Tally, rows []T, ids func(T) []string, set func(T, map[string]string)) error {
	seen := map[string]bool{}
	var all []string
	for _, r := range rows {
		for _, id := range ids(r) {
			if !seen[id] {
				seen[id] = true
				all = append(all, id)
			}
		}
	}
	sort.Strings(all)
	names, err := t.Labels(ctx, all)
	if err != nil {
		return err
	}
	for _, r := range rows {
		set(r, names)
	}
	return nil
}

type sideRow struct {
	actor, position string // ids
	actorName, name string
	theirs, mine    string
	statements      int
}

func sides(ctx context.Context, t *graph.Tally, actor string, same bool, limit int) ([]map[string]interface{}, error) {
	mine, held, err := stanceSums(ctx, t, actor)
	if err != nil {
		return nil, err
	}
	var list []*sideRow
	err = stancesOn(ctx, t, held, actor, func(c graph.Cell) {
		my := sign(mine[c.Target])
		if (c.Class.Sign() == my) != same {
			return
		}
		// The tally gives an actor's cells on a target one after another.
		if n := len(list); n > 0 && list[n-1].actor == c.Actor && list[n-1].position == c.Target {
			list[n-1].statements += c.Statements
			return
		}
		list = append(list, &sideRow{actor: c.Actor, position: c.Target, theirs: c.Class.Sign(), mine: my, statements: c.Statements})
	})
	if err != nil {
		return nil, err
	}
	err = labelled(ctx, t, list, func(r *sideRow) []string { return []string{r.actor, r.position} },
		func(r *sideRow, n map[string]string) { r.actorName, r.name = n[r.actor], n[r.position] })
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *sideRow) int {
		return then(b.statements-a.statements, a.actorName, b.actorName, a.name, b.name)
	}, func(r *sideRow) map[string]interface{} {
		if same {
			return map[string]interface{}{"supporter": r.actorName, "supporter_id": bracket(r.actor),
				"position": r.name, "stance": r.theirs, "statements": int64(r.statements)}
		}
		return map[string]interface{}{"opponent": r.actorName, "opponent_id": bracket(r.actor),
			"position": r.name, "their_stance": r.theirs, "my_stance": r.mine, "statements": int64(r.statements)}
	}), nil
}

type alignRow struct {
	actor, name            string
	score, agree, disagree int
}

func alignment(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error) {
	mine, held, err := stanceSums(ctx, t, args[0])
	if err != nil {
		return nil, err
	}
	// The tally gives an actor's cells on a target one after another: sum
	// them, then count the sum as an agreement or a disagreement.
	rows := map[string]*alignRow{}
	var actors []string
	var actor, target string
	sum := 0
	flush := func() {
		if actor == "" || sum == 0 {
			return
		}
		r := rows[actor]
		if r == nil {
			r = &alignRow{actor: actor}
			rows[actor] = r
			actors = append(actors, actor)
		}
		if (mine[target] > 0) == (sum > 0) {
			r.agree++
		} else {
			r.disagree++
		}
	}
	err = stancesOn(ctx, t, held, args[0], func(c graph.Cell) {
		if c.Actor != actor || c.Target != target {
			flush()
			actor, target, sum = c.Actor, c.Target, 0
		}
		sum += c.Class.Polarity() * c.Statements
	})
	if err != nil {
		return nil, err
	}
	flush()
	var list []*alignRow
	for _, a := range actors {
		r := rows[a]
		r.score = r.agree - r.disagree
		list = append(list, r)
	}
	err = labelled(ctx, t, list, func(r *alignRow) []string { return []string{r.actor} },
		func(r *alignRow, n map[string]string) { r.name = n[r.actor] })
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *alignRow) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if a.agree != b.agree {
			return b.agree - a.agree
		}
		return strings.Compare(a.name, b.name)
	}, func(r *alignRow) map[string]interface{} {
		return map[string]interface{}{"actor": r.name, "actor_id": bracket(r.actor),
			"score": int64(r.score), "agree": int64(r.agree), "disagree": int64(r.disagree)}
	}), nil
}

// cellRow is a cell with the label of its other side.
type cellRow struct {
	graph.Cell
	name string
}

func cellsOf(ctx context.Context, t *graph.Tally, by graph.By, id string, keep func(graph.Cell) bool) ([]*cellRow, error) {
	var list []*cellRow
	err := t.Cells(ctx, by, []string{id}, func(c graph.Cell) error {
		if keep(c) {
			list = append(list, &cellRow{Cell: c})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	other := func(r *cellRow) string {
		if by == graph.ByActor {
			return r.Target
		}
		return r.Actor
	}
	err = labelled(ctx, t, list, func(r *cellRow) []string { return []string{other(r)} },
		func(r *cellRow, n map[string]string) { r.name = n[other(r)] })
	return list, err
}

func positions(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error) {
	list, err := cellsOf(ctx, t, graph.ByActor, args[0], func(c graph.Cell) bool { return c.Class.Polarity() != 0 })
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *cellRow) int {
		return then(b.Statements-a.Statements, a.name, b.name, string(a.Class), string(b.Class))
	}, func(c *cellRow) map[string]interface{} {
		return map[string]interface{}{"position": c.name, "position_id": bracket(c.Target),
			"class": string(c.Class), "statements": int64(c.Statements), "first": c.First, "last": c.Last}
	}), nil
}

func holders(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error) {
	list, err := cellsOf(ctx, t, graph.ByTarget, args[0], func(graph.Cell) bool { return true })
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *cellRow) int {
		if c := strings.Compare(a.Class.Sign(), b.Class.Sign()); c != 0 {
			return c
		}
		return then(b.Statements-a.Statements, a.name, b.name, string(a.Class), string(b.Class))
	}, func(c *cellRow) map[string]interface{} {
		return map[string]interface{}{"actor": c.name, "actor_id": bracket(c.Actor),
			"class": string(c.Class), "stance": c.Class.Sign(), "statements": int64(c.Statements)}
	}), nil
}

// evidenceRow is a statement with the label of its target.
type evidenceRow struct {
	graph.Evidence
	name string
}

func statements(ctx context.Context, t *graph.Tally, actor, target string) ([]*evidenceRow, error) {
	var list []*evidenceRow
	err := t.Evidence(ctx, actor, target, func(e graph.Evidence) error {
		list = append(list, &evidenceRow{Evidence: e})
		return nil
	})
	return list, err
}

// byPlace orders statements by date, then document, then sentence.
func byPlace(a, b *evidenceRow) int {
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Document, b.Document); c != 0 {
		return c
	}
	return a.SentenceIndex - b.SentenceIndex
}

func evidence(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error) {
	list, err := statements(ctx, t, args[0], args[1])
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *evidenceRow) int {
		if c := byPlace(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.Statement, b.Statement)
	}, func(e *evidenceRow) map[string]interface{} {
		return map[string]interface{}{"statement": bracket(e.Statement), "class": string(e.Class), "predicate": e.Predicate,
			"speaker": e.Speaker, "document": e.Document, "date": e.Date, "confidence": e.Confidence, "sentence": e.Sentence}
	}), nil
}

func timeline(ctx context.Context, t *graph.Tally, args []string, limit int) ([]map[string]interface{}, error) {
	list, err := statements(ctx, t, args[0], "")
	if err != nil {
		return nil, err
	}
	err = labelled(ctx, t, list, func(e *evidenceRow) []string { return []string{e.Target} },
		func(e *evidenceRow, n map[string]string) { e.name = n[e.Target] })
	if err != nil {
		return nil, err
	}
	return emitFirst(list, limit, func(a, b *evidenceRow) int {
		if c := byPlace(a, b); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Class), string(b.Class)); c != 0 {
			return c
		}
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.Predicate, b.Predicate)
	}, func(e *evidenceRow) map[string]interface{} {
		return map[string]interface{}{"date": e.Date, "class": string(e.Class), "predicate": e.Predicate,
			"target": e.name, "document": e.Document, "sentence_index": int64(e.SentenceIndex)}
	}), nil
}
