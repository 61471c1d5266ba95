package pipeline

import (
	"strings"
	"testing"
)

func TestDerivedIDIsStableAndTellsPlacesApart(t *testing.T) {
	a := derivedID("深圳市 福田公证处", "深圳市福田区福华一路 1 号")
	same := []struct{ name, address string }{
		{"深圳市福田公证处", "深圳市福田区福华一路1号"},
		{" 深圳市福田公证处\u3000", "深圳市福田区福华一路１号"}, // full-width digit and space
		{"深圳市福田公证处。", "深圳市福田区，福华一路1号"},
	}
	for _, s := range same {
		if got := derivedID(s.name, s.address); got != a {
			t.Errorf("derivedID(%q, %q) = %s, want %s", s.name, s.address, got, a)
		}
	}
	other := []struct{ name, address string }{
		{"深圳市福田公证处", "深圳市福田区福华一路2号"},
		{"深圳市南山公证处", "深圳市福田区福华一路1号"},
		{"深圳市福田公证处深圳市福田区", "福华一路1号"}, // the boundary between the two counts
	}
	for _, s := range other {
		if got := derivedID(s.name, s.address); got == a {
			t.Errorf("derivedID(%q, %q) equals the id of another place", s.name, s.address)
		}
	}
	if !strings.HasPrefix(a, derivedIDPrefix) || len(a) != len(derivedIDPrefix)+16 {
		t.Errorf("derived id %q", a)
	}
}
