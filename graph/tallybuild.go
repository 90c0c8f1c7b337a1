// Keeping the tally: changes written with the quads, recounts, rebuilds.

package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/stancegraph/stancegraph/schema"
)

// tallyChange is what a write does to the tally: cells set outright (those
// that lose statements, counted again from the ones left; zero deletes),
// then one statement added to a cell for each statement new to the store.
type tallyChange struct {
	set      []Cell
	add      []Cell
	labels   map[string]string
	evidence []Evidence // statements new or changed
	drop     [][]byte   // evidence keys of statements removed
}

func (ch *tallyChange) empty() bool {
	return len(ch.set) == 0 && len(ch.add) == 0 && len(ch.labels) == 0 && len(ch.evidence) == 0 && len(ch.drop) == 0
}

// apply writes the change inside the write transaction tx.
func (ch *tallyChange) apply(ctx context.Context, tx hkv.Tx) error {
	ws, err := ch.writes(ctx, tx)
	if err != nil {
		return err
	}
	return put(tx, ws)
}

// kvWrite is one key of the tally to put, or with v nil to delete.
type kvWrite struct{ k, v []byte }

func put(tx hkv.Tx, ws []kvWrite) error {
	for _, w := range ws {
		var err error
		if w.v == nil {
			err = tx.Del(hkv.Key{tallyBucket, w.k})
		} else {
			err = tx.Put(hkv.Key{tallyBucket, w.k}, w.v)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// writes lists the change's writes in key order: bolt inserts in order
// without moving what it holds (in random order, a large write spent 60%
// of its time in memmove). tx is read for the cells that get additions.
func (ch *tallyChange) writes(ctx context.Context, tx hkv.Tx) ([]kvWrite, error) {
	// Cells as they end: those set, then the additions, each cell read
	// from the store once.
	final := make(map[string]Cell, len(ch.set)+len(ch.add))
	var order []string
	keep := func(k string, c Cell) {
		if _, ok := final[k]; !ok {
			order = append(order, k)
		}
		final[k] = c
	}
	for _, c := range ch.set {
		keep(string(cellKey(ByActor, c.Actor, c.Target, c.Class)), c)
	}
	for _, a := range ch.add {
		k := cellKey(ByActor, a.Actor, a.Target, a.Class)
		cur, ok := final[string(k)]
		if !ok {
			cur = Cell{Actor: a.Actor, Target: a.Target, Class: a.Class}
			v, err := tx.Get(ctx, hkv.Key{tallyBucket, k})
			switch {
			case err == nil:
				if cur, err = decodeCell(ByActor, k, v); err != nil {
					return nil, err
				}
			case !errors.Is(err, hkv.ErrNotFound):
				return nil, err
			}
		}
		keep(string(k), merge(cur, a))
	}
	ws := make([]kvWrite, 0, 2*len(order)+len(ch.labels)+len(ch.drop)+len(ch.evidence))
	for _, k := range order {
		c := final[k]
		var v []byte
		if c.Statements > 0 {
			v = encodeCell(c)
		}
		ws = append(ws, kvWrite{[]byte(k), v}, kvWrite{cellKey(ByTarget, c.Target, c.Actor, c.Class), v})
	}
	for id, l := range ch.labels {
		ws = append(ws, kvWrite{append([]byte{'n'}, id...), []byte(l)})
	}
	for _, k := range ch.drop {
		ws = append(ws, kvWrite{k, nil})
	}
	for _, e := range ch.evidence {
		ws = append(ws, kvWrite{evidenceKey(e.Actor, e.Target, e.Statement), encodeEvidence(e)})
	}
	sort.SliceStable(ws, func(i, j int) bool { return bytes.Compare(ws[i].k, ws[j].k) < 0 })
	return ws, nil
}

// merge adds b's statements and dates to a.
func merge(a, b Cell) Cell {
	a.Statements += b.Statements
	if b.First != "" && (a.First == "" || b.First < a.First) {
		a.First = b.First
	}
	if b.Last > a.Last {
		a.Last = b.Last
	}
	return a
}

// cellOf is the cell of one statement.
func cellOf(st *schema.Statement) Cell {
	return Cell{Actor: string(schema.ActorIRI(st.Subject)), Target: string(st.TargetIRI()), Class: st.Class,
		Statements: 1, First: st.Date, Last: st.Date}
}

// tallyAdds adds a cell of one statement for each of the statements new to
// the store, with the labels of their actors and targets.
func tallyAdds(news []*schema.Statement, ch *tallyChange) {
	for _, st := range news {
		c := cellOf(st)
		ch.add = append(ch.add, c)
		ch.labels[c.Actor] = st.Subject
		ch.labels[c.Target] = st.Object
		ch.evidence = append(ch.evidence, evidenceOf(st))
	}
}

// tallyRecount sets again each cell of the class edges among qs (those
// of statements removed, or whose date changes), counted from the
// statements the store keeps after the write: those not in gone, with the
// date in dates for a statement there.
func (s *Store) tallyRecount(ctx context.Context, qs []quad.Quad, gone map[quad.Value]bool, dates map[quad.Value]string, ch *tallyChange) error {
	type key struct{ actor, target, class quad.Value }
	cells := map[key]bool{}
	for _, q := range qs {
		if p, ok := q.Predicate.(quad.IRI); ok && q.Label != nil && isClassIRI(p) {
			cells[key{q.Subject, q.Object, q.Predicate}] = true
			if gone[q.Label] {
				ch.drop = append(ch.drop, evidenceKey(iriString(q.Subject), iriString(q.Object), iriString(q.Label)))
			}
		}
	}
	for k := range cells {
		c := Cell{Actor: iriString(k.actor), Target: iriString(k.target), Class: classOfIRI(k.class.(quad.IRI))}
		it := s.quadsLike(quad.Make(k.actor, k.class, k.target, nil))
		for it.Next(ctx) {
			sid := s.qs.Quad(it.Result()).Label
			if sid == nil || gone[sid] {
				continue
			}
			date, ok := dates[sid]
			if !ok {
				var err error
				if date, err = s.value(ctx, sid, schema.PDate); err != nil {
					it.Close()
					return err
				}
			}
			c = merge(c, Cell{Statements: 1, First: date, Last: date})
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return fmt.Errorf("tally: count statements of %s: %w", c.Actor, err)
		}
		ch.set = append(ch.set, c)
	}
	// Cells in a fixed order, so that a write is the same every time.
	sort.Slice(ch.set, func(i, j int) bool {
		a, b := ch.set[i], ch.set[j]
		if a.Actor != b.Actor {
			return a.Actor < b.Actor
		}
		if a.Target != b.Target {
			return a.Target < b.Target
		}
		return a.Class < b.Class
	})
	return nil
}

// value is the string value of the node's predicate, or "".
func (s *Store) value(ctx context.Context, node quad.Value, pred quad.IRI) (string, error) {
	qs, err := s.quadsAt(ctx, quad.Subject, node, func(q quad.Quad) bool { return q.Predicate == pred })
	if err != nil || len(qs) == 0 {
		return "", err
	}
	return valueString(qs[0].Object), nil
}

func isClassIRI(p quad.IRI) bool {
	c := classOfIRI(p)
	return c.IsStance() || c.IsInteraction()
}

func classOfIRI(p quad.IRI) schema.Class {
	s := string(p)
	if len(s) > len(schema.Prefix) && s[:len(schema.Prefix)] == schema.Prefix {
		return schema.Class(s[len(schema.Prefix):])
	}
	return ""
}

// openTally finds out whether the store keeps a tally. A store opened for
// writing that has none, or one of an older format, gets one: marked at
// once when it is empty, counted from its statements when it is not.
func (s *Store) openTally(ctx context.Context, write bool) error {
	tx, err := s.guard.Tx(false)
	if err != nil {
		return err
	}
	v, err := tx.Get(ctx, hkv.Key{tallyBucket, []byte("v")})
	current := err == nil && string(v) == tallyVersion
	tx.Close()
	switch {
	case current:
		s.tallied.Store(true)
		return nil
	case err != nil && !errors.Is(err, hkv.ErrNotFound):
		return fmt.Errorf("read tally: %w", err)
	case !write:
		return nil
	}
	if s.cfg.Notify != nil {
		if n, err := s.quadCount(ctx); err == nil && n > 0 {
			s.cfg.Notify(fmt.Sprintf("counting the tally of the store's %d quads: once, as the store predates it or its format (about 3 minutes a million statements) ...", n))
		}
	}
	if err := s.rebuildTally(ctx); err != nil {
		return fmt.Errorf("count the tally of the store's statements: %w", err)
	}
	s.tallied.Store(true)
	return nil
}

// rebuildTally counts every statement into the tally, then marks it kept.
// It reads each field of the statements with one scan of its predicate.
// It writes in transactions of tallyBatch keys and the mark last, so a run
// cut short leaves no mark, and the next open counts again.
func (s *Store) rebuildTally(ctx context.Context) error {
	if err := s.clearTally(ctx); err != nil {
		return err
	}
	ev := map[string]*Evidence{}
	get := func(q quad.Quad) *Evidence {
		if q.Label == nil || q.Label != q.Subject {
			return nil // not a statement's field
		}
		id := iriString(q.Subject)
		e := ev[id]
		if e == nil {
			e = &Evidence{Statement: id}
			ev[id] = e
		}
		return e
	}
	fields := []struct {
		p  quad.IRI
		fn func(*Evidence, quad.Value)
	}{
		{schema.PDate, func(e *Evidence, v quad.Value) { e.Date = valueString(v) }},
		{schema.PSentence, func(e *Evidence, v quad.Value) { e.Sentence = valueString(v) }},
		{schema.PPredicate, func(e *Evidence, v quad.Value) { e.Predicate = valueString(v) }},
		{schema.PSentenceIndex, func(e *Evidence, v quad.Value) { e.SentenceIndex = intOf(v) }},
		{schema.PStart, func(e *Evidence, v quad.Value) { e.Start = intOf(v) }},
		{schema.PEnd, func(e *Evidence, v quad.Value) { e.End = intOf(v) }},
		{schema.PConfidence, func(e *Evidence, v quad.Value) {
			if f, ok := v.(quad.Float); ok {
				e.Confidence = float64(f)
			}
		}},
		// The speaker's and the document's nodes, for their names below.
		{schema.PSpeaker, func(e *Evidence, v quad.Value) { e.Speaker = iriString(v) }},
		{schema.PDocument, func(e *Evidence, v quad.Value) { e.Document = iriString(v) }},
	}
	for _, f := range fields {
		if err := s.eachWith(ctx, f.p, func(q quad.Quad) {
			if e := get(q); e != nil {
				f.fn(e, q.Object)
			}
		}); err != nil {
			return err
		}
	}
	type key struct {
		actor, target string
		class         schema.Class
	}
	cells := map[key]Cell{}
	var order []key
	ch := &tallyChange{labels: map[string]string{}}
	for _, c := range append(append([]schema.Class{}, schema.StanceClasses...), schema.InteractionClasses...) {
		err := s.eachWith(ctx, schema.ClassIRI(c), func(q quad.Quad) {
			if q.Label == nil {
				return
			}
			k := key{iriString(q.Subject), iriString(q.Object), c}
			e := ev[iriString(q.Label)]
			if e == nil {
				e = &Evidence{Statement: iriString(q.Label)}
			}
			e.Actor, e.Target, e.Class = k.actor, k.target, c
			ch.evidence = append(ch.evidence, *e)
			cur, ok := cells[k]
			if !ok {
				cur = Cell{Actor: k.actor, Target: k.target, Class: c}
				order = append(order, k)
			}
			cells[k] = merge(cur, Cell{Statements: 1, First: e.Date, Last: e.Date})
		})
		if err != nil {
			return err
		}
	}
	named := map[string]string{}
	for _, k := range order {
		ch.set = append(ch.set, cells[k])
		named[k.actor], named[k.target] = "", ""
	}
	for _, e := range ev {
		named[e.Speaker], named[e.Document] = "", ""
	}
	if err := s.eachWith(ctx, schema.Label, func(q quad.Quad) {
		if id := iriString(q.Subject); q.Label == nil || q.Label == q.Subject {
			if _, ok := named[id]; ok {
				named[id] = valueString(q.Object)
			}
		}
	}); err != nil {
		return err
	}
	for _, k := range order {
		ch.labels[k.actor], ch.labels[k.target] = named[k.actor], named[k.target]
	}
	for i := range ch.evidence {
		e := &ch.evidence[i]
		if e.Speaker != "" {
			e.Speaker = named[e.Speaker]
		}
		e.Document = named[e.Document]
	}
	// Write in parts, in key order; the mark goes with the last.
	ws, err := ch.writes(ctx, nil) // no additions: nothing to read
	if err != nil {
		return err
	}
	ch = nil
	for len(ws) > 0 {
		n := min(len(ws), tallyBatch)
		if err := s.writeTally(ctx, ws[:n], false); err != nil {
			return err
		}
		ws = ws[n:]
	}
	return s.writeTally(ctx, nil, true)
}

// tallyBatch is how many keys a rebuild writes a transaction.
const tallyBatch = 100000

func (s *Store) writeTally(ctx context.Context, ws []kvWrite, mark bool) error {
	tx, err := s.guard.Tx(true)
	if err != nil {
		return err
	}
	defer tx.Close()
	if err := put(tx, ws); err != nil {
		return err
	}
	if mark {
		if err := tx.Put(hkv.Key{tallyBucket, []byte("v")}, []byte(tallyVersion)); err != nil {
			return err
		}
	}
	return tx.Commit(ctx)
}

// clearTally deletes every key of the tally, a part at a time.
func (s *Store) clearTally(ctx context.Context) error {
	for {
		tx, err := s.guard.Tx(true)
		if err != nil {
			return err
		}
		var keys []hkv.Key
		it := tx.Scan(hkv.Key{tallyBucket, nil})
		for len(keys) < tallyBatch && it.Next(ctx) {
			keys = append(keys, it.Key().Clone())
		}
		err = it.Err()
		it.Close()
		for _, k := range keys {
			if err == nil {
				err = tx.Del(k)
			}
		}
		if err == nil {
			err = tx.Commit(ctx)
		}
		tx.Close()
		if err != nil || len(keys) < tallyBatch {
			return err
		}
	}
}

// eachWith calls fn with every quad whose predicate is p.
func (s *Store) eachWith(ctx context.Context, p quad.IRI, fn func(quad.Quad)) error {
	ref := s.qs.ValueOf(p)
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(quad.Predicate, ref)
	defer it.Close()
	for it.Next(ctx) {
		fn(s.qs.Quad(it.Result()))
	}
	return it.Err()
}
