package search

import (
	"slices"
	"testing"
)

// Initials of streets, districts and kinds are understood; initials standing for two meanings are not.
func TestInitialsOfTheVocabulary(t *testing.T) {
	a := testAnalyzer(t)
	if q := a.Query("hqb"); !slices.Contains(q.Places, "440304011") {
		t.Errorf("hqb: places %v, want 华强北 (440304011)", q.Places)
	}
	if q := a.Query("flyz"); !slices.Contains(q.Kinds, "legal_aid") {
		t.Errorf("flyz: kinds %v, want legal_aid", q.Kinds)
	}
	if q := a.Query("hqbjd"); !slices.Contains(q.Places, "440304011") {
		t.Errorf("hqbjd (华强北街道): places %v, want 440304011", q.Places)
	}

	// Two streets whose names share their initials: the key is dropped, the names still work.
	v := Vocabulary{Places: []Term{
		{Code: "440304011", Names: []string{"华强北街道"}},
		{Code: "440305099", Names: []string{"虎桥北街道"}},
	}}
	b := NewAnalyzer(v)
	if q := b.Query("hqb"); len(q.Places) != 0 {
		t.Errorf("ambiguous hqb resolved to %v", q.Places)
	}
	if q := b.Query("华强北"); !slices.Contains(q.Places, "440304011") {
		t.Errorf("华强北: places %v", q.Places)
	}
	for _, form := range []string{"12348", "DNA鉴定", "福田"} {
		if k := initialsOf(form); len(k) >= minInitials {
			t.Errorf("initialsOf(%q) = %q: mixed scripts or two characters give no key", form, k)
		}
	}
}
