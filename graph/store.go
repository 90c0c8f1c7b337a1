package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
)

// DefaultBackend and DefaultPath name the embedded store used when nothing
// else is configured.
const (
	DefaultBackend = "bolt"
	DefaultPath    = "stancegraph.db"
)

// Config says which store to open.
type Config struct {
	Backend  string                 // a Cayley backend name; DefaultBackend if empty
	Path     string                 // a path or address; ignored by memstore
	Options  map[string]interface{} // backend options, passed to Cayley
	ReadOnly bool                   // refuse writes
	Existing bool                   // refuse to create the store
	// Notify, when set, is told of long work the store does on opening
	// (counting the tally of a store that predates it or its format).
	Notify func(msg string)
}

// Store is an open Cayley quad store holding a stancegraph graph.
type Store struct {
	cfg Config
	qs  cgraph.QuadStore
	w   cgraph.QuadWriter

	mu      sync.Mutex
	known   map[uint64]struct{} // hashes of entity quads this process stored
	bulk    *pgBulk             // COPY writer, for PostgreSQL
	kvw     *kvWriter           // Cayley's format written directly, for bolt and leveldb
	guard   *guardedKV          // bolt and leveldb: Close waits for readers
	tallied atomic.Bool         // the store keeps a tally (tally.go)
	failed  error               // a write that failed: Cayley's caches may be wrong, no more writes
	loading *Bulk               // a bulk load under way: other writes wait for its Finish
}

// errBulking is what writes get while a bulk load holds the store.
var errBulking = errors.New("a bulk load of this store is under way: write after its Finish")

// Backends lists the backend names that can be opened.
func Backends() []string {
	names := cgraph.QuadStores()
	sort.Strings(names)
	return names
}

// Indexes are the key-value indexes a new kv store (bolt, leveldb, btree) is
// created with. Cayley's default indexes are (S,P) and (O,P,S); the (P,O)
// index answers In(predicate) and Has(predicate, value) lookups, which every
// library query starts with, without a scan.
var Indexes = []kv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Object}},
}

// kvInit guards kv.DefaultQuadIndexes, which Cayley reads when it creates a
// store: there is no other way to pass indexes to it.
var kvInit sync.Mutex

// Open opens the configured store, creating it first when it does not exist.
func Open(cfg Config) (*Store, error) {
	if cfg.Backend == "" {
		cfg.Backend = DefaultBackend
	}
	if !cgraph.IsRegistered(cfg.Backend) {
		return nil, fmt.Errorf("store backend %q is unknown (known: %s)", cfg.Backend, strings.Join(Backends(), ", "))
	}
	persistent := cgraph.IsPersistent(cfg.Backend)
	if persistent && cfg.Path == "" {
		return nil, fmt.Errorf("store backend %q needs a path or address (store.path)", cfg.Backend)
	}
	path := cfg.Path
	if !persistent {
		path = ""
	}
	if cfg.Backend == "bolt" {
		if err := checkBoltFree(path, cfg.ReadOnly); err != nil {
			return nil, err
		}
	}
	opts := kvOptions(cfg.Backend, cfg.Options)
	if cfg.ReadOnly && cfg.Backend == "bolt" && exists(path) {
		opts[readOnlyOption] = true
	}
	if persistent && fileBacked[cfg.Backend] && !exists(path) {
		if cfg.ReadOnly || cfg.Existing {
			return nil, fmt.Errorf("store %s at %s does not exist: run `stancegraph build` first", cfg.Backend, path)
		}
		if err := initStore(cfg.Backend, path, opts); err != nil {
			return nil, fmt.Errorf("create %s store at %s: %w", cfg.Backend, path, err)
		}
	}
	if persistent && !fileBacked[cfg.Backend] && !cfg.ReadOnly && !cfg.Existing {
		// A database server: create the tables unless they are there.
		if err := initStore(cfg.Backend, path, opts); err != nil {
			return nil, fmt.Errorf("create %s store at %s: %w", cfg.Backend, path, err)
		}
	}
	newQS := cgraph.NewQuadStore
	var guard *guardedKV
	if _, ok := guarded[cfg.Backend]; ok {
		newQS = func(backend, path string, opts cgraph.Options) (qs cgraph.QuadStore, err error) {
			qs, guard, err = openGuarded(backend, path, opts)
			return qs, err
		}
	}
	qs, err := newQS(cfg.Backend, path, opts)
	if errors.Is(err, cgraph.ErrNotInitialized) {
		if cfg.ReadOnly || cfg.Existing {
			return nil, fmt.Errorf("store %s at %s is not initialised: run `stancegraph build` first", cfg.Backend, path)
		}
		if err = initStore(cfg.Backend, path, opts); err == nil {
			qs, err = newQS(cfg.Backend, path, opts)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("open %s store at %q: %w", cfg.Backend, path, err)
	}
	if persistent && !fileBacked[cfg.Backend] && (cfg.ReadOnly || cfg.Existing) {
		// A database server answers even without tables: look for them.
		it := qs.QuadsAllIterator()
		it.Next(context.Background())
		err := it.Err()
		it.Close()
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("store %s at %s is not initialised (%v): run `stancegraph build` first", cfg.Backend, path, err)
		}
	}
	s := &Store{cfg: cfg, qs: qs, guard: guard}
	if guard != nil {
		if err := s.openTally(context.Background(), !cfg.ReadOnly); err != nil {
			qs.Close()
			return nil, fmt.Errorf("open %s store at %s: %w", cfg.Backend, path, err)
		}
	}
	if !cfg.ReadOnly {
		w, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true, "ignore_missing": true})
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open writer on %s store: %w", cfg.Backend, err)
		}
		s.w = w
		if noBloom, _ := opts.BoolKey("no_bloom", false); guard != nil && noBloom {
			if s.kvw, err = newKVWriter(context.Background(), guard); err != nil {
				s.Close()
				return nil, fmt.Errorf("open writer on %s store at %s: %w", cfg.Backend, path, err)
			}
		}
		if cfg.Backend == "postgres" {
			if s.bulk, err = openPGBulk(path); err != nil {
				s.Close()
				return nil, fmt.Errorf("open bulk writer on %s: %w", cfg.Backend, err)
			}
		}
	}
	return s, nil
}

