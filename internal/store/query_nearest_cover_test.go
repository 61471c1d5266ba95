package store

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// NearestAreaStatementForTest is the second round's statement over boxes, for the plan test in package
// store_test.
func NearestAreaStatementForTest(q NearestQuery, boxes []orb.Bound, metres, beta, alpha float64) (string, []any) {
	return areaStatement(q, missedArea{boxes: boxes, beta: beta, alpha: alpha}, metres, q.Limit)
}

// shenzhenScale is knn_scale() of sql/050_nearest_knn.sql; TestKNNScaleIsShenzhens checks the two agree.
const shenzhenScale = 0.928295

// Every place within d metres of the centre that lies at least p units away in the KNN plane is inside one
// of the cover's boxes and passes its ellipse test: at Shenzhen, at the equator, at high latitudes north
// and south, near a pole, for radii from a metre to 100 km, for every size of the region already read, and
// for Shenzhen's scale of longitude, plain degrees and scales made for other latitudes. The places tried
// are the worst ones, on the ground circle itself, in every direction, and random ones inside it.
func TestRadiusCoverHoldsEveryMissedPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 17))
	centres := []orb.Point{{114.05, 22.54}, {0, 0}, {-70, -60}, {20, 70}, {100, -80}, {10, 89.9}, {179.9, 10}, {30, 60}}
	for trial := 0; trial < 2000; trial++ {
		c := centres[trial%len(centres)]
		if trial%2 == 1 {
			c = orb.Point{-170 + 340*r.Float64(), -85 + 170*r.Float64()}
		}
		scale := []float64{shenzhenScale, 1, 0.5, 0.2 + r.Float64()}[trial%4]
		d := math.Exp(r.Float64() * math.Log(1e5)) // 1 m to 100 km, evenly in scale
		// p up to past the ellipse's longer semi-axis, so that every case, nothing left included, happens.
		p := 1.5 * r.Float64() * d / minMetresPerUnit(c[1], d, scale)
		area := radiusCover(c, d, p, scale)
		for i := 0; i < 48; i++ {
			bearing := float64(i)*7.5 + r.Float64()*7.5
			for _, x := range []orb.Point{onCircle(c, bearing, d), onCircle(c, bearing, d*r.Float64())} {
				if planarDistance(c, x, scale) < p || math.Abs(x[0]) > 180 || geo.Distance(c, x) > d {
					continue // read by the first round, across the antimeridian, or beyond d by rounding
				}
				if !area.holds(c, x, d) {
					t.Fatalf("centre %v, scale %v, d %.3f m, p %.9f: place %v at %.3f m (planar %.9f) outside the cover %+v",
						c, scale, d, p, x, geo.Distance(c, x), planarDistance(c, x, scale), area)
				}
			}
		}
	}
}

// minMetresPerUnit never exceeds the ground length of a path within d metres per unit of its length in
// the plane (else the first round would call an answer complete with a nearer place unread): for places
// on and inside the ground circle in every direction, at Shenzhen, the equator, 60°N, 75°S and by the
// pole, with Shenzhen's scale and others. At Shenzhen's latitudes with Shenzhen's scale it is also the
// truth within 0.4% in every direction, which is what spares the second round there.
func TestMinMetresPerUnitIsALowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 29))
	centres := []orb.Point{{114.05, 22.54}, {113.7, 22.35}, {114.6, 22.91}, {0, 0}, {10, -0.01}, {30, 60}, {-60, -75}, {0, 89.97}}
	for trial := 0; trial < 800; trial++ {
		c := centres[trial%len(centres)]
		scale := []float64{shenzhenScale, shenzhenScale, 1, 0.3 + r.Float64()}[trial%4]
		d := math.Exp(r.Float64() * math.Log(1e5))
		m := minMetresPerUnit(c[1], d, scale)
		least := math.Inf(1) // the least metres per unit found, on the circle of radius d
		for i := 0; i < 72; i++ {
			bearing := float64(i)*5 + r.Float64()*5
			for _, x := range []orb.Point{onCircle(c, bearing, d), onCircle(c, bearing, d*r.Float64())} {
				g, u := geo.Distance(c, x), planarDistance(c, x, scale)
				if u == 0 || g > d {
					continue
				}
				if (u-planarSlack)*m > g {
					t.Fatalf("centre %v, scale %v, d %.3f m: place %v at %.4f m is %.9f units away, bound %.4f m per unit claims %.4f m",
						c, scale, d, x, g, u, m, u*m)
				}
				if g > d/2 {
					least = math.Min(least, g/u)
				}
			}
		}
		shenzhen := c[1] > 22.3 && c[1] < 23 && scale == shenzhenScale && d < 50000
		if shenzhen && m < 0.996*least {
			t.Errorf("centre %v, d %.0f m: bound %.1f m per unit, %.2f%% below the least found (%.1f)", c, d, m, 100*(1-m/least), least)
		}
	}
}

