package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// A bulk load of an empty PostgreSQL store writes its nodes and quads as
// a database's restore does: in one transaction, the quads' indexes and
// foreign keys are dropped, the rows copied in with COPY, and the indexes
// and keys made again, each in one pass over the table. Written a
// transaction at a time, every row updates six B-trees and checks four
// keys (about 11,000 quads/s at 100,000 statements).
//
// The tables are locked (ACCESS EXCLUSIVE) for that transaction only. If
// another process has written quads since the bulk load began, the rows
// go in as Store.Load's transactions write them instead.

// startPGBulk starts a bulk load of an empty PostgreSQL store.
func (s *Store) startPGBulk(ctx context.Context) (*Bulk, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loading != nil {
		return nil, errBulking
	}
	var held bool
	if err := s.bulk.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads)`).Scan(&held); err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	if held {
		return nil, fmt.Errorf("%w: the database holds quads", ErrNotNew)
	}
	b := &Bulk{s: s, pg: s.bulk, ids: make(map[cgraph.ValueHash]uint32), hash: make([]cgraph.ValueHash, 1),
		vals: make([]quad.Value, 1), docs: make(map[string]struct{})}
	s.loading = b
	return b, nil
}

// finishPG writes a PostgreSQL bulk load.
func (b *Bulk) finishPG(ctx context.Context, progress func(string)) (LoadResult, error) {
	defer b.abandon() // frees the store for other writes
	es, tmp := make([]sortEntry, b.quads.len()), make([]sortEntry, b.quads.len())
	b.dedup(es, tmp)
	es, tmp = nil, nil
	refs := make([]int32, len(b.vals))
	for i := range b.quads.len() {
		for _, n := range b.quads.at(i) {
			refs[n]++ // refs[0] counts missing labels
		}
	}
	added, err := b.pg.load(ctx, b.vals, b.hash, refs, b.quads, progress)
	if errors.Is(err, errNotEmpty) {
		progress("the database was written meanwhile: writing by transactions")
		added, err = b.pg.applyAll(ctx, b.vals, b.quads)
	}
	if err != nil {
		return LoadResult{}, fmt.Errorf("bulk load: %w", err)
	}
	return LoadResult{Added: added}, nil
}

var errNotEmpty = errors.New("the database holds quads")

// load copies nodes (values and hashes by id, with their reference counts)
// and quads into the empty tables, dropping the quads' indexes and keys
// first and making them again after, as Cayley defined them.
func (p *pgBulk) load(ctx context.Context, vals []quad.Value, hashes []cgraph.ValueHash, refs []int32, quads quadBlocks, progress func(string)) (int, error) {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `LOCK TABLE nodes, quads IN ACCESS EXCLUSIVE MODE`); err != nil {
		return 0, fmt.Errorf("lock the tables: %w", err)
	}
	var held bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads)`).Scan(&held); err != nil {
		return 0, err
	} else if held {
		return 0, errNotEmpty
	}
	// Sorts for the indexes in memory, not on disk (the default is 64 MB).
	if _, err := tx.ExecContext(ctx, `SET LOCAL maintenance_work_mem = '512MB'`); err != nil {
		return 0, err
	}
	indexes, err := pgDefs(ctx, tx, `SELECT indexname, indexdef FROM pg_indexes
		WHERE schemaname = current_schema() AND tablename = 'quads'
		  AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'quads'::regclass)`)
	if err != nil {
		return 0, fmt.Errorf("read the indexes of quads: %w", err)
	}
	keys, err := pgDefs(ctx, tx, `SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'quads'::regclass AND contype = 'f'`)
	if err != nil {
		return 0, fmt.Errorf("read the foreign keys of quads: %w", err)
	}
	for _, k := range keys {
		if _, err := tx.ExecContext(ctx, `ALTER TABLE quads DROP CONSTRAINT `+pq.QuoteIdentifier(k[0])); err != nil {
			return 0, fmt.Errorf("drop key %s: %w", k[0], err)
		}
	}
	for _, ix := range indexes {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(ix[0])); err != nil {
			return 0, fmt.Errorf("drop index %s: %w", ix[0], err)
		}
	}
	progress(fmt.Sprintf("copying %d nodes", len(vals)-1))
	if err := copyNodes(ctx, tx, vals, hashes, refs); err != nil {
		return 0, err
	}
	progress(fmt.Sprintf("copying %d quads", quads.len()))
	if err := copyQuadIDs(ctx, tx, hashes, quads); err != nil {
		return 0, err
	}
	for _, ix := range indexes {
		progress("making index " + ix[0])
		if _, err := tx.ExecContext(ctx, ix[1]); err != nil {
			return 0, fmt.Errorf("make index %s: %w", ix[0], err)
		}
	}
	for _, k := range keys {
		progress("checking key " + k[0])
		if _, err := tx.ExecContext(ctx, `ALTER TABLE quads ADD CONSTRAINT `+pq.QuoteIdentifier(k[0])+` `+k[1]); err != nil {
			return 0, fmt.Errorf("make key %s: %w", k[0], err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit: %w", err)
	}
	return quads.len(), nil
}

// pgDefs reads pairs of names and definitions.
func pgDefs(ctx context.Context, tx *sql.Tx, query string) ([][2]string, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var d [2]string
		if err := rows.Scan(&d[0], &d[1]); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// copyNodes copies the nodes a bulk load holds (values and hashes by id,
// [0] unused) with their reference counts into the nodes table.
func copyNodes(ctx context.Context, tx *sql.Tx, vals []quad.Value, hashes []cgraph.ValueHash, refs []int32) error {
	st, err := tx.PrepareContext(ctx, pq.CopyIn("nodes", append([]string{"refs"}, nodeColumns...)...))
	if err != nil {
		return fmt.Errorf("copy nodes: %w", err)
	}
	defer st.Close()
	row := make([]interface{}, 1+len(nodeColumns))
	for id := 1; id < len(vals); id++ {
		typ, cols, err := csql.NodeValues(csql.NodeHash{ValueHash: hashes[id]}, vals[id])
		if err != nil {
			return fmt.Errorf("node %v: %w", vals[id], err)
		}
		clear(row)
		row[0], row[1] = refs[id], cols[0]
		for i, col := range typ.Columns() {
			row[1+columnIndex(col)] = cols[1+i]
		}
		if _, err := st.ExecContext(ctx, row...); err != nil {
			return fmt.Errorf("copy nodes: %w", err)
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy nodes: %w", err)
	}
	return nil
}

// copyQuadIDs copies the quads, given as node ids, into the quads table;
// a node's hash is its key (hashes by id, as the bulk load holds them).
func copyQuadIDs(ctx context.Context, tx *sql.Tx, hashes []cgraph.ValueHash, quads quadBlocks) error {
	var now interface{}
	if err := tx.QueryRowContext(ctx, `SELECT now()::timestamp`).Scan(&now); err != nil {
		return err
	}
	st, err := tx.PrepareContext(ctx, pq.CopyIn("quads", "subject_hash", "predicate_hash", "object_hash", "label_hash", "ts"))
	if err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	defer st.Close()
	for i := range quads.len() {
		q := quads.at(i)
		var l interface{}
		if q[3] != 0 {
			l = hashes[q[3]][:]
		}
		if _, err := st.ExecContext(ctx, hashes[q[0]][:], hashes[q[1]][:], hashes[q[2]][:], l, now); err != nil {
			return fmt.Errorf("copy quads: %w", err)
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy quads: %w", err)
	}
	return nil
}

// applyAll writes the quads as Store.Load's transactions do, a part at a
// time: for a database another process wrote during the bulk load.
func (p *pgBulk) applyAll(ctx context.Context, vals []quad.Value, quads quadBlocks) (int, error) {
	const part = 1 << 16
	total := 0
	qs := make([]quad.Quad, 0, part)
	for i := 0; i < quads.len(); i += part {
		qs = qs[:0]
		for j := i; j < min(i+part, quads.len()); j++ {
			q := quads.at(j)
			qs = append(qs, quad.Quad{Subject: vals[q[0]], Predicate: vals[q[1]], Object: vals[q[2]], Label: vals[q[3]]})
		}
		_, added, err := p.apply(ctx, nil, qs)
		total += added
		if err != nil {
			return total, err
		}
	}
	return total, nil
}
