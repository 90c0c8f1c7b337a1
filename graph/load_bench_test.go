package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stancegraph/stancegraph/schema"
)

// synthetic makes n documents of k statements over a few hundred actors
// and positions.
func synthetic(n, k int) []Batch {
	var out []Batch
	for d := 0; d < n; d++ {
		doc := fmt.Sprintf("doc-%06d.txt", d)
		b := Batch{Doc: schema.DocumentInfo{ID: doc, Date: "2022-01-27", Sentences: k}}
		for i := 0; i < k; i++ {
			c := schema.StanceClasses[(d+i)%len(schema.StanceClasses)]
			b.Statements = append(b.Statements, stmt(doc, i, fmt.Sprintf("Actor %d", (d*7+i)%200), c, fmt.Sprintf("position %d", (d*13+i*3)%500)))
		}
		out = append(out, b)
	}
	return out
}

// loadInto writes docs into a new store, per documents a transaction, and
// returns the quads added; with cayley, through Cayley's writer instead of
// kvWriter.
func loadInto(b *testing.B, cfg Config, docs []Batch, per int, cayley bool) int {
	b.StopTimer()
	if cfg.Path == "" {
		cfg.Path = filepath.Join(b.TempDir(), "load.db")
	}
	s, err := Open(cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if cayley {
		s.kvw = nil
	}
	b.StartTimer()
	quads := 0
	for j := 0; j < len(docs); j += per {
		r, err := s.Load(context.Background(), docs[j:min(j+per, len(docs))]...)
		if err != nil {
			b.Fatal(err)
		}
		quads += r.Added
	}
	return quads
}

// BenchmarkLoad writes 512 documents of 20 statements into a new store of
// each embedded backend, a transaction every `per` documents, and reports
// quads per second (opening the store is not timed). On bolt and leveldb
// it compares kvWriter with Cayley's writer.
func BenchmarkLoad(b *testing.B) {
	docs := synthetic(512, 20)
	for _, backend := range []string{"bolt", "leveldb", "btree", "memstore"} {
		for _, writer := range []string{"kv", "cayley"} {
			if writer == "kv" && guarded[backend] == nil {
				continue // kvWriter writes the file-backed stores only
			}
			for _, per := range []int{1, 32, 128} {
				if per == 1 && backend != "bolt" {
					continue
				}
				b.Run(fmt.Sprintf("%s/writer=%s/docs-per-tx=%d", backend, writer, per), func(b *testing.B) {
					quads := 0
					for i := 0; i < b.N; i++ {
						quads += loadInto(b, Config{Backend: backend}, docs, per, writer == "cayley")
					}
					b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
				})
			}
		}
	}
}

// BenchmarkBulk writes the documents of BenchmarkLoad (512 of 20
// statements) and 8 times as many into a new bolt store in bulk, 128
// documents a call, Finish included, and reports quads per second (opening
// the store is not timed).
func BenchmarkBulk(b *testing.B) {
	for _, n := range []int{512, 4096} {
		docs := synthetic(n, 20)
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			quads := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(Config{Backend: "bolt", Path: filepath.Join(b.TempDir(), "bulk.db")})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				bulk, err := s.Bulk(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				for j := 0; j < len(docs); j += 128 {
					if _, err := bulk.Load(context.Background(), docs[j:min(j+128, len(docs))]...); err != nil {
						b.Fatal(err)
					}
				}
				r, err := bulk.Finish(context.Background(), nil)
				if err != nil {
					b.Fatal(err)
				}
				quads += r.Added
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// BenchmarkBloom compares Cayley's bloom filters on and off (the default)
// for a load into bolt, opening included: the filters are allocated and
// filled at open.
func BenchmarkBloom(b *testing.B) {
	docs := synthetic(512, 20)
	for _, bloom := range []bool{true, false} {
		b.Run(fmt.Sprintf("bloom=%v", bloom), func(b *testing.B) {
			b.ReportAllocs()
			quads := 0
			for i := 0; i < b.N; i++ {
				s, err := Open(Config{Backend: "bolt", Path: filepath.Join(b.TempDir(), "x.db"), Options: map[string]interface{}{"no_bloom": !bloom}})
				if err != nil {
					b.Fatal(err)
				}
				for j := 0; j < len(docs); j += 128 {
					r, err := s.Load(context.Background(), docs[j:min(j+128, len(docs))]...)
					if err != nil {
						b.Fatal(err)
					}
					quads += r.Added
				}
				s.Close()
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}

// Opening a bolt store must not allocate Cayley's bloom filters (hundreds
// of megabytes) unless asked.
func TestOpenAllocatesLittle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.db")
	for _, c := range []struct {
		opts map[string]interface{}
		max  uint64
	}{
		{nil, 32 << 20},
		{map[string]interface{}{"no_bloom": false}, 0}, // the opposite: shows the check can fail
	} {
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		s, err := Open(Config{Backend: "bolt", Path: path, Options: c.opts})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(context.Background(), synthetic(2, 5)...); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&m1)
		s.Close()
		got := m1.TotalAlloc - m0.TotalAlloc
		if c.max > 0 && got > c.max {
			t.Errorf("options %v: open and a small load allocated %d MB, want < %d MB", c.opts, got>>20, c.max>>20)
		}
		if c.max == 0 && got < 64<<20 {
			t.Errorf("with bloom filters on, open allocated only %d MB: is the default test measuring anything?", got>>20)
		}
	}
}
