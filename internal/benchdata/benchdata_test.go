package benchdata

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

func TestWriteCorpus(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "c")
	info, err := WriteCorpus("../../testdata/corpus", dir, 200<<10)
	if err != nil {
		t.Fatal(err)
	}
	if info.Bytes < 200<<10 || info.Docs < 10 {
		t.Fatalf("corpus %+v is too small", info)
	}
	first, err := os.ReadFile(filepath.Join(dir, "bench-000001-001_a2fe9243e21dc331.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(first[:16]); got != "date 2022-01-08 " {
		t.Errorf("copy 1 starts %q, want its own date", got)
	}
	again, err := WriteCorpus("../../testdata/corpus", dir, 200<<10)
	if err != nil || again != info {
		t.Errorf("second write: %+v, %v; want %+v", again, err, info)
	}
	if _, err := WriteCorpus(t.TempDir(), dir, 1); err == nil {
		t.Error("a seed without articles gave no error")
	}
}

func TestBatches(t *testing.T) {
	sp := DefaultSpec(5000)
	collect := func() []graph.Batch {
		var out []graph.Batch
		if err := sp.Batches(func(b graph.Batch) error { out = append(out, b); return nil }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	a, b := collect(), collect()
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same spec gave different graphs")
	}
	n, byActor := 0, map[string]int{}
	for _, d := range a {
		for i := range d.Statements {
			s := &d.Statements[i]
			if err := s.Validate(); err != nil {
				t.Fatalf("%s: %v", d.Doc.ID, err)
			}
			n++
			byActor[s.Subject]++
		}
	}
	if n != sp.Statements {
		t.Errorf("%d statements, want %d", n, sp.Statements)
	}
	// Zipf: the first actor of the lexicon leads, the tail is long.
	if byActor["Russia"] < n/20 || len(byActor) < 300 {
		t.Errorf("Russia has %d of %d statements, %d actors in all", byActor["Russia"], n, len(byActor))
	}
	first, err := sp.Actor(0)
	if err != nil || first != "Russia" {
		t.Errorf("Actor(0) = %q, %v; want Russia", first, err)
	}
	mid, err := sp.Actor(100)
	if err != nil || byActor[mid] == 0 || byActor[mid] > byActor["Russia"]/20 {
		t.Errorf("Actor(100) = %q (%d statements), %v; want a middling actor", mid, byActor[mid], err)
	}
	if _, err := sp.Actor(sp.Actors); err == nil {
		t.Error("Actor past the last gave no error")
	}
	if err := (Spec{}).Batches(func(graph.Batch) error { return nil }); err == nil {
		t.Error("an empty spec gave no error")
	}
}
