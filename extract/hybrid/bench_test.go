package hybrid

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
)

// BenchmarkExtract reads the sample corpus on one goroutine with each
// extractor and reports sentences per second (the speed an analyst's build
// has per core).
func BenchmarkExtract(b *testing.B) {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("sample corpus: %v", err)
	}
	var docs []*extract.Document
	size := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, &extract.Document{ID: filepath.Base(f), Text: string(data)})
		size += len(data)
	}
	for _, name := range []string{"rules", "tree", Name} {
		b.Run(name, func(b *testing.B) {
			x, err := extract.New(name, extract.Config{})
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			if _, err := x.Extract(ctx, docs[0]); err != nil { // models loaded
				b.Fatal(err)
			}
			b.SetBytes(int64(size))
			b.ResetTimer()
			sentences := 0
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					r, err := x.Extract(ctx, d)
					if err != nil {
						b.Fatal(err)
					}
					sentences += r.Sentences
				}
			}
			b.ReportMetric(float64(sentences)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
