package store

import (
	"math"

	"github.com/paulmach/orb"
)

// The geometry behind Nearest's completeness proofs: how far, in degrees, a place within d metres of a
// point can be, and which boxes of the spatial index can hold a place that the planar KNN scan has not
// reached yet. Every bound here is conservative (never smaller than the truth): a box too large costs
// rows read, a box too small would lose a place.

// WGS84 figures for the bounds below.
const (
	wgs84A  = 6378137.0
	wgs84E2 = 0.00669437999014 // first eccentricity squared
	// meridianMinDeg is the shortest degree of latitude (at the equator): a(1-e²)·π/180 metres.
	meridianMinDeg = wgs84A * (1 - wgs84E2) * math.Pi / 180
	// safety absorbs rounding: bounds are meant to be conservative, never tight.
	safety = 0.999
	// planarSlack is an absolute margin where safety is relative, for distances of millimetres: the
	// planar ones are rounded by a few 1e-14 units (nanometres) when coordinates near 180 are scaled and
	// subtracted (by PostGIS to order the scan, by planarDistance to bound it; the two may round
	// differently), and geo.Distance is good to about 10 µm (its iteration stops at 1e-12 radians of
	// longitude), a large part of a millimetre. 1e-9 units is about 0.1 mm.
	planarSlack = 1e-9
)

// parallelMinDeg is a lower bound on the ground length of one degree of longitude anywhere a geodesic of
// length d starting at latitude lat can reach: it stays within d metres, so within d/meridianMinDeg
// degrees of latitude of its start, where the parallels are no shorter than at the band's poleward edge.
func parallelMinDeg(lat, d float64) float64 {
	phi := math.Min(90, math.Abs(lat)+d/meridianMinDeg) * math.Pi / 180
	s := math.Sin(phi)
	return safety * wgs84A / math.Sqrt(1-wgs84E2*s*s) * math.Cos(phi) * math.Pi / 180
}

// planarDistance is the distance from a to b in the KNN index's plane, knn_point(lng, lat) =
// (lng·scale, lat) in sql/050_nearest_knn.sql, as PostGIS's `<->` computes it (within rounding, which
// planarSlack absorbs).
func planarDistance(a, b orb.Point, scale float64) float64 {
	dx := float64(b[0]*scale) - float64(a[0]*scale) // the conversions forbid a fused multiply-add
	return math.Hypot(dx, b[1]-a[1])
}

// meridianDeg is a lower bound on the ground length of one degree of latitude anywhere a geodesic of
// length d starting at latitude lat can reach: the meridian's degree grows from the equator to the poles,
// so it is shortest at the band's equatorward edge. (At Shenzhen it is 0.15% longer than at the equator,
// the bound used before: that much closer to the truth, that many fewer second rounds.)
func meridianDeg(lat, d float64) float64 {
	phi := math.Max(0, math.Abs(lat)-d/meridianMinDeg) * math.Pi / 180
	s := math.Sin(phi)
	w := 1 - wgs84E2*s*s
	return safety * meridianMinDeg / (w * math.Sqrt(w))
}

// minMetresPerDegree is a lower bound on the ground length of one degree, in any direction, within d
// metres of latitude lat.
func minMetresPerDegree(lat, d float64) float64 {
	return math.Min(safety*meridianMinDeg, parallelMinDeg(lat, d))
}

// minMetresPerUnit is a lower bound on the ground length of one unit of the KNN index's plane (degrees,
// longitude multiplied by scale), in any direction, along any path within d metres of latitude lat.
// One unit in the direction (u, v), u² + v² = 1, is u/scale degrees of longitude and v of latitude, at
// least √((u·β/scale)² + (v·α)²) metres with α and β the shortest degrees of latitude and longitude in
// reach, so at least min(α, β/scale). A place p units away in the plane is then at least p times this
// far on the ground, if it is within d at all. At the latitude the scale was made for the two are equal
// give or take the band's width, and the bound is the truth within a few tenths of a per cent; elsewhere
// one direction is longer than the other and the bound is the shorter (at 60°N, 46% below the meridian's).
func minMetresPerUnit(lat, d, scale float64) float64 {
	return math.Min(meridianDeg(lat, d), parallelMinDeg(lat, d)/scale)
}

// RadiusBox is a box in degrees holding every point within r metres of p on the spheroid (conservatively
// larger), for an index condition ahead of the exact ST_DWithin test.
func RadiusBox(p orb.Point, r float64) orb.Bound {
	dLat := r / (safety * meridianMinDeg)
	minLat, maxLat := math.Max(-90, p[1]-dLat), math.Min(90, p[1]+dLat)
	k := minMetresPerDegree(p[1], r)
	if k < 1 || maxLat >= 90 || minLat <= -90 { // a pole is inside: every longitude
		return orb.Bound{Min: orb.Point{-180, minLat}, Max: orb.Point{180, maxLat}}
	}
	dLng := r / k
	return orb.Bound{Min: orb.Point{math.Max(-180, p[0]-dLng), minLat}, Max: orb.Point{math.Min(180, p[0]+dLng), maxLat}}
}

