package reader

import (
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestCRSNames(t *testing.T) {
	for name, want := range map[string]string{
		"urn:ogc:def:crs:OGC:1.3:CRS84":              "wgs84",
		"urn:ogc:def:crs:OGC::CRS84":                 "wgs84",
		"EPSG:4326":                                  "wgs84",
		"urn:ogc:def:crs:EPSG::4326":                 "wgs84",
		"http://www.opengis.net/def/crs/EPSG/0/4326": "wgs84",
		"WGS 84":                   "wgs84",
		"EPSG:4490":                "wgs84",
		"CGCS2000":                 "wgs84",
		"GCJ02":                    "gcj02",
		"gcj-02":                   "gcj02",
		"GCJ_02 (火星坐标)":            "gcj02",
		"BD09":                     "bd09",
		"bd-09":                    "bd09",
		"BD09LL":                   "bd09",
		"BD09MC":                   "",
		"EPSG:3857":                "",
		"WGS 84 / Pseudo-Mercator": "",
		"EPSG:43260":               "",
		"CGCS2000 / 3-degree Gauss-Kruger CM 114E": "",
		"urn:ogc:def:crs:EPSG::4547":               "",
		"":                                         "",
		"http://www.opengis.net/def/crs/EPSG/0/32650": "",
	} {
		if got := crsCode(name); got != want {
			t.Errorf("crsCode(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestGeoJSONHeaderUnionAndRows(t *testing.T) {
	tab, rows := readRows(t, "testdata/bad/union-header.geojson", Options{})
	if !reflect.DeepEqual(tab.Header(), []string{"编号", "名称", "地址", "电话"}) {
		t.Errorf("header %q, want first-seen order", tab.Header())
	}
	want := [][]string{{"A1", "甲", "", ""}, {"", "乙", "丙", ""}, {"A3", "", "", "1"}}
	for i, r := range rows {
		if !reflect.DeepEqual(r.Cells, want[i]) || r.Line != i+1 {
			t.Errorf("feature %d: %+v", i+1, r)
		}
	}
}

func TestGeoJSONValues(t *testing.T) {
	doc := `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"名称":"NaN 律所","电话":["0755-1","0755-2"],"免费":true,"编号":7.50,"空":null,"x":{"b":1,"a":"<i>"}},"geometry":{"type":"Point","coordinates":[113.9,22.5,-3.5]}},
{"type":"Feature","properties":{"名称":"Infinity","电话":NaN},"geometry":{"type":"Point","coordinates":[NaN,22.5]}},
{"type":"Feature","properties":{"名称":"丙"},"geometry":{"type":"Point","coordinates":[114,22]}}]}`
	tab := openString(t, "x.geojson", doc, Options{})
	r, err := tab.Next()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"NaN 律所", "0755-1;0755-2", "true", "7.50", "", `{"a":"<i>","b":1}`}
	if !reflect.DeepEqual(r.Cells, want) {
		t.Errorf("cells %q, want %q", r.Cells, want)
	}
	if r.Geometry == nil || !reflect.DeepEqual(*r.Geometry, []float64{113.9, 22.5, -3.5}) {
		t.Errorf("geometry %v", r.Geometry)
	}
	_, err = tab.Next()
	re, ok := err.(*RowError)
	if !ok || re.Line != 2 || re.Column != "geometry" || !strings.Contains(re.Reason, "NaN") {
		t.Errorf("bare NaN coordinate: %v", err)
	}
	if r, err := tab.Next(); err != nil || r.Line != 3 || r.Cells[0] != "丙" {
		t.Errorf("after a bad feature: %+v %v", r, err)
	}
	if _, err := tab.Next(); err != io.EOF {
		t.Errorf("end: %v", err)
	}
}

// The NaN rewriting touches bare tokens only, never text inside strings.
func TestNaNFilterLeavesStringsAlone(t *testing.T) {
	in := `{"a":"NaN \"Infinity\" -Infinity","b":[NaN,-Infinity,Infinity],"c":"\\"}`
	out, err := io.ReadAll(newNaNFilter(strings.NewReader(in)))
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatalf("%s: %v", out, err)
	}
	if v["a"] != `NaN "Infinity" -Infinity` || v["c"] != `\` {
		t.Errorf("strings changed: %q", out)
	}
	if b := v["b"].([]any); b[0] != sentinelNaN || b[1] != sentinelNegInf || b[2] != sentinelInf {
		t.Errorf("tokens not rewritten: %q", out)
	}
}
