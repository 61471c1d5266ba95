package directory

import "testing"

// The admin form shows hours as text and sends the text back: what the form shows must parse to the very
// week it came from, or an editor saving an unrelated field would change the hours.
func TestHoursTextRoundTrip(t *testing.T) {
	for _, in := range []string{
		"周一至周五 9:00-12:00,14:00-17:30", "周一至周六 9:00-18:00；周日休息", "周一、三、五 9:00-17:00",
		"每天 9:00-21:00", "24小时", "周一至周五 9:00-17:00，节假日照常", "周五 20:00-次日2:00",
		"每天 20:00-次日8:00", "每天 9:00-21:00；周六 10:00-18:00", "周六日 10:00-16:00", "周一至周五 9:00-00:00",
	} {
		h, _ := ParseHours(in)
		text := HoursText(h)
		back, warnings := ParseHours(text)
		if !back.Equal(h) || len(warnings) > 0 {
			t.Errorf("%q -> %q -> %+v (warnings %q), want %+v", in, text, back, warnings, h)
		}
	}
	if got := HoursText(Hours{}); got != "" {
		t.Errorf("no hours: %q", got)
	}
	odd, _ := ParseHours("需提前预约")
	if got := HoursText(odd); got != "需提前预约" {
		t.Errorf("unparsed hours shown as %q, want the original text", got)
	}
}
