package depparse

import "fmt"

// Check reports whether heads (word indexes, -1 for the root) form a tree:
// exactly one root, every head inside the sentence, and no cycles.
func Check(heads []int) error {
	n := len(heads)
	roots := 0
	for i, h := range heads {
		switch {
		case h == -1:
			roots++
		case h < -1 || h >= n:
			return fmt.Errorf("word %d: head %d is outside the sentence of %d words", i+1, h+1, n)
		case h == i:
			return fmt.Errorf("word %d is its own head", i+1)
		}
	}
	if n > 0 && roots != 1 {
		return fmt.Errorf("%d roots, want 1", roots)
	}
	// Every word reaches the root within n steps, or there is a cycle.
	for i := range heads {
		k := i
		for steps := 0; heads[k] != -1; steps++ {
			if steps > n {
				return fmt.Errorf("word %d is on a cycle", i+1)
			}
			k = heads[k]
		}
	}
	return nil
}
