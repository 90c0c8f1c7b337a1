package graph

import (
	"bytes"
	"slices"

	"github.com/stancegraph/stancegraph/schema"
)

// bulkTally gathers a bulk load's tally in memory and writes it once, in
// key order: written a batch at a time, each transaction rewrote the pages
// its statements' keys fell on all over the bucket.
type bulkTally struct {
	cells  map[string]Cell   // by their key by actor
	labels map[string]string // of actors and targets
	// Each statement's evidence key and value, packed in one buffer with
	// nothing for the collector to scan.
	buf []byte
	ev  []span
}

// span is a key and a value in bulkTally.buf, one after the other.
type span struct {
	off        uint64
	klen, vlen uint32
}

func newBulkTally() bulkTally {
	return bulkTally{cells: map[string]Cell{}, labels: map[string]string{}}
}

// add counts a statement new to the store, as tallyAdds does.
func (t *bulkTally) add(st *schema.Statement) {
	c := Cell{Actor: string(schema.ActorIRI(st.Subject)), Target: string(st.TargetIRI()), Class: st.Class,
		Statements: 1, First: st.Date, Last: st.Date}
	k := string(cellKey(ByActor, c.Actor, c.Target, c.Class))
	if cur, ok := t.cells[k]; ok {
		c = merge(cur, c)
	}
	t.cells[k] = c
	t.labels[c.Actor] = st.Subject
	t.labels[c.Target] = st.Object
	e := evidenceOf(st)
	off := uint64(len(t.buf))
	t.buf = append(t.buf, evidenceKey(e.Actor, e.Target, e.Statement)...)
	klen := uint32(uint64(len(t.buf)) - off)
	t.buf = append(t.buf, encodeEvidence(e)...)
	t.ev = append(t.ev, span{off: off, klen: klen, vlen: uint32(uint64(len(t.buf)) - off - uint64(klen))})
}

// write puts the tally's keys, all of them in key order.
func (t *bulkTally) write(w *chunkWriter) error {
	for k, c := range t.cells {
		v := encodeCell(c)
		t.keep([]byte(k), v)
		t.keep(cellKey(ByTarget, c.Target, c.Actor, c.Class), v)
	}
	for id, l := range t.labels {
		t.keep(append([]byte{'n'}, id...), []byte(l))
	}
	t.keep([]byte("v"), []byte(tallyVersion)) // the tally is whole
	t.cells, t.labels = nil, nil
	key := func(s span) []byte { return t.buf[s.off : s.off+uint64(s.klen)] }
	slices.SortFunc(t.ev, func(a, b span) int { return bytes.Compare(key(a), key(b)) })
	for _, s := range t.ev {
		v := t.buf[s.off+uint64(s.klen) : s.off+uint64(s.klen)+uint64(s.vlen)]
		if err := w.put(tallyBucket, key(s), v, 0); err != nil {
			return err
		}
	}
	return nil
}

// keep adds a key and value to those write sorts.
func (t *bulkTally) keep(k, v []byte) {
	off := uint64(len(t.buf))
	t.buf = append(append(t.buf, k...), v...)
	t.ev = append(t.ev, span{off: off, klen: uint32(len(k)), vlen: uint32(len(v))})
}
