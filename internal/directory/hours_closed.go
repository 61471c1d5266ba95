package directory

import (
	"slices"
	"strings"
)

// What the parser makes of closures: public holidays, closed days, exceptions ("除周一外").

// holiday reads what is said about public holidays: 节假日休息, 法定节假日除外, 节假日照常, 周六日及节假日休息,
// 节假日及周末休息.
func (p *hoursParser) holiday() {
	prev := token{}
	if p.i > 0 {
		prev = p.toks[p.i-1]
	}
	j := p.i + 1
	for k := p.peek(j).kind; k == tList || k == tDays || k == tDash; k = p.peek(j).kind {
		j++
	}
	next := p.peek(j)
	direct := j == p.i+1
	switch next.kind {
	case tClosed, tOpenWord:
		if next.kind == tClosed {
			p.holidayClosed = true
		} else {
			p.holidayOpen = true
		}
		if !direct {
			p.i++ // the days in between are read next and meet the same word
			return
		}
		if next.kind == tClosed && prev.kind == tList && p.cur.days != 0 && len(p.cur.spans) == 0 && !p.cur.allDay {
			p.cur.closed = true // 周六日及节假日休息: the days before close too
		}
		p.i = j + 1
	case tTime, tSpan, tMark, tAllDay:
		// 节假日 9:00-12:00: Hours has no holiday schedule; keep the text, skip the spans.
		p.holidayHours = true
		p.warn("节假日的营业时间无法单独记录，原文保留在备注 / separate holiday hours cannot be recorded; the text is kept as a note")
		p.i++
		for k := p.peek(p.i).kind; k == tTime || k == tDash || k == tMark || k == tList || k == tSpan || k == tNextDay || k == tAllDay; k = p.peek(p.i).kind {
			p.i++
		}
	default:
		p.unknown = append(p.unknown, p.toks[p.i].text)
		p.i++
	}
}

// closed reads 休息/除外/closed after days (周日休息), after a span (12:00-13:30休息 is a lunch break), before
// holidays (closed on public holidays) or before days (closed Sundays).
func (p *hoursParser) closed() {
	next := p.peek(p.i + 1)
	switch {
	case next.kind == tHoliday:
		p.holidayClosed = true
		p.i += 2
	case p.lastSpan && len(p.cur.spans) >= 2:
		p.spanToLunch()
		p.i++
	case p.cur.days != 0 && len(p.cur.spans) == 0 && !p.cur.allDay:
		p.cur.closed = true
		p.i++
	case next.kind == tDays:
		p.i++
		p.closedDays()
	default:
		p.unknown = append(p.unknown, p.toks[p.i].text)
		p.i++
	}
}

// closedDays reads the days after "closed"/"除" into a closed group, and "… and holidays" after them.
func (p *hoursParser) closedDays() {
	g := &group{days: p.dayExpr(), closed: true}
	p.groups = append(p.groups, g)
	if p.peek(p.i).kind == tList && p.peek(p.i+1).kind == tHoliday {
		p.holidayClosed = true
		p.i += 2
	}
	p.lastSpan = false
}

// except reads 除节假日外, except holidays, 除周一外.
func (p *hoursParser) except() {
	switch p.peek(p.i + 1).kind {
	case tHoliday:
		p.holidayClosed = true
		p.i += 2
	case tDays:
		p.i++
		p.closedDays()
	default:
		p.i++
	}
}

func quoteList(items []string, sep string) string {
	const most = 5
	var q []string
	for i, it := range items {
		if i == most {
			q = append(q, "…")
			break
		}
		if r := []rune(it); len(r) > 40 {
			it = string(r[:40]) + "…"
		}
		q = append(q, "“"+strings.TrimSpace(it)+"”")
	}
	return strings.Join(slices.Compact(q), sep)
}
