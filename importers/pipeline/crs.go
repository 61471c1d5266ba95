package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"legalmap/internal/geo"
)

// chooseCRS settles the coordinate system of the run: --crs, else the file's own (a GeoJSON crs member).
// There is no default: coordinates copied from Chinese map sites are GCJ-02 or BD-09 and lie hundreds of
// metres off when taken for WGS84, so a file with coordinates and no stated system is refused (needCRS).
func (r *runner) chooseCRS(fileCRS string, header []string) error {
	switch {
	case r.opt.CRS != "":
		r.crs = geo.CRS(r.opt.CRS)
		if fileCRS != "" && fileCRS != r.opt.CRS {
			r.rep.warn(Issue{Line: 1, Field: "crs", Reason: fmt.Sprintf("文件声明坐标系 %s，按 --crs %s 处理 / the file declares %s; --crs %s wins", fileCRS, r.opt.CRS, fileCRS, r.opt.CRS)})
		}
	case fileCRS != "":
		crs, err := geo.ParseCRS(fileCRS)
		if err != nil {
			return err
		}
		r.crs = crs
	default:
		// Settled by needCRS once the columns are known: a file without coordinates needs none.
		r.crs = ""
	}
	r.rep.CRS = string(r.crs)
	if r.crs != "" {
		r.meta.CRS = string(r.crs)
	}
	return nil
}

// needCRS refuses a file that has coordinates but states no coordinate system, naming the systems of the
// common exports (and the one the file's name or headers hint at). A file without coordinates (placed by
// its addresses) needs none.
func (r *runner) needCRS(format string, header []string) error {
	if r.crs != "" {
		return nil
	}
	_, lng := r.m.Index["lng"]
	_, coords := r.m.Index["coordinates"]
	if !lng && !coords && format != "geojson" {
		r.crs = geo.WGS84 // nothing to convert: the areas' centres are WGS84 already
		return nil
	}
	hint := ""
	if h := crsHint(append([]string{filepath.Base(r.opt.FileName)}, header...)); h != "" {
		hint = fmt.Sprintf("; 文件名或表头提示为 %s / the file's name or headers suggest %s", h, h)
	}
	return fmt.Errorf("文件有坐标但未说明坐标系，请用 --crs 指定：高德、腾讯地图导出的是 gcj02，百度地图的是 bd09，GPS 设备和天地图是 wgs84 / "+
		"the file has coordinates but does not state their system: give --crs (Amap and Tencent exports are gcj02, Baidu's bd09, GPS devices and Tianditu wgs84)%s", hint)
}

// crsHint returns the coordinate system the texts name, or "".
func crsHint(texts []string) string {
	for _, t := range texts {
		l := strings.ToLower(t)
		switch {
		case strings.Contains(l, "gcj") || strings.Contains(l, "高德") || strings.Contains(l, "火星") || strings.Contains(l, "amap") || strings.Contains(l, "腾讯"):
			return string(geo.GCJ02)
		case strings.Contains(l, "bd09") || strings.Contains(l, "bd-09") || strings.Contains(l, "百度") || strings.Contains(l, "baidu"):
			return string(geo.BD09)
		}
	}
	return ""
}
