package directory

import (
	"slices"
	"testing"
)

// Dashes of every kind between area code and number (one real notary list writes 0755—83001234 for every
// office) are read as DESIGN.md's one ASCII hyphen, so the number can be tapped to call.
func TestPhoneDashVariants(t *testing.T) {
	for _, s := range []string{"0755—83001234", "0755–83001234", "0755－83001234", "0755--83001234", "0755——83001234",
		"0755―83001234", "0755－－83001234", "0755 — 83001234", "0755‐83001234", "0755−83001234"} {
		p, w := ParsePhones(s)
		if !slices.Equal(p, []string{"0755-83001234"}) || len(w) != 0 {
			t.Errorf("%q -> %q %q", s, p, w)
		}
	}
	if p, _ := ParsePhones("0755—83001234、0755–83001235"); !slices.Equal(p, []string{"0755-83001234", "0755-83001235"}) {
		t.Errorf("two numbers: %q", p)
	}
	if p, _ := ParsePhones("138—1234—5678"); !slices.Equal(p, []string{"13812345678"}) {
		t.Errorf("a mobile written with dashes: %q", p)
	}
}

// Numbers already written in the one form are kept as they are, and what only looks like that form is
// read as any number is: 0086 is the country's prefix (what follows is a local number without an area
// code, odd), a second hyphen or a space by the hyphen is read as a dash again.
func TestPhonesInTheirOwnForm(t *testing.T) {
	for s, want := range map[string][]string{
		"0755-83001234":               {"0755-83001234"},
		"010-12345678、13800138000":    {"010-12345678", "13800138000"},
		"0755-83001234、0755-83001234": {"0755-83001234"},
		"0755 -83001234":              {"0755-83001234"},
		"0086-1620723":                {"0086-1620723"},
		"020-0123456":                 {"020-0123456"},
	} {
		p, w := ParsePhones(s)
		odd := want[0] == "0086-1620723" || want[0] == "020-0123456"
		if !slices.Equal(p, want) || (len(w) > 0) != odd {
			t.Errorf("%q -> %q %q, want %q (a warning: %v)", s, p, w, want, odd)
		}
	}
}
