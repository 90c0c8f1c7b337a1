package depparse

import "testing"

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		heads []int
		ok    bool
	}{
		{nil, true},
		{[]int{-1}, true},
		{[]int{1, -1, 1}, true},
		{[]int{-1, -1}, false},   // two roots
		{[]int{1, 0}, false},     // no root, a cycle
		{[]int{-1, 2, 1}, false}, // a cycle beside the root
		{[]int{-1, 5}, false},    // outside
		{[]int{0}, false},        // its own head
	} {
		if err := Check(tc.heads); (err == nil) != tc.ok {
			t.Errorf("Check(%v) = %v, want ok %v", tc.heads, err, tc.ok)
		}
	}
}