// kvOptions are the options a store is opened with: the configured ones
// over the defaults. Cayley's key-value stores keep bloom filters sized for
// 100 million quads (about 78 MB each, one per index and one for existence)
// and rebuild the existence filter by reading every quad at each open; with
// no_bloom a load is faster (BenchmarkBloom), the process hundreds of MB
// smaller and the open of a large store instant.
func kvOptions(backend string, configured map[string]interface{}) cgraph.Options {
	opts := cgraph.Options{}
	if kvBackends[backend] {
		opts["no_bloom"] = true
	}
	for k, v := range configured {
		opts[k] = v
	}
	return opts
}

// kvBackends are Cayley's key-value backends.
var kvBackends = map[string]bool{"bolt": true, "bbolt": true, "leveldb": true, "btree": true}

func initStore(backend, path string, opts cgraph.Options) error {
	kvInit.Lock()
	defer kvInit.Unlock()
	saved := kv.DefaultQuadIndexes
	kv.DefaultQuadIndexes = Indexes
	defer func() { kv.DefaultQuadIndexes = saved }()
	err := cgraph.InitQuadStore(backend, path, opts)
	if errors.Is(err, cgraph.ErrDatabaseExists) || errors.Is(err, cgraph.ErrOperationNotSupported) {
		return nil
	}
	return err
}

// fileBacked backends keep the store in files at the path; the others
// (postgres, cockroach, mysql) take an address.
var fileBacked = map[string]bool{"bolt": true, "bbolt": true, "leveldb": true, "badger": true, "sqlite": true}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// checkBoltFree fails fast when another process holds the bolt file: bolt
// itself would wait for the lock forever. A reader needs only that no
// writer holds it (readers share the file); a writer, that no one does.
func checkBoltFree(dir string, readOnly bool) error {
	file := filepath.Join(dir, "indexes.bolt")
	f, err := os.OpenFile(file, os.O_RDONLY, 0)
	if err != nil {
		return nil // missing or unreadable: Cayley reports it
	}
	defer f.Close()
	how := syscall.LOCK_EX
	if readOnly {
		how = syscall.LOCK_SH
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		if readOnly {
			return fmt.Errorf("store %s is being written by another stancegraph process: wait for it to end, or query through its `stancegraph serve --writable`", dir)
		}
		return fmt.Errorf("store %s is in use by another stancegraph process: stop it (a read-only `serve` shares the store with readers, not writers)", dir)
	}
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

// Config returns the configuration the store was opened with.
func (s *Store) Config() Config { return s.cfg }

// QuadStore is the underlying Cayley store, for Cayley's path API.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Close closes the store.
func (s *Store) Close() error {
	if s.loading != nil {
		s.loading.abandon()
	}
	var err error
	if s.w != nil {
		err = s.w.Close()
	}
	if s.bulk != nil {
		if berr := s.bulk.Close(); err == nil {
			err = berr
		}
	}
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	return err
}
