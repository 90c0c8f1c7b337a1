package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgBulk adds quads to Cayley's PostgreSQL tables (nodes, quads) with COPY
// in one transaction, in Cayley's own format: the same hashes, value columns
// and reference counts its writer makes. Cayley's writer sends one INSERT a
// node and one a quad (about 4,500 quads a second measured here);
// BenchmarkPostgresLoad measures this path.
type pgBulk struct {
	db *sql.DB
}

func openPGBulk(dsn string) (*pgBulk, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(2)
	return &pgBulk{db: db}, nil
}

func (b *pgBulk) Close() error { return b.db.Close() }

// existing says which of the values are nodes of the store, in one query.
func (b *pgBulk) existing(ctx context.Context, vals []quad.Value) (map[quad.Value]bool, error) {
	out := make(map[quad.Value]bool)
	if len(vals) == 0 {
		return out, nil
	}
	byHash := make(map[string]quad.Value, len(vals))
	hashes := make(pq.ByteaArray, 0, len(vals))
	for _, v := range vals {
		h, _ := csql.HashOf(v).SQLValue().([]byte)
		byHash[string(h)] = v
		hashes = append(hashes, h)
	}
	rows, err := b.db.QueryContext(ctx, `SELECT hash FROM nodes WHERE hash = ANY($1)`, hashes)
	if err != nil {
		return nil, fmt.Errorf("look up statements: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("look up statements: %w", err)
		}
		out[byHash[string(h)]] = true
	}
	return out, rows.Err()
}

var nodeColumns = []string{"hash", "value", "value_string", "datatype", "language", "iri", "bnode",
	"value_int", "value_bool", "value_float", "value_time"}

// apply removes the quads del that are stored and writes the quads add that
// are not, in one transaction; nodes keep exact reference counts (one per
// direction of each stored quad) and those left with none are dropped. It
// returns how many quads it removed and wrote.
//
// Workers loading into one database at once wait for each other on the
// nodes they share; PostgreSQL ends one of two transactions that would wait
// for each other (a deadlock), and apply runs that one again.
func (b *pgBulk) apply(ctx context.Context, del, quads []quad.Quad) (removed, added int, err error) {
	for try := 1; ; try++ {
		removed, added, err = b.applyOnce(ctx, del, quads)
		var pe *pq.Error
		if err == nil || try == 5 || !errors.As(err, &pe) || (pe.Code != "40P01" && pe.Code != "40001") {
			return removed, added, err
		}
		time.Sleep(time.Duration(try*try) * 20 * time.Millisecond)
	}
}

