package queries

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/schema"
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
		rows, err := sides(ctx, t, a[0], false, limit, 0)
		return sideMaps(rows, false), err
	},
	"supporters": func(ctx context.Context, t *graph.Tally, a []string, limit int) ([]map[string]interface{}, error) {
		rows, err := sides(ctx, t, a[0], true, limit, 0)
		return sideMaps(rows, true), err
	},
	"alignment": func(ctx context.Context, t *graph.Tally, a []string, limit int) ([]map[string]interface{}, error) {
		return alignment(ctx, t, a[0], limit, 0)
	},
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

// stanceSums is the prelude's: the targets where the sum of the
// polarities of the actor's statements is not zero (the positions it
// holds), in the tally's order, and the sign of each sum (+1 or -1).
func stanceSums(ctx context.Context, t *graph.Tally, actor string) ([]string, []int, error) {
	var held []string
	var sums []int
	err := t.Stances(ctx, graph.ByActor, []string{actor}, func(_ int, target []byte, c schema.Class, n int) error {
		if p := c.Polarity(); p != 0 {
			// The tally gives an actor's cells on a target one after another.
			if k := len(held); k == 0 || held[k-1] != string(target) {
				held, sums = append(held, string(target)), append(sums, 0)
			}
			sums[len(sums)-1] += p * n
		}
		return nil
	})
	var signs []int
	k := 0
	for i, p := range held {
		if sums[i] != 0 {
			held[k] = p
			signs = append(signs, sums[i]/abs(sums[i]))
			k++
		}
	}
	return held[:k], signs, err
}