// holds reports whether the statement of the second round would read x: inside a box, and inside the ellipse.
func (a missedArea) holds(c, x orb.Point, d float64) bool {
	if a.alpha > 0 {
		dx, dy := a.beta*(x[0]-c[0]), a.alpha*(x[1]-c[1])
		if dx*dx+dy*dy > d*d {
			return false
		}
	}
	for _, b := range a.boxes {
		if b.Contains(x) {
			return true
		}
	}
	return false
}

// onCircle walks from c along a straight line in degrees (bearing clockwise from north, on the plane of
// degrees scaled by the parallel's length) to the last point within d metres, by bisection.
func onCircle(c orb.Point, bearing, d float64) orb.Point {
	rad := bearing * math.Pi / 180
	at := func(k float64) orb.Point {
		return orb.Point{c[0] + k*math.Sin(rad)/math.Max(1e-6, math.Cos(c[1]*math.Pi/180)), math.Max(-90, math.Min(90, c[1]+k*math.Cos(rad)))}
	}
	lo, hi := 0.0, 2*d/100000+1e-9
	for geo.Distance(c, at(hi)) < d && hi < 360 {
		hi *= 2
	}
	for i := 0; i < 60; i++ {
		mid := (lo + hi) / 2
		if geo.Distance(c, at(mid)) <= d {
			lo = mid
		} else {
			hi = mid
		}
	}
	return at(lo)
}

// The cover is tight: at Shenzhen's latitude, with nothing read yet, its boxes hold little more than the
// ellipse (the point of it: a box around the circle would hold 27% more ground, in its corners), and
// the ellipse is the ground circle within a fraction of a per cent.
func TestRadiusCoverIsTight(t *testing.T) {
	c := orb.Point{114.05, 22.54}
	for _, d := range []float64{50, 1000, 20000} {
		area := radiusCover(c, d, 0, shenzhenScale)
		var boxes float64
		for _, b := range area.boxes {
			boxes += (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1])
		}
		a, b := d/area.beta, d/area.alpha
		if ellipse := math.Pi * a * b; boxes > 1.1*ellipse {
			t.Errorf("d %v: boxes cover %.4g square degrees, %.1f%% more than the ellipse", d, boxes, 100*(boxes/ellipse-1))
		}
		// The ellipse's ends are on the ground circle, give or take 0.5%.
		for _, end := range []orb.Point{{c[0] + a, c[1]}, {c[0], c[1] + b}} {
			if g := geo.Distance(c, end); g < d || g > 1.005*d {
				t.Errorf("d %v: the ellipse reaches %v, %.2f m away", d, end, g)
			}
		}
	}
	// A first round that read past the ellipse leaves nothing to read; one that read a little leaves
	// only the boxes between its circle and the ellipse.
	d := 1000.0
	if area := radiusCover(c, d, 1.01*d/minMetresPerUnit(c[1], d, shenzhenScale), shenzhenScale); len(area.boxes) != 0 {
		t.Errorf("planar circle beyond the ellipse: still %d boxes", len(area.boxes))
	}
	area := radiusCover(c, d, 0.95*d/meridianDeg(c[1], d), shenzhenScale)
	if len(area.boxes) == 0 {
		t.Errorf("planar circle inside the ellipse: no boxes")
	}
	for _, b := range area.boxes {
		if b.Contains(c) {
			t.Errorf("planar circle nearly the ellipse: box %v takes in the centre, read already", b)
		}
	}
}

// The search statements without exports of their own, for the generic plan test in package store_test.
var (
	SearchMatchesInSQLForTest      = searchMatchesInSQL
	MatchedPractitionersSQLForTest = matchedPractitionersSQL
)

// PlanarDistanceForTest is planarDistance, for store_test to compare with PostGIS's.
var PlanarDistanceForTest = planarDistance
