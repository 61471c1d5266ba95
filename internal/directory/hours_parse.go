package directory

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxHoursText bounds the text ParseHours reads; longer text is kept as a note for people.
const maxHoursText = 500

// ParseHours reads opening hours as Chinese offices write them ("周一至周五 9:00-12:00,14:00-17:30",
// "工作日 上午9:00-12:00 下午14:00-18:00", "周一至周六 9:00-18:00；周日休息", "24小时", "节假日休息",
// "Mon-Fri 9am-5:30pm", full-width digits, 9点半, 九点至十七点, …). It never fails: what it cannot read is
// named in a warning and the whole text is kept in Note for people to read. The importers and the admin
// form both call it, so one text gives one schedule everywhere.
func ParseHours(s string) (Hours, []string) {
	raw := strings.TrimSpace(s)
	if raw == "" {
		return Hours{}, nil
	}
	text := normalizeHours(raw)
	// NFKC can expand one character into many (ﷺ into 18), so the normalized text is bounded too.
	if utf8.RuneCountInString(raw) > maxHoursText || utf8.RuneCountInString(text) > 2*maxHoursText {
		return Hours{Note: raw}, []string{fmt.Sprintf("营业时间文字过长（超过 %d 字），未解析 / hours text longer than %d characters, not parsed", maxHoursText, maxHoursText)}
	}
	p := &hoursParser{toks: lexHours(text)}
	p.cur = &group{}
	p.groups = []*group{p.cur}
	for p.i < len(p.toks) {
		p.step()
	}
	h := p.finish()
	if len(p.unknown) > 0 || p.holidayHours || !h.Known() {
		h.Note = raw
	}
	if len(p.unknown) > 0 {
		p.warn("未能识别 %s / not understood: %s", quoteList(p.unknown, "、"), quoteList(p.unknown, ", "))
	}
	if !h.Known() && len(p.unknown) == 0 {
		p.warn("未识别出每周营业时间，原文保留在备注 / no weekly hours recognised; the text is kept as a note")
	}
	return h, slices.Compact(p.warnings)
}

// group is one run of days with what is said about them: "周一至周五 9:00-12:00,14:00-17:30".
type group struct {
	days   uint8
	spans  []rawSpan
	lunch  []rawSpan // spans to cut out: "12:00-13:30午休"
	closed bool
	allDay bool
	vague  bool // the all-day word was 全天, which offices also use for "the whole working day"
}

func (g *group) hasContent() bool {
	return len(g.spans) > 0 || len(g.lunch) > 0 || g.closed || g.allDay
}

// rawSpan is a span as written; Close < Open means it ends the next day (22:00-次日2:00).
type rawSpan struct{ open, close int }

type hoursParser struct {
	toks          []token
	i             int
	groups        []*group
	cur           *group
	mark          int  // 上午/下午 in force
	lastSpan      bool // the token just read ended a span of cur
	lunchNext     bool // 午休 came first: the next span is the break
	holidayOpen   bool
	holidayClosed bool
	holidayHours  bool // hours given for holidays, which Hours cannot hold
	unknown       []string
	warnings      []string
}

