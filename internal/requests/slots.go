package requests

import (
	"time"

	"legalmap/internal/directory"
)

// Settings are a place's appointment settings.
type Settings struct {
	SlotMinutes int // length of a slot
	Capacity    int // people one slot takes
}

// DefaultSettings apply to a place that has none of its own.
var DefaultSettings = Settings{SlotMinutes: 30, Capacity: 1}

// MaxDays is how far ahead slots are offered and may be booked.
const MaxDays = 30

// Slot is one appointment slot with the seats still free.
type Slot struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Free  int       `json:"free"`
}

// Slots lists the slot starts of the days from `from` (a Shanghai date) for `days` days that fall inside the
// place's opening hours, after the holiday calendar (closed on public holidays, open on make-up working days
// with a working day's hours) and dated exceptions. A slot lies wholly inside one opening span, and starts
// after now: nothing in the past is offered.
func Slots(h directory.Hours, cal directory.Calendar, s Settings, from time.Time, days int, now time.Time) []time.Time {
	if !h.Known() || s.SlotMinutes <= 0 {
		return nil
	}
	days = min(max(days, 1), MaxDays)
	step := time.Duration(s.SlotMinutes) * time.Minute
	l := from.In(directory.Shanghai)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, directory.Shanghai)
	var out []time.Time
	for d := 0; d < days; d++ {
		date := time.Date(day.Year(), day.Month(), day.Day()+d, 0, 0, 0, 0, directory.Shanghai)
		for _, sp := range h.Today(date, cal) {
			open := date.Add(time.Duration(sp.Open) * time.Minute)
			close := date.Add(time.Duration(sp.Close) * time.Minute)
			for t := open; !t.Add(step).After(close); t = t.Add(step) {
				if t.After(now) {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// Free pairs the slot starts with the seats left, given how many seats of each start are taken; full slots
// are left out.
func Free(starts []time.Time, s Settings, taken map[time.Time]int) []Slot {
	out := []Slot{}
	step := time.Duration(s.SlotMinutes) * time.Minute
	for _, t := range starts {
		if n := s.Capacity - taken[t.UTC()]; n > 0 {
			out = append(out, Slot{Start: t, End: t.Add(step), Free: n})
		}
	}
	return out
}

// Offered says whether t is one of the slot starts the place's hours allow from now on.
func Offered(h directory.Hours, cal directory.Calendar, s Settings, t, now time.Time) bool {
	for _, x := range Slots(h, cal, s, t, 1, now) {
		if x.Equal(t) {
			return true
		}
	}
	return false
}
