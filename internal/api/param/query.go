// Package param reads what a client sends, strictly and before any SQL: the public query string (each
// parameter once, bounded, clamped), JSON bodies (unknown fields refused by name), list paging, and the
// body limits. Every refusal is a reply.Error naming the field at fault.
package param

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"legalmap/internal/api/reply"
	"legalmap/internal/geo"
)

// Limits of the public query parameters. Everything is checked here, before any SQL: a bad value is a 400
// naming its field, never a query that fails later.
const (
	defaultLimit   = 10
	maxLimit       = 50     // a larger limit is clamped, not refused
	maxOffset      = 950    // offset+limit stays within what a search ranks (search.MaxRanked)
	maxRadius      = 50_000 // metres: beyond this "nearest" is "anywhere"
	maxZoom        = 22
	maxQueryRunes  = 200 // keyword length cap: longer is a 400
	maxListItems   = 20  // codes in one comma list
	maxParamLength = 4096
)

// Query reads one request's query string strictly: each parameter at most once, bounded in length.
type Query struct {
	v url.Values
}

// publicParams are the parameters the public endpoints read; others (a cache buster) are ignored.
var publicParams = map[string]bool{"lat": true, "lng": true, "crs": true, "kind": true, "practice_area": true,
	"language": true, "open_now": true, "free": true, "radius": true, "limit": true, "offset": true, "q": true,
	"bbox": true, "zoom": true}

// Parse checks the query string of a public request.
func Parse(v url.Values) (Query, error) {
	for k, vals := range v {
		if !publicParams[k] {
			continue
		}
		if len(vals) > 1 {
			return Query{}, reply.BadParam(k, "参数重复 / given more than once")
		}
		if len(vals[0]) > maxParamLength && k != "q" {
			return Query{}, reply.BadParam(k, "值过长 / value too long")
		}
	}
	return Query{v: v}, nil
}

func (p Query) Has(k string) bool { return p.v.Has(k) && p.v.Get(k) != "" }

// Point reads lat and lng (both or neither) in the given coordinate system and returns them in WGS84;
// nil when neither is given.
func (p Query) Point(crs geo.CRS) (*orb.Point, error) {
	switch {
	case !p.Has("lat") && !p.Has("lng"):
		return nil, nil
	case !p.Has("lat"):
		return nil, reply.BadParam("lat", "缺少纬度（lat 与 lng 须同时给出）/ lat missing: give lat and lng together")
	case !p.Has("lng"):
		return nil, reply.BadParam("lng", "缺少经度（lat 与 lng 须同时给出）/ lng missing: give lat and lng together")
	}
	pt, err := geo.ParsePoint(p.v.Get("lat"), p.v.Get("lng"))
	if err != nil {
		return nil, err
	}
	pt = geo.ToWGS84(pt, crs)
	return &pt, nil
}

// Crs reads the coordinate system of coordinates in and out: wgs84 (default), gcj02 or bd09.
func (p Query) CRS() (geo.CRS, error) { return geo.ParseCRS(p.v.Get("crs")) }

// Limit reads a whole number of at least 1; above maxLimit it is clamped.
func (p Query) Limit() (int, error) {
	if !p.Has("limit") {
		return defaultLimit, nil
	}
	n, err := wholeNumber("limit", p.v.Get("limit"))
	if err != nil {
		return 0, err
	}
	if n < 1 {
		return 0, reply.BadParam("limit", "应至少为 1 / must be at least 1")
	}
	return int(min(n, maxLimit)), nil
}

// Offset reads a whole number in [0, maxOffset].
func (p Query) Offset() (int, error) {
	if !p.Has("offset") {
		return 0, nil
	}
	n, err := wholeNumber("offset", p.v.Get("offset"))
	if err != nil {
		return 0, err
	}
	if n < 0 || n > maxOffset {
		return 0, reply.BadParam("offset", "应在 0 到 "+strconv.Itoa(maxOffset)+" 之间 / must be between 0 and "+strconv.Itoa(maxOffset))
	}
	return int(n), nil
}

