// Package perceptron is the averaged perceptron that the tagger and the
// dependency parser learn with (Collins 2002; the form of Honnibal's
// taggers and parsers): features are 64-bit hashes, each with a sparse row
// of weights over the classes it was ever updated for. A Trainer learns and
// averages; Freeze turns it into a compact Model for scoring, which is what
// the binary embeds.
package perceptron

import (
	"math"
	"sort"
)

// Trainer holds the weights being learned. It is not safe for concurrent
// use.
type Trainer struct {
	classes int
	rows    map[uint64]*row
	seen    map[uint64]int32 // how many updates named a feature, for pruning
	now     int32            // instances seen, the clock of the averages
}

// row is a feature's weights for the classes it has: parallel slices, in
// the order the classes were first updated (deterministic for a given
// sequence of updates).
type row struct {
	cls   []uint8
	w     []float32
	total []float64 // sum of w over the clock, to now's stamp
	stamp []int32
}

// NewTrainer makes a trainer for at most 256 classes.
func NewTrainer(classes int) *Trainer {
	if classes < 1 || classes > 256 {
		panic("perceptron: classes must be 1 to 256")
	}
	return &Trainer{classes: classes, rows: map[uint64]*row{}, seen: map[uint64]int32{}}
}

// Classes is the number of classes.
func (t *Trainer) Classes() int { return t.classes }

// Score adds the current weights of feats into scores (one per class).
func (t *Trainer) Score(feats []uint64, scores []float32) {
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			continue
		}
		for j, c := range r.cls {
			scores[c] += r.w[j]
		}
	}
}

// Tick advances the averaging clock by one instance. Call it once per
// decision, whether or not it was wrong.
func (t *Trainer) Tick() { t.now++ }

// Update rewards the good class and penalises the bad one for feats.
func (t *Trainer) Update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r := t.rows[f]
		if r == nil {
			r = &row{}
			t.rows[f] = r
		}
		t.seen[f]++
		r.add(uint8(good), 1, t.now)
		r.add(uint8(bad), -1, t.now)
	}
}

func (r *row) add(c uint8, d float32, now int32) {
	for j, x := range r.cls {
		if x == c {
			r.total[j] += float64(now-r.stamp[j]) * float64(r.w[j])
			r.stamp[j] = now
			r.w[j] += d
			return
		}
	}
	r.cls = append(r.cls, c)
	r.w = append(r.w, d)
	r.total = append(r.total, 0)
	r.stamp = append(r.stamp, now)
}

// Freeze averages the weights and returns a scoring model. Features named
// in fewer than minUpdates updates are left out, and so are weights that
// round to zero at the model's precision.
func (t *Trainer) Freeze(minUpdates int) *Model {
	keys := make([]uint64, 0, len(t.rows))
	for k := range t.rows {
		if int(t.seen[k]) >= minUpdates {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	now := float64(t.now)
	if now == 0 {
		now = 1
	}
	type entry struct {
		c uint8
		w float64
	}
	var maxAbs float64
	avg := make([][]entry, len(keys))
	for i, k := range keys {
		r := t.rows[k]
		for j, c := range r.cls {
			w := (r.total[j] + (float64(t.now)-float64(r.stamp[j]))*float64(r.w[j])) / now
			if w != 0 {
				avg[i] = append(avg[i], entry{c, w})
				maxAbs = math.Max(maxAbs, math.Abs(w))
			}
		}
		sort.Slice(avg[i], func(a, b int) bool { return avg[i][a].c < avg[i][b].c })
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	m := &Model{classes: t.classes, scale: float32(scale)}
	for i, k := range keys {
		start := len(m.cls)
		for _, e := range avg[i] {
			q := math.Round(e.w / scale)
			if q == 0 {
				continue
			}
			m.cls = append(m.cls, e.c)
			m.q = append(m.q, int16(q))
		}
		if len(m.cls) > start {
			m.keys = append(m.keys, k)
			m.off = append(m.off, uint32(start))
		}
	}
	m.off = append(m.off, uint32(len(m.cls)))
	m.index()
	return m
}
