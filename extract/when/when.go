// Package when reads when a statement was made or a deed done from the
// words of its sentence ("on Wednesday", "yesterday", "December 23", "on
// Jan. 12"), resolved against the date of its document. A date that
// cannot be resolved without guessing (no document date, a weekday far
// from it) is left out.
package when

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	weekdays = map[string]time.Weekday{"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday}
	months = map[string]time.Month{"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
		"april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
		"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12}
)

// MonthPattern matches a month's name or abbreviation (case-insensitive
// with (?i)), as a group; Month gives its number.
const MonthPattern = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`

const month = MonthPattern

// Month gives the month a name or abbreviation names ("Jan", "january"),
// or 0.
func Month(name string) time.Month { return months[strings.ToLower(name)] }

var (
	// The expressions, each a group of alternatives tried in the order
	// they occur in the sentence.
	expr = regexp.MustCompile(`(?i)\b(?:` +
		`(yesterday|today|tonight|this morning|this afternoon|this evening|last night)` + // 1
		`|(?:on|last|this|late|early)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)` + // 2
		`|(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?` + // 3
		`|` + month + `\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?` + // 4, 5, 6
		`|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + month + `(?:,?\s+(\d{4}))?` + // 7, 8, 9
		`)\b`)
)

// Resolve gives the date (YYYY-MM-DD) the sentence places what it says at,
// given its document's date (YYYY-MM-DD, or empty when unknown).
func Resolve(sentence, docDate string) (string, bool) {
	doc, err := time.Parse("2006-01-02", docDate)
	known := err == nil
	for _, m := range expr.FindAllStringSubmatch(sentence, -1) {
		switch {
		case m[1] != "":
			if !known {
				continue
			}
			if strings.EqualFold(m[1], "yesterday") || strings.EqualFold(m[1], "last night") {
				return day(doc.AddDate(0, 0, -1)), true
			}
			return day(doc), true
		case m[2] != "" || m[3] != "":
			if !known {
				continue
			}
			wd := weekdays[strings.ToLower(m[2]+m[3])]
			// News tells of the past week: the latest such day on or
			// before the document's date.
			back := (int(doc.Weekday()) - int(wd) + 7) % 7
			return day(doc.AddDate(0, 0, -back)), true
		case m[4] != "":
			if d, ok := monthDay(Month(m[4]), m[5], m[6], doc, known); ok {
				return d, true
			}
		case m[8] != "":
			if d, ok := monthDay(Month(m[8]), m[7], m[9], doc, known); ok {
				return d, true
			}
		}
	}
	return "", false
}

// monthDay resolves a month and day, with the year given, else the
// document's: a date more than two months after the document's is taken
// from the year before ("December 23" in a January article).
func monthDay(m time.Month, dayText, yearText string, doc time.Time, known bool) (string, bool) {
	d, _ := strconv.Atoi(dayText)
	if m == 0 || d < 1 || d > 31 {
		return "", false
	}
	var y int
	switch {
	case yearText != "":
		y, _ = strconv.Atoi(yearText)
	case known:
		y = doc.Year()
		if t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); t.After(doc.AddDate(0, 2, 0)) {
			y--
		}
	default:
		return "", false // no year, and none to take: never guessed
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || y < 1900 || y > 2100 {
		return "", false // "February 30"
	}
	return day(t), true
}

func day(t time.Time) string { return t.Format("2006-01-02") }
