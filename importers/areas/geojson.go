package areas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/paulmach/orb"

	"legalmap/importers/reader"
	"legalmap/internal/geo"
)

// readGeoJSON reads a FeatureCollection of areas with Polygon or MultiPolygon boundaries.
func readGeoJSON(path, crsFlag string) (*File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > maxBytes {
		return nil, fmt.Errorf("文件超过 %d MB / the file is larger than %d MB", maxBytes>>20, maxBytes>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var doc struct {
		Type     string          `json:"type"`
		CRS      json.RawMessage `json:"crs"`
		Features []struct {
			Properties map[string]any  `json:"properties"`
			Geometry   json.RawMessage `json:"geometry"`
		} `json:"features"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil || doc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("不是 GeoJSON FeatureCollection / not a GeoJSON FeatureCollection: %v", err)
	}
	fileCRS, err := reader.CRSMember(doc.CRS)
	if err != nil {
		return nil, err
	}
	crs, err := parseCRS(crsFlag)
	if err != nil {
		return nil, err
	}
	if crs == "" {
		if crs, err = parseCRS(fileCRS); err != nil {
			return nil, err
		}
	}
	if crs == "" {
		return nil, ErrNoCRS
	}
	f := &File{Format: "geojson", CRS: crs}
	for i, ft := range doc.Features {
		line := i + 1
		p := ft.Properties
		get := func(keys ...string) string {
			for _, k := range keys {
				if s := text(p[k]); s != "" {
					return s
				}
			}
			return ""
		}
		a := Area{Line: line, Code: get("adcode", "code", "areacode", "区划代码", "代码"), NameZh: get("name", "名称"),
			NameEn: get("name_en", "ename"), Pinyin: get("pinyin")}
		a.Level = levelOf(get("level", "级别"), a.Code)
		a.Parent = get("parent", "parent_code", "parentCode", "上级代码")
		for _, k := range []string{"center", "centre", "centroid"} {
			if pt, ok := point(p[k]); ok {
				w := geo.ToWGS84(pt, crs)
				a.Centre = &w
				break
			}
		}
		if len(bytes.TrimSpace(ft.Geometry)) > 0 && string(bytes.TrimSpace(ft.Geometry)) != "null" {
			mp, err := multiPolygon(ft.Geometry)
			if err != nil {
				f.Rejected = append(f.Rejected, Issue{line, "geometry", err.Error()})
				continue
			}
			a.Boundary = toWGS84(mp, crs)
		}
		f.Areas = append(f.Areas, a)
	}
	f.finish()
	return f, nil
}

// point reads [lng, lat] as DataV writes centres.
func point(v any) (orb.Point, bool) {
	arr, ok := v.([]any)
	if !ok || len(arr) < 2 {
		return orb.Point{}, false
	}
	var out orb.Point
	for i := range 2 {
		n, ok := arr[i].(json.Number)
		if !ok {
			return orb.Point{}, false
		}
		f, err := n.Float64()
		if err != nil {
			return orb.Point{}, false
		}
		out[i] = f
	}
	return out, out[0] >= -180 && out[0] <= 180 && out[1] >= -90 && out[1] <= 90
}

// multiPolygon reads a Polygon or MultiPolygon geometry.
func multiPolygon(raw json.RawMessage) (orb.MultiPolygon, error) {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, fmt.Errorf("边界无法读取 / boundary unreadable: %v", err)
	}
	var polys [][][][2]float64
	switch g.Type {
	case "Polygon":
		var p [][][2]float64
		if err := json.Unmarshal(g.Coordinates, &p); err != nil {
			return nil, fmt.Errorf("边界坐标无法读取 / boundary coordinates unreadable: %v", err)
		}
		polys = [][][][2]float64{p}
	case "MultiPolygon":
		if err := json.Unmarshal(g.Coordinates, &polys); err != nil {
			return nil, fmt.Errorf("边界坐标无法读取 / boundary coordinates unreadable: %v", err)
		}
	default:
		return nil, fmt.Errorf("边界应为 Polygon 或 MultiPolygon，而非 %s / a boundary must be a Polygon or MultiPolygon, not %s", g.Type, g.Type)
	}
	out := make(orb.MultiPolygon, 0, len(polys))
	for _, p := range polys {
		poly := make(orb.Polygon, 0, len(p))
		for _, ring := range p {
			if len(ring) < 4 {
				return nil, fmt.Errorf("边界的环少于 4 个点 / a boundary ring has fewer than 4 points")
			}
			r := make(orb.Ring, len(ring))
			for k, pt := range ring {
				if pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90 {
					return nil, fmt.Errorf("边界坐标 (%g, %g) 超出范围 / boundary point (%g, %g) out of range", pt[0], pt[1], pt[0], pt[1])
				}
				r[k] = orb.Point{pt[0], pt[1]}
			}
			poly = append(poly, r)
		}
		out = append(out, poly)
	}
	return out, nil
}

// toWGS84 converts every vertex (a GCJ-02 outline taken as WGS84 lies some 500 m off in Chinese cities).
func toWGS84(mp orb.MultiPolygon, crs geo.CRS) orb.MultiPolygon {
	out := make(orb.MultiPolygon, len(mp))
	for i, poly := range mp {
		out[i] = make(orb.Polygon, len(poly))
		for j, ring := range poly {
			r := make(orb.Ring, len(ring))
			for k, pt := range ring {
				r[k] = geo.ToWGS84(pt, crs)
			}
			out[i][j] = r
		}
	}
	return out
}
