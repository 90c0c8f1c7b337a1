package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/path"
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

func (in interner) get(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	in[s] = s
	return s
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

// Agented lists the positions whose agent the actor is ("China's drills"
// for China), as IRIs without brackets, from the quads.
func (t *Tally) Agented(ctx context.Context, actor string) ([]string, error) {
	var out []string
	err := path.StartPath(t.s.qs, quad.IRI(actor)).In(schema.PAgent).Iterate(ctx).EachValue(t.s.qs, func(v quad.Value) {
		out = append(out, iriString(v))
	})
	if err != nil {
		return nil, fmt.Errorf("positions of %s: %w", actor, err)
	}
	sort.Strings(out)
	return out, nil
}
