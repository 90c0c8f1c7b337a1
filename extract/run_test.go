package extract

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/schema"
)

// slow is an extractor whose documents take random times, so results come
// back out of order unless Run puts them in order.
type slow struct{}

func (slow) Extract(ctx context.Context, d *Document) (Result, error) {
	time.Sleep(time.Duration(rand.Intn(3)) * time.Millisecond)
	if d.ID == "bad" {
		return Result{}, errors.New("cannot read")
	}
	return Result{Sentences: len(d.Text), Statements: []schema.Statement{{Doc: d.ID}}}, nil
}

func feed(ids ...string) <-chan *Document {
	ch := make(chan *Document, len(ids))
	for _, id := range ids {
		ch <- &Document{ID: id, Text: id}
	}
	close(ch)
	return ch
}

func TestRunKeepsOrder(t *testing.T) {
	var ids []string
	for i := 0; i < 200; i++ {
		ids = append(ids, fmt.Sprint("d", i))
	}
	for _, workers := range []int{1, 2, 8} {
		var got []string
		err := Run(context.Background(), slow{}, feed(ids...), workers, func(j Job) error {
			got = append(got, j.Result.Statements[0].Doc)
			return j.Err
		})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got) != fmt.Sprint(ids) {
			t.Errorf("workers %d: order %v", workers, got[:10])
		}
	}
}

func TestRunStopsOnEmitError(t *testing.T) {
	n := 0
	err := Run(context.Background(), slow{}, feed("a", "bad", "c", "d"), 2, func(j Job) error {
		n++
		return j.Err
	})
	if err == nil || err.Error() != "cannot read" || n != 2 {
		t.Errorf("err %v after %d documents", err, n)
	}
}

func TestRegistry(t *testing.T) {
	Register("test-slow", func(Config) (Extractor, error) { return slow{}, nil })
	if _, err := New("test-slow", Config{}); err != nil {
		t.Error(err)
	}
	if _, err := New("nope", Config{}); err == nil {
		t.Error("unknown extractor accepted")
	}
	defer func() {
		if recover() == nil {
			t.Error("duplicate registration did not panic")
		}
	}()
	Register("test-slow", nil)
}
