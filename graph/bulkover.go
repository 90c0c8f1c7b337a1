package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
)

// BulkOver starts a bulk load of a bolt store that holds data: it reads
// the store's live nodes and quads and its tally into the bulk, and Finish
// writes them with the documents loaded after into a new file, which
// takes the place of the store's, as a bulk load of a new store does. It
// is the compaction of a log-structured store, done once: the whole store
// is written again, so it pays where the load is about as large as the
// store or larger. A smaller load is faster by Store.Load's transactions,
// whose commits cost more the larger the store (about 54,000 quads/s into
// a store of one statement, 13,000 to 18,000 into one of a million).
//
// A document the store holds already is ErrDocAgain: loaded again, its
// statements are replaced, which Store.Load does. What Finish writes is
// the store as Store.Load would leave it, but for Cayley's bookkeeping:
// ids are given anew, in order, and deleted quads are dropped from the
// log. Until Finish the store's file is not written.
func (s *Store) BulkOver(ctx context.Context) (*Bulk, error) {
	b, err := s.startBulk(ctx, true)
	if err != nil {
		return nil, err
	}
	if err := b.seed(ctx); err != nil {
		return nil, b.fail(fmt.Errorf("bulk load: read %s: %w", s.cfg.Path, err))
	}
	return b, nil
}

// CanBulkOver says whether the store takes BulkOver (and, when new, a bolt
// bulk load): a bolt store written by stancegraph's own writer, open for
// writing, with its tally.
func (s *Store) CanBulkOver() bool {
	return s.w != nil && s.cfg.Backend == "bolt" && s.kvw != nil && s.tallied.Load()
}

// QuadCount is how many live quads the store holds.
func (s *Store) QuadCount(ctx context.Context) (int64, error) { return s.quadCount(ctx) }

// Abandon drops what the bulk holds and frees the store for other writes;
// the store stays as it was.
func (b *Bulk) Abandon() {
	if b.done || b.err != nil {
		return
	}
	b.done = true
	b.abandon()
}

// holds says whether the bulk has a node of this value.
func (b *Bulk) holds(v quad.Value) bool {
	_, ok := b.ids[cgraph.HashOf(v)]
	return ok
}

// seed reads what the store holds into the bulk: its live nodes (each
// given the next id, its log entry copied), its live quads (by the new
// ids) and its tally.
func (b *Bulk) seed(ctx context.Context) error {
	db, ok := b.s.guard.KV.(interface{ DB() *bolt.DB })
	if !ok {
		return errors.New("not a bolt file")
	}
	return db.DB().View(func(tx *bolt.Tx) error {
		// Live nodes by id, with their hashes: a node no quad names any
		// more is gone from the v buckets (and from the log).
		live := make(map[uint64]cgraph.ValueHash)
		err := tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			if len(name) != 3 || name[0] != 'v' {
				return nil
			}
			return bk.ForEach(func(k, v []byte) error {
				id, n := binary.Uvarint(v)
				var h cgraph.ValueHash
				if n <= 0 || id == 0 || len(k) != len(h) {
					return fmt.Errorf("node bucket %q: bad key %x or id %x", name, k, v)
				}
				copy(h[:], k)
				live[id] = h
				return nil
			})
		})
		if err != nil {
			return err
		}
		lb := tx.Bucket(kvLog)
		if lb == nil {
			return nil // nothing stored
		}
		renum := make(map[uint64]uint32, len(live))
		c := lb.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if err := ctx.Err(); err != nil {
				return err
			}
			var p proto.Primitive
			if err := p.Unmarshal(v); err != nil {
				return fmt.Errorf("log entry %x: %w", k, err)
			}
			if p.Deleted {
				continue
			}
			if len(p.Value) > 0 { // a node
				h, ok := live[p.ID]
				if !ok {
					continue
				}
				n := uint32(len(b.hash))
				b.ids[h] = n
				b.hash = append(b.hash, h)
				renum[p.ID] = n
				p.ID = uint64(n)
				if err := b.log.putLog(&p); err != nil {
					return fmt.Errorf("copy node %d: %w", n, err)
				}
				continue
			}
			var q bulkQuad
			for i, id := range [4]uint64{p.Subject, p.Predicate, p.Object, p.Label} {
				if id == 0 && i < 3 {
					return fmt.Errorf("quad %d lacks a node", p.ID)
				}
				if id != 0 {
					n, ok := renum[id]
					if !ok {
						return fmt.Errorf("quad %d names node %d, which the store does not hold", p.ID, id)
					}
					q[i] = n
				}
			}
			b.quads.add(q)
		}
		b.base = b.quads.len()
		return b.seedTally(tx)
	})
}

// seedTally reads the store's tally: the cells by actor (those by target
// are written again from them), the labels and the statements' evidence.
func (b *Bulk) seedTally(tx *bolt.Tx) error {
	tb := tx.Bucket(tallyBucket)
	if tb == nil {
		return nil
	}
	c := tb.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		switch {
		case len(k) == 0:
			return errors.New("tally: an empty key")
		case k[0] == byte(ByActor):
			cell, err := decodeCell(ByActor, k, v)
			if err != nil {
				return err
			}
			b.tally.cells[string(k)] = cell
		case k[0] == byte(ByTarget), string(k) == "v":
		case k[0] == 'n':
			b.tally.labels[string(k[1:])] = string(v)
		default: // evidence
			b.tally.keep(k, v)
		}
	}
	return nil
}
