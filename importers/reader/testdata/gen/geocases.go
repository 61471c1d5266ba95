//go:build ignore

package main

import (
	"encoding/json"
	"strings"
)

// fc writes a FeatureCollection with one feature per line (as most tools
// pretty-print them); members go before "features".
func fc(members string, feats ...string) []byte {
	return []byte(`{"type":"FeatureCollection",` + members + `"features":[` + "\n" + strings.Join(feats, ",\n") + "\n]}\n")
}

func feat(props, geom string) string {
	return `{"type":"Feature","properties":{` + props + `},"geometry":` + geom + `}`
}

func pt(coords string) string { return `{"type":"Point","coordinates":[` + coords + `]}` }

// two ordinary features around a bad one.
var (
	okA = feat(`"编号":"A1","名称":"福田法律援助处","电话":"0755-82000000"`, pt("114.0579,22.5431"))
	okB = feat(`"编号":"A3","名称":"罗湖公证处","电话":"0755-25000000"`, pt("114.1315,22.5484"))
)

func bad1(props, geom string) []byte { return fc("", okA, feat(props, geom), okB) }

func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func canonGeoJSON(members string) []byte {
	var feats []string
	for _, r := range canonRows {
		var props []string
		for i, h := range canonHeader {
			if h != "经度" && h != "纬度" {
				props = append(props, q(h)+":"+q(r[i]))
			}
		}
		feats = append(feats, feat(strings.Join(props, ","), pt(r[4]+","+r[5])))
	}
	return fc(members, feats...)
}

