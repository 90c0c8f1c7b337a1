package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stancegraph/stancegraph/schema"
)

func stmt(doc string, i int, subj string, c schema.Class, obj string) schema.Statement {
	s := schema.Statement{Doc: doc, SentenceIndex: i, Sentence: "s" + doc, Subject: subj, SubjectKind: schema.KindState,
		Class: c, Predicate: strings.ToLower(string(c)), Object: obj, ObjectType: schema.ObjectPosition, Polarity: c.Sign(),
		Date: "2022-01-27", Confidence: 0.9}
	if c.IsInteraction() {
		s.ObjectType, s.ObjectKind, s.Polarity = schema.ObjectActor, schema.KindState, ""
	}
	return s
}

func batch(doc string, ss ...schema.Statement) Batch {
	return Batch{Doc: schema.DocumentInfo{ID: doc, Date: "2022-01-27", Sentences: 3}, Statements: ss}
}

func openTemp(t *testing.T, backend string) *Store {
	t.Helper()
	cfg := Config{Backend: backend}
	if backend != "memstore" {
		cfg.Path = filepath.Join(t.TempDir(), "g.db")
	}
	s, err := Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestLoadIdempotentAndReplace(t *testing.T) {
	for _, backend := range []string{"bolt", "leveldb", "memstore"} {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			s := openTemp(t, backend)
			b := batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
				stmt("a.txt", 1, "United States", schema.Oppose, "NATO non-expansion"))
			r, err := s.Load(ctx, b)
			if err != nil || r.Added == 0 {
				t.Fatalf("first load: %+v %v", r, err)
			}
			st1, _ := s.Stats(ctx)
			r, err = s.Load(ctx, b)
			if err != nil || r.Added != 0 || r.Removed != 0 {
				t.Fatalf("second load changed the store: %+v %v", r, err)
			}
			st2, _ := s.Stats(ctx)
			if st1 != st2 {
				t.Errorf("stats changed on re-load: %+v -> %+v", st1, st2)
			}
			if st1.Documents != 1 || st1.Statements != 2 || st1.Actors != 2 || st1.Positions != 1 || st1.Sentences != 3 {
				t.Errorf("stats %+v", st1)
			}
			// A changed document replaces its statements.
			b2 := batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"))
			r, err = s.Load(ctx, b2)
			if err != nil || r.Removed == 0 {
				t.Fatalf("changed load: %+v %v", r, err)
			}
			st3, _ := s.Stats(ctx)
			if st3.Statements != 1 {
				t.Errorf("stale statements left: %+v", st3)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "bolt")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
		stmt("a.txt", 1, "United States", schema.Oppose, "NATO non-expansion"),
		stmt("a.txt", 2, "Russia", schema.Consult, "Ukraine"))); err != nil {
		t.Fatal(err)
	}
	res, err := s.Query(ctx, `g.V("<sg:actor/russia>").Out("<sg:DEMAND>").In("<sg:OPPOSE>").Out("<rdfs:label>").All()`, QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].(map[string]interface{})["id"] != "United States" {
		t.Errorf("who opposes what Russia demands: %v", res)
	}
	// Every direct edge leads back to its statement.
	qs := s.QuadStore()
	it := qs.QuadIterator(quad.Subject, qs.ValueOf(schema.ActorIRI("United States")))
	edges := 0
	for it.Next(ctx) {
		q := qs.Quad(it.Result())
		if q.Predicate != schema.ClassIRI(schema.Oppose) {
			continue
		}
		edges++
		res, err := s.Query(ctx, `g.V("`+quad.StringOf(q.Label)+`").Out("<sg:actor>").All()`, QueryOptions{})
		if err != nil || len(res) != 1 || res[0].(map[string]interface{})["id"] != "<sg:actor/united-states>" {
			t.Errorf("edge %v: label does not lead to its statement: %v %v", q, res, err)
		}
	}
	it.Close()
	if edges != 1 {
		t.Errorf("%d OPPOSE edges from the US", edges)
	}
	if _, err := s.Query(ctx, `g.V(`, QueryOptions{}); err == nil {
		t.Error("malformed query accepted")
	}
	_, err = s.Query(ctx, `while (true) {}`, QueryOptions{Timeout: 200e6})
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("endless query: %v", err)
	}
	// The caller's deadline bounds a query that sets no timeout.
	dctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	t0 := time.Now()
	_, err = s.Query(dctx, `while (true) {}`, QueryOptions{})
	if err == nil || !strings.Contains(err.Error(), "timed out") || time.Since(t0) > 5*time.Second {
		t.Errorf("endless query under a 200 ms deadline: %v after %v", err, time.Since(t0))
	}
}

