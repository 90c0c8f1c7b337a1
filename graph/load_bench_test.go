package graph

import (
	"context"
	"fmt"
	"path/filepath"
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

// BenchmarkLoad writes 200 documents of 20 statements into a new bolt store,
// a transaction every `per` documents, and reports quads per second.
func BenchmarkLoad(b *testing.B) {
	docs := synthetic(200, 20)
	for _, per := range []int{1, 32} {
		b.Run(fmt.Sprintf("docs-per-tx=%d", per), func(b *testing.B) {
			quads := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(Config{Backend: "bolt", Path: filepath.Join(b.TempDir(), "load.db")})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for j := 0; j < len(docs); j += per {
					end := j + per
					if end > len(docs) {
						end = len(docs)
					}
					r, err := s.Load(context.Background(), docs[j:end]...)
					if err != nil {
						b.Fatal(err)
					}
					quads += r.Added
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
		})
	}
}
