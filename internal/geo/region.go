package geo

import (
	"strings"

	"github.com/paulmach/orb"
)

// Region is the rectangle the service covers, in WGS84 degrees. Points outside it are refused at import
// (which also catches swapped latitude and longitude) and searches are centred within it.
type Region struct {
	MinLng, MinLat, MaxLng, MaxLat float64
}

// Shenzhen is the default service region: the union of the bounding boxes of Shenzhen's 9 districts in
// shared/data/shenzhen-areas.csv (lng 113.7463 .. 114.6240, lat 22.3993 .. 22.8647), widened by 0.05 degree
// on every side so that points on the edge of a district, and district outlines that are only good to a few
// hundred metres, stay inside. TestShenzhenMatchesAreaFile recomputes it from a copy of that file.
var Shenzhen = Region{MinLng: 113.6963, MinLat: 22.3493, MaxLng: 114.6740, MaxLat: 22.9147}

// Contains reports whether p lies in the region, edges included.
func (r Region) Contains(p orb.Point) bool {
	return p[0] >= r.MinLng && p[0] <= r.MaxLng && p[1] >= r.MinLat && p[1] <= r.MaxLat
}

// Bound is the region as an orb.Bound.
func (r Region) Bound() orb.Bound {
	return orb.Bound{Min: orb.Point{r.MinLng, r.MinLat}, Max: orb.Point{r.MaxLng, r.MaxLat}}
}

// Center is the middle of the region, where a map opens when it knows nothing better.
func (r Region) Center() orb.Point {
	return orb.Point{(r.MinLng + r.MaxLng) / 2, (r.MinLat + r.MaxLat) / 2}
}

// ParseRegion reads "minLng,minLat,maxLng,maxLat" (the SERVICE_REGION setting) with the same strict rules as
// a bbox, and also refuses an empty area: a region of one line or point is surely a typing mistake.
func ParseRegion(s string) (Region, error) {
	b, err := parseBox("region", s)
	if err != nil {
		return Region{}, err
	}
	if b.Min[0] == b.Max[0] || b.Min[1] == b.Max[1] {
		return Region{}, &FieldError{Field: "region", Reason: "区域面积为零 / the region has no area"}
	}
	return Region{MinLng: b.Min[0], MinLat: b.Min[1], MaxLng: b.Max[0], MaxLat: b.Max[1]}, nil
}

// String gives the region back in the form ParseRegion reads.
func (r Region) String() string {
	return strings.Join([]string{formatDeg(r.MinLng), formatDeg(r.MinLat), formatDeg(r.MaxLng), formatDeg(r.MaxLat)}, ",")
}

// SwappedLatLng reports whether p looks like a point whose latitude and longitude were exchanged: outside r
// as given, inside r when swapped. Importers reject such rows with a reason that says so.
func SwappedLatLng(p orb.Point, r Region) bool {
	return !r.Contains(p) && r.Contains(orb.Point{p[1], p[0]})
}

// regionMargin widens the loaded areas' extent so that places on an edge (a pier, an island the outline
// simplifies away) are still inside.
const regionMargin = 0.05

// RegionAround is the service region of a city whose areas have the given bounds: their extent with a
// margin. Zero when there are none.
func RegionAround(bounds []orb.Bound) Region {
	var r Region
	for i, b := range bounds {
		if i == 0 {
			r = Region{MinLng: b.Min[0], MinLat: b.Min[1], MaxLng: b.Max[0], MaxLat: b.Max[1]}
			continue
		}
		r.MinLng, r.MinLat = min(r.MinLng, b.Min[0]), min(r.MinLat, b.Min[1])
		r.MaxLng, r.MaxLat = max(r.MaxLng, b.Max[0]), max(r.MaxLat, b.Max[1])
	}
	if len(bounds) > 0 {
		r.MinLng, r.MinLat, r.MaxLng, r.MaxLat = r.MinLng-regionMargin, r.MinLat-regionMargin, r.MaxLng+regionMargin, r.MaxLat+regionMargin
	}
	return r
}
