package depparse

import (
	"math/rand"
	"testing"
)

// randomTree makes a random projective tree over n words (heads use n for
// ROOT): each word attaches to a word of the span that contains it.
func randomTree(rng *rand.Rand, n int) []int {
	heads := make([]int, n)
	var build func(lo, hi, head int)
	build = func(lo, hi, head int) { // words lo..hi-1 all hang under head
		if lo >= hi {
			return
		}
		r := lo + rng.Intn(hi-lo)
		heads[r] = head
		build(lo, r, r)
		build(r+1, hi, r)
	}
	build(0, n, n)
	return heads
}

// TestOracleCostIsLoss checks the property that makes the oracle dynamic:
// whatever moves led to a state, the cost of a move is the number of gold
// arcs it makes unreachable. Random moves are taken for a while, then only
// zero-cost ones; the tree that comes out must miss exactly as many gold
// arcs (labels counted) as the moves' costs added up to.
func TestOracleCostIsLoss(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	labels := 3
	for trial := 0; trial < 3000; trial++ {
		n := 1 + rng.Intn(12)
		gold := randomTree(rng, n)
		glabel := make([]int, n)
		for i := range glabel {
			glabel[i] = 2 + rng.Intn(labels) // 2, 3, 4
			if gold[i] == n {
				glabel[i] = 1 // "root" is label 1 here, and only it
			}
		}
		var st state
		st.reset(n)
		wild := rng.Intn(2 * n)
		total := 0
		for step := 0; !st.done(); step++ {
			type mv struct{ move, label, cost int }
			var moves []mv
			for move := shift; move <= right; move++ {
				if !st.can(move) {
					continue
				}
				switch move {
				case left, right:
					for l := 1; l <= labels+1; l++ {
						if move == left && (st.b == n) != (l == 1) || move == right && l == 1 {
							continue
						}
						moves = append(moves, mv{move, l, st.cost(move, l, gold, glabel)})
					}
				default:
					moves = append(moves, mv{move, 0, st.cost(move, 0, gold, glabel)})
				}
			}
			if len(moves) == 0 {
				t.Fatalf("trial %d: no move allowed in a state that is not final", trial)
			}
			var pick mv
			if step < wild {
				pick = moves[rng.Intn(len(moves))]
			} else {
				best := -1
				for i, m := range moves {
					if best < 0 || m.cost < moves[best].cost {
						best = i
					}
				}
				pick = moves[best]
				if pick.cost != 0 {
					t.Fatalf("trial %d: no zero-cost move; cheapest costs %d: gold %v labels %v, stack %v, b %d, heads %v, moves %v", trial, pick.cost, gold, glabel, st.stack, st.b, st.head[:n], moves)
				}
			}
			total += pick.cost
			st.apply(pick.move, pick.label)
		}
		lost := 0
		for i := 0; i < n; i++ {
			if st.head[i] != gold[i] || st.label[i] != glabel[i] {
				lost++
			}
		}
		if lost != total {
			t.Fatalf("trial %d: gold %v: moves cost %d but the tree %v loses %d arcs", trial, gold, total, st.head[:n], lost)
		}
	}
}

func TestProjectivize(t *testing.T) {
	// 0 -> 2 crosses 1 -> 3 (ROOT is 4): lifting the shorter arc's word
	// to its head's head makes the tree projective.
	heads := []int{4, 3, 0, 0}
	got := projectivize(heads)
	for d, h := range got {
		a, b := min(h, d), max(h, d)
		for k := a + 1; k < b; k++ {
			if h != len(got) && !dominates(got, h, k, len(got)) {
				t.Fatalf("projectivize(%v) = %v: arc %d -> %d spans %d, which it does not dominate", heads, got, h, d, k)
			}
		}
	}
	if heads[1] != 3 {
		t.Fatal("projectivize changed its argument")
	}
}
