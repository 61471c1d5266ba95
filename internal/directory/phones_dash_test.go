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