func geoCases() {
	good("places.geojson", "ok:3", "the three records as Point features", canonGeoJSON(""))
	good("places-crs84.geojson", "ok:3", "legacy crs member naming OGC CRS84", canonGeoJSON(`"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},`))
	good("places-gbk.geojson", "ok:3", "GeoJSON saved in GBK by a Windows tool", gbk(string(canonGeoJSON(""))))
	good("places-bom.geojson", "ok:3", "GeoJSON with a UTF-8 BOM", cat([]byte("\xef\xbb\xbf"), canonGeoJSON("")))

	p := `"编号":"A2","名称":"南山公证处"`
	bad("swapped-latlng.geojson", "ok:3", "[lat, lng] reads fine; validation flags it later", bad1(p, pt("22.4833,113.9167")))
	bad("nan-bare.geojson", "row_error:2:geometry ok:2", "Python's json writes bare NaN", bad1(p, pt("NaN,22.48")))
	bad("nan-string.geojson", "row_error:2:geometry ok:2", `"NaN" as a string`, bad1(p, pt(`"NaN",22.48`)))
	bad("infinity-bare.geojson", "row_error:2:geometry ok:2", "bare Infinity", bad1(p, pt("113.9,Infinity")))
	bad("neg-infinity-bare.geojson", "row_error:2:geometry ok:2", "bare -Infinity", bad1(p, pt("-Infinity,22.48")))
	bad("overflow-1e400.geojson", "row_error:2:geometry ok:2", "a number too large for a float", bad1(p, pt("1e400,22.48")))
	bad("coords-3d.geojson", "ok:3", "three numbers (with height) are a valid position", bad1(p, pt("113.9167,22.4833,12.5")))
	bad("coords-4d.geojson", "row_error:2:geometry ok:2", "four numbers", bad1(p, pt("113.9,22.4,1,2")))
	bad("coords-one.geojson", "row_error:2:geometry ok:2", "one number", bad1(p, pt("113.9")))
	bad("coords-empty.geojson", "row_error:2:geometry ok:2", "an empty position", bad1(p, pt("")))
	bad("coords-strings.geojson", "row_error:2:geometry ok:2", "numbers written as strings", bad1(p, pt(`"113.9","22.4"`)))
	bad("coords-null.geojson", "row_error:2:geometry ok:2", "null inside the position", bad1(p, pt(`null,22.4`)))
	bad("coords-not-array.geojson", "row_error:2:geometry ok:2", `"coordinates": "113.9,22.4"`, bad1(p, `{"type":"Point","coordinates":"113.9,22.4"}`))
	bad("coords-nested.geojson", "row_error:2:geometry ok:2", "a polygon's rings under type Point", bad1(p, pt("[113.9,22.4],[113.8,22.5]")))
	bad("null-geometry.geojson", "row_error:2:geometry ok:2", "geometry: null", bad1(p, "null"))
	bad("missing-geometry.geojson", "row_error:2:geometry ok:2", "no geometry member", fc("", okA, `{"type":"Feature","properties":{`+p+`}}`, okB))
	bad("geometry-string.geojson", "row_error:2:geometry ok:2", "geometry given as WKT text", bad1(p, `"POINT(113.9 22.4)"`))
	bad("linestring.geojson", "row_error:2:geometry ok:2", "a LineString", bad1(p, `{"type":"LineString","coordinates":[[113.9,22.4],[113.8,22.5]]}`))
	bad("polygon.geojson", "row_error:2:geometry ok:2", "a Polygon", bad1(p, `{"type":"Polygon","coordinates":[[[113.9,22.4],[113.8,22.5],[113.7,22.4],[113.9,22.4]]]}`))
	bad("multipoint.geojson", "row_error:2:geometry ok:2", "a MultiPoint with one point", bad1(p, `{"type":"MultiPoint","coordinates":[[113.9,22.4]]}`))
	bad("point-lowercase.geojson", "row_error:2:geometry ok:2", `type "point" in lower case`, bad1(p, `{"type":"point","coordinates":[113.9,22.4]}`))

	crs := func(name string) string { return `"crs":{"type":"name","properties":{"name":"` + name + `"}},` }
	bad("crs-3857.geojson", "file_error:不支持的坐标系", "Web Mercator metres", fc(crs("urn:ogc:def:crs:EPSG::3857"), okA))
	bad("crs-4547-gauss.geojson", "file_error:不支持的坐标系", "CGCS2000 Gauss-Kruger projection", fc(crs("EPSG:4547"), okA))
	bad("crs-bd09mc.geojson", "file_error:不支持的坐标系", "Baidu Mercator metres", fc(crs("BD09MC"), okA))
	bad("crs-link.geojson", "file_error:crs 类型", "a linked crs", fc(`"crs":{"type":"link","properties":{"href":"http://example.com/crs","type":"proj4"}},`, okA))
	bad("crs-garbage.geojson", "file_error:crs", "crs is a number", fc(`"crs":42,`, okA))
	bad("crs-epsg-4490.geojson", "ok:2", "CGCS2000 geographic reads as WGS84", fc(crs("urn:ogc:def:crs:EPSG::4490"), okA, okB))
	bad("crs-gcj02.geojson", "ok:2", "a GCJ-02 name", fc(crs("GCJ-02"), okA, okB))
	bad("crs-bd09.geojson", "ok:2", "a BD-09 name", fc(crs("BD09LL"), okA, okB))
	bad("crs-legacy-epsg.geojson", "ok:2", "the 2008 EPSG crs form", fc(`"crs":{"type":"EPSG","properties":{"code":4326}},`, okA, okB))
	bad("crs-string.geojson", "ok:2", `"crs":"gcj02" (not standard, but plain)`, fc(`"crs":"gcj02",`, okA, okB))
	bad("crs-null.geojson", "ok:2", "crs: null", fc(`"crs":null,`, okA, okB))
	bad("crs-after-features.geojson", "ok:2", "crs after the features",
		[]byte(`{"features":[`+okA+`,`+okB+`],"crs":{"type":"name","properties":{"name":"GCJ02"}},"type":"FeatureCollection"}`))
	bad("crs-foreign-after-features.geojson", "file_error:不支持的坐标系", "a foreign crs after the features",
		[]byte(`{"type":"FeatureCollection","features":[`+okA+`],"crs":{"type":"name","properties":{"name":"EPSG:3857"}}}`))

	bad("single-feature.geojson", "file_error:不是 FeatureCollection", "a lone Feature", []byte(okA))
	bad("bare-point.geojson", "file_error:不是 FeatureCollection", "a lone Point", []byte(pt("114,22")))
	bad("no-type.geojson", "file_error:不是 FeatureCollection", "features without a type member", []byte(`{"features":[`+okA+`]}`))
	bad("type-wrong.geojson", "file_error:不是 FeatureCollection", "a TopoJSON file", []byte(`{"type":"Topology","objects":{}}`))
	bad("empty-object.geojson", "file_error:不是 FeatureCollection", "{}", []byte(`{}`))
	bad("features-object.geojson", "file_error:不是数组", "features is an object", []byte(`{"type":"FeatureCollection","features":{"a":1}}`))
	bad("features-null.geojson", "file_error:不是数组", "features is null", []byte(`{"type":"FeatureCollection","features":null}`))
	bad("features-twice.geojson", "file_error:两个 features", "two features members", []byte(`{"type":"FeatureCollection","features":[`+okA+`],"features":[`+okB+`]}`))
	bad("no-features.geojson", "file_error:没有 features", "a FeatureCollection without features", []byte(`{"type":"FeatureCollection"}`))
	bad("empty-features.geojson", "file_error:没有要素", "features: []", []byte(`{"type":"FeatureCollection","features":[]}`))
	bad("no-properties.geojson", "file_error:没有可用的列", "features without properties", fc("", `{"type":"Feature","geometry":`+pt("114,22")+`}`))
	full := canonGeoJSON("")
	bad("truncated.geojson", "file_error:截断", "the file stops in the middle of a feature", full[:len(full)*2/3])
	bad("truncated-after-features.geojson", "file_error:截断", "the file stops before the closing brace", full[:len(full)-3])
	bad("trailing-garbage.geojson", "file_error:多余内容", "text after the object", cat(full, []byte("<html>")))
	bad("comments.geojson", "file_error:JSON", "JavaScript comments are not JSON", []byte("{// list\n\"type\":\"FeatureCollection\",\"features\":[]}"))
	bad("single-quotes.geojson", "file_error:JSON", "single quotes are not JSON", []byte(`{'type':'FeatureCollection','features':[]}`))
	bad("deep-nesting.geojson", "file_error:JSON", "20000 nested arrays in a property",
		fc("", feat(`"名称":`+strings.Repeat("[", 20000)+strings.Repeat("]", 20000), pt("114,22"))))
	bad("members-reordered.geojson", "ok:2", "features first, type last",
		[]byte(`{"features":[`+okA+`,`+okB+`],"bbox":[113,22,115,23],"type":"FeatureCollection"}`))
	bad("feature-not-object.geojson", "row_error:2: ok:2", "a number among the features", fc("", okA, "42", okB))
	bad("feature-array.geojson", "row_error:2: ok:2", "an array among the features", fc("", okA, `[1,2]`, okB))
	bad("feature-wrong-type.geojson", "row_error:2: ok:2", `a feature with type "Place"`, fc("", okA, `{"type":"Place","properties":{`+p+`},"geometry":`+pt("114,22")+`}`, okB))
	bad("properties-array.geojson", "row_error:2:properties ok:2", "properties is an array", fc("", okA, `{"type":"Feature","properties":["甲"],"geometry":`+pt("114,22")+`}`, okB))
	bad("properties-null.geojson", "ok:3", "properties: null reads as empty cells", fc("", okA, `{"type":"Feature","properties":null,"geometry":`+pt("114,22")+`}`, okB))
	bad("property-nested.geojson", "ok:1", "nested objects stay JSON text", fc("", feat(`"名称":"甲","联系":{"电话":["1","2"]}`, pt("114,22"))))
	bad("property-array.geojson", "ok:1", "a list of phones", fc("", feat(`"名称":"甲","电话":["0755-1","0755-2"]`, pt("114,22"))))
	bad("property-huge.geojson", "row_error:2:名称 ok:2", "a 70 KB property value", bad1(`"编号":"A2","名称":"`+strings.Repeat("x", 70<<10)+`"`, pt("114,22")))
	bad("property-nul.geojson", "row_error:2:电话 ok:2", `"\u0000" in a value`, bad1(`"编号":"A2","名称":"乙","电话":"1\u00002"`, pt("114,22")))
	bad("property-invalid-utf8.geojson", "row_error:2:名称 ok:2", "a raw 0xFF byte in a string", bad1(`"编号":"A2","名称":"南山`+"\xff"+`公证处"`, pt("114,22")))
	bad("property-lone-surrogate.geojson", "row_error:2:名称 ok:2", `an escaped lone surrogate "\ud800" decodes to U+FFFD`, bad1(`"编号":"A2","名称":"南山\ud800公证处"`, pt("114,22")))
	bad("property-nan.geojson", "ok:3", "bare NaN as a property value reads as empty", bad1(`"编号":"A2","名称":"乙","电话":NaN`, pt("114,22")))
	bad("property-big-number.geojson", "ok:1", "numbers keep their literal text", fc("", feat(`"编号":12345678901234567890,"名称":"甲","费用":1e999`, pt("114,22"))))
	bad("duplicate-keys.geojson", "ok:1", "a repeated key: the first value stands", fc("", feat(`"名称":"甲","名称":"乙"`, pt("114,22"))))
	bad("union-header.geojson", "ok:3", "features with different keys: the header is their union",
		fc("", feat(`"编号":"A1","名称":"甲"`, pt("114,22")), feat(`"名称":"乙","地址":"丙"`, pt("114,22")), feat(`"电话":"1","编号":"A3"`, pt("114,22"))))
	bad("top-level-array.geojson", "file_error:GeoJSON", "a JSON array named .geojson", []byte(`[`+okA+`]`))
	bad("whitespace-before.geojson", "ok:1", "blank lines before the object", cat([]byte("\n\n  \t"), fc("", okA)))
}
