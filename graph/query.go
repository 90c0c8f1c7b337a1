package graph

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers the Gizmo language
)

// QueryOptions bound a query.
type QueryOptions struct {
	Limit   int           // results at most; 0 means DefaultLimit
	Timeout time.Duration // 0: the context's deadline, or else DefaultTimeout
	// MaxMemory stops a query once the heap has grown by this many bytes
	// while it runs; 0 means DefaultMaxMemory, negative means no cap.
	MaxMemory int64
}

// Query limits used when QueryOptions leaves them zero.
const (
	DefaultLimit   = 10000
	DefaultTimeout = 30 * time.Second
	// DefaultMaxMemory is the heap a query may add while it runs.
	DefaultMaxMemory = 512 << 20
)

// ErrQueryMemory is the cause of a query stopped by its memory cap.
var ErrQueryMemory = errors.New("query stopped: it used more memory than query.max_memory allows")

// memoryPoll is how often a running query's memory is looked at.
const memoryPoll = 2 * time.Millisecond

// QueryError is a query that did not compile or failed while running.
type QueryError struct{ Err error }

func (e *QueryError) Error() string { return "gizmo query: " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

// Query runs a Gizmo query and returns its results as JSON-ready values:
// maps of tag to value for g.V(...).All(), or whatever g.Emit() emitted.
func (s *Store) Query(ctx context.Context, gizmo string, opt QueryOptions) ([]interface{}, error) {
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	// The context's own deadline, if it has one, bounds the query;
	// otherwise opt.Timeout or DefaultTimeout.
	if _, ok := ctx.Deadline(); opt.Timeout <= 0 && !ok {
		opt.Timeout = DefaultTimeout
	}
	if opt.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, opt.Timeout)
		defer cancel()
	}
	if opt.MaxMemory == 0 {
		opt.MaxMemory = DefaultMaxMemory
	}
	if opt.MaxMemory > 0 {
		var cancel context.CancelCauseFunc
		ctx, cancel = context.WithCancelCause(ctx)
		stopGuard := guardMemory(opt.MaxMemory, cancel)
		defer func() {
			if stopGuard() {
				// The script may still hold its garbage for a moment
				// after it is interrupted; give the memory back then.
				time.AfterFunc(time.Second, debug.FreeOSMemory)
			}
		}()
		defer cancel(nil)
	}
	it, err := query.Execute(ctx, s.qs, "gizmo", gizmo, query.Options{Limit: opt.Limit, Collation: query.JSON})
	if err != nil {
		return nil, &QueryError{err}
	}
	defer it.Close()
	out := []interface{}{}
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
		if len(out) >= opt.Limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		if errors.Is(context.Cause(ctx), ErrQueryMemory) {
			return out, &QueryError{fmt.Errorf("%w (%d MiB; raise it with --max-memory or query.max_memory)", ErrQueryMemory, opt.MaxMemory>>20)}
		}
		if ctx.Err() == context.DeadlineExceeded {
			if opt.Timeout > 0 {
				return out, &QueryError{fmt.Errorf("timed out after %v", opt.Timeout)}
			}
			return out, &QueryError{fmt.Errorf("timed out: %w", ctx.Err())}
		}
		return out, &QueryError{err}
	}
	return out, nil
}

// guardMemory watches the heap while a query runs and cancels the query
// with ErrQueryMemory once the heap has grown by more than limit bytes.
// Go cannot count one goroutine's memory, so the growth is the process's:
// queries running side by side share the cap. stop ends the watch and
// says whether it fired.
func guardMemory(limit int64, cancel context.CancelCauseFunc) (stop func() bool) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() int64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(sample[0].Value.Uint64())
	}
	base := heap()
	done := make(chan struct{})
	fired := make(chan bool, 1)
	go func() {
		t := time.NewTicker(memoryPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				fired <- false
				return
			case <-t.C:
				if heap()-base > limit {
					cancel(ErrQueryMemory)
					<-done
					fired <- true
					return
				}
			}
		}
	}()
	return func() bool {
		close(done)
		return <-fired
	}
}
