package pipeline

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"golang.org/x/text/width"

	"legalmap/internal/geo"
)

// pointInput is where a row's coordinates come from: lng and lat columns, one coordinates column
// ("lng,lat"), or a GeoJSON geometry.
type pointInput struct {
	lng, lat, coords string
	geometry         *[]float64
	hasColumns       bool // the file has lng+lat or coordinates columns
}

// asWritten is the row's point as the file gives it (the cells as typed, or the geometry's numbers), for
// messages: a bureau finds the row by what it wrote, not by a converted value.
func (in pointInput) asWritten(raw orb.Point) string {
	switch {
	case strings.TrimSpace(in.lng) != "" || strings.TrimSpace(in.lat) != "":
		return fmt.Sprintf("「%s, %s」", strings.TrimSpace(in.lng), strings.TrimSpace(in.lat))
	case strings.TrimSpace(in.coords) != "":
		return fmt.Sprintf("「%s」", strings.TrimSpace(in.coords))
	}
	return fmt.Sprintf("(%g, %g)", raw[0], raw[1])
}

// none reports that the row gives no coordinates at all: no cells, and no geometry to take them from.
func (in pointInput) none() bool {
	noCells := strings.TrimSpace(in.lng) == "" && strings.TrimSpace(in.lat) == "" && strings.TrimSpace(in.coords) == ""
	return noCells && in.geometry == nil
}

// pointRules converts and checks a point: parsed strictly, declared coordinate system converted to WGS84,
// refused when it is a placeholder, out of range, swapped or outside the service region.
type pointRules struct {
	crs    geo.CRS
	region geo.Region
}

// point returns the row's WGS84 point or the rejection (field and reason).
func (r pointRules) point(in pointInput) (orb.Point, *Issue) {
	raw, is := r.parse(in)
	if is != nil {
		return orb.Point{}, is
	}
	if raw[0] == 0 || raw[1] == 0 {
		return orb.Point{}, &Issue{Field: "lng", Reason: fmt.Sprintf("占位坐标 (%g, %g)，不是真实位置 / placeholder point (%g, %g), not a real place", raw[0], raw[1], raw[0], raw[1])}
	}
	if geo.SwappedLatLng(raw, r.region) {
		return orb.Point{}, &Issue{Field: "lat", Reason: fmt.Sprintf("经纬度颠倒 / latitude and longitude swapped (lng %g, lat %g)", raw[0], raw[1])}
	}
	if raw[1] < -90 || raw[1] > 90 {
		return orb.Point{}, &Issue{Field: "lat", Reason: fmt.Sprintf("纬度 %g 超出 -90 到 90 / latitude %g out of range -90..90", raw[1], raw[1])}
	}
	p := geo.ToWGS84(raw, r.crs)
	if !r.region.Contains(p) {
		v := in.asWritten(raw)
		return orb.Point{}, &Issue{Field: "lng", Reason: fmt.Sprintf("坐标 %s 不在服务区域 %s 内 / point %s outside the service region %s",
			v, r.region, v, r.region)}
	}
	return p, nil
}

func (r pointRules) parse(in pointInput) (orb.Point, *Issue) {
	noCells := strings.TrimSpace(in.lng) == "" && strings.TrimSpace(in.lat) == "" && strings.TrimSpace(in.coords) == ""
	if in.geometry != nil && (!in.hasColumns || noCells) {
		g := *in.geometry
		if len(g) < 2 || len(g) > 3 {
			return orb.Point{}, &Issue{Field: "geometry", Reason: fmt.Sprintf("点坐标应有 2 或 3 个数，实际 %d 个 / a point needs 2 or 3 numbers, got %d", len(g), len(g))}
		}
		for _, v := range g[:2] {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < -180 || v > 180 {
				return orb.Point{}, &Issue{Field: "geometry", Reason: fmt.Sprintf("坐标值 %g 无效 / coordinate %g invalid", v, v)}
			}
		}
		return orb.Point{g[0], g[1]}, nil
	}
	// Full-width digits and signs (１１４．０５) are how some spreadsheets print numbers.
	lngS, latS, field := foldWidth(in.lng), foldWidth(in.lat), "lng"
	if strings.TrimSpace(lngS) == "" && strings.TrimSpace(latS) == "" && in.coords != "" {
		var ok bool
		if lngS, latS, ok = splitCoords(foldWidth(in.coords)); !ok {
			return orb.Point{}, &Issue{Field: "coordinates", Reason: fmt.Sprintf("坐标「%s」应为「经度,纬度」/ coordinates %q must be \"lng,lat\"", in.coords, in.coords)}
		}
		field = "coordinates"
	}
	if strings.TrimSpace(lngS) == "" && strings.TrimSpace(latS) == "" {
		return orb.Point{}, &Issue{Field: field, Reason: "缺少坐标 / coordinates missing"}
	}
	// Both parsed in ±180 first: a latitude of 114 is a swapped pair, which point() names as such.
	lng, err := geo.ParseCoord("lng", lngS, -180, 180)
	if err != nil {
		return orb.Point{}, coordIssue(field, err)
	}
	lat, err := geo.ParseCoord("lat", latS, -180, 180)
	if err != nil {
		return orb.Point{}, coordIssue(field, err)
	}
	return orb.Point{lng, lat}, nil
}

// foldWidth writes full-width characters as their usual forms; ASCII, which it leaves as it is, is what
// nearly every cell of numbers holds.
func foldWidth(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return width.Fold.String(s)
		}
	}
	return s
}

func coordIssue(field string, err error) *Issue {
	var fe *geo.FieldError
	if errors.As(err, &fe) {
		if field == "coordinates" {
			return &Issue{Field: field, Reason: fe.Field + ": " + fe.Reason}
		}
		return &Issue{Field: fe.Field, Reason: fe.Reason}
	}
	return &Issue{Field: field, Reason: err.Error()}
}

// splitCoords reads "lng,lat" as map tools copy it: a comma (half- or full-width) or spaces between.
func splitCoords(s string) (string, string, bool) {
	s = strings.NewReplacer("，", ",", "、", ",", ";", ",", "；", ",").Replace(strings.TrimSpace(s))
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		parts = strings.Fields(s)
	}
	if len(parts) != 2 {
		return "", "", false
	}
	return strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), true
}

// pointKey identifies a point for the shared-point check (to 1e-7 degree, about a centimetre).
type pointKey [2]int64

func keyOf(p orb.Point) pointKey {
	return pointKey{int64(math.Round(p[0] * 1e7)), int64(math.Round(p[1] * 1e7))}
}
