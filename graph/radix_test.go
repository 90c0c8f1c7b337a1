package graph

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
)

// radixSort orders entries as a stable comparison sort by their first
// cols ids does, for ids small and large (a column past 2^11, 2^22 and
// 2^31 takes more passes).
func TestRadixSort(t *testing.T) {
	for _, tc := range []struct {
		n, cols int
		top     uint32 // ids below it
	}{
		{0, 2, 10}, {1, 4, 10}, {1000, 2, 7}, {5000, 3, 3000}, {5000, 4, 1 << 23}, {3000, 2, 1<<32 - 1},
	} {
		t.Run(fmt.Sprintf("%d entries %d columns below %d", tc.n, tc.cols, tc.top), func(t *testing.T) {
			r := rand.New(rand.NewSource(int64(tc.n)))
			es := make([]sortEntry, tc.n)
			for i := range es {
				for c := 0; c < tc.cols; c++ {
					es[i].key[c] = uint32(r.Int63n(int64(tc.top)))
				}
				es[i].pos = uint32(i)
			}
			want := slices.Clone(es)
			slices.SortStableFunc(want, func(a, b sortEntry) int {
				for c := 0; c < tc.cols; c++ {
					if a.key[c] != b.key[c] {
						return int(int64(a.key[c]) - int64(b.key[c]))
					}
				}
				return 0
			})
			got, _ := radixSort(es, make([]sortEntry, tc.n), tc.cols)
			if !slices.Equal(got, want) {
				t.Fatalf("radix order differs from a stable sort's")
			}
		})
	}
}
