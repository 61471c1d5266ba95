package directory

import (
	"encoding/json"
	"strings"
	"testing"
)

// weekString renders a week compactly for tables: "Mon-Fri 09:00-12:00,14:00-17:30; Sat-Sun closed".
func weekString(h Hours) string {
	if h.AlwaysOpen {
		return "always"
	}
	names := [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	day := func(d int) string {
		if len(h.Weekly[d]) == 0 {
			return "closed"
		}
		var s []string
		for _, sp := range h.Weekly[d] {
			s = append(s, sp.String())
		}
		return strings.Join(s, ",")
	}
	var parts []string
	for d := 0; d < 7; {
		e := d
		for e+1 < 7 && day(e+1) == day(d) {
			e++
		}
		label := names[d]
		if e > d {
			label += "-" + names[e]
		}
		parts = append(parts, label+" "+day(d))
		d = e + 1
	}
	return strings.Join(parts, "; ")
}

func TestParseHours(t *testing.T) {
	cases := []struct {
		in       string
		want     string
		holidays bool   // OpenOnHolidays
		note     bool   // the text is kept in Note
		warn     string // a warning containing this, "" for none at all
	}{
		{"周一至周五 9:00-12:00,14:00-17:30", "Mon-Fri 09:00-12:00,14:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五9:00—12:00 14:00—17:30", "Mon-Fri 09:00-12:00,14:00-17:30; Sat-Sun closed", false, false, ""},
		{"工作日 8:30-17:30", "Mon-Fri 08:30-17:30; Sat-Sun closed", false, false, ""},
		{"工作日 上午9:00-12:00 下午14:00-18:00", "Mon-Fri 09:00-12:00,14:00-18:00; Sat-Sun closed", false, false, ""},
		{"周一至周六 9:00-18:00；周日休息", "Mon-Sat 09:00-18:00; Sun closed", false, false, ""},
		{"周一、三、五 9:00-17:00", "Mon 09:00-17:00; Tue closed; Wed 09:00-17:00; Thu closed; Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"星期一至星期五 9:00-17:00", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"礼拜一到礼拜六 9:00-17:00", "Mon-Sat 09:00-17:00; Sun closed", false, false, ""},
		{"周1-周5 9:00-17:00", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"周1-5 9:00-17:00", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"每天 9:00-21:00", "Mon-Sun 09:00-21:00", false, false, ""},
		{"每日9:00-21:00", "Mon-Sun 09:00-21:00", false, false, ""},
		{"全天", "always", false, false, ""},
		{"24小时", "always", false, false, ""},
		{"7×24小时", "always", false, false, ""},
		{"7*24小时服务", "always", false, false, ""},
		{"每天 0:00-24:00", "always", false, false, ""},
		{"周一至周五 9:00-17:00，节假日休息", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00-17:00（法定节假日除外）", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00-17:00，节假日照常", "Mon-Fri 09:00-17:00; Sat-Sun closed", true, false, ""},
		{"周一至周日（含节假日）8:30-17:30", "Mon-Sun 08:30-17:30", true, false, ""},
		{"全年无休 9:00-21:00", "Mon-Sun 09:00-21:00", true, false, ""},
		{"周一至周五 ９：００－１７：３０", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 9点-17点", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 9点半-17点", "Mon-Fri 09:30-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 九点至十七点半", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00至17:30", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 上午9:00-12:00 下午2:00-5:30", "Mon-Fri 09:00-12:00,14:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 上午8点半至12点，下午2点半至5点半", "Mon-Fri 08:30-12:00,14:30-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 9am-5:30pm", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"Mon-Fri 9:00-17:30", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"Mon–Fri 9 a.m. – 5 p.m.", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"Monday to Friday 9:00 am - 5:30 pm; Saturday 9:00-12:00; Sunday closed", "Mon-Fri 09:00-17:30; Sat 09:00-12:00; Sun closed", false, false, ""},
		{"Daily 10:00-22:00, closed on public holidays", "Mon-Sun 10:00-22:00", false, false, ""},
		{"周一至周五 8:30-17:30（12:00-13:30午休）", "Mon-Fri 08:30-12:00,13:30-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00-17:30，午休12:00-13:30", "Mon-Fri 09:00-12:00,13:30-17:30; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00-17:30，12:00-13:30休息", "Mon-Fri 09:00-12:00,13:30-17:30; Sat-Sun closed", false, false, ""},
		{"工作日9:00-12:00、13:30-17:00，节假日及周末休息", "Mon-Fri 09:00-12:00,13:30-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 0900-1730", "Mon-Fri 09:00-17:30; Sat-Sun closed", false, false, ""},
		{"周一到周五早九晚五", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"每周二、四下午2:30-5:30", "Mon closed; Tue 14:30-17:30; Wed closed; Thu 14:30-17:30; Fri-Sun closed", false, false, ""},
		{"周六至周一 10-18", "Mon 10:00-18:00; Tue-Fri closed; Sat-Sun 10:00-18:00", false, false, ""},
		{"周六日 10:00-16:00", "Mon-Fri closed; Sat-Sun 10:00-16:00", false, false, ""},
		{"除周一外每天 9:00-17:00", "Mon closed; Tue-Sun 09:00-17:00", false, false, ""},
		{"每天9:00-21:00（周一除外）", "Mon closed; Tue-Sun 09:00-21:00", false, false, ""},
		{"每天 9:00-21:00；周六 10:00-18:00", "Mon-Fri 09:00-21:00; Sat 10:00-18:00; Sun 09:00-21:00", false, false, ""},
		{"周一至周五 上午 9:00-12:00；周一至周五 下午 14:00-17:00", "Mon-Fri 09:00-12:00,14:00-17:00; Sat-Sun closed", false, false, ""},
		{"9:00-17:00（周一至周五）", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, ""},
		{"周一至周五 9:00-00:00", "Mon-Fri 09:00-24:00; Sat-Sun closed", false, false, ""},
		{"周五 20:00-次日2:00", "Mon-Thu closed; Fri 20:00-24:00; Sat 00:00-02:00; Sun closed", false, false, ""},
		{"每天 20:00-次日8:00", "Mon-Sun 00:00-08:00,20:00-24:00", false, false, ""},

		// Read, with a warning saying how.
		{"9:00-17:00", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, false, "按周一至周五"},
		{"8:30-5:30", "Mon-Fri 08:30-17:30; Sat-Sun closed", false, false, "08:30-17:30"},
		{"周二全天", "Mon closed; Tue 00:00-24:00; Wed-Sun closed", false, false, "全天"},
		{"周一至周五 9:00-17:00，节假日 9:00-12:00", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, true, "节假日"},

		// Not understood, or nothing weekly: Note keeps the text, a warning says so.
		{"星期一至星期五", "Mon-Sun closed", false, true, "未识别出每周营业时间"},
		{"节假日休息", "Mon-Sun closed", false, true, "未识别出每周营业时间"},
		{"法定节假日除外", "Mon-Sun closed", false, true, "未识别出每周营业时间"},
		{"需提前预约", "Mon-Sun closed", false, true, "需提前预约"},
		{"2026-10-08 休息", "Mon-Sun closed", false, true, "2026-10-08"},
		{"周一至周五 9:00-17:00 夏季延长", "Mon-Fri 09:00-17:00; Sat-Sun closed", false, true, "夏季延长"},
		{"周一至周五 25:00-26:00", "Mon-Sun closed", false, true, "25:00"},
	}
	for _, c := range cases {
		h, warnings := ParseHours(c.in)
		if got := weekString(h); got != c.want {
			t.Errorf("ParseHours(%q)\n  week %s\n  want %s", c.in, got, c.want)
		}
		if h.OpenOnHolidays != c.holidays {
			t.Errorf("ParseHours(%q): OpenOnHolidays = %v, want %v", c.in, h.OpenOnHolidays, c.holidays)
		}
		if (h.Note != "") != c.note || (c.note && h.Note != strings.TrimSpace(c.in)) {
			t.Errorf("ParseHours(%q): Note = %q, want the text kept: %v", c.in, h.Note, c.note)
		}
		all := strings.Join(warnings, " | ")
		switch c.warn {
		case "":
			if len(warnings) > 0 {
				t.Errorf("ParseHours(%q): unexpected warnings %q", c.in, warnings)
			}
		default:
			if !strings.Contains(all, c.warn) {
				t.Errorf("ParseHours(%q): warnings %q, want one containing %q", c.in, warnings, c.warn)
			}
		}
		if err := h.Validate(); err != nil {
			t.Errorf("ParseHours(%q) gave invalid hours: %v", c.in, err)
		}
	}
}

func TestParseHoursEmptyAndLong(t *testing.T) {
	h, w := ParseHours("  ")
	if h.Known() || h.Note != "" || len(w) != 0 {
		t.Errorf("ParseHours(blank) = %+v, %q; want nothing and no warning", h, w)
	}
	long := strings.Repeat("周一至周五 9:00-17:00 ", 100)
	h, w = ParseHours(long)
	if h.Known() || h.Note != strings.TrimSpace(long) || len(w) != 1 {
		t.Errorf("over-long text: Known=%v, note kept=%v, warnings %q", h.Known(), h.Note == strings.TrimSpace(long), w)
	}
}

func TestHoursJSON(t *testing.T) {
	h, _ := ParseHours("周一至周五 9:00-12:00,14:00-17:30；节假日照常")
	h.Exceptions = []Exception{{Date: "2026-10-08", Closed: true}, {Date: "2026-10-10", Spans: []Span{{540, 720}}, Note: "调休"}}
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"weekly":[[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],` +
		`[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],` +
		`[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],` +
		`[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],` +
		`[{"open":"09:00","close":"12:00"},{"open":"14:00","close":"17:30"}],[],[]],"open_on_holidays":true,` +
		`"exceptions":[{"date":"2026-10-08","closed":true},{"date":"2026-10-10","spans":[{"open":"09:00","close":"12:00"}],"note":"调休"}]}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
	var back Hours
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(h) {
		t.Errorf("round trip changed the hours:\n%+v\n%+v", back, h)
	}
	var empty Hours
	if err := json.Unmarshal([]byte(`{}`), &empty); err != nil || empty.Known() {
		t.Errorf(`"{}" (the column default) = %+v, %v; want unknown hours`, empty, err)
	}
	day24, _ := json.Marshal(Hours{Weekly: [7][]Span{{{0, 1440}}}})
	if !strings.Contains(string(day24), `"close":"24:00"`) {
		t.Errorf("1440 should be written 24:00: %s", day24)
	}
	for _, bad := range []string{
		`{"weekly":[[{"open":"12:00","close":"09:00"}]]}`, `{"weekly":[[{"open":"25:00","close":"26:00"}]]}`,
		`{"weekly":[[{"open":"9","close":"10:00"}]]}`, `{"weekly":[[{"open":"09:60","close":"10:00"}]]}`,
		`{"weekly":[[{"open":"24:00","close":"24:30"}]]}`,
	} {
		if err := json.Unmarshal([]byte(bad), &back); err == nil {
			t.Errorf("Unmarshal(%s) accepted an impossible span", bad)
		}
	}
}

func TestHoursValidate(t *testing.T) {
	ok := Hours{Weekly: [7][]Span{{{540, 720}, {840, 1050}}}, Exceptions: []Exception{{Date: "2026-10-08", Closed: true}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", ok, err)
	}
	for _, bad := range []Hours{
		{Weekly: [7][]Span{{{840, 1050}, {540, 720}}}},                // unsorted
		{Weekly: [7][]Span{{{540, 900}, {840, 1050}}}},                // overlapping
		{Weekly: [7][]Span{nil, {{600, 600}}}},                        // empty
		{Weekly: [7][]Span{nil, nil, {{-1, 600}}}},                    // negative
		{Exceptions: []Exception{{Date: "2026-02-30", Closed: true}}}, // no such date
		{Exceptions: []Exception{{Date: "2026-10-08", Closed: true}, {Date: "2026-10-08"}}},
		{Exceptions: []Exception{{Date: "2026-10-08", Closed: true, Spans: []Span{{540, 600}}}}},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("Validate accepted %+v", bad)
		}
	}
}
