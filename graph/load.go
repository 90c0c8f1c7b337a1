package graph

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/stancegraph/stancegraph/schema"
)

// ErrReadOnly is returned by writes to a store opened read-only.
var ErrReadOnly = errors.New("store is open read-only")

// DocsPerTransaction is how many documents build writes in one transaction:
// a crash loses at most the batch under way, never part of a document, and
// the store syncs to disk once per batch. BenchmarkLoad (bolt, kvWriter,
// medians of three): 25k quads/s at one document a transaction, 83k at 32,
// 90k at 128.
const DocsPerTransaction = 128

// Batch is one document and the statements taken from it.
type Batch struct {
	Doc        schema.DocumentInfo
	Statements []schema.Statement
}

// LoadResult says what a Load changed.
type LoadResult struct {
	Added   int // quads written that were not in the store
	Removed int // quads of the document's earlier statements that are gone
}

// Load writes documents and their statements in one transaction, so a
// crash leaves each document either whole or absent. Loading the same
// batch twice writes nothing new; loading a changed document replaces the
// statements an earlier load took from it.
func (s *Store) Load(ctx context.Context, batches ...Batch) (LoadResult, error) {
	if s.w == nil {
		return LoadResult{}, ErrReadOnly
	}
	if err := ctx.Err(); err != nil {
		return LoadResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loading != nil {
		return LoadResult{}, errBulking
	}
	fresh := make(map[quad.Quad]bool)
	var add, stale []quad.Quad
	put := func(qs []quad.Quad) {
		for _, q := range qs {
			if !fresh[q] {
				fresh[q] = true
				if q.Label == nil && s.isKnown(q) {
					continue
				}
				add = append(add, q)
			}
		}
	}
	keep := make(map[quad.IRI]bool)
	stored, err := s.storedStatements(ctx, batches)
	if err != nil {
		return LoadResult{}, fmt.Errorf("load %s: %w", docIDs(batches), err)
	}
	// With a tally, a stored statement whose evidence is the same has the
	// same fields: one key read, not its quads through Cayley.
	var same map[quad.IRI]Evidence
	if s.tallied.Load() {
		var known []*schema.Statement
		for _, b := range batches {
			for i := range b.Statements {
				if stored[b.Statements[i].ID()] {
					known = append(known, &b.Statements[i])
				}
			}
		}
		if same, err = s.storedEvidence(ctx, known); err != nil {
			return LoadResult{}, fmt.Errorf("load %s: %w", docIDs(batches), err)
		}
	}
	var news []*schema.Statement     // statements new to the store
	var recount []quad.Quad          // class edges of statements whose fields change
	dates := map[quad.Value]string{} // and their dates after the load
	var changed []*schema.Statement
	for _, b := range batches {
		if b.Doc.ID == "" {
			return LoadResult{}, errors.New("load: document has no id")
		}
		put(b.Doc.Quads())
		for i := range b.Statements {
			st := &b.Statements[i]
			if err := st.Validate(); err != nil {
				return LoadResult{}, fmt.Errorf("load %s: statement %d: %w", b.Doc.ID, i, err)
			}
			sid := st.ID()
			if keep[sid] {
				continue // the same statement twice
			}
			keep[sid] = true
			if e, ok := same[sid]; ok && e == evidenceOf(st) {
				continue // stored as it is
			}
			var old []quad.Quad
			if stored[sid] {
				var err error
				if old, err = s.statementFields(ctx, sid); err != nil {
					return LoadResult{}, fmt.Errorf("load %s: statement %d: %w", b.Doc.ID, i, err)
				}
			}
			if len(old) == 0 {
				news = append(news, st)
				put(st.Quads())
				continue
			}
			// A statement the store holds: write only the fields that
			// changed (Cayley would check every quad against its indexes).
			fields := changedFields(st, old, fresh)
			if len(fields.add)+len(fields.stale) > 0 {
				add = append(add, fields.add...)
				stale = append(stale, fields.stale...)
				recount = append(recount, fields.class)
				dates[sid] = st.Date
				changed = append(changed, st)
				put(entityQuads(st.Quads()))
			}
		}
	}
	var removed []quad.Quad // quads of statements the documents no longer have
	for _, b := range batches {
		old, err := s.staleQuads(ctx, b.Doc.ID, keep, fresh)
		if err != nil {
			return LoadResult{}, fmt.Errorf("load %s: find earlier statements: %w", b.Doc.ID, err)
		}
		removed = append(removed, old...)
	}
	stale = append(stale, removed...)
	gone := map[quad.Value]bool{}
	if len(removed) > 0 {
		for _, q := range removed {
			if q.Label != nil {
				gone[q.Label] = true
			}
		}
		orphans, err := s.orphans(ctx, removed, gone)
		if err != nil {
			return LoadResult{}, fmt.Errorf("load: %w", err)
		}
		for _, q := range orphans {
			if !fresh[q] {
				stale = append(stale, q)
			}
		}
	}
	if s.bulk != nil {
		removed, added, err := s.bulk.apply(ctx, stale, add)
		if err != nil {
			s.known = nil
			return LoadResult{}, fmt.Errorf("load %s: write %d quads: %w", docIDs(batches), len(add), err)
		}
		if len(stale) > 0 {
			s.known = nil
		}
		s.remember(add)
		return LoadResult{Added: added, Removed: removed}, nil
	}
	before, err := s.quadCount(ctx)
	if err != nil {
		return LoadResult{}, err
	}
	tally := &tallyChange{labels: map[string]string{}}
	if s.tallied.Load() {
		tallyAdds(news, tally)
		for _, st := range changed {
			tally.evidence = append(tally.evidence, evidenceOf(st))
		}
		if err := s.tallyRecount(ctx, append(recount, removed...), gone, dates, tally); err != nil {
			return LoadResult{}, fmt.Errorf("load %s: %w", docIDs(batches), err)
		}
	}
	if err := s.apply(ctx, stale, add, tally); err != nil {
		s.known = nil
		return LoadResult{}, fmt.Errorf("load %s: write %d quads: %w", docIDs(batches), len(add), err)
	}
	if len(stale) > 0 {
		s.known = nil // removed orphans may be among them
	}
	s.remember(add)
	after, err := s.quadCount(ctx)
	if err != nil {
		return LoadResult{}, err
	}
	return LoadResult{Added: int(after - before + int64(len(stale))), Removed: len(stale)}, nil
}

// Entity quads (an actor's type, label and kind, a position's, a person's)
// come with every statement that names the entity. Cayley checks each
// quad it is given against the store, and for a quad whose nodes all exist
// it reads and intersects the quad lists of every index; with (P,O) among
// them that means the list of all positions for each position named again.
// The store remembers the entity quads it wrote in this process and does
// not send them twice (BenchmarkLoadLarge).
const maxKnown = 4 << 20

func entityKey(q quad.Quad) uint64 {
	h := fnv.New64a()
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object} {
		h.Write([]byte(quad.StringOf(v)))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func (s *Store) isKnown(q quad.Quad) bool {
	_, ok := s.known[entityKey(q)]
	return ok
}

func (s *Store) remember(qs []quad.Quad) {
	if s.known == nil || len(s.known) > maxKnown {
		s.known = make(map[uint64]struct{})
	}
	for _, q := range qs {
		if q.Label == nil {
			s.known[entityKey(q)] = struct{}{}
		}
	}
}

func docIDs(bs []Batch) string {
	if len(bs) == 1 {
		return bs[0].Doc.ID
	}
	return fmt.Sprintf("%d documents (%s ...)", len(bs), bs[0].Doc.ID)
}

func (s *Store) quadCount(ctx context.Context) (int64, error) {
	st, err := s.qs.Stats(ctx, false)
	if errors.Is(err, kv.ErrNoBucket) {
		return 0, nil // a new kv store has no size yet
	}
	if err != nil {
		return 0, fmt.Errorf("read store size: %w", err)
	}
	// SQL stores estimate unless asked (PostgreSQL: pg_class.reltuples,
	// which counts dead rows after a killed build); ask.
	if st.Quads.Size < 0 || !st.Quads.Exact {
		if st, err = s.qs.Stats(ctx, true); err != nil {
			return 0, fmt.Errorf("count quads: %w", err)
		}
	}
	return st.Quads.Size, nil
}

// staleQuads lists the quads of the document's stored statements that the
// new load does not write again.
func (s *Store) staleQuads(ctx context.Context, doc string, keep map[quad.IRI]bool, fresh map[quad.Quad]bool) ([]quad.Quad, error) {
	old, err := s.statementsOf(ctx, schema.DocumentIRI(doc))
	if err != nil {
		return nil, err
	}
	var stale []quad.Quad
	for _, v := range old {
		id, ok := v.(quad.IRI)
		if !ok || keep[id] {
			continue
		}
		qs, err := s.labelled(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, q := range qs {
			if !fresh[q] {
				stale = append(stale, q)
			}
		}
	}
	return stale, nil
}

// apply deletes del and adds add, with the tally's change, as one write.
//
// Cayley v0.7.7's key-value stores lose a node from an added quad when the
// same transaction deletes more quads using that node than it adds (the
// node's net count is negative, so it is not resolved for the addition; the
// quad is written with no predicate, say). So deletions and additions are
// two steps: on bolt and leveldb, Cayley deletes and kvWriter adds, both in
// one key-value transaction with the tally's writes (guardedKV's group), so
// a crash still loses all or none; elsewhere they are two Cayley
// transactions. A store whose write failed refuses more: Cayley's caches
// may remember what was rolled back.
func (s *Store) apply(ctx context.Context, del, add []quad.Quad, tally *tallyChange) error {
	if s.failed != nil {
		return fmt.Errorf("an earlier write failed (%v): close and reopen the store", s.failed)
	}
	steps := make([]*cgraph.Transaction, 0, 2)
	if len(del) > 0 {
		tx := cgraph.NewTransactionN(len(del))
		for _, q := range del {
			tx.RemoveQuad(q)
		}
		steps = append(steps, tx)
	}
	direct := s.kvw != nil // bolt and leveldb: kvWriter adds
	if len(add) > 0 && !direct {
		tx := cgraph.NewTransactionN(len(add))
		for _, q := range add {
			tx.AddQuad(q)
		}
		steps = append(steps, tx)
	}
	if s.guard != nil {
		s.guard.beginGroup()
	}
	var err error
	for _, tx := range steps {
		if err = s.w.ApplyTransaction(tx); err != nil {
			break
		}
	}
	if direct {
		if len(del) > 0 {
			s.kvw.forget() // Cayley may have dropped nodes it remembers
		}
		if err == nil && len(add) > 0 {
			err = s.addDirect(ctx, add)
		}
	}
	if s.guard != nil {
		var last func(context.Context, hkv.Tx) error
		if s.tallied.Load() && !tally.empty() {
			last = tally.apply
		}
		err = s.guard.endGroup(ctx, err, last)
	}
	if err != nil {
		s.failed = err
		if s.kvw != nil {
			s.kvw.forget() // ids of nodes rolled back
		}
	}
	return err
}

// addDirect writes quads with kvWriter in the group's transaction.
func (s *Store) addDirect(ctx context.Context, add []quad.Quad) error {
	tx, err := s.guard.Tx(true)
	if err != nil {
		return err
	}
	return s.kvw.add(ctx, tx, add, time.Now().UnixNano())
}

// fieldChange is how a stored statement's quads differ from a new load's.
type fieldChange struct {
	add, stale []quad.Quad
	class      quad.Quad // its class edge, whose tally cell is counted again
}

// storedStatements says which of the batches' statements the store may
// hold: PostgreSQL answers for all of them in one query; the others look
// each node up (Cayley's SQL stores answer every lookup yes, and
// statementFields then finds nothing).
func (s *Store) storedStatements(ctx context.Context, batches []Batch) (map[quad.Value]bool, error) {
	var ids []quad.Value
	for _, b := range batches {
		for i := range b.Statements {
			ids = append(ids, b.Statements[i].ID())
		}
	}
	if s.bulk != nil {
		return s.bulk.existing(ctx, ids)
	}
	out := make(map[quad.Value]bool)
	for _, id := range ids {
		if s.qs.ValueOf(id) != nil {
			out[id] = true
		}
	}
	return out, nil
}

// statementFields lists the stored quads of the statement's own node (its
// fields), found by subject, which every store indexes.
func (s *Store) statementFields(ctx context.Context, sid quad.IRI) ([]quad.Quad, error) {
	return s.quadsAt(ctx, quad.Subject, sid, func(q quad.Quad) bool { return q.Label == sid })
}

// quadsAt lists the quads with v in direction dir that keep accepts.
func (s *Store) quadsAt(ctx context.Context, dir quad.Direction, v quad.Value, keep func(quad.Quad) bool) ([]quad.Quad, error) {
	ref := s.qs.ValueOf(v)
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(dir, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		if q := s.qs.Quad(it.Result()); keep(q) {
			out = append(out, q)
		}
	}
	return out, it.Err()
}

// changedFields compares the statement's fields with old, those the store
// holds for it (a statement's id does not cover its date, offsets, sentence
// or confidence, which a new extractor may change); its two edges between
// actor and target follow from the id and never change. It marks the new
// quads fresh.
func changedFields(st *schema.Statement, old []quad.Quad, fresh map[quad.Quad]bool) fieldChange {
	sid := st.ID()
	have := make(map[quad.Quad]bool, len(old))
	for _, q := range old {
		have[q] = true
	}
	var ch fieldChange
	want := map[quad.Quad]bool{}
	for _, q := range st.Quads() {
		if q.Label == nil {
			continue
		}
		fresh[q] = true
		if p, ok := q.Predicate.(quad.IRI); ok && isClassIRI(p) {
			ch.class = q
		}
		if q.Subject != sid {
			continue
		}
		want[q] = true
		if !have[q] {
			ch.add = append(ch.add, q)
		}
	}
	for _, q := range old {
		if !want[q] {
			ch.stale = append(ch.stale, q)
		}
	}
	return ch
}

// entityQuads are the unlabelled quads among qs: those describing actors,
// people and positions.
func entityQuads(qs []quad.Quad) []quad.Quad {
	var out []quad.Quad
	for _, q := range qs {
		if q.Label == nil {
			out = append(out, q)
		}
	}
	return out
}

// statementsOf lists the statements of a document: the subjects of the
// sg:document quads whose object it is. (Cayley plans the same question
// as a path, In(sg:document), as a scan of every statement's document.)
func (s *Store) statementsOf(ctx context.Context, doc quad.IRI) ([]quad.Value, error) {
	qs, err := s.quadsAt(ctx, quad.Object, doc, func(q quad.Quad) bool { return q.Predicate == schema.PDocument })
	out := make([]quad.Value, len(qs))
	for i, q := range qs {
		out[i] = q.Subject
	}
	return out, err
}
