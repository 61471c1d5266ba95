package api

import "testing"

// A cell a spreadsheet would run as a formula gets an apostrophe before its first character, also when it
// starts with a full-width ＝＋－＠, after spaces, or in any part after a ";" (where spreadsheets set to
// split on ";" start a new cell).
func TestCellTextGuardsFormulas(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1":                  "'=1+1",
		"＝HYPERLINK(\"x\")":     "'＝HYPERLINK(\"x\")",
		"＋86 755":               "'＋86 755",
		"－1":                    "'－1",
		"＠SUM(A1)":              "'＠SUM(A1)",
		"  =1":                  "  '=1",
		"\u3000=1":              "\u3000'=1",
		"\t=1":                  "'\t=1",
		"正常;=cmd|' /C calc'!A0": "正常;'=cmd|' /C calc'!A0",
		"a; ＝1;b":               "a; '＝1;b",
		"0755-12348;+86 755 1":  "0755-12348;'+86 755 1",
		"09:00-17:00":           "09:00-17:00",
		"婚姻家庭;交通事故":             "婚姻家庭;交通事故",
		"a=b":                   "a=b",
		"":                      "",
	} {
		if got := cellText(in); got != want {
			t.Errorf("cellText(%q) = %q, want %q", in, got, want)
		}
	}
}
