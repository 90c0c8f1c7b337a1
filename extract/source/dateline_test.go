package source

import "testing"

func TestDateline(t *testing.T) {
	for _, tc := range []struct {
		text string
		year int
		want string
	}{
		{"STEPANAKERT, FEBRUARY 1, ARTSAKHPRESS: \"We can confirm ...", 2022, "2022-02-01"},
		{"STEPANAKERT, FEBRUARY 1, ARTSAKHPRESS: \"We can confirm ...", 0, ""}, // no year: unknown, not guessed
		{"GENEVA, Jan 21 (Reuters) – Top U.S. and Russian diplomats ...", 2022, "2022-01-21"},
		{"MANILA, Philippines — The Philippines' top diplomat ...", 2021, ""}, // no date at all
		{"WILMINGTON, Del., Dec. 30, 2021 – President Joe Biden warned ...", 0, "2021-12-30"},
		{"Published: December 7, 2021 7:53am\n\nUpdated: December 7, 2021 3:38pm", 0, "2021-12-07"},
		{"Jan 27,2022:In talks that lasted more than eight hours ...", 0, "2022-01-27"},
		{"27 January 2022 — Advisers met in Paris.", 0, "2022-01-27"},
		{"2024-08-20 Doha, Qatar.- US Secretary of State ...", 0, "2024-08-20"},
		{"Representatives of Ukraine met in Paris.\nOn January 19, it was reported that Blinken would meet Lavrov.", 2022, ""},
		{"Russia says talks went well. GENEVA, Jan 21 (Reuters)", 2022, ""}, // a dateline opens a line
		{"PARIS, February 30, 2022 - nothing", 0, ""},                       // no such day
	} {
		got, ok := Dateline(tc.text, tc.year)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Dateline(%.40q, %d) = %q, %v; want %q", tc.text, tc.year, got, ok, tc.want)
		}
	}
}
