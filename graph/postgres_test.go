package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/lib/pq"
	"github.com/stancegraph/stancegraph/schema"
)

// postgresURL is the server the go-svc machines run; STANCEGRAPH_TEST_POSTGRES
// points the test elsewhere.
func postgresURL() string {
	if u := os.Getenv("STANCEGRAPH_TEST_POSTGRES"); u != "" {
		return u
	}
	return "postgres://postgres@127.0.0.1:5432/%s?sslmode=disable"
}

// TestPostgres loads, re-loads, replaces and removes against a real
// PostgreSQL server, in a database of its own.
func TestPostgres(t *testing.T) {
	admin, err := sql.Open("postgres", fmt.Sprintf(postgresURL(), "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if err := admin.Ping(); err != nil {
		t.Fatalf("PostgreSQL on 127.0.0.1:5432 is not answering (%v): start it with pg_ctlcluster, or set STANCEGRAPH_TEST_POSTGRES", err)
	}
	db := fmt.Sprintf("stancegraph_test_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + db); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP DATABASE IF EXISTS " + db)

	ctx := context.Background()
	url := fmt.Sprintf(postgresURL(), db)
	if _, err := Open(Config{Backend: "postgres", Path: url, ReadOnly: true}); err == nil {
		t.Error("a read-only open of an empty database succeeded")
	}
	s, err := Open(Config{Backend: "postgres", Path: url})
	if err != nil {
		t.Fatal(err)
	}
	b := batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
		stmt("a.txt", 1, "United States", schema.Oppose, "NATO non-expansion"))
	r, err := s.Load(ctx, b)
	if err != nil || r.Added == 0 {
		t.Fatalf("load: %+v %v", r, err)
	}
	st1, err := s.Stats(ctx)
	if err != nil || st1.Statements != 2 || st1.Quads <= 0 {
		t.Fatalf("stats %+v %v", st1, err)
	}
	if r, err := s.Load(ctx, b); err != nil || r.Added != 0 {
		t.Errorf("re-load: %+v %v", r, err)
	}
	res, err := s.Query(ctx, `g.V("<sg:actor/russia>").Out("<sg:DEMAND>").In("<sg:OPPOSE>").Out("<rdfs:label>").All()`, QueryOptions{})
	if err != nil || len(res) != 1 {
		t.Errorf("who opposes what Russia demands: %v %v", res, err)
	}
	if _, err := s.Remove(ctx, "a.txt"); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Stats(ctx); st.Statements != 0 || st.Actors != 0 {
		t.Errorf("after remove: %+v", st)
	}
	s.Close()
}

// tempDB creates a database of its own for a test and returns its URL.
func tempDB(t *testing.T) string {
	t.Helper()
	admin, err := sql.Open("postgres", fmt.Sprintf(postgresURL(), "postgres"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	if err := admin.Ping(); err != nil {
		t.Fatalf("PostgreSQL on 127.0.0.1:5432 is not answering (%v): start it with pg_ctlcluster, or set STANCEGRAPH_TEST_POSTGRES", err)
	}
	db := fmt.Sprintf("stancegraph_test_%d", time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)") })
	return fmt.Sprintf(postgresURL(), db)
}

// openPG opens a database for writing, closed when the test ends.
func openPG(t *testing.T, url string) *Store {
	t.Helper()
	s, err := Open(Config{Backend: "postgres", Path: url})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dump is a database's nodes and quads as sorted text.
func dump(t *testing.T, url string) string {
	t.Helper()
	return queryText(t, url,
		// Nodes that quads use (Cayley's writer also counts references of
		// quads it did not write, so it leaves unused nodes behind).
		`SELECT encode(hash, 'hex'), coalesce(value_string, ''), coalesce(iri, false), coalesce(value_int, 0), coalesce(value_float, 0), coalesce(encode(value, 'hex'), '') FROM nodes n
		 WHERE EXISTS (SELECT 1 FROM quads q WHERE n.hash IN (q.subject_hash, q.predicate_hash, q.object_hash, q.label_hash)) ORDER BY 1`,
		`SELECT encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'), encode(object_hash, 'hex'), coalesce(encode(label_hash, 'hex'), '') FROM quads ORDER BY 1, 2, 3, 4`)
}

// queryText runs the queries on a database and gives their rows, a line each.
func queryText(t *testing.T, url string, queries ...string) string {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out string
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]interface{}, len(cols))
			ptrs := make([]interface{}, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out += fmt.Sprintln(vals...)
		}
		rows.Close()
	}
	return out
}

