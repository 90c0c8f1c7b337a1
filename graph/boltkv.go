package graph

import (
	"bytes"
	"context"

	"github.com/boltdb/bolt"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// boltKV is hidalgo's key-value view of a bolt file (keys of n parts: n-1
// nested buckets, then a key), with a transaction's buckets kept open:
// hidalgo's Put opens or creates every bucket of the key each time (7% of
// a load's time). The log bucket, whose keys only grow, fills
// its pages instead of splitting them half full.
type boltKV struct{ db *bolt.DB }

// fillPercent are the page fill factors of buckets written in key order.
var fillPercent = map[string]float64{"log": 1.0, "sp": 1.0}

func (k *boltKV) Close() error { return k.db.Close() }

// DB is the bolt file, for the tally's scans with bolt's own cursor.
func (k *boltKV) DB() *bolt.DB { return k.db }

func (k *boltKV) Tx(rw bool) (hkv.Tx, error) {
	tx, err := k.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	return &boltTx{tx: tx}, nil
}

type boltTx struct {
	tx      *bolt.Tx
	buckets map[string]*bolt.Bucket // by name, top-level buckets opened
	fill    float64                 // if set, every bucket's fill factor (a bulk load writes in key order)
}

// bucket opens the buckets a key names (all its parts but the last) and
// returns the innermost and the key within it; nil if one is missing and
// create is false.
func (t *boltTx) bucket(k hkv.Key, create bool) (*bolt.Bucket, []byte, error) {
	if len(k) == 0 {
		return nil, nil, hkv.ErrNotFound
	}
	if len(k) == 1 {
		return t.tx.Cursor().Bucket(), k[0], nil // the root bucket
	}
	b := t.buckets[string(k[0])]
	if b == nil {
		if create {
			var err error
			if b, err = t.tx.CreateBucketIfNotExists(k[0]); err != nil {
				return nil, nil, err
			}
		} else if b = t.tx.Bucket(k[0]); b == nil {
			return nil, nil, nil
		}
		if f, ok := fillPercent[string(k[0])]; ok && t.tx.Writable() {
			b.FillPercent = f
		}
		if t.fill > 0 {
			b.FillPercent = t.fill
		}
		if t.buckets == nil {
			t.buckets = make(map[string]*bolt.Bucket)
		}
		t.buckets[string(k[0])] = b
	}
	for _, name := range k[1 : len(k)-1] {
		var err error
		if create {
			b, err = b.CreateBucketIfNotExists(name)
		} else {
			b = b.Bucket(name)
		}
		if err != nil || b == nil {
			return nil, nil, err
		}
	}
	return b, k[len(k)-1], nil
}

func (t *boltTx) Get(_ context.Context, k hkv.Key) (hkv.Value, error) {
	b, key, err := t.bucket(k, false)
	if err != nil || b == nil {
		return nil, hkv.ErrNotFound
	}
	v := b.Get(key)
	if v == nil {
		return nil, hkv.ErrNotFound
	}
	return v, nil
}

func (t *boltTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	vals := make([]hkv.Value, len(keys))
	for i, k := range keys {
		if b, key, err := t.bucket(k, false); err == nil && b != nil {
			vals[i] = b.Get(key)
		}
	}
	return vals, nil
}

func (t *boltTx) Put(k hkv.Key, v hkv.Value) error {
	if !t.tx.Writable() {
		return hkv.ErrReadOnly
	}
	b, key, err := t.bucket(k, true)
	if err != nil {
		return err
	}
	if len(key) == 0 && len(v) == 0 {
		return nil // a bucket made, nothing to put
	}
	return b.Put(key, v)
}

func (t *boltTx) Del(k hkv.Key) error {
	if !t.tx.Writable() {
		return hkv.ErrReadOnly
	}
	b, key, err := t.bucket(k, false)
	if err != nil || b == nil {
		return err
	}
	return b.Delete(key)
}

func (t *boltTx) Commit(context.Context) error {
	t.buckets = nil
	return t.tx.Commit()
}

func (t *boltTx) Close() error {
	t.buckets = nil
	return t.tx.Rollback()
}

// Scan lists the keys with a prefix, descending into nested buckets, as
// hidalgo's bolt iterator does (its code, Apache License 2.0).
func (t *boltTx) Scan(pref hkv.Key) hkv.Iterator {
	b, p := t.tx.Cursor().Bucket(), pref
	for len(p) > 1 && b != nil {
		b, p = b.Bucket(p[0]), p[1:]
	}
	if b == nil {
		return &boltIter{}
	}
	return &boltIter{b: []*bolt.Bucket{b}, pref: p, root: pref[:len(pref)-len(p)].Clone()}
}

type boltIter struct {
	root hkv.Key // the buckets above the current one
	pref hkv.Key // the prefix in each bucket below root
	b    []*bolt.Bucket
	c    []*bolt.Cursor
	k, v []byte
}

func (it *boltIter) Next(ctx context.Context) bool {
	for len(it.b) > 0 {
		i := len(it.b) - 1
		if len(it.c) < len(it.b) {
			c := it.b[i].Cursor()
			it.c = append(it.c, c)
			if i >= len(it.pref) {
				it.k, it.v = c.First()
			} else {
				it.k, it.v = c.Seek(it.pref[i])
			}
		} else {
			it.k, it.v = it.c[i].Next()
		}
		if it.k != nil && (i >= len(it.pref) || bytes.HasPrefix(it.k, it.pref[i])) {
			if it.v == nil { // a nested bucket: go down
				if b := it.b[i].Bucket(it.k); b != nil {
					it.b = append(it.b, b)
					it.root = append(it.root, it.k)
					continue
				}
			}
			return true
		}
		// this bucket is done: back up
		it.c, it.b = it.c[:i], it.b[:i]
		if len(it.root) > 0 {
			it.root = it.root[:len(it.root)-1]
		}
	}
	return false
}

func (it *boltIter) Key() hkv.Key {
	if len(it.b) == 0 {
		return nil
	}
	return append(it.root.Clone(), append([]byte(nil), it.k...))
}

func (it *boltIter) Val() hkv.Value { return it.v }
func (it *boltIter) Err() error     { return nil }
func (it *boltIter) Close() error   { *it = boltIter{}; return nil }
