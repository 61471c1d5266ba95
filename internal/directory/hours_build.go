package directory

import "slices"

// finish turns the groups the parser read into Hours: days assigned, lunch breaks cut out, spans past
// midnight carried into the next day, each day sorted and merged.
func (p *hoursParser) finish() Hours {
	groups := p.groups
	// "9:00-17:00（周一至周五）": times written before their days.
	if len(groups) >= 2 && groups[0].days == 0 && groups[0].hasContent() && groups[1].days != 0 && !groups[1].hasContent() {
		g := *groups[0]
		g.days = groups[1].days
		groups = append([]*group{&g}, groups[2:]...)
	}
	var weekly [7][]Span
	defaulted, vague := false, false
	for _, g := range groups {
		spans := g.resolve()
		if g.days == 0 {
			if len(spans) == 0 {
				continue
			}
			if len(g.spans) == 0 && g.allDay {
				g.days = allDays // "24小时" alone: every day
			} else {
				g.days, defaulted = monFri, true
			}
		}
		if len(spans) == 0 {
			if g.closed {
				for d := range weekly {
					if g.days&(1<<d) != 0 {
						weekly[d] = nil
					}
				}
			}
			continue
		}
		vague = vague || (g.vague && len(g.spans) == 0 && g.days != allDays)
		for d := range weekly {
			if g.days&(1<<d) == 0 {
				continue
			}
			var today, tomorrow []Span
			for _, s := range spans {
				if s.close < s.open {
					today = append(today, Span{s.open, 1440})
					tomorrow = append(tomorrow, Span{0, s.close})
				} else {
					today = append(today, Span{s.open, s.close})
				}
			}
			// A later group that overlaps what a day already has replaces it ("每天 9-21；周六 10-18"); one
			// that does not adds to it ("周一至周五上午 9-12；周一至周五下午 14-17").
			if overlaps(weekly[d], today) {
				weekly[d] = today
			} else {
				weekly[d] = append(weekly[d], today...)
			}
			weekly[(d+1)%7] = append(weekly[(d+1)%7], tomorrow...)
		}
	}
	full := true
	for d := range weekly {
		weekly[d] = normalizeSpans(weekly[d])
		full = full && slices.Equal(weekly[d], allDay)
	}

	h := Hours{Weekly: weekly}
	if full && !p.holidayClosed {
		h = Hours{AlwaysOpen: true}
	}
	h.OpenOnHolidays = p.holidayOpen && !p.holidayClosed && !h.AlwaysOpen
	if p.holidayOpen && p.holidayClosed {
		p.warn("节假日既写开放又写休息，按休息处理 / holidays are said to be both open and closed: read as closed")
	}
	if defaulted && h.Known() {
		p.warn("未写明星期，按周一至周五处理 / no days given: read as Monday to Friday")
	}
	if vague {
		p.warn("“全天”按 00:00-24:00 处理，请核实 / “全天” read as 00:00-24:00, please check")
	}
	return h
}

// resolve is the group's spans with the lunch break cut out; "全天"/"24小时" alone is the whole day.
func (g *group) resolve() []rawSpan {
	spans := slices.Clone(g.spans)
	if len(spans) == 0 && g.allDay {
		spans = []rawSpan{{0, 1440}}
	}
	for _, l := range g.lunch {
		if l.close < l.open {
			continue
		}
		var out []rawSpan
		for _, s := range spans {
			if s.close < s.open || l.close <= s.open || l.open >= s.close {
				out = append(out, s)
				continue
			}
			if l.open > s.open {
				out = append(out, rawSpan{s.open, l.open})
			}
			if l.close < s.close {
				out = append(out, rawSpan{l.close, s.close})
			}
		}
		spans = out
	}
	return spans
}

func overlaps(a, b []Span) bool {
	for _, x := range a {
		for _, y := range b {
			if x.Open < y.Close && y.Open < x.Close {
				return true
			}
		}
	}
	return false
}

// normalizeSpans clips spans to the day, drops empty ones, sorts them and merges those that overlap or
// touch, so that every day of Hours is sorted and free of overlaps.
func normalizeSpans(spans []Span) []Span {
	var out []Span
	for _, s := range spans {
		s.Open, s.Close = max(s.Open, 0), min(s.Close, 1440)
		if s.Open < s.Close {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Open - b.Open })
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.Open <= merged[n-1].Close {
			merged[n-1].Close = max(merged[n-1].Close, s.Close)
			continue
		}
		merged = append(merged, s)
	}
	if len(merged) == 0 {
		return nil
	}
	return merged
}
