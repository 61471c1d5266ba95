package reader

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
)

// crsName maps a GeoJSON crs member to the coordinate system the importer
// understands, or fails for anything else. CGCS2000 (EPSG:4490), China's
// geodetic system, differs from WGS84 by well under a metre and reads as
// wgs84. Projected systems (Web Mercator, Baidu Mercator, Gauss-Krüger) are
// foreign: their numbers are metres, not degrees.
func crsName(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var name string
	if json.Unmarshal(raw, &name) != nil {
		var c struct {
			Type       string `json:"type"`
			Properties struct {
				Name string      `json:"name"`
				Code json.Number `json:"code"`
			} `json:"properties"`
		}
		if json.Unmarshal(raw, &c) != nil {
			return "", fileErrorf("crs 成员无法识别 / crs member not understood")
		}
		switch strings.ToLower(c.Type) {
		case "name":
			name = c.Properties.Name
		case "epsg":
			name = "EPSG:" + c.Properties.Code.String()
		default:
			return "", fileErrorf("不支持的 crs 类型 %q / unsupported crs type %q", c.Type, c.Type)
		}
	}
	if code := crsCode(name); code != "" {
		return code, nil
	}
	return "", fileErrorf("不支持的坐标系 %q，只接受 WGS84（CRS84/EPSG:4326）、GCJ-02、BD-09 的经纬度 / unsupported crs %q: only WGS84 (CRS84/EPSG:4326), GCJ-02 or BD-09 longitude/latitude", name, name)
}

func crsCode(name string) string {
	up := strings.ToUpper(name)
	compact := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, up)
	projected := strings.Contains(compact, "MERCATOR") || strings.Contains(compact, "UTM") || strings.Contains(compact, "GAUSS")
	switch {
	case projected:
		return ""
	case strings.Contains(compact, "GCJ02") && !strings.Contains(compact, "GCJ02MC"):
		return "gcj02"
	case strings.Contains(compact, "BD09") && !strings.Contains(compact, "BD09MC"):
		return "bd09"
	case strings.Contains(compact, "CRS84"):
		return "wgs84"
	case strings.Contains(compact, "EPSG"):
		switch lastNumber(up) {
		case "4326", "4490":
			return "wgs84"
		}
		return ""
	case compact == "WGS84" || compact == "WGS1984" || compact == "CGCS2000":
		return "wgs84"
	}
	return ""
}

func lastNumber(s string) string {
	end := strings.LastIndexFunc(s, unicode.IsDigit)
	if end < 0 {
		return ""
	}
	start := strings.LastIndexFunc(s[:end+1], func(r rune) bool { return !unicode.IsDigit(r) })
	return s[start+1 : end+1]
}

// CRSMember reads a GeoJSON crs member as crsName does, for other readers of GeoJSON (area boundaries):
// "wgs84", "gcj02", "bd09", or "" when there is none.
func CRSMember(raw json.RawMessage) (string, error) { return crsName(raw) }
