package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/graph/path"
	"github.com/cayleygraph/quad"
	"github.com/stancegraph/stancegraph/schema"
)

// Window gives an in-memory store holding the statements made between two
// dates (YYYY-MM-DD, inclusive; either may be ""), with every actor,
// position, person and document of the store, so that any question asked
// of it counts only those statements. A statement is dated by when it was
// made or its deed done (sg:eventDate) where the sentence says, else by its
// document's date; an undated statement is outside every window.
func (s *Store) Window(ctx context.Context, since, until string) (*Store, error) {
	if since != "" && until != "" && since > until {
		return nil, fmt.Errorf("--since %s is after --until %s", since, until)
	}
	for _, d := range []string{since, until} {
		if d != "" && !isDate(d) {
			return nil, fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	// The statements outside the window.
	out := map[quad.Value]bool{}
	err := s.statementDates(ctx, func(st quad.Value, date string) {
		if date == "" || since != "" && date < since || until != "" && date > until {
			out[st] = true
		}
	})
	if err != nil {
		return nil, err
	}
	w, err := Open(Config{Backend: "memstore"})
	if err != nil {
		return nil, err
	}
	qw, err := w.RawWriter()
	if err != nil {
		w.Close()
		return nil, err
	}
	it := s.qs.QuadsAllIterator()
	defer it.Close()
	var batch []quad.Quad
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := qw.AddQuadSet(batch)
		batch = batch[:0]
		return err
	}
	for it.Next(ctx) {
		q := s.qs.Quad(it.Result())
		// A statement's own quads and its direct edges (labelled with it)
		// come only when it is inside; everything else comes.
		if out[q.Subject] || q.Label != nil && out[q.Label] {
			continue
		}
		batch = append(batch, q)
		if len(batch) == 10000 {
			if err := flush(); err != nil {
				w.Close()
				return nil, fmt.Errorf("copy the window: %w", err)
			}
		}
	}
	if err := it.Err(); err != nil {
		w.Close()
		return nil, fmt.Errorf("read store: %w", err)
	}
	if err := flush(); err != nil {
		w.Close()
		return nil, fmt.Errorf("copy the window: %w", err)
	}
	return w, nil
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Undated counts the statements that carry no date at all (neither their
// own nor their document's): no window holds them.
func (s *Store) Undated(ctx context.Context) (int, error) {
	n := 0
	err := s.statementDates(ctx, func(_ quad.Value, date string) {
		if date == "" {
			n++
		}
	})
	return n, err
}

// statementDates calls fn with every statement and its date: when the
// sentence says it was made (sg:eventDate), else its document's date, else
// "".
func (s *Store) statementDates(ctx context.Context, fn func(st quad.Value, date string)) error {
	p := path.StartPath(s.qs).Has(schema.Type, schema.TypeStatement).Tag("s").
		SaveOptional(schema.PDate, "date").SaveOptional(schema.PEventDate, "event")
	err := p.Iterate(ctx).TagValues(s.qs, func(m map[string]quad.Value) {
		date := valueString(m["event"])
		if date == "" {
			date = valueString(m["date"])
		}
		fn(m["s"], date)
	})
	if err != nil {
		return fmt.Errorf("date the statements: %w", err)
	}
	return nil
}
