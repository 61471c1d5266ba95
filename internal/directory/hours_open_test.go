package directory

import (
	"encoding/csv"
	"os"
	"testing"
	"time"
)

// holidays2026 reads testdata/cn-holidays-2026.csv, a copy of shared/data/cn-holidays-2026.csv (the State
// Council's 2026 arrangement), as the store would load it.
func holidays2026(t *testing.T) Holidays {
	t.Helper()
	f, err := os.Open("testdata/cn-holidays-2026.csv")
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
			t.Fatalf("bad kind in %v", r)
		}
		h[r[0]] = k
	}
	return h
}

// at is a Shanghai wall-clock time.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04:05", s, Shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

func mustHours(t *testing.T, s string) Hours {
	t.Helper()
	h, w := ParseHours(s)
	if len(w) > 0 || !h.Known() {
		t.Fatalf("ParseHours(%q): %q", s, w)
	}
	return h
}

func TestCalendar2026(t *testing.T) {
	cal := holidays2026(t)
	for date, want := range map[string]DayKind{
		"2026-10-01": Holiday, "2026-10-07": Holiday, "2026-10-10": Workday, "2026-10-08": Regular,
		"2026-02-14": Workday, "2026-09-29": Regular,
	} {
		if got := cal.DayKind(at(date + " 12:00:00")); got != want {
			t.Errorf("%s is %v, want %v", date, got, want)
		}
	}
	if at("2026-10-10 00:00:00").Weekday() != time.Saturday || at("2026-10-01 00:00:00").Weekday() != time.Thursday {
		t.Fatal("the tests below assume 2026-10-10 is a Saturday and 2026-10-01 a Thursday")
	}
	// A UTC instant late on 30 September is already 1 October in Shanghai.
	if got := cal.DayKind(time.Date(2026, 9, 30, 17, 0, 0, 0, time.UTC)); got != Holiday {
		t.Errorf("2026-09-30T17:00Z (01:00 on 1 October in Shanghai) is %v, want holiday", got)
	}
}

func TestOpenAt(t *testing.T) {
	cal := holidays2026(t)
	office := mustHours(t, "周一至周五 9:00-12:00,14:00-17:30")
	tueToFri := mustHours(t, "周二至周五 8:30-17:00")
	nightly := mustHours(t, "每天 20:00-次日8:00")
	holidayOpen := mustHours(t, "周一至周日 9:00-17:00，节假日照常")
	always := mustHours(t, "24小时")
	cases := []struct {
		name       string
		h          Hours
		when       time.Time
		open, kown bool
	}{
		{"morning", office, at("2026-09-29 10:00:00"), true, true},
		{"first second", office, at("2026-09-29 09:00:00"), true, true},
		{"before opening", office, at("2026-09-29 08:59:59"), false, true},
		{"last second before lunch", office, at("2026-09-29 11:59:59"), true, true},
		{"lunch break starts", office, at("2026-09-29 12:00:00"), false, true},
		{"lunch break", office, at("2026-09-29 13:30:00"), false, true},
		{"afternoon", office, at("2026-09-29 14:00:00"), true, true},
		{"after closing", office, at("2026-09-29 17:30:00"), false, true},
		{"regular saturday", office, at("2026-09-26 10:00:00"), false, true},
		{"national day (Thursday)", office, at("2026-10-01 10:00:00"), false, true},
		{"national day week", office, at("2026-10-07 10:00:00"), false, true},
		{"after national day", office, at("2026-10-08 10:00:00"), true, true},
		{"make-up working Saturday", office, at("2026-10-10 10:00:00"), true, true},
		{"make-up working Saturday, lunch", office, at("2026-10-10 12:30:00"), false, true},
		{"make-up Saturday keeps Tuesday's hours when Monday is closed", tueToFri, at("2026-10-10 08:45:00"), true, true},
		{"open on holidays", holidayOpen, at("2026-10-01 10:00:00"), true, true},
		{"always open on a holiday at night", always, at("2026-10-01 03:00:00"), true, true},
		{"before midnight", nightly, at("2026-09-29 23:59:59"), true, true},
		{"after midnight", nightly, at("2026-09-30 00:30:00"), true, true},
		{"morning after", nightly, at("2026-09-30 08:00:00"), false, true},
		{"UTC instant", office, time.Date(2026, 9, 29, 2, 0, 0, 0, time.UTC), true, true}, // 10:00 in Shanghai
		{"UTC instant at lunch", office, time.Date(2026, 9, 29, 4, 30, 0, 0, time.UTC), false, true},
		{"unknown hours", Hours{Note: "需预约"}, at("2026-09-29 10:00:00"), false, false},
	}
	for _, c := range cases {
		open, known := c.h.OpenAt(c.when, cal)
		if open != c.open || known != c.kown {
			t.Errorf("%s: OpenAt(%s) = %v, %v; want %v, %v", c.name, c.when, open, known, c.open, c.kown)
		}
	}
	// Without a calendar a holiday is an ordinary Thursday and the make-up Saturday a Saturday.
	if open, _ := office.OpenAt(at("2026-10-01 10:00:00"), nil); !open {
		t.Error("with no calendar 2026-10-01 should be an ordinary Thursday")
	}
	if open, _ := office.OpenAt(at("2026-10-10 10:00:00"), nil); open {
		t.Error("with no calendar 2026-10-10 should be an ordinary Saturday")
	}
}