func TestNetworkAndDOT(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "memstore")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "guarantees"),
		stmt("a.txt", 1, "Russia", schema.Demand, "guarantees"),
		stmt("a.txt", 2, "Russia", schema.Deliver, "United States"))); err != nil {
		t.Fatal(err)
	}
	n, err := s.Network(ctx, Stances, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Nodes) != 3 || len(n.Edges) != 2 {
		t.Fatalf("network %d nodes %d edges", len(n.Nodes), len(n.Edges))
	}
	var b strings.Builder
	if err := n.WriteDOT(&b); err != nil {
		t.Fatal(err)
	}
	dot := b.String()
	for _, want := range []string{"digraph stancegraph", `label="Russia", shape=box`, `label="guarantees", shape=ellipse`, `"demand (2)"`, "style=dashed"} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
	var nq strings.Builder
	if err := s.WriteQuads(ctx, &nq, "nquads"); err != nil || !strings.Contains(nq.String(), "<"+schema.NS+"actor/russia>") {
		t.Errorf("nquads: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(Config{Backend: "nosuch", Path: "x"}); err == nil || !strings.Contains(err.Error(), "known: ") {
		t.Errorf("unknown backend: %v", err)
	}
	if _, err := Open(Config{Backend: "bolt", Path: filepath.Join(t.TempDir(), "none"), ReadOnly: true}); err == nil || !strings.Contains(err.Error(), "build") {
		t.Errorf("read-only missing store: %v", err)
	}
	path := filepath.Join(t.TempDir(), "locked.db")
	s, err := Open(Config{Backend: "bolt", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := Open(Config{Backend: "bolt", Path: path}); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second open of a bolt store: %v", err)
	}
}

func TestReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := Open(Config{Backend: "bolt", Path: path})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := Open(Config{Backend: "bolt", Path: path, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Load(context.Background(), batch("a", stmt("a", 0, "Russia", schema.Demand, "x"))); err != ErrReadOnly {
		t.Errorf("write to read-only store: %v", err)
	}
}

func TestRemove(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "bolt")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "guarantees"),
		stmt("a.txt", 1, "Iran", schema.Oppose, "sanctions"))); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Stats(ctx)
	if _, err := s.Load(ctx, batch("b.txt", stmt("b.txt", 0, "Russia", schema.Oppose, "sanctions"))); err != nil {
		t.Fatal(err)
	}
	n, err := s.Remove(ctx, "b.txt")
	if err != nil || n == 0 {
		t.Fatalf("remove: %d %v", n, err)
	}
	after, _ := s.Stats(ctx)
	if after != before {
		t.Errorf("removing b.txt did not restore the store: %+v -> %+v", before, after)
	}
	if _, err := s.Remove(ctx, "a.txt"); err != nil {
		t.Fatal(err)
	}
	empty, _ := s.Stats(ctx)
	if empty.Quads != 0 || empty.Actors != 0 || empty.Positions != 0 {
		t.Errorf("after removing every document: %+v", empty)
	}
	if _, err := s.Remove(ctx, "a.txt"); err == nil {
		t.Error("removing a missing document succeeded")
	}
}

func TestReplaceDropsOrphans(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "bolt")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "guarantees"))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Iran", schema.Oppose, "sanctions"))); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	if st.Actors != 1 || st.Positions != 1 || st.Statements != 1 {
		t.Errorf("stale actor or position left after replacing a document: %+v", st)
	}
}

// TestCloseWaitsForReaders: a query that timed out may leave Cayley's
// goroutine reading the store; Close must wait for it, not unmap the file
// under it.
func TestCloseWaitsForReaders(t *testing.T) {
	for _, backend := range []string{"bolt", "leveldb"} {
		t.Run(backend, func(t *testing.T) {
			st, err := Open(Config{Backend: backend, Path: filepath.Join(t.TempDir(), "g.db")})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := st.Load(context.Background(), batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "guarantees"))); err != nil {
				t.Fatal(err)
			}
			if st.guard == nil {
				t.Fatal("the store's transactions are not counted")
			}
			// What Cayley's iterator does inside Next: a read transaction.
			tx, err := st.guard.Tx(false)
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- st.Close() }()
			select {
			case err := <-done:
				t.Fatalf("Close returned (%v) while an iterator still read the store", err)
			case <-time.After(300 * time.Millisecond):
			}
			tx.Close()
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
			case <-time.After(10 * time.Second):
				t.Fatal("Close did not return once the iterator closed")
			}
		})
	}
}

