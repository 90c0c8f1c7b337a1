// Command stancegraph reads news articles and builds a knowledge graph of
// actors and positions in a Cayley store.
//
//	stancegraph build testdata/corpus/           extract and load into the store
//	stancegraph query 'g.V("<sg:actor/russia>").Out().All()'
//	stancegraph extract --format jsonl FILE...   statements to stdout
//	stancegraph export --format dot -o graph.dot
//	stancegraph stats
//	stancegraph config                           effective settings and their sources
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"

	"github.com/cayleygraph/cayley/clog"

	_ "github.com/stancegraph/stancegraph/extract/hybrid" // the default extractor: rules and tree united
	_ "github.com/stancegraph/stancegraph/extract/rules"  // the pattern extractor
	_ "github.com/stancegraph/stancegraph/extract/tree"   // the extractor over dependency trees
)

func main() {
	clog.SetLogger(nil) // Cayley's own log lines; its errors reach us as values
	root := newRoot()
	stop, err := startProfile(os.Getenv("STANCEGRAPH_CPUPROFILE"))
	if err == nil {
		err = root.Execute()
		stop()
	}
	if err != nil {
		var ex *exitError
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(os.Stderr, "stancegraph:", ex.msg)
			}
			os.Exit(ex.code)
		}
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown shorthand") {
			msg += " (see stancegraph --help)"
		}
		fmt.Fprintln(os.Stderr, "stancegraph:", msg)
		os.Exit(1)
	}
}

// startProfile writes a CPU profile of the run to path, when set, and a heap
// profile at the end to $STANCEGRAPH_MEMPROFILE (for `go tool pprof`; make
// bench's figures say where the time and memory go).
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("STANCEGRAPH_CPUPROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("STANCEGRAPH_CPUPROFILE: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		if mp := os.Getenv("STANCEGRAPH_MEMPROFILE"); mp != "" {
			if m, err := os.Create(mp); err == nil {
				pprof.Lookup("heap").WriteTo(m, 0)
				m.Close()
			}
		}
	}, nil
}

// exitError ends the program with a code; msg may be empty when the command
// already said what went wrong.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }
