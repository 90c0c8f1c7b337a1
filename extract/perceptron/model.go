package perceptron

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Model is a frozen, averaged perceptron: for each feature hash a sparse
// row of weights, quantised to 16 bits with one scale. It is read-only and
// safe for concurrent use.
type Model struct {
	classes int
	scale   float32
	keys    []uint64 // sorted
	off     []uint32 // row i is cls[off[i]:off[i+1]]
	cls     []uint8
	q       []int16

	// At load: an open-addressing table from a key to its row, and the
	// rows' weights as float32 beside their classes, so that a feature
	// costs one probe and one read of its row.
	slots   []slot
	entries []entry
	mask    uint64
}

type slot struct {
	key uint64
	off uint32 // row is entries[off:off+n]
	n   uint32 // 0 for an empty slot
}

type entry struct {
	w float32
	c uint32
}

// Classes is the number of classes.
func (m *Model) Classes() int { return m.classes }

// Features is the number of features with weights.
func (m *Model) Features() int { return len(m.keys) }

// Weights is the number of non-zero weights.
func (m *Model) Weights() int { return len(m.cls) }

// index builds the lookup table and the float weights. The table is at
// most half full.
func (m *Model) index() {
	m.entries = make([]entry, len(m.q))
	for i, q := range m.q {
		m.entries[i] = entry{w: float32(q) * m.scale, c: uint32(m.cls[i])}
	}
	size := 1
	for size < 2*len(m.keys)+1 {
		size <<= 1
	}
	m.slots = make([]slot, size)
	m.mask = uint64(size - 1)
	for i, k := range m.keys {
		s := k & m.mask
		for m.slots[s].n != 0 {
			s = (s + 1) & m.mask
		}
		m.slots[s] = slot{key: k, off: m.off[i], n: m.off[i+1] - m.off[i]}
	}
}

// Score adds the weights of feats into scores (one per class). The table
// is tens of megabytes, so nearly every probe misses the cache: Score looks
// features up in passes that each only load, so that the processor fetches
// a pass's lines at once instead of one miss after another. It takes the
// features 128 at a time.
func (m *Model) Score(feats []uint64, scores []float32) {
	var rows [128]slot
	for len(feats) > 0 {
		batch := feats[:min(len(feats), len(rows))]
		feats = feats[len(batch):]
		var touch uint32
		for _, f := range batch {
			touch += m.slots[f&m.mask].n
		}
		k := 0
		for _, f := range batch {
			s := &m.slots[f&m.mask]
			if s.key != f {
				if s.n == 0 {
					continue
				}
				if s = m.probe(f); s == nil {
					continue
				}
			}
			rows[k] = *s
			k++
		}
		for _, r := range rows[:k] {
			touch += m.entries[r.off].c
		}
		for _, r := range rows[:k] {
			for _, e := range m.entries[r.off : r.off+r.n] {
				scores[e.c] += e.w
			}
		}
		if touch == 1<<32-1 {
			scores[0] += 0 // uses touch, so the loads stay
		}
	}
}

// probe finds a feature's slot past its home slot, or nil.
func (m *Model) probe(f uint64) *slot {
	for i := f & m.mask; ; i = (i + 1) & m.mask {
		s := &m.slots[i]
		if s.n == 0 {
			return nil
		}
		if s.key == f {
			return s
		}
	}
}

const magic = "SGPERC01"

// WriteTo writes the model in its binary form: the magic, the number of
// classes, the scale, the number of features and of weights, then keys,
// row lengths (uvarint), classes and weights, little-endian.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var buf []byte
	buf = append(buf, magic...)
	buf = binary.LittleEndian.AppendUint32(buf, uint32(m.classes))
	buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(m.scale))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(m.keys)))
	buf = binary.LittleEndian.AppendUint32(buf, uint32(len(m.cls)))
	prev := uint64(0)
	for _, k := range m.keys {
		buf = binary.AppendUvarint(buf, k-prev) // sorted: small gaps
		prev = k
	}
	for i := range m.keys {
		buf = binary.AppendUvarint(buf, uint64(m.off[i+1]-m.off[i]))
	}
	buf = append(buf, m.cls...)
	for _, q := range m.q {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(q))
	}
	n, err := w.Write(buf)
	return int64(n), err
}

// Read reads a model that WriteTo wrote, from the front of b, and returns
// the bytes after it.
func Read(b []byte) (*Model, []byte, error) {
	if len(b) < len(magic)+16 || string(b[:len(magic)]) != magic {
		return nil, nil, errors.New("perceptron model: bad magic (not a model, or another version)")
	}
	b = b[len(magic):]
	m := &Model{
		classes: int(binary.LittleEndian.Uint32(b)),
		scale:   math.Float32frombits(binary.LittleEndian.Uint32(b[4:])),
	}
	nk, nw := int(binary.LittleEndian.Uint32(b[8:])), int(binary.LittleEndian.Uint32(b[12:]))
	b = b[16:]
	if m.classes < 1 || m.classes > 256 || nk > len(b) || nw > len(b) {
		return nil, nil, fmt.Errorf("perceptron model: %d classes, %d features, %d weights in %d bytes", m.classes, nk, nw, len(b))
	}
	m.keys = make([]uint64, nk)
	prev := uint64(0)
	for i := range m.keys {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, nil, fmt.Errorf("perceptron model: key %d of %d is cut short", i, nk)
		}
		prev += d
		m.keys[i] = prev
		b = b[n:]
	}
	m.off = make([]uint32, nk+1)
	for i := 0; i < nk; i++ {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, nil, fmt.Errorf("perceptron model: row %d of %d is cut short", i, nk)
		}
		m.off[i+1] = m.off[i] + uint32(d)
		b = b[n:]
	}
	if int(m.off[nk]) != nw || len(b) < 3*nw {
		return nil, nil, fmt.Errorf("perceptron model: rows hold %d weights of %d, %d bytes left", m.off[nk], nw, len(b))
	}
	m.cls = b[:nw:nw]
	for _, c := range m.cls {
		if int(c) >= m.classes {
			return nil, nil, fmt.Errorf("perceptron model: class %d of %d", c, m.classes)
		}
	}
	b = b[nw:]
	m.q = make([]int16, nw)
	for i := range m.q {
		m.q[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	b = b[2*nw:]
	m.index()
	return m, b, nil
}
