package pipeline

import (
	"math"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// TestPointRules: what rejects a point and why, and that accepted points are in the region.
func TestPointRules(t *testing.T) {
	r := pointRules{crs: geo.WGS84, region: geo.Shenzhen}
	cases := []struct {
		in    pointInput
		field string // "" = accepted
		why   string
	}{
		{pointInput{lng: "114.05", lat: "22.54"}, "", ""},
		{pointInput{lng: " 114.05 ", lat: "22.54"}, "", ""},
		{pointInput{lng: "１１４．０５", lat: "２２．５４"}, "", ""},
		{pointInput{coords: "114.05,22.54"}, "", ""},
		{pointInput{coords: "114.05，22.54"}, "", ""},
		{pointInput{coords: "114.05 22.54"}, "", ""},
		{pointInput{geometry: &[]float64{114.05, 22.54, 30}}, "", ""},
		{pointInput{lng: "22.54", lat: "114.05"}, "lat", "颠倒"},
		{pointInput{lng: "0", lat: "0"}, "lng", "占位"},
		{pointInput{lng: "116.4", lat: "39.9"}, "lng", "服务区域"},
		{pointInput{lng: "", lat: ""}, "lng", "缺少"},
		{pointInput{lng: "abc", lat: "22.5"}, "lng", ""},
		{pointInput{lng: "114.05", lat: "NaN"}, "lat", ""},
		{pointInput{lng: "1e400", lat: "22.5"}, "lng", ""},
		{pointInput{lng: "114.05", lat: "95"}, "lat", "-90"},
		{pointInput{coords: "114.05"}, "coordinates", "经度,纬度"},
		{pointInput{geometry: &[]float64{114.05}}, "geometry", ""},
		{pointInput{geometry: &[]float64{math.NaN(), 22.5}}, "geometry", ""},
	}
	for _, c := range cases {
		c.in.hasColumns = c.in.geometry == nil
		p, is := r.point(c.in)
		switch {
		case c.field == "" && is != nil:
			t.Errorf("%+v rejected: %+v", c.in, is)
		case c.field == "" && !geo.Shenzhen.Contains(p):
			t.Errorf("%+v accepted outside the region: %v", c.in, p)
		case c.field != "" && (is == nil || is.Field != c.field || !strings.Contains(is.Reason, c.why)):
			t.Errorf("%+v: %+v, want field %s, reason with %q", c.in, is, c.field, c.why)
		}
	}
}

// FuzzPointRules: any cell text gives an accepted point in the service region or a rejection naming a
// field, never a panic.
func FuzzPointRules(f *testing.F) {
	for _, s := range [][3]string{{"114.05", "22.54", ""}, {"22.54", "114.05", ""}, {"", "", "114.05，22.54"},
		{"0", "0", ""}, {"1e400", "-1e400", ""}, {"１１４．０５", "２２．５４", ""}, {"NaN", "Inf", "a,b"}} {
		f.Add(s[0], s[1], s[2])
	}
	rules := []pointRules{{crs: geo.WGS84, region: geo.Shenzhen}, {crs: geo.GCJ02, region: geo.Shenzhen}, {crs: geo.BD09, region: geo.Shenzhen}}
	f.Fuzz(func(t *testing.T, lng, lat, coords string) {
		for _, r := range rules {
			p, is := r.point(pointInput{lng: lng, lat: lat, coords: coords, hasColumns: true})
			if is != nil {
				if is.Field == "" || is.Reason == "" {
					t.Fatalf("rejection without field or reason: %+v", is)
				}
				continue
			}
			if !r.region.Contains(p) || p != (orb.Point{p[0], p[1]}) || math.IsNaN(p[0]+p[1]) {
				t.Fatalf("accepted %v outside the region", p)
			}
		}
	})
}
