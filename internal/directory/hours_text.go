package directory

import (
	"slices"
	"strings"
)

var dayNamesZh = [7]string{"周一", "周二", "周三", "周四", "周五", "周六", "周日"}

// HoursText writes a weekly schedule as the bureau's lists write it ("周一至周五 09:00-12:00,14:00-17:30；
// 周六 09:00-12:00"), for the admin form's text field and the open data CSV. ParseHours reads it back to the
// same week, so an editor who leaves the text alone, or changes one time in it, keeps the rest exactly, and
// an exported list imports again unchanged. Hours the
// parser could not read are shown as their original text (kept in Note). Dated exceptions have no text
// form; an edit of the text keeps them as they are.
func HoursText(h Hours) string {
	if h.Note != "" {
		return h.Note
	}
	if h.AlwaysOpen {
		return "24小时"
	}
	var clauses []string
	for d := 0; d < 7; {
		if len(h.Weekly[d]) == 0 {
			d++
			continue
		}
		end := d
		for end+1 < 7 && slices.Equal(h.Weekly[end+1], h.Weekly[d]) {
			end++
		}
		days := dayNamesZh[d]
		if end > d {
			days += "至" + dayNamesZh[end]
		}
		spans := make([]string, len(h.Weekly[d]))
		for i, s := range h.Weekly[d] {
			spans[i] = s.String()
		}
		clauses = append(clauses, days+" "+strings.Join(spans, ","))
		d = end + 1
	}
	if len(clauses) == 0 {
		return ""
	}
	if h.OpenOnHolidays {
		clauses = append(clauses, "节假日照常")
	}
	return strings.Join(clauses, "；")
}
