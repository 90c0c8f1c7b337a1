package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

	"github.com/stancegraph/stancegraph/schema"
)

// The tally keeps, for every actor, target and class, how many statements
// the store holds and their first and last dates, and for every statement
// what the library prints of it. The library's questions (all but path)
// read it instead of Cayley's quads: one key a cell or a statement, in key
// order, not a dozen quads a statement through Cayley's iterators.
//
// It lives in the key-value store beside Cayley's buckets (bolt and
// leveldb) and is written inside the transaction that writes the quads, so
// the two never disagree: a crash loses both or neither.
//
// Keys, in the bucket sg_tally:
//
//	a ACTOR 0 TARGET 0 CLASS        cell by actor
//	t TARGET 0 SIGN ACTOR 0 CLASS   the same cell by target

//	e ACTOR 0 TARGET 0 STMT         a statement's evidence (encodeEvidence)
//	n IRI                           the label of an actor or target
//	v                               the tally's format; absent: no tally kept
//
// SIGN is the class's polarity, '+', '-' or '0' (interactions): who is for
// a position and who against are two runs of keys, so a question about one
// side reads only that side. A cell's value is its count (uvarint), then the first and last date,
// each a length byte and the date.
var tallyBucket = []byte("sg_tally")

const tallyVersion = "5"

// Cell is one actor's statements of one class about one target.
type Cell struct {
	Actor, Target string // IRIs, without angle brackets
	Class         schema.Class
	Statements    int
	First, Last   string // dates, "" when none of the statements has one
}

// Tally reads the store's tally. Store.Tally returns nil when the store
// keeps none (memstore, the SQL stores, or a store built before it).
type Tally struct{ s *Store }

// CanTally reports whether the store's backend keeps a tally (bolt and
// leveldb); one built before the tally gets it when opened for writing.
func (s *Store) CanTally() bool { return s.guard != nil }

// Tally returns the store's tally, or nil.
func (s *Store) Tally() *Tally {
	if s.guard == nil || !s.tallied.Load() {
		return nil
	}
	return &Tally{s}
}

// By says which side of a cell a scan starts from.
type By byte

// Scans of the tally.
const (
	ByActor  By = 'a'
	ByTarget By = 't'
)

// Cells calls fn with every cell of each of the actors (ByActor) or
// targets (ByTarget), in one read transaction; ids are IRIs without angle
// brackets. The order is by id, then by the other side, then by class; by
// target, the cells of each polarity (+, -, none) come as a run of their
// own.
func (t *Tally) Cells(ctx context.Context, by By, ids []string, fn func(Cell) error) error {
	in := interner{}
	prefs := prefixes(by, ids, nil)
	return t.scan(ctx, prefs, func(i int, k, v []byte) error {
		c, err := decodeCellAfter(ids[i], by, k[len(prefs[i]):], v, in)
		if err != nil {
			return err
		}
		return fn(c)
	})
}

// prefixes are the keys' beginnings of the cells of each of the ids, in
// one buffer; with polarity, by target, of the cells of polarity[i] only.
func prefixes(by By, ids []string, polarity []int) [][]byte {
	n := 0
	for _, id := range ids {
		n += len(id) + 3
	}
	buf := make([]byte, 0, n)
	prefs := make([][]byte, len(ids))
	for i, id := range ids {
		start := len(buf)
		buf = append(append(append(buf, byte(by)), id...), 0)
		if polarity != nil {
			buf = append(buf, signByte(polarity[i]))
		}
		prefs[i] = buf[start:len(buf):len(buf)]
	}
	return prefs
}

// Stances calls fn with the class and count of every cell of each of the
// actors (ByActor) or targets (ByTarget), in Cells' order, without the
// dates: i is the index of the id, other the cell's other side (valid only
// during the call). It is what the questions that weigh sides read: no
// string is made for a cell.
func (t *Tally) Stances(ctx context.Context, by By, ids []string, fn func(i int, other []byte, c schema.Class, n int) error) error {
	prefs := prefixes(by, ids, nil)
	return t.stances(ctx, ids, prefs, by == ByTarget, fn)
}

// StancesOn is Stances by target, of the cells on targets[i] whose class
// has the polarity polarity[i] (+1 or -1) only.
func (t *Tally) StancesOn(ctx context.Context, targets []string, polarity []int, fn func(i int, actor []byte, c schema.Class, n int) error) error {
	return t.stances(ctx, targets, prefixes(ByTarget, targets, polarity), false, fn)
}