// holdings are the positions an actor holds, with their signs: those it
// takes a stance on, and those it is the agent of ("China's drills" are
// China's own, for), unless it took a stance on them.
func holdings(ctx context.Context, t *graph.Tally, actor string) ([]string, []int, error) {
	held, mine, err := stanceSums(ctx, t, actor)
	if err != nil {
		return nil, nil, err
	}
	own, err := t.Agented(ctx, actor)
	if err != nil {
		return nil, nil, err
	}
	has := make(map[string]bool, len(held))
	for _, p := range held {
		has[p] = true
	}
	for _, p := range own {
		if !has[p] {
			has[p] = true
			held, mine = append(held, p), append(mine, 1)
		}
	}
	return held, mine, nil
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// stancesOn calls fn with the class and count of every cell of a stance
// on the positions (i is the position's index) by another actor than
// except; when polarity is not nil, only of the stances of polarity[i] on
// position i. The positions are read in parts, side by side, one part a
// core (each in its own read transaction): fn is called for part k (0 <=
// k < parts) from one goroutine, in the tally's order (Tally.Cells). Parts
// are runs of positions in order.
func stancesOn(ctx context.Context, t *graph.Tally, positions []string, polarity []int, except string, parts int, fn func(k, i int, actor []byte, c schema.Class, n int)) error {
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for k := 0; k < parts; k++ {
		lo, hi := k*len(positions)/parts, (k+1)*len(positions)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			each := func(i int, actor []byte, c schema.Class, n int) error {
				if c.Polarity() != 0 && string(actor) != except {
					fn(k, lo+i, actor, c, n)
				}
				return nil
			}
			if polarity != nil {
				errs[k] = t.StancesOn(ctx, positions[lo:hi], polarity[lo:hi], each)
			} else {
				errs[k] = t.Stances(ctx, graph.ByTarget, positions[lo:hi], each)
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// partsFor is how many parts stancesOn reads n positions in: one a core,
// when each gets enough positions to pay for its goroutine and transaction.
func partsFor(n int) int {
	const least = 1024
	return max(1, min(runtime.GOMAXPROCS(0), n/least))
}

// names hands out a small number for each id (an actor's, a position's)
// and keeps its label once read.
type names struct {
	index  map[string]int32 // of the ids numbered by of and merge
	ids    []string
	labels []string
}

// newNames numbers ids 0, 1, ... in turn; of and merge number others
// after them (an id of this list given to them again gets a new number).
func newNames(ids []string) *names {
	return &names{index: map[string]int32{}, ids: slices.Clone(ids)}
}

// merge numbers other's ids and returns their numbers here, by other's.
func (n *names) merge(other *names) []int32 {
	nums := make([]int32, len(other.ids))
	for j, id := range other.ids {
		i, ok := n.index[id]
		if !ok {
			i = int32(len(n.ids))
			n.index[id] = i
			n.ids = append(n.ids, id)
		}
		nums[j] = i
	}
	return nums
}

// of is the number of the id b (b is not kept).
func (n *names) of(b []byte) int32 {
	if i, ok := n.index[string(b)]; ok {
		return i
	}
	i := int32(len(n.ids))
	id := string(b)
	n.index[id] = i
	n.ids = append(n.ids, id)
	return i
}

// label reads the labels of the numbered ids not read yet, in one
// transaction.
func (n *names) label(ctx context.Context, t *graph.Tally, nums []int32) error {
	n.labels = append(n.labels, make([]string, len(n.ids)-len(n.labels))...)
	var want []int32
	for _, i := range nums {
		if n.labels[i] == "" {
			n.labels[i] = n.ids[i] // until read; a label is never ""
			want = append(want, i)
		}
	}
	if len(want) == 0 {
		return nil
	}
	ids := make([]string, len(want))
	for k, i := range want {
		ids[k] = n.ids[i]
	}
	got, err := t.Labels(ctx, ids)
	if err != nil {
		return err
	}
	for _, i := range want {
		n.labels[i] = got[n.ids[i]]
	}
	return nil
}

// rank orders the numbered ids by label, then id: rank[i] is id i's place.
func (n *names) rank(nums []int32) []int32 {
	sorted := slices.Clone(nums)
	slices.SortFunc(sorted, func(a, b int32) int { return then(0, n.labels[a], n.labels[b], n.ids[a], n.ids[b]) })
	rank := make([]int32, len(n.ids))
	for r, i := range sorted {
		rank[i] = int32(r)
	}
	return rank
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
func emitFirst[T, R any](rows []T, limit int, cmp func(a, b T) int, emit func(T) R) []R {
	slices.SortFunc(rows, cmp)
	if limit > 0 && len(rows) > limit {
		rows = rows[:limit]
	}
	out := make([]R, len(rows))
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
	actor, position int32 // numbers in names
	statements      int32
	theirs          int8 // their polarity
}

// Side is a row of opponents or supporters.
type Side struct {
	Actor, ActorID string // the other actor's label and IRI in angle brackets
	Position       string // the position's label
	Theirs, Mine   string // the two stances, "+" or "-"
	Statements     int    // the other actor's statements of its stance
}

// Sides is the rows of opponents (same false) or supporters (same true) of
// actor (an IRI in angle brackets), the first limit of them (all when
// limit <= 0): RunNative's rows as Go values, for the Go API.
func Sides(ctx context.Context, t *graph.Tally, actor string, same bool, limit int) ([]Side, error) {
	return sides(ctx, t, bare(actor), same, limit, 0)
}

// sideMaps are the rows as the Gizmo scripts of opponents (same false)
// and supporters emit them.
func sideMaps(rows []Side, same bool) []map[string]interface{} {
	out := make([]map[string]interface{}, len(rows))
	for i, r := range rows {
		if same {
			out[i] = map[string]interface{}{"supporter": r.Actor, "supporter_id": r.ActorID,
				"position": r.Position, "stance": r.Theirs, "statements": int64(r.Statements)}
		} else {
			out[i] = map[string]interface{}{"opponent": r.Actor, "opponent_id": r.ActorID,
				"position": r.Position, "their_stance": r.Theirs, "my_stance": r.Mine, "statements": int64(r.Statements)}
		}
	}
	return out
}

// sides lists the actors on the same side as actor (or the other), on
// each position it holds; parts is how many parts to read the positions
// in (0: partsFor).
func sides(ctx context.Context, t *graph.Tally, actor string, same bool, limit, parts int) ([]Side, error) {
	held, mine, err := holdings(ctx, t, actor)
	if err != nil {
		return nil, err
	}
	ns := newNames(held) // position i is number i
	if parts <= 0 {
		parts = partsFor(len(held))
	}
	// Each part numbers the actors it meets on its own.
	rowsOf, actorsOf := make([]pile[sideRow], parts), make([]*names, parts)
	for k := range actorsOf {
		actorsOf[k] = newNames(nil)
	}
	// Only the side asked about is read: the tally keeps each as a run.
	want := make([]int, len(held))
	for i, m := range mine {
		want[i] = m
		if !same {
			want[i] = -m
		}
	}
	err = stancesOn(ctx, t, held, want, actor, parts, func(k, i int, a []byte, c schema.Class, n int) {
		p := c.Polarity()
		rows, actors := &rowsOf[k], actorsOf[k]
		if r := rows.last(); r != nil && r.position == int32(i) && actors.ids[r.actor] == string(a) {
			r.statements += int32(n)
			return
		}
		rows.add(sideRow{actor: actors.of(a), position: int32(i), statements: int32(n), theirs: int8(p)})
	})
	if err != nil {
		return nil, err
	}
	// Rows go by statements (most first), then the actor's label, then
	// the position's. Only the rows that can make the first limit need
	// labels: those with at least the limit-th count, and of those only
	// the ones in the first limit by count and actor need the position's.
	total := 0
	for _, part := range rowsOf {
		total += part.n
	}
	least, kept := int32(0), total
	if limit > 0 && total > limit {
		counts := make([]int32, 0, total)
		for _, part := range rowsOf {
			part.each(func(r *sideRow) { counts = append(counts, r.statements) })
		}
		least, kept = nthLargest(counts, limit)
	}
	rows := make([]sideRow, 0, kept)
	for k, part := range rowsOf {
		nums := ns.merge(actorsOf[k])
		part.each(func(r *sideRow) {
			if r.statements >= least {
				row := *r
				row.actor = nums[r.actor]
				rows = append(rows, row)
			}
		})
	}
	actors := distinct(rows, func(r sideRow) int32 { return r.actor })
	if err := ns.label(ctx, t, actors); err != nil {
		return nil, err
	}
	rank := ns.rank(actors)
	byActor := func(a, b sideRow) int {
		if a.statements != b.statements {
			return int(b.statements - a.statements)
		}
		return int(rank[a.actor] - rank[b.actor])
	}
	slices.SortFunc(rows, byActor)
	if limit > 0 && len(rows) > limit {
		end := limit
		for end < len(rows) && byActor(rows[end], rows[limit-1]) == 0 {
			end++
		}
		rows = rows[:end]
	}
	if err := ns.label(ctx, t, distinct(rows, func(r sideRow) int32 { return r.position })); err != nil {
		return nil, err
	}
	l := ns.labels
	return emitFirst(rows, limit, func(a, b sideRow) int {
		return then(byActor(a, b), l[a.position], l[b.position], ns.ids[a.position], ns.ids[b.position])
	}, func(r sideRow) Side {
		return Side{Actor: l[r.actor], ActorID: bracket(ns.ids[r.actor]), Position: l[r.position],
			Theirs: sign(int(r.theirs)), Mine: sign(mine[r.position]), Statements: int(r.statements)}
	}), nil
}

// nthLargest is the n-th largest of the counts (1 <= n <= len(counts))
// and how many counts are at least that.
func nthLargest(counts []int32, n int) (least int32, atLeast int) {
	top := slices.Max(counts)
	if top > 1<<16 {
		slices.Sort(counts)
		least = counts[len(counts)-n]
		first, _ := slices.BinarySearch(counts, least)
		return least, len(counts) - first
	}
	hist := make([]int, top+1)
	for _, c := range counts {
		hist[max(c, 0)]++
	}
	for c := top; c > 0; c-- {
		atLeast += hist[c]
		if atLeast >= n {
			return c, atLeast
		}
	}
	return 0, len(counts)
}

// pile is a list that grows a block at a time, never moving what it
// holds (append's copies were most of a large question's allocation).
type pile[T any] struct {
	blocks [][]T
	n      int
}

const pileBlock = 4096

func (p *pile[T]) add(v T) {
	if k := len(p.blocks); k == 0 || len(p.blocks[k-1]) == pileBlock {
		p.blocks = append(p.blocks, make([]T, 0, pileBlock))
	}
	k := len(p.blocks) - 1
	p.blocks[k] = append(p.blocks[k], v)
	p.n++
}

// last is the element added last, or nil.
func (p *pile[T]) last() *T {
	if p.n == 0 {
		return nil
	}
	b := p.blocks[len(p.blocks)-1]
	return &b[len(b)-1]
}

func (p *pile[T]) each(fn func(*T)) {
	for _, b := range p.blocks {
		for i := range b {
			fn(&b[i])
		}
	}
}

// distinct lists the numbers the rows name, each once.
func distinct[T any](rows []T, num func(T) int32) []int32 {
	seen := map[int32]bool{}
	var out []int32
	for _, r := range rows {
		if i := num(r); !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	return out
}

type alignRow struct {
	actor                  int32
	score, agree, disagree int
}

// alignment ranks the actors by agreements less disagreements with actor;
// parts is as for sides.
func alignment(ctx context.Context, t *graph.Tally, actor string, limit, parts int) ([]map[string]interface{}, error) {
	held, mine, err := holdings(ctx, t, actor)
	if err != nil {
		return nil, err
	}
	// Sum each actor's cells on a position (those for it and those against
	// it come in two runs), then count the sum as an agreement or a
	// disagreement. Each part numbers the actors it meets on its own.
	if parts <= 0 {
		parts = partsFor(len(held))
	}
	type tallies struct {
		actors         *names
		agree, against []int   // by the part's actor number
		sum            []int   // on the position under way
		on             []int32 // the position each sum is of, plus one
		met            []int32 // the actors met on it
		target         int
		last           int32 // the actor of the cell before
	}
	of := make([]*tallies, parts)
	for k := range of {
		of[k] = &tallies{actors: newNames(nil), target: -1, last: -1}
	}
	flush := func(p *tallies) {
		for _, a := range p.met {
			switch sum := p.sum[a]; {
			case sum == 0:
			case (mine[p.target] > 0) == (sum > 0):
				p.agree[a]++
			default:
				p.against[a]++
			}
		}
		p.met = p.met[:0]
	}
	err = stancesOn(ctx, t, held, nil, actor, parts, func(k, i int, b []byte, c schema.Class, n int) {
		p := of[k]
		if i != p.target {
			flush(p)
			p.target = i
		}
		// An actor's cells of one sign on a position come one after another.
		a := p.last
		if a < 0 || p.actors.ids[a] != string(b) {
			a = p.actors.of(b)
			p.last = a
		}
		if int(a) == len(p.sum) {
			p.agree, p.against = append(p.agree, 0), append(p.against, 0)
			p.sum, p.on = append(p.sum, 0), append(p.on, 0)
		}
		if p.on[a] != int32(i)+1 {
			p.on[a], p.sum[a] = int32(i)+1, 0
			p.met = append(p.met, a)
		}
		p.sum[a] += c.Polarity() * n
	})
	if err != nil {
		return nil, err
	}
	ns := newNames(nil)
	var rows []alignRow
	at := map[int32]int{} // actor -> its row
	for _, p := range of {
		if p.target >= 0 {
			flush(p)
		}
		nums := ns.merge(p.actors)
		for j := range p.agree {
			if p.agree[j]+p.against[j] == 0 {
				continue
			}
			r, ok := at[nums[j]]
			if !ok {
				r = len(rows)
				at[nums[j]] = r
				rows = append(rows, alignRow{actor: nums[j]})
			}
			rows[r].agree += p.agree[j]
			rows[r].disagree += p.against[j]
		}
	}
	for i := range rows {
		rows[i].score = rows[i].agree - rows[i].disagree
	}
	actors := distinct(rows, func(r alignRow) int32 { return r.actor })
	if err := ns.label(ctx, t, actors); err != nil {
		return nil, err
	}
	rank := ns.rank(actors)
	return emitFirst(rows, limit, func(a, b alignRow) int {
		if a.score != b.score {
			return b.score - a.score
		}
		if a.agree != b.agree {
			return b.agree - a.agree
		}
		return int(rank[a.actor] - rank[b.actor])
	}, func(r alignRow) map[string]interface{} {
		return map[string]interface{}{"actor": ns.labels[r.actor], "actor_id": bracket(ns.ids[r.actor]),
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
		// Undated statements last: they are of no known time.
		if (a.Date == "") != (b.Date == "") {
			if a.Date == "" {
				return 1
			}
			return -1
		}
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
