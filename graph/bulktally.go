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
	// The keys and values to write (each statement's evidence as it
	// comes; the cells and labels when written), packed in blocks with
	// nothing for the collector to scan (one growing buffer was copied
	// again and again: 9 s of a 1,000,000-statement load).
	blocks [][]byte
	kvs    []span
}

// span is a key and a value, one after the other in a block.
type span struct {
	block, off, klen, vlen uint32
}

// tallyBlock is the size of a block of evidence.
const tallyBlock = 1 << 20

func newBulkTally() bulkTally {
	return bulkTally{cells: map[string]Cell{}, labels: map[string]string{}}
}

// add counts a statement new to the store, as tallyAdds does.
func (t *bulkTally) add(st *schema.Statement) {
	c := cellOf(st)
	k := string(cellKey(ByActor, c.Actor, c.Target, c.Class))
	if cur, ok := t.cells[k]; ok {
		c = merge(cur, c)
	}
	t.cells[k] = c
	t.labels[c.Actor] = st.Subject
	t.labels[c.Target] = st.Object
	e := evidenceOf(st)
	t.keep(evidenceKey(e.Actor, e.Target, e.Statement), encodeEvidence(e))
}

// keep adds a key and value to those write sorts.
func (t *bulkTally) keep(k, v []byte) {
	n := len(k) + len(v)
	if len(t.blocks) == 0 || len(t.blocks[len(t.blocks)-1])+n > cap(t.blocks[len(t.blocks)-1]) {
		t.blocks = append(t.blocks, make([]byte, 0, max(tallyBlock, n)))
	}
	bl := &t.blocks[len(t.blocks)-1]
	t.kvs = append(t.kvs, span{block: uint32(len(t.blocks) - 1), off: uint32(len(*bl)), klen: uint32(len(k)), vlen: uint32(len(v))})
	*bl = append(append(*bl, k...), v...)
}

func (t *bulkTally) key(s span) []byte { return t.blocks[s.block][s.off : s.off+s.klen] }
func (t *bulkTally) val(s span) []byte {
	return t.blocks[s.block][s.off+s.klen : s.off+s.klen+s.vlen]
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
	slices.SortFunc(t.kvs, func(a, b span) int { return bytes.Compare(t.key(a), t.key(b)) })
	for _, s := range t.kvs {
		if err := w.put(tallyBucket, t.key(s), t.val(s), 0); err != nil {
			return err
		}
	}
	return nil
}
