package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/boltdb/bolt"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	kvbolt "github.com/cayleygraph/cayley/graph/kv/bolt"
	kvleveldb "github.com/cayleygraph/cayley/graph/kv/leveldb"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"
)

// A Gizmo query that times out or is cancelled returns at once, but its
// goroutine inside Cayley may still be reading the store until it next
// checks its context. Closing a bolt file under it unmaps the memory it
// reads: the process dies with SIGSEGV. guardedKV counts open transactions
// and makes Close wait for them.

// guarded opens the file-backed key-value stores through guardedKV.
var guarded = map[string]func(string, cgraph.Options) (hkv.KV, error){
	"bolt":    openBolt,
	"leveldb": kvleveldb.Open,
}

// readOnlyOption asks openBolt for a read-only bolt file.
const readOnlyOption = "stancegraph_read_only"

// openBolt opens a bolt store as Cayley does, but read-only when asked:
// bolt then takes a shared lock, so several readers (a read-only `serve`,
// `query`, `stats`, `export`) share the file while no writer holds it.
func openBolt(path string, opts cgraph.Options) (hkv.KV, error) {
	ro, _ := opts.BoolKey(readOnlyOption, false)
	if !ro {
		return kvbolt.Open(path, opts)
	}
	db, err := bolt.Open(filepath.Join(path, "indexes.bolt"), 0o644, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	return hbolt.New(db), nil
}

// closeWait bounds how long Close waits for a straggling query.
const closeWait = 2 * time.Minute

// openGuarded opens a key-value store as Cayley's registration would, with
// its transactions counted.
func openGuarded(backend, path string, opts cgraph.Options) (cgraph.QuadStore, *guardedKV, error) {
	db, err := guarded[backend](path, opts)
	if err != nil {
		return nil, nil, err
	}
	if b, ok := db.(*hbolt.DB); ok {
		db = &boltKV{db: b.DB()}
	}
	g := &guardedKV{KV: db}
	qs, err := kv.New(g, opts)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return qs, g, nil
}

type guardedKV struct {
	hkv.KV
	open sync.WaitGroup
	// group, while set, makes every read-write transaction share one:
	// Cayley's commits and rollbacks of it do nothing, and endGroup
	// commits it (or rolls it back) once.
	group *group
}

type group struct{ tx hkv.Tx }

// beginGroup starts a group of writes that commit as one.
func (g *guardedKV) beginGroup() { g.group = &group{} }

// endGroup ends the group: when failed is nil it runs last (the tally's
// writes) inside the shared transaction and commits it; otherwise, or if
// last fails, it rolls the transaction back.
func (g *guardedKV) endGroup(ctx context.Context, failed error, last func(context.Context, hkv.Tx) error) error {
	gr := g.group
	g.group = nil
	if gr.tx == nil && failed == nil { // Cayley wrote nothing: the tally alone
		tx, err := g.begin(true)
		if err != nil {
			return err
		}
		gr.tx = tx
	}
	if gr.tx == nil {
		return failed
	}
	defer gr.tx.Close()
	if failed != nil {
		return failed
	}
	if last != nil {
		if err := last(ctx, gr.tx); err != nil {
			return fmt.Errorf("write tally: %w", err)
		}
	}
	return gr.tx.Commit(ctx)
}

func (g *guardedKV) Tx(rw bool) (hkv.Tx, error) {
	if rw && g.group != nil {
		if g.group.tx == nil {
			tx, err := g.begin(true)
			if err != nil {
				return nil, err
			}
			g.group.tx = tx
		}
		return sharedTx{g.group.tx}, nil
	}
	return g.begin(rw)
}

// begin opens a transaction of the store, counted.
func (g *guardedKV) begin(rw bool) (hkv.Tx, error) {
	tx, err := g.KV.Tx(rw)
	if err != nil {
		return nil, err
	}
	g.open.Add(1)
	return &guardedTx{Tx: tx, done: g.open.Done}, nil
}

// Close waits until no transaction is open, then closes the store. If a
// transaction stays open past closeWait the store is left open (its memory
// still mapped) and Close says so: better than a crash.
func (g *guardedKV) Close() error {
	idle := make(chan struct{})
	go func() { g.open.Wait(); close(idle) }()
	select {
	case <-idle:
		return g.KV.Close()
	case <-time.After(closeWait):
		return fmt.Errorf("store not closed: a query still reads it after %v", closeWait)
	}
}

// sharedTx is the group's transaction as Cayley sees it.
type sharedTx struct{ hkv.Tx }

func (sharedTx) Commit(context.Context) error { return nil }
func (sharedTx) Close() error                 { return nil }

type guardedTx struct {
	hkv.Tx
	once sync.Once
	done func()
}

func (t *guardedTx) Commit(ctx context.Context) error {
	err := t.Tx.Commit(ctx)
	t.once.Do(t.done)
	return err
}

func (t *guardedTx) Close() error {
	err := t.Tx.Close()
	t.once.Do(t.done)
	return err
}
