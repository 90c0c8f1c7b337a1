package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo" // registers the Gizmo language
)

// QueryOptions bound a query.
type QueryOptions struct {
	Limit   int           // results at most; 0 means DefaultLimit
	Timeout time.Duration // 0: the context's deadline, or else DefaultTimeout
}

// Query limits used when QueryOptions leaves them zero.
const (
	DefaultLimit   = 10000
	DefaultTimeout = 30 * time.Second
)

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
