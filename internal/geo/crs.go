// Package geo owns coordinates: the coordinate systems Chinese sources use (WGS84, GCJ-02, BD-09) and the
// conversions between them, true ground distances on the WGS84 spheroid, the service region, and the strict
// parsing of coordinates and bounding boxes that arrive from outside. It knows no HTTP and no SQL.
//
// Points are orb.Point values, which are [lng, lat]: longitude first, as in GeoJSON and PostGIS.
package geo

import (
	"fmt"
	"math"
	"strings"

	"github.com/paulmach/orb"
)

// CRS names a coordinate reference system a source may use. Everything is stored in WGS84; the others are
// converted on the way in (importers) and, for maps drawn on Chinese tiles, on the way out (API).
type CRS string

const (
	WGS84 CRS = "wgs84" // GPS, OpenStreetMap, PostGIS SRID 4326
	GCJ02 CRS = "gcj02" // the state-mandated offset ("Mars coordinates"): AMap/Gaode, Tencent, Google China
	BD09  CRS = "bd09"  // Baidu's further offset on top of GCJ-02
)

// ParseCRS reads a CRS name case-insensitively, with the spellings people use for each. Empty means WGS84.
func ParseCRS(s string) (CRS, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "wgs84", "wgs-84", "wgs 84", "gps", "epsg:4326", "4326":
		return WGS84, nil
	case "gcj02", "gcj-02", "gcj", "mars":
		return GCJ02, nil
	case "bd09", "bd-09", "bd09ll", "baidu":
		return BD09, nil
	}
	return "", &FieldError{Field: "crs", Reason: fmt.Sprintf("未知坐标系 %q，应为 wgs84、gcj02 或 bd09 / unknown coordinate system, want wgs84, gcj02 or bd09", s)}
}

// ToWGS84 converts p from the system from to WGS84. Unknown systems are taken as WGS84.
func ToWGS84(p orb.Point, from CRS) orb.Point {
	switch from {
	case GCJ02:
		return gcjToWGS(p)
	case BD09:
		return gcjToWGS(bdToGCJ(p))
	}
	return p
}

// FromWGS84 converts the WGS84 point p to the system to. Unknown systems are taken as WGS84.
func FromWGS84(p orb.Point, to CRS) orb.Point {
	switch to {
	case GCJ02:
		return wgsToGCJ(p)
	case BD09:
		return gcjToBD(wgsToGCJ(p))
	}
	return p
}

// The GCJ-02 offset is a published-by-reverse-engineering formula ("eviltransform"): a polynomial-and-sine
// shift on the Krasovsky 1940 ellipsoid. It is applied only inside a rough box around China; outside it the
// systems coincide with WGS84 (BD-09 too: Baidu's shift is defined on top of GCJ-02 there).
const (
	krasovskyA  = 6378245.0
	krasovskyEE = 0.00669342162296594323
	// inverseTolerance stops the iterative inverses: 1e-9 degree is about 0.1 mm on the ground.
	inverseTolerance = 1e-9
	inverseMaxSteps  = 30
)

func outOfChina(p orb.Point) bool {
	lng, lat := p[0], p[1]
	return !(lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271)
}

func gcjOffset(lng, lat float64) (dLng, dLat float64) {
	x, y := lng-105.0, lat-35.0
	dLat = -100.0 + 2.0*x + 3.0*y + 0.2*y*y + 0.1*x*y + 0.2*math.Sqrt(math.Abs(x))
	dLat += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	dLat += (20.0*math.Sin(y*math.Pi) + 40.0*math.Sin(y/3.0*math.Pi)) * 2.0 / 3.0
	dLat += (160.0*math.Sin(y/12.0*math.Pi) + 320.0*math.Sin(y*math.Pi/30.0)) * 2.0 / 3.0

	dLng = 300.0 + x + 2.0*y + 0.1*x*x + 0.1*x*y + 0.1*math.Sqrt(math.Abs(x))
	dLng += (20.0*math.Sin(6.0*x*math.Pi) + 20.0*math.Sin(2.0*x*math.Pi)) * 2.0 / 3.0
	dLng += (20.0*math.Sin(x*math.Pi) + 40.0*math.Sin(x/3.0*math.Pi)) * 2.0 / 3.0
	dLng += (150.0*math.Sin(x/12.0*math.Pi) + 300.0*math.Sin(x/30.0*math.Pi)) * 2.0 / 3.0

	radLat := lat / 180.0 * math.Pi
	magic := math.Sin(radLat)
	magic = 1 - krasovskyEE*magic*magic
	sqrtMagic := math.Sqrt(magic)
	dLat = (dLat * 180.0) / ((krasovskyA * (1 - krasovskyEE)) / (magic * sqrtMagic) * math.Pi)
	dLng = (dLng * 180.0) / (krasovskyA / sqrtMagic * math.Cos(radLat) * math.Pi)
	return dLng, dLat
}

func wgsToGCJ(p orb.Point) orb.Point {
	if outOfChina(p) {
		return p
	}
	dLng, dLat := gcjOffset(p[0], p[1])
	return orb.Point{p[0] + dLng, p[1] + dLat}
}

// gcjToWGS inverts wgsToGCJ by fixed-point iteration: the offset changes slowly with position, so each step
// shrinks the error by a factor of about a thousand and a handful of steps reach inverseTolerance.
func gcjToWGS(g orb.Point) orb.Point {
	if outOfChina(g) {
		return g
	}
	return invert(g, g, wgsToGCJ)
}

// invert solves forward(w) = target for w, starting from start.
func invert(target, start orb.Point, forward func(orb.Point) orb.Point) orb.Point {
	w := start
	for i := 0; i < inverseMaxSteps; i++ {
		f := forward(w)
		dLng, dLat := f[0]-target[0], f[1]-target[1]
		w = orb.Point{w[0] - dLng, w[1] - dLat}
		if math.Abs(dLng) < inverseTolerance && math.Abs(dLat) < inverseTolerance {
			break
		}
	}
	return w
}

// xPi is the constant of Baidu's published GCJ-02 -> BD-09 formula (π·3000/180).
const xPi = math.Pi * 3000.0 / 180.0

func gcjToBD(p orb.Point) orb.Point {
	if outOfChina(p) {
		return p
	}
	x, y := p[0], p[1]
	z := math.Sqrt(x*x+y*y) + 0.00002*math.Sin(y*xPi)
	theta := math.Atan2(y, x) + 0.000003*math.Cos(x*xPi)
	return orb.Point{z*math.Cos(theta) + 0.0065, z*math.Sin(theta) + 0.006}
}

// bdToGCJ starts from the usual closed-form approximation and refines it with the exact forward formula,
// so BD-09 -> GCJ-02 -> BD-09 returns the same point (the approximation alone is off by up to a metre).
func bdToGCJ(b orb.Point) orb.Point {
	if outOfChina(b) {
		return b
	}
	x, y := b[0]-0.0065, b[1]-0.006
	z := math.Sqrt(x*x+y*y) - 0.00002*math.Sin(y*xPi)
	theta := math.Atan2(y, x) - 0.000003*math.Cos(x*xPi)
	return invert(b, orb.Point{z * math.Cos(theta), z * math.Sin(theta)}, gcjToBD)
}
