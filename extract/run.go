package extract

import (
	"context"
	"runtime"
	"sync"
)

// Job is one document's outcome, delivered by Run in input order.
type Job struct {
	Doc    *Document
	Result Result
	Err    error
}

// Run extracts the documents read from docs on workers goroutines (0 means
// GOMAXPROCS) and calls emit with each outcome in the order the documents
// arrived. Memory is bounded by the number of documents in flight. Run stops
// at the first error emit returns, or when ctx is done.
func Run(ctx context.Context, ex Extractor, docs <-chan *Document, workers int, emit func(Job) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type slot struct{ done chan Job }
	// Four documents a worker in flight: a long document at the head of the
	// order keeps its worker busy while the others go on with later ones.
	window := workers * 4
	order := make(chan slot, window)
	sem := make(chan struct{}, window)
	var wg sync.WaitGroup
	go func() {
		defer close(order)
		for d := range docs {
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			s := slot{done: make(chan Job, 1)}
			select {
			case order <- s:
			case <-ctx.Done():
				return
			}
			wg.Add(1)
			go func(d *Document) {
				defer wg.Done()
				r, err := ex.Extract(ctx, d)
				s.done <- Job{Doc: d, Result: r, Err: err}
			}(d)
		}
	}()
	var err error
	for s := range order {
		j := <-s.done
		<-sem
		if err == nil {
			err = emit(j)
			if err != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if err == nil {
		err = ctx.Err()
	}
	return err
}