// wrongRefs counts nodes whose reference count is not the number of quad
// directions that use them.
func wrongRefs(t *testing.T, url string) int {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	err = db.QueryRow(`SELECT count(*) FROM nodes n WHERE refs <> (SELECT count(*) FROM quads WHERE subject_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE predicate_hash = n.hash) + (SELECT count(*) FROM quads WHERE object_hash = n.hash)
		+ (SELECT count(*) FROM quads WHERE label_hash = n.hash)`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The COPY writer must leave the tables as Cayley's writer does (the same
// nodes and quads) through loads, re-loads, changed documents and removals,
// with exact reference counts, so that removals drop unused nodes.
func TestPostgresBulkEqualsCayley(t *testing.T) {
	ctx := context.Background()
	urls := []string{tempDB(t), tempDB(t)}
	stores := []*Store{openPG(t, urls[0]), openPG(t, urls[1])}
	if stores[0].bulk == nil {
		t.Fatal("a writable postgres store has no bulk writer")
	}
	stores[1].bulk.Close()
	stores[1].bulk = nil // Cayley's own writer
	docs := synthetic(16, 6)
	changed := synthetic(3, 5) // fewer statements: a changed document
	steps := []struct {
		name string
		run  func(s *Store) (int, error)
	}{
		{"load", func(s *Store) (int, error) { r, err := s.Load(ctx, docs[:12]...); return r.Added, err }},
		{"re-load", func(s *Store) (int, error) { r, err := s.Load(ctx, docs[:12]...); return r.Added, err }},
		{"load more", func(s *Store) (int, error) { r, err := s.Load(ctx, docs[10:]...); return r.Added, err }},
		{"change", func(s *Store) (int, error) { r, err := s.Load(ctx, changed...); return r.Added - r.Removed, err }},
		{"remove", func(s *Store) (int, error) { return s.Remove(ctx, "doc-000007.txt") }},
	}
	for _, st := range steps {
		var n [2]int
		for i, s := range stores {
			var err error
			if n[i], err = st.run(s); err != nil {
				t.Fatalf("%s (%d): %v", st.name, i, err)
			}
		}
		if n[0] != n[1] {
			t.Errorf("%s: bulk counted %d, Cayley %d", st.name, n[0], n[1])
		}
		if a, b := dump(t, urls[0]), dump(t, urls[1]); a != b || a == "" {
			t.Fatalf("%s: the tables differ (%d and %d bytes)", st.name, len(a), len(b))
		}
		if n := wrongRefs(t, urls[0]); n != 0 {
			t.Errorf("%s: %d nodes with a wrong reference count", st.name, n)
		}
	}
}

// Workers loading shards into one database at once leave what one loading
// them in turn leaves, with exact reference counts.
func TestPostgresConcurrentLoads(t *testing.T) {
	ctx := context.Background()
	url := tempDB(t)
	docs := synthetic(48, 6)
	const workers = 4
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			s, err := Open(Config{Backend: "postgres", Path: url})
			if err != nil {
				errs <- err
				return
			}
			defer s.Close()
			for i := w; i < len(docs); i += workers {
				if _, err := s.Load(ctx, docs[i]); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}(w)
	}
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(Config{Backend: "postgres", Path: url, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil || st.Statements != 48*6 || st.Documents != 48 {
		t.Errorf("stats %+v, %v; want %d statements in 48 documents", st, err, 48*6)
	}
	if n := wrongRefs(t, url); n != 0 {
		t.Errorf("%d nodes with a wrong reference count", n)
	}
}

// indexDefs lists the quads table's indexes and keys.
func indexDefs(t *testing.T, url string) string {
	t.Helper()
	return queryText(t, url, `SELECT indexdef FROM pg_indexes WHERE tablename IN ('quads', 'nodes')
		UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'quads'::regclass
		ORDER BY 1`)
}

// A bulk load of an empty PostgreSQL store leaves the tables, their
// indexes and keys, and the reference counts as Store.Load's transactions
// do, and later loads, changes and removals go on alike. A store that
// holds quads takes none; one written by another process during the bulk
// load gets its quads by transactions.
func TestPostgresBulkLoad(t *testing.T) {
	ctx := context.Background()
	urls := []string{tempDB(t), tempDB(t)}
	stores := []*Store{openPG(t, urls[0]), openPG(t, urls[1])}
	docs := bulkDocs()
	b, err := stores[0].Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stores[0].Load(ctx, docs[0]); !errors.Is(err, errBulking) {
		t.Errorf("Load during a bulk load: %v", err)
	}
	if _, err := b.Load(ctx, docs[0], docs[0]); !errors.Is(err, ErrDocAgain) {
		t.Errorf("a document given twice: %v", err)
	}
	var steps []string
	for i := 0; i < len(docs); i += 4 {
		if _, err := b.Load(ctx, docs[i:i+4]...); err != nil {
			t.Fatal(err)
		}
	}
	got, err := b.Finish(ctx, func(s string) { steps = append(steps, s) })
	if err != nil {
		t.Fatal(err)
	}
	want, err := stores[1].Load(ctx, docs...)
	if err != nil {
		t.Fatal(err)
	}
	if got.Added != want.Added || !slices.Contains(steps, fmt.Sprintf("copying %d quads", want.Added)) {
		t.Errorf("bulk load added %d quads (steps %q), transactions %d", got.Added, steps, want.Added)
	}
	same := func(step string) {
		t.Helper()
		if a, b := dump(t, urls[0]), dump(t, urls[1]); a != b || a == "" {
			t.Fatalf("%s: the tables differ (%d and %d bytes)", step, len(a), len(b))
		}
		if a, b := indexDefs(t, urls[0]), indexDefs(t, urls[1]); a != b || !strings.Contains(a, "pos_index") {
			t.Fatalf("%s: the indexes and keys differ:\n%s\n%s", step, a, b)
		}
		if n := wrongRefs(t, urls[0]); n != 0 {
			t.Fatalf("%s: %d nodes with a wrong reference count", step, n)
		}
	}
	same("bulk load")
	more := synthetic(24, 6)
	for _, step := range []struct {
		name string
		run  func(s *Store) error
	}{
		{"change", func(s *Store) error { _, err := s.Load(ctx, more[1:3]...); return err }},
		{"load more", func(s *Store) error { _, err := s.Load(ctx, more[12:]...); return err }},
		{"remove", func(s *Store) error { _, err := s.Remove(ctx, docs[5].Doc.ID); return err }},
	} {
		for _, s := range stores {
			if err := step.run(s); err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
		}
		same(step.name)
	}
	if _, err := stores[0].Bulk(ctx); !errors.Is(err, ErrNotNew) {
		t.Errorf("bulk load of a database that holds quads: %v, want ErrNotNew", err)
	}

	// Another process writes during the bulk load: transactions instead.
	url := tempDB(t)
	s, other := openPG(t, url), openPG(t, url)
	b, err = s.Bulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Load(ctx, docs[:6]...); err != nil {
		t.Fatal(err)
	}
	if _, err := other.Load(ctx, docs[6:]...); err != nil {
		t.Fatal(err)
	}
	var told []string
	if _, err := b.Finish(ctx, func(s string) { told = append(told, s) }); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(told, func(s string) bool { return strings.Contains(s, "by transactions") }) {
		t.Errorf("the bulk load did not say it went by transactions: %q", told)
	}
	if a, b := dump(t, url), dump(t, urls[1]); a == "" {
		t.Error("nothing stored")
	} else if n := wrongRefs(t, url); n != 0 {
		t.Errorf("%d nodes with a wrong reference count", n)
	} else {
		st, err := s.Stats(ctx)
		if err != nil || st.Documents != int64(len(docs)) {
			t.Errorf("after a bulk load beside another writer: %+v %v (%d and %d bytes of tables)", st, err, len(a), len(b))
		}
	}
}

// TestPostgresExactQuadCount: stats counts the quads, not PostgreSQL's
// planner estimate (pg_class.reltuples), which after a killed build still
// counts the dead rows.
func TestPostgresExactQuadCount(t *testing.T) {
	ctx := context.Background()
	url := tempDB(t)
	s, err := Open(Config{Backend: "postgres", Path: url})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"))); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var exact int64
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT count(*) FROM quads`).Scan(&exact); err != nil || exact == 0 {
		t.Fatalf("count: %d %v", exact, err)
	}
	// The estimate a killed build of 871,927 quads leaves behind.
	if _, err := db.Exec(`UPDATE pg_class SET reltuples = 871927 WHERE relname = 'quads'`); err != nil {
		t.Fatal(err)
	}
	s = openPG(t, url)
	st, err := s.Stats(ctx)
	if err != nil || st.Quads != exact {
		t.Errorf("stats: quads %d, want the exact %d (%v)", st.Quads, exact, err)
	}
}