// stances scans the cells under the prefixes; signed says the rest of a
// key after its prefix begins with the sign.
func (t *Tally) stances(ctx context.Context, ids []string, prefs [][]byte, signed bool, fn func(i int, other []byte, c schema.Class, n int) error) error {
	return t.scan(ctx, prefs, func(i int, k, v []byte) error {
		rest := k[len(prefs[i]):]
		if signed && len(rest) > 0 {
			rest = rest[1:]
		}
		j := bytes.IndexByte(rest, 0)
		n, w := binary.Uvarint(v)
		if j < 0 || w <= 0 {
			return fmt.Errorf("tally: bad cell of %s: %q", ids[i], rest)
		}
		return fn(i, rest[:j], schema.ClassOf(rest[j+1:]), int(n))
	})
}

// signByte is the byte of a polarity in a key by target.
func signByte(polarity int) byte {
	switch {
	case polarity > 0:
		return '+'
	case polarity < 0:
		return '-'
	}
	return '0'
}

// scan calls fn with each key and value of the tally under each of the
// prefixes in turn (i is the prefix's index), in one read transaction. k
// and v are valid only during the call.
func (t *Tally) scan(ctx context.Context, prefs [][]byte, fn func(i int, k, v []byte) error) error {
	if db, ok := t.s.guard.KV.(interface{ DB() *bolt.DB }); ok {
		// bolt's own cursor: the generic one copies every key.
		t.s.guard.open.Add(1)
		defer t.s.guard.open.Done()
		return db.DB().View(func(tx *bolt.Tx) error {
			b := tx.Bucket(tallyBucket)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			var k, v []byte // where the cursor is
			for i, p := range prefs {
				if err := ctx.Err(); err != nil {
					return err
				}
				// Prefixes in key order often follow one another: no seek
				// when the cursor is already at the next one's first key.
				if i == 0 || !bytes.HasPrefix(k, p) || bytes.Compare(prefs[i-1], p) >= 0 {
					k, v = c.Seek(p)
				}
				for ; k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
					if err := fn(i, k, v); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	tx, err := t.s.guard.Tx(false)
	if err != nil {
		return fmt.Errorf("read tally: %w", err)
	}
	defer tx.Close()
	for i, p := range prefs {
		it := tx.Scan(hkv.Key{tallyBucket, p})
		for it.Next(ctx) {
			k := it.Key()
			if err := fn(i, k[len(k)-1], it.Val()); err != nil {
				it.Close()
				return err
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return fmt.Errorf("read tally: %w", err)
		}
	}
	return nil
}

// interner hands out one string for equal bytes: a scan meets the same
// actors, positions and dates again and again.
type interner map[string]string

func (in interner) get(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	in[s] = s
	return s
}

// decodeCellAfter decodes a cell of id from the rest of its key after the
// prefix (the other side and the class) and its value.
func decodeCellAfter(id string, by By, rest, val []byte, in interner) (Cell, error) {
	if by == ByTarget {
		if len(rest) == 0 || (rest[0] != '+' && rest[0] != '-' && rest[0] != '0') {
			return Cell{}, fmt.Errorf("tally: bad key after %s: %q", id, rest)
		}
		rest = rest[1:]
	}
	i := bytes.IndexByte(rest, 0)
	if i < 0 {
		return Cell{}, fmt.Errorf("tally: bad key after %s: %q", id, rest)
	}
	c := Cell{Actor: id, Target: in.get(rest[:i]), Class: schema.ClassOf(rest[i+1:])}
	if by == ByTarget {
		c.Actor, c.Target = c.Target, c.Actor
	}
	n, w := binary.Uvarint(val)
	if w <= 0 {
		return Cell{}, fmt.Errorf("tally: bad count in cell of %s", id)
	}
	c.Statements = int(n)
	v := val[w:]
	for _, d := range []*string{&c.First, &c.Last} {
		if len(v) == 0 || int(v[0]) > len(v)-1 {
			return Cell{}, fmt.Errorf("tally: bad dates in cell of %s", id)
		}
		*d = in.get(v[1 : 1+v[0]])
		v = v[1+v[0]:]
	}
	return c, nil
}

// Labels returns the label of each of the ids (IRIs without brackets);
// an id the tally does not name maps to itself. The ids are read in key
// order, whatever their order here.
func (t *Tally) Labels(ctx context.Context, ids []string) (map[string]string, error) {
	tx, err := t.s.guard.Tx(false)
	if err != nil {
		return nil, fmt.Errorf("read tally: %w", err)
	}
	defer tx.Close()
	if !slices.IsSorted(ids) {
		ids = slices.Sorted(slices.Values(ids))
	}
	keys := make([]hkv.Key, len(ids))
	for i, id := range ids {
		keys[i] = hkv.Key{tallyBucket, append([]byte{'n'}, id...)}
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("read labels: %w", err)
	}
	out := make(map[string]string, len(ids))
	for i, id := range ids {
		if vals[i] != nil {
			out[id] = string(vals[i])
		} else {
			out[id] = id
		}
	}
	return out, nil
}

// Evidence is one statement as the tally keeps it, for the questions that
// list statements (evidence, timeline).
type Evidence struct {
	Actor, Target, Statement string // IRIs without brackets
	Class                    schema.Class
	Predicate                string
	Sentence                 string
	SentenceIndex            int
	Start, End               int    // the sentence's byte offsets in the document
	Date                     string // the document's date
	EventDate                string // when the sentence says it was made or done, if it says
	Speaker                  string // the speaker's name
	Document                 string // the document's id
	Confidence               float64
}

// encodeEvidence writes the fields the key does not hold: six strings,
// each a uvarint length and its bytes, the sentence index and offsets
// (uvarints), the confidence (float64 bits, big-endian), and the event
// date when there is one (its length and bytes; records written before it
// end at the confidence, and read back without one).
func encodeEvidence(e Evidence) []byte {
	b := make([]byte, 0, 64+len(e.Sentence))
	for _, f := range []string{string(e.Class), e.Predicate, e.Sentence, e.Date, e.Speaker, e.Document} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	for _, n := range []int{e.SentenceIndex, e.Start, e.End} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.Confidence))
	if e.EventDate != "" {
		b = binary.AppendUvarint(b, uint64(len(e.EventDate)))
		b = append(b, e.EventDate...)
	}
	return b
}

func decodeEvidence(v []byte, e *Evidence, in interner) error {
	for i, f := range []*string{(*string)(&e.Class), &e.Predicate, &e.Sentence, &e.Date, &e.Speaker, &e.Document} {
		n, w := binary.Uvarint(v)
		if w <= 0 || uint64(len(v)-w) < n {
			return errors.New("tally: bad evidence record")
		}
		if i == 2 {
			*f = string(v[w : w+int(n)]) // sentences seldom repeat
		} else {
			*f = in.get(v[w : w+int(n)])
		}
		v = v[w+int(n):]
	}
	for _, f := range []*int{&e.SentenceIndex, &e.Start, &e.End} {
		n, w := binary.Uvarint(v)
		if w <= 0 {
			return errors.New("tally: bad evidence record")
		}
		*f, v = int(n), v[w:]
	}
	if len(v) < 8 {
		return errors.New("tally: bad evidence record")
	}
	e.Confidence = math.Float64frombits(binary.BigEndian.Uint64(v))
	e.EventDate = ""
	if v = v[8:]; len(v) > 0 {
		n, w := binary.Uvarint(v)
		if w <= 0 || n == 0 || uint64(len(v)-w) != n {
			return errors.New("tally: bad evidence record")
		}
		e.EventDate = in.get(v[w:])
	}
	return nil
}

// Evidence calls fn with every statement of the actor about the target,
// or about anything when target is "", ordered by target, then statement.
func (t *Tally) Evidence(ctx context.Context, actor, target string, fn func(Evidence) error) error {
	pref := append(append([]byte{'e'}, actor...), 0)
	if target != "" {
		pref = append(append(pref, target...), 0)
	}
	in := interner{}
	return t.scan(ctx, [][]byte{pref}, func(_ int, k, v []byte) error {
		rest := k[len(actor)+2:]
		i := bytes.IndexByte(rest, 0)
		if i < 0 {
			return fmt.Errorf("tally: bad key %q", k)
		}
		e := Evidence{Actor: actor, Target: in.get(rest[:i]), Statement: string(rest[i+1:])}
		if err := decodeEvidence(v, &e, in); err != nil {
			return fmt.Errorf("statement %s: %w", e.Statement, err)
		}
		return fn(e)
	})
}

// storedEvidence reads the evidence the tally holds for each of the
// statements, in one transaction; a statement it lacks is left out.
func (s *Store) storedEvidence(ctx context.Context, sts []*schema.Statement) (map[quad.IRI]Evidence, error) {
	out := make(map[quad.IRI]Evidence, len(sts))
	if len(sts) == 0 {
		return out, nil
	}
	tx, err := s.guard.Tx(false)
	if err != nil {
		return nil, err
	}
	defer tx.Close()
	keys := make([]hkv.Key, len(sts))
	for i, st := range sts {
		keys[i] = hkv.Key{tallyBucket, evidenceKey(string(schema.ActorIRI(st.Subject)), string(st.TargetIRI()), string(st.ID()))}
	}
	vals, err := tx.GetBatch(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("read stored evidence: %w", err)
	}
	in := interner{}
	for i, v := range vals {
		if v == nil {
			continue
		}
		e := Evidence{Actor: string(schema.ActorIRI(sts[i].Subject)), Target: string(sts[i].TargetIRI()), Statement: string(sts[i].ID())}
		if err := decodeEvidence(v, &e, in); err != nil {
			return nil, fmt.Errorf("statement %s: %w", e.Statement, err)
		}
		out[sts[i].ID()] = e
	}
	return out, nil
}

func evidenceKey(actor, target, statement string) []byte {
	k := make([]byte, 0, 3+len(actor)+len(target)+len(statement))
	k = append(k, 'e')
	k = append(k, actor...)
	k = append(k, 0)
	k = append(k, target...)
	k = append(k, 0)
	return append(k, statement...)
}

func evidenceOf(st *schema.Statement) Evidence {
	return Evidence{Actor: string(schema.ActorIRI(st.Subject)), Target: string(st.TargetIRI()), Statement: string(st.ID()),
		Class: st.Class, Predicate: st.Predicate, Sentence: st.Sentence, SentenceIndex: st.SentenceIndex,
		Start: st.Start, End: st.End, Date: st.Date, EventDate: st.EventDate,
		Speaker: st.Speaker, Document: st.Doc, Confidence: st.Confidence}
}

func cellKey(by By, first, second string, c schema.Class) []byte {
	k := make([]byte, 0, 4+len(first)+len(second)+len(c))
	k = append(k, byte(by))
	k = append(k, first...)
	k = append(k, 0)
	if by == ByTarget {
		k = append(k, signByte(c.Polarity()))
	}
	k = append(k, second...)
	k = append(k, 0)
	return append(k, c...)
}

func decodeCell(by By, key, val []byte) (Cell, error) {
	i := bytes.IndexByte(key, 0)
	if len(key) < 2 || i < 0 {
		return Cell{}, fmt.Errorf("tally: bad key %q", key)
	}
	return decodeCellAfter(string(key[1:i]), by, key[i+1:], val, interner{})
}

func encodeCell(c Cell) []byte {
	b := binary.AppendUvarint(make([]byte, 0, 24), uint64(c.Statements))
	for _, d := range []string{c.First, c.Last} {
		b = append(b, byte(len(d)))
		b = append(b, d...)
	}
	return b
}

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

// RawWriter is a Cayley quad writer on the store for writes that bypass
// Load (the console's write API). The tally cannot follow such writes, so
// the first one drops it: the library runs as Gizmo until the store is
// next opened for writing, which counts the tally again.
func (s *Store) RawWriter() (cgraph.QuadWriter, error) {
	w, err := cgraph.NewQuadWriter("single", s.qs, cgraph.Options{"ignore_duplicate": true})
	if err != nil {
		return nil, err
	}
	return &rawWriter{QuadWriter: w, s: s}, nil
}

type rawWriter struct {
	cgraph.QuadWriter
	s *Store
}

// write runs one raw write, holding the store: it drops the tally first,
// and after it the node ids the store's own writer remembers (a raw
// write may delete nodes).
func (w *rawWriter) write(fn func() error) error {
	w.s.mu.Lock()
	defer w.s.mu.Unlock()
	if w.s.loading != nil {
		return errBulking
	}
	if err := w.drop(); err != nil {
		return err
	}
	err := fn()
	if w.s.kvw != nil {
		w.s.kvw.forget()
	}
	return err
}

func (w *rawWriter) drop() error {
	if !w.s.tallied.Load() {
		return nil
	}
	tx, err := w.s.guard.Tx(true)
	if err != nil {
		return err
	}
	defer tx.Close()
	if err := tx.Del(hkv.Key{tallyBucket, []byte("v")}); err != nil {
		return err
	}
	if err := tx.Commit(context.Background()); err != nil {
		return fmt.Errorf("drop the tally before a raw write: %w", err)
	}
	w.s.tallied.Store(false)
	return nil
}

func (w *rawWriter) AddQuad(q quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.AddQuad(q) })
}

func (w *rawWriter) AddQuadSet(qs []quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.AddQuadSet(qs) })
}

func (w *rawWriter) RemoveQuad(q quad.Quad) error {
	return w.write(func() error { return w.QuadWriter.RemoveQuad(q) })
}

func (w *rawWriter) ApplyTransaction(t *cgraph.Transaction) error {
	return w.write(func() error { return w.QuadWriter.ApplyTransaction(t) })
}

func (w *rawWriter) RemoveNode(v quad.Value) error {
	return w.write(func() error { return w.QuadWriter.RemoveNode(v) })
}
