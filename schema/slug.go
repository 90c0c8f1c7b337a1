package schema

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug folds a name into the lower-case, hyphen-separated ASCII form used in
// IRIs: "NATO's open-door policy" -> "nato-s-open-door-policy". Letters
// outside ASCII lose their accents; other runes are kept if they are letters.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}
