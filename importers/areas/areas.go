// Package areas reads a city's administrative areas (districts, streets, communities) from the files
// bureaus have: GeoJSON in the DataV / GeoAtlas form (properties adcode, name, parent {adcode}, center;
// Polygon or MultiPolygon boundaries, usually drawn in GCJ-02) and CSV or XLSX lists (code, name, parent,
// level, centre). Every vertex and centre is converted to WGS84 with package geo. It does no database work:
// importdb.LoadAreas writes what it returns.
package areas

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mozillazg/go-pinyin"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// Area is one administrative unit read from a file, in WGS84.
type Area struct {
	Line     int // GeoJSON: feature number; CSV: line
	Code     string
	Level    string // city, district, street, community
	Parent   string // "" for a city
	NameZh   string
	NameEn   string
	Pinyin   string
	Centre   *orb.Point
	Boundary orb.MultiPolygon // nil when the file gives none
}

// Issue is a rejected feature or row, by line and field.
type Issue struct {
	Line   int    `json:"line"`
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// File is what a file held: the areas, in the order parents before children, and the rejected rows.
type File struct {
	Format   string
	CRS      geo.CRS
	Areas    []Area
	Rejected []Issue
}

// maxBytes bounds a boundary file: a city's communities with detailed outlines are tens of megabytes.
const maxBytes = 200 << 20

// ErrNoCRS refuses a file with coordinates and no stated system (no silent guess).
var ErrNoCRS = errors.New("文件有坐标但未说明坐标系，请用 --crs 指定：DataV / GeoAtlas 和高德、腾讯的边界是 gcj02，百度的是 bd09 / " +
	"the file has coordinates but does not state their system: give --crs (DataV / GeoAtlas, Amap and Tencent boundaries are gcj02, Baidu's bd09)")

// Read reads a GeoJSON, CSV or XLSX file of areas. crs is --crs ("" when not given).
func Read(path, crs string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if strings.HasPrefix(strings.TrimLeft(string(head[:n]), " \t\r\n\ufeff"), "{") {
		return readGeoJSON(path, crs)
	}
	return readTable(path, crs)
}

func parseCRS(s string) (geo.CRS, error) {
	if s == "" {
		return "", nil
	}
	return geo.ParseCRS(s)
}

// levelOf is the level the file says (DataV "level", or Chinese words), else the code's length says.
func levelOf(said, code string) string {
	switch strings.ToLower(strings.TrimSpace(said)) {
	case "city", "市", "地级市":
		return "city"
	case "district", "county", "区", "县", "区县", "县级":
		return "district"
	case "street", "town", "township", "街道", "镇", "乡", "乡镇", "镇街":
		return "street"
	case "community", "village", "社区", "村", "村居", "居委会", "村委会":
		return "community"
	}
	switch len(code) {
	case 6:
		if strings.HasSuffix(code, "00") {
			return "city"
		}
		return "district"
	case 9:
		return "street"
	case 12:
		return "community"
	}
	return ""
}

// parentOf is the parent the national code implies, when the file names none.
func parentOf(code, level string) string {
	switch {
	case level == "district" && len(code) == 6:
		return code[:4] + "00"
	case level == "street" && len(code) == 9:
		return code[:6]
	case level == "community" && len(code) == 12:
		return code[:9]
	}
	return ""
}

// pinyinOf is the name's pinyin without its level word (福田区 -> fu tian), as the seeded areas have it.
func pinyinOf(name string) string {
	for _, s := range []string{"街道办事处", "街道", "社区", "新区", "区", "县", "镇", "乡", "村", "市"} {
		if t := strings.TrimSuffix(name, s); t != name && len([]rune(t)) >= 2 {
			name = t
			break
		}
	}
	return strings.Join(pinyin.LazyPinyin(name, pinyin.NewArgs()), " ")
}

var rank = map[string]int{"city": 0, "district": 1, "street": 2, "community": 3}

// finish checks codes and levels, fills parents and pinyin, and orders parents before children.
func (f *File) finish() {
	seen := map[string]bool{}
	var ok []Area
	for _, a := range f.Areas {
		switch {
		case a.Code == "" || strings.ContainsFunc(a.Code, func(r rune) bool {
			return !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '_' || r == '-')
		}):
			f.Rejected = append(f.Rejected, Issue{a.Line, "code", fmt.Sprintf("代码「%s」无效 / code %q invalid", a.Code, a.Code)})
			continue
		case a.NameZh == "":
			f.Rejected = append(f.Rejected, Issue{a.Line, "name", "缺少名称 / name missing"})
			continue
		case a.Level == "":
			f.Rejected = append(f.Rejected, Issue{a.Line, "level", "无法判断级别（区、街道、社区）/ level unknown (district, street, community)"})
			continue
		case seen[a.Code]:
			f.Rejected = append(f.Rejected, Issue{a.Line, "code", fmt.Sprintf("代码 %s 重复 / code %s repeated", a.Code, a.Code)})
			continue
		}
		seen[a.Code] = true
		if a.Parent == "" && a.Level != "city" {
			a.Parent = parentOf(a.Code, a.Level)
		}
		if a.Pinyin == "" {
			a.Pinyin = pinyinOf(a.NameZh)
		}
		ok = append(ok, a)
	}
	// Stable by level: the file's order within a level.
	out := make([]Area, 0, len(ok))
	for r := 0; r <= 3; r++ {
		for _, a := range ok {
			if rank[a.Level] == r {
				out = append(out, a)
			}
		}
	}
	f.Areas = out
}

// text reads a property as text: strings as they are, numbers without a fraction (adcode 440304).
func text(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	case map[string]any: // DataV: "parent": {"adcode": 440300}
		for _, k := range []string{"adcode", "code", "id"} {
			if s := text(x[k]); s != "" {
				return s
			}
		}
	}
	return ""
}
