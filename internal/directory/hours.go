package directory

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // Asia/Shanghai must load on machines without system time zone data
)

// Shanghai is the time zone of every opening hour in the directory (China has one, without summer time).
var Shanghai = mustLoad("Asia/Shanghai")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("directory: time zone " + name + " missing although time/tzdata is embedded: " + err.Error())
	}
	return loc
}

// Hours is a provider's opening hours: a weekly schedule, the holiday rule and dated exceptions. It is
// stored in a jsonb column and sent by the API as it is, so its JSON is meant to be read by people:
//
//	{"weekly":[[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],…,[]],
//	 "exceptions":[{"date":"2026-10-08","closed":true}]}
type Hours struct {
	Weekly         [7][]Span   `json:"weekly"`                     // index 0 = Monday … 6 = Sunday
	AlwaysOpen     bool        `json:"always_open,omitempty"`      // 24 hours a day, every day, holidays too
	OpenOnHolidays bool        `json:"open_on_holidays,omitempty"` // default false: offices close on public holidays
	Exceptions     []Exception `json:"exceptions,omitempty"`       // dated overrides; they win over everything
	Note           string      `json:"note,omitempty"`             // what could not be parsed, kept for people to read
}

// Span is one opening interval of a day in minutes since midnight, Open inclusive, Close exclusive.
// Close may be 1440 (24:00). A lunch break is two spans.
type Span struct{ Open, Close int }

// Exception overrides one date: closed, or open with its own spans.
type Exception struct {
	Date   string `json:"date"` // YYYY-MM-DD, Shanghai
	Closed bool   `json:"closed,omitempty"`
	Spans  []Span `json:"spans,omitempty"`
	Note   string `json:"note,omitempty"`
}

// DayKind is what China's calendar makes of a date: a regular day, a public holiday (closed although it may
// be a weekday), or a make-up working day (调休上班: open although it is usually a Saturday or Sunday).
type DayKind int

const (
	Regular DayKind = iota
	Holiday
	Workday
)

func (k DayKind) String() string {
	switch k {
	case Holiday:
		return "holiday"
	case Workday:
		return "workday"
	}
	return "regular"
}

// ParseDayKind reads the kind column of the holidays table ("holiday" or "workday").
func ParseDayKind(s string) (DayKind, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "holiday":
		return Holiday, true
	case "workday":
		return Workday, true
	case "regular", "":
		return Regular, true
	}
	return Regular, false
}

// Calendar tells the kind of a date. The store loads it from the holidays table.
type Calendar interface {
	DayKind(date time.Time) DayKind
}

// Holidays is a Calendar kept as a map from "2026-10-01" (a Shanghai date) to its kind; dates not in the
// map are Regular.
type Holidays map[string]DayKind

// DayKind looks date up by its Shanghai calendar date.
func (h Holidays) DayKind(date time.Time) DayKind {
	return h[date.In(Shanghai).Format(time.DateOnly)]
}

// Known reports whether anything structured is known, that is whether "open now" can be answered.
// When it is false, open-now is shown as unknown and Note holds the text as received.
func (h Hours) Known() bool {
	if h.AlwaysOpen {
		return true
	}
	for _, day := range h.Weekly {
		if len(day) > 0 {
			return true
		}
	}
	return false
}

// Validate checks what ParseHours guarantees, for hours that arrive as JSON from the admin form: spans in
// range, sorted and not overlapping, exception dates real and unique. The error names the day or date.
func (h Hours) Validate() error {
	for d, spans := range h.Weekly {
		if err := validSpans(spans); err != nil {
			return fmt.Errorf("weekly[%d] (%s): %w", d, weekdayNames[d], err)
		}
	}
	seen := map[string]bool{}
	for _, e := range h.Exceptions {
		if _, err := time.Parse(time.DateOnly, e.Date); err != nil {
			return fmt.Errorf("exception %q: 日期应为 YYYY-MM-DD / date must be YYYY-MM-DD", e.Date)
		}
		if seen[e.Date] {
			return fmt.Errorf("exception %s: 日期重复 / date given twice", e.Date)
		}
		seen[e.Date] = true
		if e.Closed && len(e.Spans) > 0 {
			return fmt.Errorf("exception %s: 既关闭又有时段 / closed but has opening spans", e.Date)
		}
		if err := validSpans(e.Spans); err != nil {
			return fmt.Errorf("exception %s: %w", e.Date, err)
		}
	}
	return nil
}

var weekdayNames = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

func validSpans(spans []Span) error {
	for i, s := range spans {
		if s.Open < 0 || s.Close > 1440 || s.Open >= s.Close {
			return fmt.Errorf("时段 %s 无效 / span %s is not a valid interval", s, s)
		}
		if i > 0 && s.Open < spans[i-1].Close {
			return fmt.Errorf("时段 %s 与前一时段重叠或顺序错误 / span %s overlaps or precedes the one before", s, s)
		}
	}
	return nil
}

// String is "09:00-12:00".
func (s Span) String() string { return clock(s.Open) + "-" + clock(s.Close) }

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }

// MarshalJSON writes {"open":"09:00","close":"12:00"}.
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(`{"open":"` + clock(s.Open) + `","close":"` + clock(s.Close) + `"}`), nil
}

// UnmarshalJSON reads {"open":"09:00","close":"12:00"} and refuses impossible times.
func (s *Span) UnmarshalJSON(b []byte) error {
	var raw struct{ Open, Close string }
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	o, err1 := parseClock(raw.Open)
	c, err2 := parseClock(raw.Close)
	if err1 != nil || err2 != nil || o >= c {
		return fmt.Errorf("无效时段 / invalid span %q-%q", raw.Open, raw.Close)
	}
	*s = Span{o, c}
	return nil
}

// parseClock reads "HH:MM" (00:00 … 24:00).
func parseClock(v string) (int, error) {
	h, m, ok := strings.Cut(v, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(h) > 2 || len(m) != 2 || hh < 0 || mm < 0 || mm > 59 || hh*60+mm > 1440 {
		return 0, fmt.Errorf("bad time %q", v)
	}
	return hh*60 + mm, nil
}

// MarshalJSON writes days without spans as [] rather than null, which reads better and is simpler for
// the pages that draw the week.
func (h Hours) MarshalJSON() ([]byte, error) {
	type plain Hours
	p := plain(h)
	for d := range p.Weekly {
		if p.Weekly[d] == nil {
			p.Weekly[d] = []Span{}
		}
	}
	return json.Marshal(p)
}

// Equal reports whether two Hours say the same, treating nil and empty span lists alike (re-importing the
// same file must not count as a change).
func (h Hours) Equal(o Hours) bool {
	if h.AlwaysOpen != o.AlwaysOpen || h.OpenOnHolidays != o.OpenOnHolidays || h.Note != o.Note ||
		len(h.Exceptions) != len(o.Exceptions) {
		return false
	}
	for d := range h.Weekly {
		if !slices.Equal(h.Weekly[d], o.Weekly[d]) {
			return false
		}
	}
	for i, e := range h.Exceptions {
		f := o.Exceptions[i]
		if e.Date != f.Date || e.Closed != f.Closed || e.Note != f.Note || !slices.Equal(e.Spans, f.Spans) {
			return false
		}
	}
	return true
}
