package directory

import "testing"

func TestRepeatedPlace(t *testing.T) {
	for addr, want := range map[string]string{
		"深圳市深圳市福田区华富街道深南中路1号": "深圳市",
		"广东省深圳市福田区福田区深南中路1号":  "福田区",
		"深圳市福田区深南中路1号":        "",
		"南山区南山大道1088号":        "",
		"福田街道福田街道福保路1号":       "福田街道",
		"":                    "",
		"市区市区1号":              "市区", // the first to start wins
		"区区1号":                "",   // one character is no place name
		"深圳市福田区深圳市福田区1号":      "深圳市福田区",
		"福田区福田区福田区1号":         "福田区",
	} {
		if got := RepeatedPlace(addr); got != want {
			t.Errorf("%q: %q, want %q", addr, got, want)
		}
	}
}
