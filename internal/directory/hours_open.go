package directory

import (
	"slices"
	"time"
)

// allDay is the one span of a place open around the clock.
var allDay = []Span{{0, 1440}}

// Today is the spans that apply on t's date in Shanghai, after exceptions and the holiday calendar: what a
// page shows as "today's hours". Nil when closed all day or when nothing is known. cal may be nil.
//
// The rules, in order: a dated exception wins; a place open around the clock is open; a public holiday is
// closed unless the place opens on holidays; a make-up working day (调休上班, usually a Saturday or Sunday)
// keeps the hours of a regular working day, those of the first of Monday to Friday that has any.
func (h Hours) Today(t time.Time, cal Calendar) []Span {
	local := t.In(Shanghai)
	date := local.Format(time.DateOnly)
	for _, e := range h.Exceptions {
		if e.Date == date {
			if e.Closed {
				return nil
			}
			return slices.Clone(e.Spans)
		}
	}
	if h.AlwaysOpen {
		return slices.Clone(allDay)
	}
	weekday := (int(local.Weekday()) + 6) % 7 // Monday = 0
	kind := Regular
	if cal != nil {
		kind = cal.DayKind(midnight(local))
	}
	switch kind {
	case Holiday:
		if !h.OpenOnHolidays {
			return nil
		}
	case Workday:
		for d := 0; d < 5; d++ {
			if len(h.Weekly[d]) > 0 {
				return slices.Clone(h.Weekly[d])
			}
		}
	}
	return slices.Clone(h.Weekly[weekday])
}

// OpenAt reports whether the place is open at t (converted to Shanghai time). known is false when the hours
// say nothing structured: then open-now is unknown, not "closed".
func (h Hours) OpenAt(t time.Time, cal Calendar) (open bool, known bool) {
	if !h.Known() {
		return false, false
	}
	local := t.In(Shanghai)
	sec := local.Sub(midnight(local)).Seconds()
	for _, s := range h.Today(local, cal) {
		if sec >= float64(s.Open*60) && sec < float64(s.Close*60) {
			return true, true
		}
	}
	return false, true
}

// NextChange is the next time within 14 days after t at which the place opens (opens = true) or closes.
// A span that ends at midnight and goes on at 00:00 the next day is no change. ok is false when nothing
// changes in that time (always open, or closed for two weeks) or when nothing is known.
func (h Hours) NextChange(t time.Time, cal Calendar) (at time.Time, opens bool, ok bool) {
	if !h.Known() {
		return time.Time{}, false, false
	}
	now, _ := h.OpenAt(t, cal)
	local := t.In(Shanghai)
	end := local.Add(14 * 24 * time.Hour)
	day := midnight(local)
	for !day.After(end) {
		// Candidates on this day in time order: midnight (a new day may change the rule), then each span's
		// edges. The state at an instant is the state of the span that starts there.
		cands := []time.Time{day}
		for _, s := range h.Today(day, cal) {
			cands = append(cands, day.Add(time.Duration(s.Open)*time.Minute), day.Add(time.Duration(s.Close)*time.Minute))
		}
		slices.SortFunc(cands, func(a, b time.Time) int { return a.Compare(b) })
		for _, c := range cands {
			if !c.After(local) || c.After(end) {
				continue
			}
			if state, _ := h.OpenAt(c, cal); state != now {
				return c, state, true
			}
		}
		day = nextDay(day)
	}
	return time.Time{}, false, false
}

// midnight is the start of t's date in Shanghai.
func midnight(t time.Time) time.Time {
	l := t.In(Shanghai)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, Shanghai)
}

func nextDay(day time.Time) time.Time {
	return time.Date(day.Year(), day.Month(), day.Day()+1, 0, 0, 0, 0, Shanghai)
}
