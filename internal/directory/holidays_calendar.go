package directory

import (
	"slices"
	"sync"
	"time"
)

// NationalCalendar is the calendar "open now" uses: the official arrangement for the years that were
// loaded (holidays and make-up working days, from the holidays table), and for any other year the
// statutory holidays derived from the law (StatutoryHolidays), with no make-up working day, because those
// are only known from the yearly notice. Without it, every weekday office would show as open on 1 January
// of a year whose notice has not been loaded yet. Safe for concurrent use.
type NationalCalendar struct {
	official Holidays
	loaded   map[int]bool
	mu       sync.Mutex
	derived  map[int]Holidays
}

// NewNationalCalendar takes the loaded official days; a year counts as loaded when any of its dates is
// among them (a notice always lists several).
func NewNationalCalendar(official Holidays) *NationalCalendar {
	c := &NationalCalendar{official: official, loaded: map[int]bool{}, derived: map[int]Holidays{}}
	for d := range official {
		if t, err := time.ParseInLocation(time.DateOnly, d, Shanghai); err == nil {
			c.loaded[t.Year()] = true
		}
	}
	return c
}

// DayKind is the official kind of the date when its year is loaded, else Holiday on a derived statutory
// holiday and Regular otherwise.
func (c *NationalCalendar) DayKind(date time.Time) DayKind {
	y := yearOf(date)
	if c.loaded[y] {
		return c.official.DayKind(date)
	}
	c.mu.Lock()
	h, ok := c.derived[y]
	if !ok {
		h = statutoryDays(y)
		c.derived[y] = h
	}
	c.mu.Unlock()
	return h.DayKind(date)
}

// Official reports whether the year's official arrangement is loaded; when it is not, the calendar knows
// the statutory holidays but not the make-up working days of that year.
func (c *NationalCalendar) Official(year int) bool { return c.loaded[year] }

// OfficialBetween reports whether every year from a to b (Shanghai dates) is loaded.
func (c *NationalCalendar) OfficialBetween(a, b time.Time) bool {
	for y := yearOf(a); y <= yearOf(b); y++ {
		if !c.loaded[y] {
			return false
		}
	}
	return true
}

// Years is the loaded years in order.
func (c *NationalCalendar) Years() []int {
	ys := make([]int, 0, len(c.loaded))
	for y := range c.loaded {
		ys = append(ys, y)
	}
	slices.Sort(ys)
	return ys
}

// MissingCalendarYears is which of this year and next year (in Shanghai at now) have no official arrangement
// among loaded: what the bureau must load with `legalmap holidays load`. Next year's notice is published
// each autumn, so it is missing for most of the year; the dashboard says so until it is loaded.
func MissingCalendarYears(loaded []int, now time.Time) []int {
	y := yearOf(now)
	missing := []int{}
	for _, want := range []int{y, y + 1} {
		if !slices.Contains(loaded, want) {
			missing = append(missing, want)
		}
	}
	return missing
}
