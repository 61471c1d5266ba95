package directory

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// officialCSV reads the official 2026 arrangement as the repository ships it (sql/004 loads the same).
func officialCSV(t *testing.T) Holidays {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "cn-holidays-2026.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h := Holidays{}
	for _, r := range rows[1:] {
		k, ok := ParseDayKind(r[1])
		if !ok {
			t.Fatalf("bad kind %q", r[1])
		}
		h[r[0]] = k
	}
	return h
}

func dates(hs []StatutoryHoliday) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Date+" "+h.Festival)
	}
	return out
}

// The derivation for 2026 gives the 13 statutory days, each of them a holiday in the State Council's
// official 2026 arrangement: fixed dates, lunar dates (除夕 and 初一-初三, 端午, 中秋) and the 清明 solar term.
func TestStatutoryHolidays2026MatchTheOfficialNotice(t *testing.T) {
	got := StatutoryHolidays(2026)
	want := []string{"2026-01-01 元旦", "2026-02-16 春节", "2026-02-17 春节", "2026-02-18 春节", "2026-02-19 春节",
		"2026-04-05 清明节", "2026-05-01 劳动节", "2026-05-02 劳动节", "2026-06-19 端午节", "2026-09-25 中秋节",
		"2026-10-01 国庆节", "2026-10-02 国庆节", "2026-10-03 国庆节"}
	if !slices.Equal(dates(got), want) {
		t.Fatalf("2026 derived\n got %q\nwant %q", dates(got), want)
	}
	official := officialCSV(t)
	for _, h := range got {
		if official[h.Date] != Holiday {
			t.Errorf("derived %s %s is not a holiday in the official 2026 arrangement", h.Date, h.Festival)
		}
	}
}

// Lunar dates move: 2027's 除夕 is 5 February, 端午 9 June, 中秋 15 September, 清明 5 April; 2020's 中秋
// fell on 1 October and is listed once.
func TestStatutoryHolidaysOtherYears(t *testing.T) {
	got := strings.Join(dates(StatutoryHolidays(2027)), ",")
	for _, d := range []string{"2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节", "2027-02-08 春节", "2027-04-05 清明节",
		"2027-06-09 端午节", "2027-09-15 中秋节", "2027-10-03 国庆节"} {
		if !strings.Contains(got, d) {
			t.Errorf("2027 lacks %s: %s", d, got)
		}
	}
	if n := len(StatutoryHolidays(2027)); n != 13 {
		t.Errorf("2027: %d days, want 13", n)
	}
	y2020 := StatutoryHolidays(2020)
	if len(y2020) != 12 || !strings.Contains(strings.Join(dates(y2020), ","), "2020-10-01") {
		t.Errorf("2020 (中秋 on 1 October): %q", dates(y2020))
	}
	if StatutoryHolidays(1800) != nil {
		t.Error("a year outside the lunar tables gave dates")
	}
}

// A year with a loaded arrangement answers from it (make-up working days too); a year without one answers
// from the derivation: 1 January 2027, a Friday, is a holiday, and no weekend is a working day.
func TestNationalCalendarFallsBackToTheLaw(t *testing.T) {
	cal := NewNationalCalendar(officialCSV(t))
	day := func(s string) time.Time {
		d, err := time.ParseInLocation(time.DateOnly, s, Shanghai)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		date string
		want DayKind
	}{
		{"2026-01-02", Holiday}, // official bridging day, not statutory
		{"2026-01-04", Workday}, // official make-up working day (a Sunday)
		{"2026-03-02", Regular}, // nothing
		{"2027-01-01", Holiday}, // derived
		{"2027-02-05", Holiday}, // derived 除夕
		{"2027-01-02", Regular}, // derivation knows no bridging days
		{"2027-02-20", Regular}, // nor make-up working days (a Saturday)
		{"2027-10-04", Regular}, // 国庆 is three days in law
		{"2025-10-06", Holiday}, // an earlier year is derived too: 中秋 2025
	} {
		if got := cal.DayKind(day(c.date)); got != c.want {
			t.Errorf("%s: %v, want %v", c.date, got, c.want)
		}
	}
	if !cal.Official(2026) || cal.Official(2027) || !slices.Equal(cal.Years(), []int{2026}) {
		t.Errorf("loaded years %v", cal.Years())
	}
	if cal.OfficialBetween(day("2026-12-25"), day("2027-01-08")) || !cal.OfficialBetween(day("2026-03-01"), day("2026-03-15")) {
		t.Error("OfficialBetween")
	}
}

// Open now on 1 January 2027 at 10:00, a Friday, with only 2026 loaded: a weekday office is closed and
// its next opening is Monday 4 January (the clock is injected through the time given).
func TestOpenOnNewYear2027WithoutItsNotice(t *testing.T) {
	cal := NewNationalCalendar(officialCSV(t))
	var h Hours
	for d := 0; d < 5; d++ {
		h.Weekly[d] = []Span{{9 * 60, 17 * 60}}
	}
	now := time.Date(2027, 1, 1, 10, 0, 0, 0, Shanghai)
	if open, known := h.OpenAt(now, cal); open || !known {
		t.Errorf("open %v known %v on 2027-01-01 10:00", open, known)
	}
	at, opens, ok := h.NextChange(now, cal)
	if !ok || !opens || !at.Equal(time.Date(2027, 1, 4, 9, 0, 0, 0, Shanghai)) {
		t.Errorf("next change %v opens %v ok %v", at, opens, ok)
	}
	// The bare map calendar (the old behaviour) said open: the test would fail without the fallback.
	if open, _ := h.OpenAt(now, officialCSV(t)); !open {
		t.Error("the map of 2026 alone should not know 2027")
	}
}

func TestMissingCalendarYears(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, Shanghai)
	if got := MissingCalendarYears([]int{2026}, now); !slices.Equal(got, []int{2027}) {
		t.Errorf("missing %v", got)
	}
	if got := MissingCalendarYears([]int{2026, 2027}, now); len(got) != 0 {
		t.Errorf("missing %v", got)
	}
	// 31 December 2026 16:30 UTC is already 2027 in Shanghai.
	if got := MissingCalendarYears([]int{2026}, time.Date(2026, 12, 31, 16, 30, 0, 0, time.UTC)); !slices.Equal(got, []int{2027, 2028}) {
		t.Errorf("missing at the turn of the year %v", got)
	}
}

// A second, independent source for a year under the current law: lunar-go ships the State Council's
// notices as data (HolidayUtil), separate from its calendar arithmetic. Every day derived for 2025 and
// 2026 is a holiday (not a make-up working day) there.
func TestStatutoryHolidaysAgainstPublishedNotices(t *testing.T) {
	for _, year := range []int{2025, 2026} {
		for _, h := range StatutoryHolidays(year) {
			var y, m, d int
			if _, err := fmt.Sscanf(h.Date, "%d-%d-%d", &y, &m, &d); err != nil {
				t.Fatal(err)
			}
			if got := HolidayUtil.GetHolidayByYmd(y, m, d); got == nil || got.IsWork() {
				t.Errorf("%s %s is not a holiday in the published %d notice (%v)", h.Date, h.Festival, year, got)
			}
		}
	}
}