func (p *hoursParser) warn(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

func (p *hoursParser) peek(j int) token {
	if j < len(p.toks) {
		return p.toks[j]
	}
	return token{}
}

func (p *hoursParser) step() {
	t := p.toks[p.i]
	switch t.kind {
	case tDays:
		mask := p.dayExpr()
		if p.cur.hasContent() {
			p.newGroup(mask)
		} else {
			p.cur.days |= mask
		}
		p.mark, p.lastSpan = markNone, false
	case tTime:
		p.timeRange()
	case tSpan:
		p.addSpan(rawSpan{t.span.Open, t.span.Close})
		p.i++
	case tMark:
		p.mark = t.min
		p.i++
	case tClause:
		p.mark, p.lastSpan, p.lunchNext = markNone, false, false
		p.i++
	case tAllDay:
		p.cur.allDay, p.lastSpan = true, false
		p.cur.vague = p.cur.vague || t.text == "全天" || t.text == "全日" || t.text == "整天"
		p.i++
	case tLunch: // 午休12:00-13:30, or 12:00-13:30午休
		if p.lastSpan && p.peek(p.i+1).kind != tTime {
			p.spanToLunch()
		} else {
			p.lunchNext = true
		}
		p.i++
	case tList:
		p.lastSpan = false
		p.i++
	case tHoliday:
		p.holiday()
	case tClosed:
		p.closed()
	case tExcept:
		p.except()
	case tInclude:
		p.i++
		if p.peek(p.i).kind == tHoliday {
			p.holidayOpen = true
			p.i++
		}
	case tUnknown:
		p.unknown = append(p.unknown, t.text)
		p.i++
	default: // a dash, list mark, open-word or 次日 out of place says nothing by itself
		p.i++
	}
}

func (p *hoursParser) newGroup(days uint8) *group {
	p.cur = &group{days: days}
	p.groups = append(p.groups, p.cur)
	return p.cur
}

// dayExpr reads days joined by ranges and lists: 周一至周五, 周一、三、五, 周六日, Mon-Fri, 工作日（周一至周五）.
func (p *hoursParser) dayExpr() uint8 {
	var mask uint8
	for p.peek(p.i).kind == tDays {
		t := p.toks[p.i]
		mask |= t.days
		p.i++
		if to := p.peek(p.i + 1); t.day >= 0 && p.peek(p.i).kind == tDash && to.kind == tDays && to.day >= 0 {
			for d := t.day; ; d = (d + 1) % 7 { // 周六至周一 wraps round the week
				mask |= 1 << d
				if d == to.day {
					break
				}
			}
			p.i += 2
		}
		if p.peek(p.i).kind == tList && p.peek(p.i+1).kind == tDays {
			p.i++
		}
	}
	return mask
}

// timeRange reads TIME [-] [mark|次日]* TIME into a span; a lone time is not understood.
func (p *hoursParser) timeRange() {
	a := p.toks[p.i]
	j := p.i + 1
	dash := p.peek(j).kind == tDash
	if dash {
		j++
	}
	markA, markB, nextDay, marked := p.mark, p.mark, false, false
	for k := p.peek(j).kind; k == tMark || k == tNextDay; k = p.peek(j).kind {
		if k == tMark {
			markB, marked = p.peek(j).min, true
		} else {
			nextDay = true
		}
		j++
	}
	b := p.peek(j)
	// Without a dash only 早9点晚6点 (a mark between) is a range.
	if b.kind != tTime || (!dash && !marked) || a.hhmm != b.hhmm {
		p.unknown = append(p.unknown, a.text)
		p.i++
		return
	}
	p.i = j + 1
	if marked {
		p.mark = markB
	}
	open, close := atMark(a, markA), atMark(b, markB)
	if nextDay {
		close = b.min
	}
	if close == 0 && open > 0 {
		close = 1440 // "18:00-0:00": until midnight
	}
	text := a.text + "-" + b.text
	switch {
	case open == close || open >= 1440:
		p.unknown = append(p.unknown, text)
		return
	case close < open && !nextDay && b.suffix == markNone && markB != markMorning && close < 720 && close+720 > open:
		// "8:30-5:30": an afternoon written without 下午.
		p.warn("“%s”按 %s-%s 理解 / read as %s-%s", text, clock(open), clock(close+720), clock(open), clock(close+720))
		close += 720
	}
	p.addSpan(rawSpan{open, close})
}

// atMark reads a written time under 上午/下午 or am/pm: 下午2:00 is 14:00, 12am is 00:00.
func atMark(t token, mark int) int {
	m, h := t.min, t.min/60
	if t.suffix != markNone {
		mark = t.suffix
		if mark == markMorning && h == 12 {
			return m - 720
		}
	}
	switch {
	case mark == markAfternoon && h < 12:
		m += 720
	case mark == markNoon && h < 6: // 中午1点 is 13:00
		m += 720
	}
	return m
}

func (p *hoursParser) addSpan(s rawSpan) {
	if p.lunchNext {
		p.cur.lunch = append(p.cur.lunch, s)
		p.lunchNext, p.lastSpan = false, false
		return
	}
	p.cur.spans = append(p.cur.spans, s)
	p.lastSpan = true
}

func (p *hoursParser) spanToLunch() {
	n := len(p.cur.spans)
	p.cur.lunch = append(p.cur.lunch, p.cur.spans[n-1])
	p.cur.spans = p.cur.spans[:n-1]
	p.lastSpan = false
}
