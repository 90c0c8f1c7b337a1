package source

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/extract/when"
)

const monthRe = when.MonthPattern + `\.?`

var (
	// "STEPANAKERT, FEBRUARY 1, ARTSAKHPRESS", "GENEVA, Jan 21 (Reuters)",
	// "WILMINGTON, Del. – ...", "MANILA, Philippines — ": a place in
	// capitals and a comma, then the date.
	placeDate = regexp.MustCompile(`(?i)^\s*[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-zA-Z.]{1,20})?,\s*` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?`)
	// "Published: December 7, 2021", "Updated December 7, 2021 at 3:55 PM",
	// "Jan 27,2022: In talks ...", "12 June 2020 —".
	labelDate = regexp.MustCompile(`(?i)^\s*(?:(?:published|updated|posted|posted on|date|dated)\s*:?\s*)?` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*(\d{4})\b`)
	dayFirst  = regexp.MustCompile(`(?i)^\s*(?:(?:published|updated|posted|date|dated)\s*:?\s*)?(\d{1,2})\s+` + monthRe + `,?\s+(\d{4})\b`)
	isoDate   = regexp.MustCompile(`^\s*(?:(?:published|updated|posted|date|dated)\s*:?\s*)?(\d{4})-(\d{2})-(\d{2})\b`)
)

// Dateline reads a document's date from its first lines: a dateline
// ("GENEVA, Jan 21 (Reuters)", "STEPANAKERT, FEBRUARY 1, ARTSAKHPRESS"), a
// line of publication ("Published: December 7, 2021") or a date that
// opens the text. A date without a year takes year if it is above zero and
// is otherwise left unknown: a year is never guessed. Dates inside the
// running text ("On January 19, it was reported") are not datelines.
func Dateline(text string, year int) (string, bool) {
	lines := strings.SplitN(text, "\n", 6)
	for i, line := range lines {
		if i == 5 {
			break
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if len(line) > 300 {
			line = line[:300]
		}
		if m := isoDate.FindStringSubmatch(line); m != nil {
			return check(atoi(m[1]), atoi(m[2]), atoi(m[3]))
		}
		if m := labelDate.FindStringSubmatch(line); m != nil {
			return check(atoi(m[3]), int(when.Month(m[1])), atoi(m[2]))
		}
		if m := dayFirst.FindStringSubmatch(line); m != nil {
			return check(atoi(m[3]), int(when.Month(m[2])), atoi(m[1]))
		}
		if m := placeDate.FindStringSubmatch(line); m != nil && isCapitals(line[:strings.IndexByte(line, ',')]) {
			y := year
			if m[3] != "" {
				y = atoi(m[3])
			}
			if y <= 0 {
				return "", false
			}
			return check(y, int(when.Month(m[1])), atoi(m[2]))
		}
	}
	return "", false
}

// isCapitals reports a place name written in capitals, as datelines are.
func isCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func check(y, m, d int) (string, bool) {
	s := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	if _, err := time.Parse("2006-01-02", s); err != nil || y < 1900 || y > 2100 {
		return "", false
	}
	return s, true
}
