package rules

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancegraph/stancegraph/extract"
)

// benchCorpus is the sample corpus repeated to at least size bytes, as
// documents with their own ids.
func benchCorpus(b *testing.B, size int) []*extract.Document {
	files, err := filepath.Glob("../../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("sample corpus: %v", err)
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	var docs []*extract.Document
	total := 0
	for i := 0; total < size; i++ {
		t := texts[i%len(texts)]
		docs = append(docs, &extract.Document{ID: filepath.Base(files[i%len(files)]) + "#" + string(rune('a'+i%26)), Text: t})
		total += len(t)
	}
	return docs
}

// BenchmarkExtract reads the sample corpus repeated to 5 MB on one
// goroutine and reports sentences and megabytes per second.
func BenchmarkExtract(b *testing.B) {
	x, err := shared()
	if err != nil {
		b.Fatal(err)
	}
	docs := benchCorpus(b, 5<<20)
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
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
}