// A script that doubles a string without end is stopped by its memory
// cap, not by the clock, and the store answers the next query.
func TestQueryMemoryCap(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "memstore")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"))); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, query string
	}{
		{"string doubling", `var s = "x"; while (true) { s = s + s; }`},
		{"growing array", `var a = []; while (true) { a.push({k: "xxxxxxxxxxxxxxxx" + a.length}); }`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.Query(ctx, c.query, QueryOptions{Timeout: time.Minute, MaxMemory: 32 << 20})
			if !errors.Is(err, ErrQueryMemory) {
				t.Fatalf("want the memory cap to stop it, got %v", err)
			}
			if !strings.Contains(err.Error(), "32 MiB") {
				t.Errorf("error does not name the cap: %v", err)
			}
			res, err := s.Query(ctx, `g.V("<sg:actor/russia>").Out("<sg:DEMAND>").Out("<rdfs:label>").All()`, QueryOptions{MaxMemory: 32 << 20})
			if err != nil || len(res) != 1 {
				t.Errorf("next query after the cap: %v %v", res, err)
			}
		})
	}
	// Without a cap (negative) the same kind of script runs to its timeout.
	_, err := s.Query(ctx, `var a = 0; while (true) { a++; }`, QueryOptions{Timeout: 100 * time.Millisecond, MaxMemory: -1})
	if err == nil || errors.Is(err, ErrQueryMemory) {
		t.Errorf("uncapped endless query: %v", err)
	}
}

// TestRDFExports: the N-Quads and JSON-LD exports are read back whole by
// RDF tools (Raptor's rapper and Python's rdflib, from `make deps`), with
// full IRIs.
func TestRDFExports(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "memstore")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Demand, "NATO non-expansion"),
		stmt("a.txt", 1, "United States", schema.Oppose, "NATO non-expansion"),
		stmt("a.txt", 2, "Russia", schema.Consult, "Ukraine"))); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(format string) string {
		var b bytes.Buffer
		if err := s.WriteQuads(ctx, &b, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		p := filepath.Join(dir, "out."+format)
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nq := write("nquads")
	data, _ := os.ReadFile(nq)
	lines := strings.Count(string(data), "\n")
	if strings.Contains(string(data), "<sg:") || strings.Contains(string(data), "<rdfs:") || !strings.Contains(string(data), "<"+schema.NS+"actor/russia>") {
		t.Errorf("N-Quads without full IRIs:\n%.500s", data)
	}
	out, err := exec.Command("rapper", "-i", "nquads", "-c", nq).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper (raptor2-utils; run make deps): %v\n%s", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprintf("returned %d triples", lines)) {
		t.Errorf("rapper read %s, want %d statements", strings.TrimSpace(string(out)), lines)
	}
	jl := write("jsonld")
	count := func(path, format string) string {
		t.Helper()
		out, err := exec.Command("/usr/bin/python3", "-c",
			"import sys, rdflib; g = rdflib.ConjunctiveGraph(); g.parse(sys.argv[1], format=sys.argv[2]); print(len(g))", path, format).CombinedOutput()
		if err != nil {
			t.Fatalf("rdflib (python3-rdflib; run make deps) on %s: %v\n%s", format, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	if a, b := count(jl, "json-ld"), count(nq, "nquads"); a != b || a == "0" {
		t.Errorf("rdflib read %s statements from JSON-LD, %s from N-Quads", a, b)
	}
	if jd, _ := os.ReadFile(jl); !strings.Contains(string(jd), `"@context"`) {
		t.Errorf("JSON-LD without @context: %.300s", jd)
	}
}

// TestLookupByWords: a position is found by its words in any order and
// form ("Ukraine membership" for "Ukraine's membership in NATO"); words
// that several labels hold are refused with the candidates named.
func TestLookupByWords(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t, "memstore")
	if _, err := s.Load(ctx, batch("a.txt", stmt("a.txt", 0, "Russia", schema.Oppose, "Ukraine's membership in NATO"),
		stmt("a.txt", 1, "Russia", schema.Demand, "NATO's non-expansion towards the east"),
		stmt("a.txt", 2, "United States", schema.Oppose, "further expansion of NATO to the East"))); err != nil {
		t.Fatal(err)
	}
	iri, ok, err := s.Lookup(ctx, schema.TypePosition, "Ukraine membership")
	if err != nil || !ok || iri != schema.PositionIRI("Ukraine's membership in NATO") {
		t.Errorf("Ukraine membership: %v %v %v", iri, ok, err)
	}
	_, ok, err = s.Lookup(ctx, schema.TypePosition, "NATO expanding")
	var amb *AmbiguousError
	if ok || !errors.As(err, &amb) || len(amb.Candidates) != 2 || !strings.Contains(err.Error(), "further expansion of NATO") {
		t.Errorf("NATO expanding: %v %v", ok, err)
	}
	if _, ok, err := s.Lookup(ctx, schema.TypePosition, "gas pipeline"); ok || err != nil {
		t.Errorf("gas pipeline: %v %v", ok, err)
	}
}
