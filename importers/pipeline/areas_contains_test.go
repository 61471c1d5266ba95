package pipeline

import (
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"legalmap/importers/areas"
)

// The prepared boundaries answer as orb's planar test does, for Shenzhen's shipped district boundaries
// (data/areas): at random points over their box, and at their own vertices (on the edge counts as in).
func TestBoundedAreaContainsAsPlanar(t *testing.T) {
	f, err := areas.Read("../../data/areas/shenzhen-districts.geojson", "wgs84")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(7, 11))
	checked, inside := 0, 0
	for _, a := range f.Areas {
		mp := a.Boundary
		b := newBoundedArea(a.Code, mp)
		box := mp.Bound().Pad(0.01)
		pts := make([]orb.Point, 0, 3000)
		for range 2000 {
			pts = append(pts, orb.Point{box.Min[0] + r.Float64()*(box.Max[0]-box.Min[0]), box.Min[1] + r.Float64()*(box.Max[1]-box.Min[1])})
		}
		for i, p := range mp[0][0] {
			if i%7 == 0 {
				pts = append(pts, p)
			}
		}
		for _, p := range pts {
			want := planar.MultiPolygonContains(mp, p)
			if got := b.contains(p); got != want {
				t.Errorf("%s at %v: contains %v, planar %v", a.Code, p, got, want)
			}
			checked++
			if want {
				inside++
			}
		}
	}
	if checked == 0 || inside == 0 || inside == checked {
		t.Fatalf("%d points checked, %d inside: the test saw no contrast", checked, inside)
	}
}