// coverStrips is the number of latitude strips in each half (north, south) of the ellipse in
// radiusCover; each strip is one box, or two where the first round's circle cuts it. More strips fit the
// ellipse closer, so fewer rows just outside it are read from the table, at the price of one index
// descent per box. On the million-place benchmark the database time per answer was least from 12 to 24
// strips (0.80 ms, against 1.04 ms with 6 and 1.20 ms with 4).
const coverStrips = 16

// missedArea is where the places Nearest's first round may have missed can lie: inside one of the boxes
// (degrees; one index condition) and inside the ellipse (βΔλ)² + (αΔφ)² ≤ d² (metres; a cheap test on
// the row that spares the exact spheroid distance for rows the boxes hold beyond it).
type missedArea struct {
	boxes       []orb.Bound
	alpha, beta float64 // lower bounds of the metres in a degree of latitude and of longitude; 0: no ellipse test
}

// radiusCover is the missedArea for places within d metres of c on the spheroid whose distance from c in
// the KNN index's plane (longitude multiplied by scale) is at least p: the first round, a KNN scan that
// stopped at planar distance p, read every place nearer in that plane, an ellipse of p/scale degrees of
// longitude by p of latitude. No boxes means there are none.
//
// Why not RadiusBox alone: the places of this city come in dense clusters, and the corners of a box
// around the search circle (27% more ground than the circle, reaching 41% farther out) often cut into
// one. On the million-place benchmark such a box held 614 rows on average (6,163 at the 99th
// percentile) where the circle held 17; each is a heap page read.
//
// The shape: within the latitude band a geodesic of length d can reach, one degree of latitude is at
// least α metres and one of longitude at least β, so the ground length of any path is at least its
// length in the plane scaled by (β, α), and a place within d metres lies in the ellipse
// (βΔλ)² + (αΔφ)² ≤ d² (no wrap across the antimeridian, as with RadiusBox). Away from the poles α and β
// are within a fraction of a per cent of the true figures, so the ellipse is nearly the ground circle.
// It is cut into latitude strips, finer towards its ends where its edge turns fastest; each strip gives
// the box from the edge of the region already read (p units in the plane) out to the ellipse's edge on
// either side.
func radiusCover(c orb.Point, d, p, scale float64) missedArea {
	alpha, beta := meridianDeg(c[1], d), parallelMinDeg(c[1], d)
	a, b := d/beta, d/alpha // semi-axes in degrees: longitude, latitude
	switch {
	case beta < 1 || c[1]+b >= 90 || c[1]-b <= -90:
		return missedArea{boxes: []orb.Bound{RadiusBox(c, d)}} // a pole within reach: every longitude
	case d <= 0:
		// Places on the very point: the first round may have read only some of them, and their ids
		// decide the order.
		return missedArea{boxes: []orb.Bound{{Min: c, Max: c}}}
	case p/scale > a && p > b:
		return missedArea{} // the planar circle already holds the ellipse
	}
	// Places at planar distance exactly p may or may not have been read: shrink the excluded circle a
	// little so the boxes take them in, whatever the rounding.
	p = p*(1-1e-9) - planarSlack
	area := missedArea{alpha: alpha, beta: beta}
	prev := -b
	for j := -coverStrips + 1; j <= coverStrips; j++ {
		y0, y1 := prev, b*math.Sin(math.Pi/2*float64(j)/coverStrips)
		prev = y1
		near, far := math.Min(math.Abs(y0), math.Abs(y1)), math.Max(math.Abs(y0), math.Abs(y1))
		if y0 < 0 && y1 > 0 {
			near = 0
		}
		outer := a * math.Sqrt(math.Max(0, 1-(near/b)*(near/b))) // the ellipse's widest point in the strip
		inner := 0.0                                             // the region read, at its narrowest
		if p > far {
			inner = math.Sqrt(p*p-far*far) / scale
		}
		if inner > outer {
			continue
		}
		lat0, lat1 := c[1]+y0, c[1]+y1
		if inner == 0 {
			area.boxes = appendBox(area.boxes, c[0]-outer, lat0, c[0]+outer, lat1)
			continue
		}
		area.boxes = appendBox(area.boxes, c[0]+inner, lat0, c[0]+outer, lat1)
		area.boxes = appendBox(area.boxes, c[0]-outer, lat0, c[0]-inner, lat1)
	}
	return area
}

// appendBox adds the box clipped to the range of longitudes, unless nothing of it is left.
func appendBox(out []orb.Bound, minLng, minLat, maxLng, maxLat float64) []orb.Bound {
	minLng, maxLng = math.Max(-180, minLng), math.Min(180, maxLng)
	if minLng > maxLng {
		return out
	}
	return append(out, orb.Bound{Min: orb.Point{minLng, minLat}, Max: orb.Point{maxLng, maxLat}})
}
