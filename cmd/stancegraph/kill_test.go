package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/extract"
	_ "github.com/stancegraph/stancegraph/extract/rules"
	"github.com/stancegraph/stancegraph/extract/source"
	"github.com/stancegraph/stancegraph/graph"
)

// binary builds the stancegraph command once per test run.
func binary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "stancegraph")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// bigCorpus copies the sample corpus n times over under new names. The
// kill tests signal a build 0.7 s in; 1,200 documents take it about 2 s
// on two cores (400, loaded in bulk into a new store, could finish first).
func bigCorpus(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../../testdata/corpus/*.txt")
	for i := 0; i < n; i++ {
		f := files[i%len(files)]
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := fmt.Sprintf("%04d_%s", i, filepath.Base(f))
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// expected counts the statements the extractor takes from each document.
// The kill tests build with the rules extractor, the fastest, so that a
// kill finds a build in the middle of its writes: what they test is the
// store, not the reading.
func expected(t *testing.T, dir string) map[string]int {
	t.Helper()
	ex, err := extract.New("rules", extract.Config{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	err = source.Walk([]string{dir}, func(d *extract.Document) error {
		r, err := ex.Extract(context.Background(), d)
		seen := map[string]bool{}
		for i := range r.Statements {
			seen[string(r.Statements[i].ID())] = true
		}
		want[d.ID] = len(seen)
		return err
	}, func(b *source.BadDocument) error { return b })
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// wholeDocuments opens the store and checks that every stored document has
// all its statements; it returns how many documents are stored.
func wholeDocuments(t *testing.T, db string, want map[string]int) int {
	t.Helper()
	st, err := graph.Open(graph.Config{Backend: "bolt", Path: db, ReadOnly: true})
	if err != nil {
		t.Fatalf("the store does not open after the kill: %v", err)
	}
	defer st.Close()
	ctx := context.Background()
	res, err := st.Query(ctx, `g.V().Has("<rdf:type>", "<sg:Document>").Save("<rdfs:label>", "doc").ForEach(function(d) {
		g.Emit({doc: d.doc, n: g.V(d.id).In("<sg:document>").Count()}) })`, graph.QueryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		m := r.(map[string]interface{})
		doc, n := m["doc"].(string), int(m["n"].(int64))
		if n != want[doc] {
			t.Errorf("document %s holds %d of its %d statements", doc, n, want[doc])
		}
	}
	return len(res)
}

// killAfter starts cmd and kills it with SIGKILL after d.
func killAfter(t *testing.T, cmd *exec.Cmd, d time.Duration) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(d)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

// TestKillDuringBuild kills a real `stancegraph build` with SIGKILL midway:
// the store opens, holds whole documents only, and a second build completes
// it to what a clean build gives.
func TestKillDuringBuild(t *testing.T) {
	bin := binary(t)
	corpus := bigCorpus(t, 1200)
	want := expected(t, corpus)
	db := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(bin, "build", "-q", "--extractor", "rules", "--workers", "2", "--dbpath", db, corpus)
	killAfter(t, cmd, 700*time.Millisecond)
	stored := wholeDocuments(t, db, want)
	t.Logf("the kill came when %d of %d documents were stored", stored, len(want))
	out, err := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", db, corpus).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run after the kill: %v\n%s", err, out)
	}
	if got := wholeDocuments(t, db, want); got != len(want) {
		t.Errorf("%d documents after the re-run, want %d", got, len(want))
	}
	clean := filepath.Join(t.TempDir(), "clean.db")
	if out, err := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", clean, corpus).CombinedOutput(); err != nil {
		t.Fatalf("clean build: %v\n%s", err, out)
	}
	a, _ := exec.Command(bin, "stats", "--dbpath", db).Output()
	b, _ := exec.Command(bin, "stats", "--dbpath", clean).Output()
	if strings.Replace(string(a), db, "", 1) != strings.Replace(string(b), clean, "", 1) {
		t.Errorf("killed and re-run:\n%s\nclean:\n%s", a, b)
	}
}

// TestInterruptedBuild sends SIGINT: build stops after whole documents and
// says how far it got, with exit code 130.
func TestInterruptedBuild(t *testing.T) {
	bin := binary(t)
	corpus := bigCorpus(t, 1200)
	db := filepath.Join(t.TempDir(), "int.db")
	cmd := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", db, corpus)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond)
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "interrupted") {
		t.Fatalf("SIGINT: %v\n%s", err, stderr.String())
	}
	n := wholeDocuments(t, db, expected(t, corpus))
	t.Logf("SIGINT after %d documents: %s", n, strings.TrimSpace(stderr.String()))
}

// TestKillDuringBuildOver kills a build that goes over a store in bulk
// (the store holds five documents, the corpus 1,200, those five among
// them): the store opens and holds its five documents or all of them,
// each whole, and a second build completes it.
func TestKillDuringBuildOver(t *testing.T) {
	bin := binary(t)
	corpus := bigCorpus(t, 1200)
	first := bigCorpus(t, 5) // the same names: the first five of corpus
	want := expected(t, corpus)
	db := filepath.Join(t.TempDir(), "over.db")
	if out, err := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", db, first).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "build", "-q", "--extractor", "rules", "--workers", "2", "--dbpath", db, corpus)
	killAfter(t, cmd, 700*time.Millisecond)
	stored := wholeDocuments(t, db, want)
	if stored != 5 && stored != len(want) {
		// Over the store, the load is written whole at its end, or not.
		t.Fatalf("%d documents stored after the kill; over the store in bulk, 5 (as before) or all %d", stored, len(want))
	}
	if _, err := os.Stat(filepath.Join(db, "bulk.tmp")); stored == 5 && err != nil {
		t.Errorf("killed before its end, the build left no staging file: it did not go over the store in bulk (%v)", err)
	}
	t.Logf("the kill came when %d of %d documents were stored", stored, len(want))
	if out, err := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", db, corpus).CombinedOutput(); err != nil {
		t.Fatalf("re-run after the kill: %v\n%s", err, out)
	}
	if got := wholeDocuments(t, db, want); got != len(want) {
		t.Errorf("%d documents after the re-run, want %d", got, len(want))
	}
}

// TestReadersShareServe: while a read-only `serve` holds a bolt store,
// stats, query and export read it too, and a build into it is refused
// with a message that says why.
func TestReadersShareServe(t *testing.T) {
	bin := binary(t)
	db := filepath.Join(t.TempDir(), "s.db")
	if out, err := exec.Command(bin, "build", "-q", "--extractor", "rules", "--dbpath", db, "../../testdata/corpus").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	serve := exec.Command(bin, "serve", "--dbpath", db, "--addr", "127.0.0.1:0")
	stdout, _ := serve.StdoutPipe()
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { serve.Process.Signal(os.Interrupt); serve.Wait() }()
	// The banner says the console is up.
	buf := make([]byte, 4096)
	n, _ := stdout.Read(buf)
	if !strings.Contains(string(buf[:n]), "stancegraph console") {
		t.Fatalf("serve did not start: %q", buf[:n])
	}
	for _, args := range [][]string{
		{"stats", "--dbpath", db},
		{"query", "--dbpath", db, "--name", "opponents", "Russia"},
		{"export", "--dbpath", db, "--format", "csv"},
	} {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			t.Errorf("%s while serve runs: %v\n%s", args[0], err, out)
		}
	}
	out, err := exec.Command(bin, "build", "-q", "--dbpath", db, "../../testdata/corpus").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "in use by another stancegraph process") {
		t.Errorf("a build while serve runs: %v\n%s", err, out)
	}
}
