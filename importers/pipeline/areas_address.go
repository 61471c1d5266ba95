package pipeline

import (
	"fmt"
	"strings"

	"github.com/paulmach/orb"
	"github.com/twpayne/go-geom"
	"github.com/twpayne/go-geom/xy"

	"legalmap/internal/geo"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/vocabdb"
)

// Placements of a record's point (providers.placement).
const (
	PlacedExact       = "exact"
	PlacedApproximate = "approximate"
	PlacedUnplaced    = "unplaced"
)

var levelRank = map[string]int{"city": 0, "district": 1, "street": 2, "community": 3}

// areaNode is what the address lookup needs of an area.
type areaNode struct {
	code, level, parent, name string
	centre                    *orb.Point
}

// addressIndex finds the areas an address names, by their full names (福田区, 华富街道, 新洲社区): the
// short forms (福田, 华富) are also the names of roads and buildings, and would place a record in the wrong
// street.
type addressIndex struct {
	byCode  map[string]*areaNode
	levels  [4][]*areaNode // by level rank, longest names first within each
	bounded []boundedArea  // areas with a loaded boundary, smallest level first
}

// boundedArea is an area's boundary, prepared for many points: boxes rule most points out cheaply, at the
// area and at each of its polygons, and the rings are kept flat for the crossing test, which then reads
// only the ring itself (orb's planar test measures a ring's box again on every call).
type boundedArea struct {
	code  string
	box   orb.Bound
	parts []boundedPolygon
}

type boundedPolygon struct {
	box   orb.Bound
	rings [][]float64 // the outer ring, then the holes, as x, y pairs
}

func newBoundedArea(code string, mp orb.MultiPolygon) boundedArea {
	b := boundedArea{code: code, box: mp.Bound()}
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		part := boundedPolygon{box: poly.Bound()}
		for _, ring := range poly {
			flat := make([]float64, 0, 2*len(ring))
			for _, pt := range ring {
				flat = append(flat, pt[0], pt[1])
			}
			part.rings = append(part.rings, flat)
		}
		b.parts = append(b.parts, part)
	}
	return b
}

// contains: p lies in one of the area's polygons (on its edge counts), outside that polygon's holes.
func (b *boundedArea) contains(p orb.Point) bool {
	if !b.box.Contains(p) {
		return false
	}
	c := geom.Coord{p[0], p[1]}
	for _, part := range b.parts {
		if !part.box.Contains(p) || !xy.IsPointInRing(geom.XY, c, part.rings[0]) {
			continue
		}
		inHole := false
		for _, hole := range part.rings[1:] {
			if xy.IsPointInRing(geom.XY, c, hole) {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

func newAddressIndex(areas []vocabdb.Area, boundaries map[string]orb.MultiPolygon) *addressIndex {
	x := &addressIndex{byCode: map[string]*areaNode{}}
	for r := 3; r >= 1; r-- {
		for _, a := range areas {
			if mp, ok := boundaries[a.Code]; ok && levelRank[a.Level] == r {
				x.bounded = append(x.bounded, newBoundedArea(a.Code, mp))
			}
		}
	}
	for _, a := range areas {
		n := &areaNode{code: a.Code, level: a.Level, parent: a.ParentCode, name: placeKey(a.NameZh)}
		if a.Centre != nil {
			n.centre = &orb.Point{a.Centre[0], a.Centre[1]}
		}
		x.byCode[a.Code] = n
		if r, ok := levelRank[a.Level]; ok && len([]rune(n.name)) >= 2 {
			x.levels[r] = append(x.levels[r], n)
		}
	}
	for _, l := range x.levels {
		for i := 1; i < len(l); i++ { // insertion sort: longest name first, so 新安街道 wins over 安街道
			for j := i; j > 0 && len(l[j].name) > len(l[j-1].name); j-- {
				l[j], l[j-1] = l[j-1], l[j]
			}
		}
	}
	return x
}

// inAddress returns the smallest area the address names, consistent with the larger ones it names (a
// street must lie in the district the address names), or "".
func (x *addressIndex) inAddress(address string) string {
	addr := placeKey(address)
	found := ""
	for r := 1; r <= 3; r++ {
		for _, n := range x.levels[r] {
			if !strings.Contains(addr, n.name) {
				continue
			}
			if found != "" && !x.within(n.code, found) {
				continue
			}
			found = n.code
			break
		}
	}
	return found
}

// within reports whether code lies in (or is) the area anc.
func (x *addressIndex) within(code, anc string) bool {
	for i := 0; i < 5 && code != ""; i++ {
		if code == anc {
			return true
		}
		n := x.byCode[code]
		if n == nil {
			if n = x.streetOfNew(code); n == nil {
				return false
			}
			code = n.code
			continue
		}
		code = n.parent
	}
	return false
}

// streetOfNew is the street of a community this run registered (areaIndex.community: the street's code and
// three digits), which the index, built before the run, does not hold; nil for any other code.
func (x *addressIndex) streetOfNew(code string) *areaNode {
	if len(code) <= 3 {
		return nil
	}
	if n := x.byCode[code[:len(code)-3]]; n != nil && n.level == "street" {
		return n
	}
	return nil
}

// deeper returns the more precise of two area codes when one lies in the other, else a.
func (x *addressIndex) deeper(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case x.within(b, a):
		return b
	}
	return a
}

// centreOf is where an area is drawn: its own centre or its nearest ancestor's; the name is the area's.
func (x *addressIndex) centreOf(code string) (orb.Point, string, bool) {
	n := x.byCode[code]
	if n == nil {
		n = x.streetOfNew(code)
	}
	if n == nil {
		return orb.Point{}, "", false
	}
	name := n.name
	for i := 0; i < 5 && n != nil; i++ {
		if n.centre != nil && n.level != "city" {
			return *n.centre, name, true
		}
		n = x.byCode[n.parent]
	}
	return orb.Point{}, name, false
}

// containing is the smallest area whose boundary covers p (the same rule as SQL area_at), or "".
func (x *addressIndex) containing(p orb.Point) string {
	for i := range x.bounded {
		if x.bounded[i].contains(p) {
			return x.bounded[i].code
		}
	}
	return ""
}

// byBoundary files a placed row under the smallest area whose loaded boundary covers its point, whatever
// its address or district column says (a list's district is sometimes where the office is registered, not
// where it is). A named area inside that one (a community without a boundary) is kept.
func (e *rowEnv) byBoundary(rec *importdb.StagedProvider, p orb.Point, w *[]Issue) {
	x := e.v.address
	found := x.containing(p)
	if found == "" || rec.AreaCode == found || (rec.AreaCode != "" && x.within(rec.AreaCode, found)) {
		return
	}
	if rec.AreaCode != "" && !x.within(found, rec.AreaCode) {
		was, is := x.byCode[rec.AreaCode], x.byCode[found]
		if was != nil && is != nil {
			*w = append(*w, Issue{Field: "district", Reason: fmt.Sprintf("坐标位于%s，不在所填的%s，按坐标归入%s / the point lies in %s, not in %s as written: filed under %s",
				is.name, was.name, is.name, is.name, was.name, is.name)})
		}
	}
	rec.AreaCode = found
}

// regionOf is the service region around the loaded districts.
func regionOf(areas []vocabdb.Area) geo.Region {
	var bounds []orb.Bound
	for _, a := range areas {
		if a.Level == "district" && a.BBox != nil {
			bounds = append(bounds, orb.Bound{Min: orb.Point{a.BBox[0], a.BBox[1]}, Max: orb.Point{a.BBox[2], a.BBox[3]}})
		}
	}
	return geo.RegionAround(bounds)
}
