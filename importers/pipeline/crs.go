package pipeline

import (
	"fmt"
	"path/filepath"
	"strings"

	"legalmap/internal/geo"
)

// chooseCRS settles the coordinate system of the run: --crs, else the file's own (a GeoJSON crs member),
// else WGS84. Coordinates copied from Chinese map sites are GCJ-02 or BD-09 and lie hundreds of metres off
// when taken for WGS84, so a file that hints at one (高德/百度/GCJ/BD09 in its name or coordinate headers)
// without declaring it gets a warning.
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
		r.crs = geo.WGS84
		if hint := crsHint(append([]string{filepath.Base(r.opt.FileName)}, header...)); hint != "" {
			r.rep.warn(Issue{Line: 1, Field: "crs", Reason: fmt.Sprintf("文件名或表头提示坐标为 %s，但未声明坐标系，已按 WGS84 导入；如是请用 --crs %s 重新导入 / the file's name or headers suggest %s coordinates but none was declared: imported as WGS84; re-import with --crs %s if so",
				hint, hint, hint, hint)})
		}
	}
	r.rep.CRS = string(r.crs)
	r.meta.CRS = string(r.crs)
	return nil
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
