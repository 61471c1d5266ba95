package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// FieldError is bad outside input, naming the field at fault. The HTTP layer turns any error with a
// FieldName method into a 400 that names the field; importers put the field in their row report.
type FieldError struct {
	Field  string // "lat", "lng", "bbox", "region", "crs"
	Reason string // Chinese first, then English
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

// FieldName is the input field the error is about.
func (e *FieldError) FieldName() string { return e.Field }

// maxNumberLen bounds a coordinate's text: no real coordinate needs more digits, and it keeps a
// megabyte-long "number" from reaching strconv at all.
const maxNumberLen = 32

// ParseCoord reads one coordinate strictly: a plain decimal number (optionally with an exponent), finite, in
// [min, max]. Empty, NaN, Inf, hex, underscores, "1e400", trailing junk and out-of-range values are refused
// with a FieldError naming field. Surrounding spaces are allowed: people paste "22.54, 114.05".
func ParseCoord(field, s string, min, max float64) (float64, error) {
	s = strings.TrimSpace(s)
	fail := func(reason string) (float64, error) { return 0, &FieldError{Field: field, Reason: reason} }
	switch {
	case s == "":
		return fail("缺少数值 / value missing")
	case len(s) > maxNumberLen:
		return fail("数值过长 / value too long")
	case !isDecimal(s):
		return fail(fmt.Sprintf("不是有效的十进制数 %q / not a decimal number", s))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return fail("数值超出可表示范围 / number out of range")
	}
	if v < min || v > max {
		return fail(fmt.Sprintf("应在 %s 到 %s 之间 / must be between %s and %s",
			formatDeg(min), formatDeg(max), formatDeg(min), formatDeg(max)))
	}
	return v, nil
}

// isDecimal accepts [+-]digits[.digits][e[+-]digits] with at least one digit in the mantissa, and nothing
// else that strconv.ParseFloat would take (hex floats, "inf", "nan", underscores).
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i, exp = i+1, exp+1
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// ParsePoint reads a latitude and a longitude (fields "lat" and "lng") into an orb.Point, which is [lng, lat].
func ParsePoint(latStr, lngStr string) (orb.Point, error) {
	lat, err := ParseCoord("lat", latStr, -90, 90)
	if err != nil {
		return orb.Point{}, err
	}
	lng, err := ParseCoord("lng", lngStr, -180, 180)
	if err != nil {
		return orb.Point{}, err
	}
	return orb.Point{lng, lat}, nil
}

// ParseLngLat reads one "lng,lat" cell (the importers' coordinates/坐标 column), longitude first as in
// GeoJSON; a full-width comma is accepted. Errors name the field "coordinates".
func ParseLngLat(s string) (orb.Point, error) {
	parts := strings.Split(strings.ReplaceAll(s, "，", ","), ",")
	if len(parts) != 2 {
		return orb.Point{}, &FieldError{Field: "coordinates", Reason: "应为“经度,纬度”两个数 / want two numbers lng,lat"}
	}
	lng, err := ParseCoord("coordinates", parts[0], -180, 180)
	if err != nil {
		return orb.Point{}, &FieldError{Field: "coordinates", Reason: "lng: " + err.(*FieldError).Reason}
	}
	lat, err := ParseCoord("coordinates", parts[1], -90, 90)
	if err != nil {
		return orb.Point{}, &FieldError{Field: "coordinates", Reason: "lat: " + err.(*FieldError).Reason}
	}
	return orb.Point{lng, lat}, nil
}

// ParseBBox reads "minLng,minLat,maxLng,maxLat" (field "bbox"): exactly four finite numbers, longitudes in
// [-180, 180], latitudes in [-90, 90], min <= max. A box crossing the antimeridian is refused; this service
// covers one city.
func ParseBBox(s string) (orb.Bound, error) {
	return parseBox("bbox", s)
}

func parseBox(field, s string) (orb.Bound, error) {
	if len(s) > 4*(maxNumberLen+8) {
		return orb.Bound{}, &FieldError{Field: field, Reason: "值过长 / value too long"}
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return orb.Bound{}, &FieldError{Field: field, Reason: fmt.Sprintf(
			"应为四个数 minLng,minLat,maxLng,maxLat，实际 %d 个 / want four numbers minLng,minLat,maxLng,maxLat, got %d",
			len(parts), len(parts))}
	}
	names := [4]string{"minLng", "minLat", "maxLng", "maxLat"}
	var v [4]float64
	for i, p := range parts {
		lim := 180.0
		if i%2 == 1 {
			lim = 90
		}
		x, err := ParseCoord(field, p, -lim, lim)
		if err != nil {
			return orb.Bound{}, &FieldError{Field: field, Reason: names[i] + ": " + err.(*FieldError).Reason}
		}
		v[i] = x
	}
	if v[0] > v[2] || v[1] > v[3] {
		return orb.Bound{}, &FieldError{Field: field, Reason: "最小值大于最大值 / min is greater than max"}
	}
	return orb.Bound{Min: orb.Point{v[0], v[1]}, Max: orb.Point{v[2], v[3]}}, nil
}

func formatDeg(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