// wholeNumber accepts digits with an optional sign, nothing else (no 1e3, no 0x10, no spaces inside).
func wholeNumber(field, s string) (int64, error) {
	s = strings.TrimSpace(s)
	digits := strings.TrimLeft(s, "+-")
	if len(s)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return 0, reply.BadParam(field, "应为整数 / must be a whole number")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, reply.BadParam(field, "数值超出范围 / number out of range")
	}
	return n, nil
}

// Radius reads metres in (0, maxRadius]; 0 when not given.
func (p Query) Radius() (float64, error) {
	if !p.Has("radius") {
		return 0, nil
	}
	r, err := geo.ParseCoord("radius", p.v.Get("radius"), 0, maxRadius)
	if err != nil {
		return 0, err
	}
	if r <= 0 {
		return 0, reply.BadParam("radius", "应大于 0 / must be greater than 0")
	}
	return r, nil
}

// Zoom reads the map's zoom level, 0..maxZoom (fractional zooms are rounded down).
func (p Query) Zoom() (int, error) {
	if !p.Has("zoom") {
		return 0, reply.BadParam("zoom", "缺少缩放级别 / zoom missing")
	}
	z, err := geo.ParseCoord("zoom", p.v.Get("zoom"), 0, maxZoom)
	if err != nil {
		return 0, err
	}
	return int(math.Floor(z)), nil
}

// Bbox reads minLng,minLat,maxLng,maxLat in the given system and returns it in WGS84.
func (p Query) Bbox(crs geo.CRS) (orb.Bound, error) {
	if !p.Has("bbox") {
		return orb.Bound{}, reply.BadParam("bbox", "缺少范围 minLng,minLat,maxLng,maxLat / bbox missing")
	}
	b, err := geo.ParseBBox(p.v.Get("bbox"))
	if err != nil || crs == geo.WGS84 {
		return b, err
	}
	lo, hi := geo.ToWGS84(b.Min, crs), geo.ToWGS84(b.Max, crs)
	return orb.Bound{Min: lo, Max: hi}, nil
}

// Boolean reads true/false/1/0; nil when not given.
func (p Query) Boolean(k string) (*bool, error) {
	if !p.Has(k) {
		return nil, nil
	}
	var b bool
	switch strings.ToLower(strings.TrimSpace(p.v.Get(k))) {
	case "true", "1":
		b = true
	case "false", "0":
		b = false
	default:
		return nil, reply.BadParam(k, "应为 true 或 false / must be true or false")
	}
	return &b, nil
}

// Codes reads a comma list of codes, each of which known must accept.
func (p Query) Codes(k string, known func(string) bool) ([]string, error) {
	if !p.Has(k) {
		return nil, nil
	}
	var out []string
	for _, c := range strings.Split(p.v.Get(k), ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if len(out) == maxListItems {
			return nil, reply.BadParam(k, "代码过多 / too many codes")
		}
		if !known(c) {
			return nil, reply.BadParam(k, "未知代码 "+strconv.Quote(c)+" / unknown code")
		}
		out = append(out, c)
	}
	return out, nil
}

// Text reads a keyword: valid UTF-8, no NUL, at most maxQueryRunes characters, not blank when required.
func (p Query) Text(k string, required bool) (string, error) {
	s := p.v.Get(k)
	switch {
	case !utf8.ValidString(s):
		return "", reply.BadParam(k, "不是有效的 UTF-8 文本 / not valid UTF-8")
	case strings.ContainsRune(s, 0):
		return "", reply.BadParam(k, "含有空字符 / contains a NUL character")
	case utf8.RuneCountInString(s) > maxQueryRunes:
		return "", reply.BadParam(k, "过长，最多 "+strconv.Itoa(maxQueryRunes)+" 个字 / too long, at most "+strconv.Itoa(maxQueryRunes)+" characters")
	case required && strings.TrimSpace(s) == "":
		return "", reply.BadParam(k, "缺少关键词 / keyword missing")
	}
	return strings.TrimSpace(s), nil
}