func (b *pgBulk) applyOnce(ctx context.Context, del, quads []quad.Quad) (removed, added int, err error) {
	tx, err := b.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`CREATE TEMP TABLE sg_nodes (hash BYTEA, value BYTEA, value_string TEXT, datatype TEXT, language TEXT,
			iri BOOLEAN, bnode BOOLEAN, value_int BIGINT, value_bool BOOLEAN, value_float DOUBLE PRECISION,
			value_time TIMESTAMP WITH TIME ZONE) ON COMMIT DROP`,
		`CREATE TEMP TABLE sg_quads (s BYTEA, p BYTEA, o BYTEA, l BYTEA) ON COMMIT DROP`,
		`CREATE TEMP TABLE sg_del (s BYTEA, p BYTEA, o BYTEA, l BYTEA) ON COMMIT DROP`,
	} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return 0, 0, fmt.Errorf("create staging table: %w", err)
		}
	}
	if len(del) > 0 {
		if err := copyQuads(ctx, tx, "sg_del", del); err != nil {
			return 0, 0, err
		}
		err = tx.QueryRowContext(ctx, `WITH gone AS (
			DELETE FROM quads q USING sg_del d
			WHERE q.subject_hash = d.s AND q.predicate_hash = d.p AND q.object_hash = d.o
			  AND (q.label_hash = d.l OR (q.label_hash IS NULL AND d.l IS NULL))
			RETURNING q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash
		), refs AS (`+refCounts("gone")+`), upd AS (
			UPDATE nodes SET refs = nodes.refs - refs.n FROM refs WHERE nodes.hash = refs.h RETURNING 1
		) SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM upd)`).Scan(&removed)
		if err != nil {
			return 0, 0, fmt.Errorf("delete quads: %w", err)
		}
	}
	nodes, err := tx.PrepareContext(ctx, pq.CopyIn("sg_nodes", nodeColumns...))
	if err != nil {
		return 0, 0, fmt.Errorf("copy nodes: %w", err)
	}
	seen := make(map[quad.Value]bool)
	row := make([]interface{}, len(nodeColumns))
	for _, q := range quads {
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v == nil || seen[v] {
				continue
			}
			seen[v] = true
			typ, vals, err := csql.NodeValues(csql.HashOf(v), v)
			if err != nil {
				return 0, 0, fmt.Errorf("node %v: %w", v, err)
			}
			for i := range row {
				row[i] = nil
			}
			row[0] = vals[0]
			for i, col := range typ.Columns() {
				row[columnIndex(col)] = vals[1+i]
			}
			if _, err := nodes.ExecContext(ctx, row...); err != nil {
				return 0, 0, fmt.Errorf("copy nodes: %w", err)
			}
		}
	}
	if _, err := nodes.ExecContext(ctx); err != nil {
		return 0, 0, fmt.Errorf("copy nodes: %w", err)
	}
	nodes.Close()
	if err := copyQuads(ctx, tx, "sg_quads", quads); err != nil {
		return 0, 0, err
	}
	// New nodes first (the quads' foreign keys point at them), with no
	// references; then the quads not stored yet, and one reference per
	// direction of each quad written, as Cayley counts them.
	if _, err := tx.ExecContext(ctx, `INSERT INTO nodes (refs, `+strings.Join(nodeColumns, ", ")+`)
		SELECT DISTINCT ON (hash) 0, `+strings.Join(nodeColumns, ", ")+` FROM sg_nodes ORDER BY hash
		ON CONFLICT (hash) DO NOTHING`); err != nil {
		return 0, 0, fmt.Errorf("insert nodes: %w", err)
	}
	err = tx.QueryRowContext(ctx, `WITH ins AS (
		INSERT INTO quads (subject_hash, predicate_hash, object_hash, label_hash, ts)
		SELECT DISTINCT s, p, o, l, now() FROM sg_quads
		ON CONFLICT DO NOTHING
		RETURNING subject_hash, predicate_hash, object_hash, label_hash
	), refs AS (`+refCounts("ins")+`), upd AS (
		UPDATE nodes SET refs = nodes.refs + refs.n FROM refs WHERE nodes.hash = refs.h RETURNING 1
	) SELECT (SELECT count(*) FROM ins) + 0 * (SELECT count(*) FROM upd)`).Scan(&added)
	if err != nil {
		return 0, 0, fmt.Errorf("insert quads: %w", err)
	}
	// Nodes of removed quads left unused go.
	if _, err := tx.ExecContext(ctx, `DELETE FROM nodes WHERE refs <= 0 AND hash IN (
		SELECT s FROM sg_del UNION SELECT p FROM sg_del UNION SELECT o FROM sg_del UNION SELECT l FROM sg_del)`); err != nil {
		return 0, 0, fmt.Errorf("drop unused nodes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, 0, fmt.Errorf("commit: %w", err)
	}
	return removed, added, nil
}

// refCounts is SQL counting, for the quads in table t, the uses of each
// node (label included when set).
func refCounts(t string) string {
	return `SELECT h, count(*) AS n FROM (
		SELECT subject_hash AS h FROM ` + t + ` UNION ALL SELECT predicate_hash FROM ` + t + `
		UNION ALL SELECT object_hash FROM ` + t + ` UNION ALL SELECT label_hash FROM ` + t + ` WHERE label_hash IS NOT NULL
	) d GROUP BY h`
}

// copyQuads copies the quads' node hashes into a staging table.
func copyQuads(ctx context.Context, tx *sql.Tx, table string, quads []quad.Quad) error {
	st, err := tx.PrepareContext(ctx, pq.CopyIn(table, "s", "p", "o", "l"))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	defer st.Close()
	for _, q := range quads {
		var l interface{}
		if q.Label != nil {
			l = csql.HashOf(q.Label).SQLValue()
		}
		if _, err := st.ExecContext(ctx, csql.HashOf(q.Subject).SQLValue(), csql.HashOf(q.Predicate).SQLValue(),
			csql.HashOf(q.Object).SQLValue(), l); err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
	}
	if _, err := st.ExecContext(ctx); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}

func columnIndex(col string) int {
	for i, c := range nodeColumns {
		if c == col {
			return i
		}
	}
	panic("graph: Cayley node column " + col + " unknown")
}
