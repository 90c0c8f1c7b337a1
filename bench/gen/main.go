// Command gen writes the inputs of `make bench`: the benchmark corpora and
// the synthetic graph's statements as JSON Lines.
//
//	go run ./bench/gen -corpus out/bench/corpus-5mb -size 5
//	go run ./bench/gen -statements out/bench/graph-1m.jsonl -n 1000000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stancegraph/stancegraph/internal/benchdata"
)

func main() {
	corpus := flag.String("corpus", "", "write a corpus to this directory")
	seed := flag.String("seed", "testdata/corpus", "the articles the corpus repeats")
	size := flag.Int64("size", 5, "corpus size in MB")
	stmts := flag.String("statements", "", "write a synthetic graph's statements to this file")
	n := flag.Int("n", 1000000, "statements in the synthetic graph")
	flag.Parse()
	if *corpus == "" && *stmts == "" {
		fmt.Fprintln(os.Stderr, "gen: give -corpus DIR or -statements FILE (see -help)")
		os.Exit(2)
	}
	if *corpus != "" {
		info, err := benchdata.WriteCorpus(*seed, *corpus, *size<<20)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d documents, %.1f MB\n", info.Dir, info.Docs, float64(info.Bytes)/(1<<20))
	}
	if *stmts != "" {
		if err := benchdata.DefaultSpec(*n).WriteStatements(*stmts); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d statements\n", *stmts, *n)
	}
}
