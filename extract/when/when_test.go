package when

import (
	"fmt"
	"testing"
)

func TestResolve(t *testing.T) {
	// 2022-01-27 was a Thursday.
	for _, tc := range []struct {
		sentence, doc, want string
	}{
		{"Russia said on Wednesday that the response was not positive.", "2022-01-27", "2022-01-26"},
		{"Blinken spoke on Thursday.", "2022-01-27", "2022-01-27"},
		{"The two leaders spoke last Friday.", "2022-01-27", "2022-01-21"},
		{"Lavrov said yesterday that talks would go on.", "2022-01-27", "2022-01-26"},
		{"Germany announced today that it would send helmets.", "2022-01-27", "2022-01-27"},
		{"The talks were held on Jan. 12 in Brussels.", "2022-01-27", "2022-01-12"},
		{"Putin said on December 23 that the ball was in their court.", "2022-01-27", "2021-12-23"},
		{"Advisers met on 26 January in Paris.", "2022-01-27", "2022-01-26"},
		{"The Minsk agreement was signed on September 5, 2014.", "2022-01-27", "2014-09-05"},
		{"The Minsk agreement was signed on September 5, 2014.", "", "2014-09-05"},
		{"Putin said on December 23 that the ball was in their court.", "", ""}, // no year: never guessed
		{"Russia said on Wednesday that it would respond.", "", ""},
		{"Egypt rejected the plan.", "2022-01-27", ""},
		{"The vote is set for February 30.", "2022-01-27", ""},
		{"May urged restraint.", "2022-01-27", ""}, // a name, not a month and day
	} {
		got, ok := Resolve(tc.sentence, tc.doc)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Resolve(%q, %q) = %q, %v; want %q", tc.sentence, tc.doc, got, ok, tc.want)
		}
	}
}

func ExampleResolve() {
	d, _ := Resolve("Beijing warned Washington on Monday.", "2023-04-06")
	fmt.Println(d)
	// Output: 2023-04-03
}
