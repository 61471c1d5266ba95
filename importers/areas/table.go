package areas

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/width"

	"legalmap/importers/reader"
	"legalmap/internal/geo"
)

// tableAliases are the headers of an area list, compared in lower case without spaces.
var tableAliases = map[string][]string{
	"code":    {"code", "adcode", "代码", "编码", "区划代码", "行政区划代码", "统计用区划代码"},
	"name":    {"name", "name_zh", "名称", "区划名称", "名字"},
	"parent":  {"parent", "parent_code", "parentcode", "上级", "上级代码", "上级编码", "所属"},
	"level":   {"level", "级别", "层级", "类型"},
	"centre":  {"centre", "center", "中心", "中心点", "中心坐标", "坐标"},
	"lng":     {"lng", "lon", "longitude", "centroid_lng", "center_lng", "经度"},
	"lat":     {"lat", "latitude", "centroid_lat", "center_lat", "纬度"},
	"pinyin":  {"pinyin", "拼音"},
	"name_en": {"name_en", "english", "英文名称", "英文名"},
}

// readTable reads a CSV or XLSX list of areas (any encoding the import reader knows: GB18030 too).
func readTable(path, crsFlag string) (*File, error) {
	t, err := reader.Open(path, reader.Options{})
	if err != nil {
		return nil, err
	}
	defer t.Close()
	idx := map[string]int{}
	for i, h := range t.Header() {
		k := strings.ToLower(strings.ReplaceAll(width.Fold.String(strings.TrimSpace(h)), " ", ""))
		for field, names := range tableAliases {
			for _, n := range names {
				if k == n {
					if _, dup := idx[field]; !dup {
						idx[field] = i
					}
				}
			}
		}
	}
	if _, ok := idx["code"]; !ok {
		return nil, fmt.Errorf("缺少代码列（如 code、代码、区划代码）/ no code column (e.g. code, 代码, 区划代码)")
	}
	if _, ok := idx["name"]; !ok {
		return nil, fmt.Errorf("缺少名称列（如 name、名称）/ no name column (e.g. name, 名称)")
	}
	_, hasCentre := idx["centre"]
	_, hasLng := idx["lng"]
	crs, err := parseCRS(crsFlag)
	if err != nil {
		return nil, err
	}
	if crs == "" && (hasCentre || hasLng) {
		return nil, ErrNoCRS
	}
	f := &File{Format: t.Format(), CRS: crs}
	for {
		row, err := t.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		var re *reader.RowError
		if errors.As(err, &re) {
			f.Rejected = append(f.Rejected, Issue{re.Line, re.Column, re.Reason})
			continue
		}
		if err != nil {
			return nil, err
		}
		get := func(field string) string {
			i, ok := idx[field]
			if !ok || i >= len(row.Cells) {
				return ""
			}
			return strings.TrimSpace(row.Cells[i])
		}
		a := Area{Line: row.Line, Code: get("code"), NameZh: get("name"), Parent: get("parent"), Pinyin: get("pinyin"),
			NameEn: get("name_en")}
		a.Level = levelOf(get("level"), a.Code)
		lngS, latS := get("lng"), get("lat")
		if c := get("centre"); c != "" && lngS == "" {
			c = strings.NewReplacer("，", ",", " ", ",").Replace(width.Fold.String(c))
			lngS, latS, _ = strings.Cut(c, ",")
		}
		if lngS != "" || latS != "" {
			pt, err := geo.ParsePoint(width.Fold.String(latS), width.Fold.String(lngS))
			if err != nil {
				f.Rejected = append(f.Rejected, Issue{row.Line, "centre", fmt.Sprintf("中心坐标「%s, %s」无效 / centre %q, %q invalid", lngS, latS, lngS, latS)})
				continue
			}
			w := geo.ToWGS84(pt, crs)
			a.Centre = &w
		}
		f.Areas = append(f.Areas, a)
	}
	f.finish()
	return f, nil
}
