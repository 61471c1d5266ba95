package directory

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// The statutory public holidays of China, derived for a year whose official arrangement (the State
// Council's yearly notice with its 调休 make-up working days) has not been loaded.
//
// Source: 《全国年节及纪念日放假办法》 as amended by State Council Decree No. 795 (国务院令第795号, 2024-11-10),
// in force since 2025-01-01, article 2 (holidays for all citizens): 元旦 1 day (1 January); 春节 4 days
// (农历除夕, 正月初一至初三); 清明节 1 day (the day of the 清明 solar term); 劳动节 2 days (1-2 May); 端午节
// 1 day (农历五月初五); 中秋节 1 day (农历八月十五); 国庆节 3 days (1-3 October). The yearly notice adds
// bridging days and make-up working days around these; they are not derivable, so a derived year knows
// the statutory days only and no make-up working day.
//
// Lunar dates and the solar term come from github.com/6tail/lunar-go (MIT licence).

// StatutoryHoliday is one derived holiday date.
type StatutoryHoliday struct {
	Date     string // YYYY-MM-DD
	Festival string // 元旦, 春节, …
}

// StatutoryHolidays returns the statutory holidays of a Gregorian year in date order. Years outside
// 1900-2100 (where the lunar tables are not meant to be used) give nil.
func StatutoryHolidays(year int) []StatutoryHoliday {
	if year < 1901 || year > 2099 {
		return nil
	}
	var out []StatutoryHoliday
	add := func(s *calendar.Solar, festival string) {
		out = append(out, StatutoryHoliday{Date: fmt.Sprintf("%04d-%02d-%02d", s.GetYear(), s.GetMonth(), s.GetDay()), Festival: festival})
	}
	solar := func(m, d int) *calendar.Solar { return calendar.NewSolarFromYmd(year, m, d) }
	lunar := func(m, d int) *calendar.Solar { return calendar.NewLunarFromYmd(year, m, d).GetSolar() }

	add(solar(1, 1), "元旦")
	newYear := lunar(1, 1) // 正月初一 of the lunar year that starts in this Gregorian year
	add(newYear.NextDay(-1), "春节")
	for i := 0; i < 3; i++ {
		add(newYear.NextDay(i), "春节")
	}
	// The lunar year holding 1 April holds that year's 清明 in its table of solar terms.
	if qm := calendar.NewLunarFromSolar(solar(4, 1)).GetJieQiTable()["清明"]; qm != nil && qm.GetYear() == year {
		add(qm, "清明节")
	}
	add(solar(5, 1), "劳动节")
	add(solar(5, 2), "劳动节")
	add(lunar(5, 5), "端午节")
	add(lunar(8, 15), "中秋节")
	for d := 1; d <= 3; d++ {
		add(solar(10, d), "国庆节")
	}
	// 中秋 can fall on 1-3 October (it did on 2020-10-01): such a date is listed once.
	slices.SortStableFunc(out, func(a, b StatutoryHoliday) int { return strings.Compare(a.Date, b.Date) })
	return slices.CompactFunc(out, func(a, b StatutoryHoliday) bool { return a.Date == b.Date })
}

// statutoryDays is StatutoryHolidays as a Holidays map.
func statutoryDays(year int) Holidays {
	h := Holidays{}
	for _, d := range StatutoryHolidays(year) {
		h[d.Date] = Holiday
	}
	return h
}

// yearOf is the Shanghai calendar year of t.
func yearOf(t time.Time) int { return t.In(Shanghai).Year() }
