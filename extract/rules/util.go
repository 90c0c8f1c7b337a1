package rules

import "strings"

// stem is the first five letters of a word, enough to match its inflections.
func stem(w string) string {
	w = strings.ToLower(w)
	if len(w) > 5 {
		return w[:5]
	}
	return w
}
