package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
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
