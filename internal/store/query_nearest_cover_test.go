package store

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// NearestAreaSQLForTest is the second round's statement, for the plan test in package store_test.
var NearestAreaSQLForTest = nearestAreaSQL

// Every place within d metres of the centre that lies at least p degrees away in the plane is inside one of
// the cover's boxes and passes its ellipse test: at Shenzhen, at the equator, at high latitudes north and
// south, near a pole, for radii from a metre to 100 km and for every size of the circle already read.
// The places tried are the worst ones, on the ground circle itself, in every direction, and random ones
// inside it.
func TestRadiusCoverHoldsEveryMissedPlace(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 17))
	centres := []orb.Point{{114.05, 22.54}, {0, 0}, {-70, -60}, {20, 70}, {100, -80}, {10, 89.9}, {179.9, 10}}
	for trial := 0; trial < 1500; trial++ {
		c := centres[trial%len(centres)]
		if trial%2 == 1 {
			c = orb.Point{-170 + 340*r.Float64(), -85 + 170*r.Float64()}
		}
		d := math.Exp(r.Float64() * math.Log(1e5)) // 1 m to 100 km, evenly in scale
		// p up to past the ellipse's longer semi-axis, so that every case, nothing left included, happens.
		p := 1.3 * r.Float64() * d / minMetresPerDegree(c[1], d)
		area := radiusCover(c, d, p)
		for i := 0; i < 48; i++ {
			bearing := float64(i)*7.5 + r.Float64()*7.5
			for _, x := range []orb.Point{onCircle(c, bearing, d), onCircle(c, bearing, d*r.Float64())} {
				if math.Hypot(x[0]-c[0], x[1]-c[1]) < p || math.Abs(x[0]) > 180 || geo.Distance(c, x) > d {
					continue // read by the first round, across the antimeridian, or beyond d by rounding
				}
				if !area.holds(c, x, d) {
					t.Fatalf("centre %v, d %.3f m, p %.9f°: place %v at %.3f m (planar %.9f°) outside the cover %+v",
						c, d, p, x, geo.Distance(c, x), math.Hypot(x[0]-c[0], x[1]-c[1]), area)
				}
			}
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
		area := radiusCover(c, d, 0)
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
	if area := radiusCover(c, d, 1.01*d/parallelMinDeg(c[1], d)); len(area.boxes) != 0 {
		t.Errorf("planar circle beyond the ellipse: still %d boxes", len(area.boxes))
	}
	area := radiusCover(c, d, 0.95*d/(safety*meridianMinDeg))
	if len(area.boxes) == 0 {
		t.Errorf("planar circle inside the ellipse: no boxes")
	}
	for _, b := range area.boxes {
		if b.Contains(c) {
			t.Errorf("planar circle nearly the ellipse: box %v takes in the centre, read already", b)
		}
	}
}
