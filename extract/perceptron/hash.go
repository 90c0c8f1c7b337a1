package perceptron

import "strings"

// Hash gives a string's 64-bit FNV-1a hash, the base of a feature.
func Hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// Mix combines a feature's parts into one hash (splitmix64's finaliser over
// a running sum), so that (a, b) and (b, a) differ.
func Mix(h, v uint64) uint64 {
	h ^= v + 0x9e3779b97f4a7c15 + h<<6 + h>>2
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// FoldDigits maps the digits 1-9 to 0, so that numbers share features by
// their shape ("1999" and "2022" are both "0000").
func FoldDigits(s string) string {
	if strings.IndexAny(s, "123456789") < 0 {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

// Argmax gives the index of the highest score (the first of equals).
func Argmax(scores []float32) int {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}