func TestExceptionsWin(t *testing.T) {
	cal := holidays2026(t)
	h := mustHours(t, "周一至周五 9:00-17:00")
	h.Exceptions = []Exception{
		{Date: "2026-09-29", Closed: true, Note: "内部培训"},
		{Date: "2026-10-03", Spans: []Span{{600, 720}}, Note: "国庆值班"},
	}
	if open, _ := h.OpenAt(at("2026-09-29 10:00:00"), cal); open {
		t.Error("a closed exception on a working Tuesday should close it")
	}
	if open, _ := h.OpenAt(at("2026-10-03 10:30:00"), cal); !open {
		t.Error("an exception with spans should open a holiday Saturday")
	}
	if got := h.Today(at("2026-10-03 08:00:00"), cal); len(got) != 1 || got[0] != (Span{600, 720}) {
		t.Errorf("Today on the exception = %v", got)
	}
	always := Hours{AlwaysOpen: true, Exceptions: []Exception{{Date: "2026-10-05", Closed: true}}}
	if open, _ := always.OpenAt(at("2026-10-05 03:00:00"), cal); open {
		t.Error("a closed exception should close an always-open place")
	}
}

func TestNextChange(t *testing.T) {
	cal := holidays2026(t)
	office := mustHours(t, "周一至周五 9:00-12:00,14:00-17:30")
	cases := []struct {
		name  string
		h     Hours
		from  time.Time
		at    time.Time
		opens bool
	}{
		{"closes for lunch", office, at("2026-09-29 10:00:00"), at("2026-09-29 12:00:00"), false},
		{"reopens after lunch", office, at("2026-09-29 12:30:00"), at("2026-09-29 14:00:00"), true},
		{"exactly at the lunch edge", office, at("2026-09-29 12:00:00"), at("2026-09-29 14:00:00"), true},
		{"closes in the evening", office, at("2026-09-29 15:00:00"), at("2026-09-29 17:30:00"), false},
		{"overnight to the next morning", office, at("2026-09-29 20:00:00"), at("2026-09-30 09:00:00"), true},
		{"over the national day holidays", office, at("2026-09-30 18:00:00"), at("2026-10-08 09:00:00"), true},
		{"from a holiday to the make-up Saturday", office, at("2026-10-09 18:00:00"), at("2026-10-10 09:00:00"), true},
		{"over a weekend", office, at("2026-09-25 18:00:00"), at("2026-09-28 09:00:00"), true},
		{"no change at midnight", mustHours(t, "每天 20:00-次日8:00"), at("2026-09-29 23:00:00"), at("2026-09-30 08:00:00"), false},
		{"closes at midnight", mustHours(t, "周五 9:00-24:00"), at("2026-10-16 23:00:00"), at("2026-10-17 00:00:00"), false},
		{"always open, closed by an exception",
			Hours{AlwaysOpen: true, Exceptions: []Exception{{Date: "2026-10-05", Closed: true}}},
			at("2026-10-04 12:00:00"), at("2026-10-05 00:00:00"), false},
	}
	for _, c := range cases {
		got, opens, ok := c.h.NextChange(c.from, cal)
		if !ok || !got.Equal(c.at) || opens != c.opens {
			t.Errorf("%s: NextChange(%s) = %s, opens %v, ok %v; want %s, opens %v", c.name, c.from, got, opens, ok, c.at, c.opens)
		}
		if got.Location().String() != "Asia/Shanghai" && ok {
			t.Errorf("%s: NextChange should answer in Shanghai time, got %s", c.name, got.Location())
		}
	}

	if _, _, ok := (Hours{AlwaysOpen: true}).NextChange(at("2026-10-01 00:00:00"), cal); ok {
		t.Error("an always-open place never changes")
	}
	if _, _, ok := (Hours{}).NextChange(at("2026-10-01 00:00:00"), cal); ok {
		t.Error("unknown hours have no next change")
	}
	// Closed for more than 14 days: nothing to report.
	long := Holidays{}
	for d := 0; d < 20; d++ {
		long[at("2026-11-01 00:00:00").AddDate(0, 0, d).Format(time.DateOnly)] = Holiday
	}
	if when, _, ok := office.NextChange(at("2026-11-01 10:00:00"), long); ok {
		t.Errorf("closed for 20 days: NextChange = %s, want none within 14 days", when)
	}
}

func TestToday(t *testing.T) {
	cal := holidays2026(t)
	office := mustHours(t, "周一至周五 9:00-12:00,14:00-17:30")
	if got := office.Today(at("2026-10-01 10:00:00"), cal); got != nil {
		t.Errorf("Today on a holiday = %v, want nil", got)
	}
	if got := office.Today(at("2026-10-10 07:00:00"), cal); len(got) != 2 || got[1] != (Span{840, 1050}) {
		t.Errorf("Today on the make-up Saturday = %v, want Monday's two spans", got)
	}
	got := office.Today(at("2026-09-29 07:00:00"), cal)
	got[0].Open = 0 // Today returns a copy: changing it must not change the hours
	if office.Weekly[1][0].Open != 540 {
		t.Error("Today shares its slice with the schedule")
	}
}

func TestLicenceExpired(t *testing.T) {
	p := Provider{ValidTo: "2026-09-30"}
	if p.LicenceExpired(at("2026-09-30 23:00:00")) {
		t.Error("a licence is valid through its last day")
	}
	if !p.LicenceExpired(at("2026-10-01 00:00:01")) {
		t.Error("a licence ending 2026-09-30 has expired on 1 October")
	}
	if (Provider{}).LicenceExpired(at("2030-01-01 00:00:00")) {
		t.Error("no end date: never expired")
	}
}
