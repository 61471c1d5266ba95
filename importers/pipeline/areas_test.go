package pipeline

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/store/vocabdb"
)

// TestResolveWithoutAPointChecksNoBox: a row with no coordinates but a district column (an address-only
// mediation list) has no point to check against the district's box, so it must not be told that "the
// point lies outside" the district it names; a row whose point is really outside still is.
func TestResolveWithoutAPointChecksNoBox(t *testing.T) {
	box := [4]float64{120.10, 30.20, 120.25, 30.28}
	x := newAreaIndex([]vocabdb.Area{{Code: "330102", Level: "district", ParentCode: "330100", NameZh: "上城区",
		BBox: &box, Centre: &[2]float64{120.17, 30.25}}})
	code, warns := x.resolve("上城区", "", "", orb.Point{})
	if code != "330102" {
		t.Errorf("code %q, want 330102", code)
	}
	for _, w := range warns {
		if strings.Contains(w.Reason, "outside") {
			t.Errorf("a row without a point is warned: %s", w.Reason)
		}
	}
	_, warns = x.resolve("上城区", "", "", orb.Point{114.05, 22.54})
	if len(warns) != 1 || !strings.Contains(warns[0].Reason, "outside") {
		t.Errorf("a point outside the district: warnings %v, want the outside warning", warns)
	}
}
