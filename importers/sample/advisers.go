package sample

import (
	"fmt"
	"path/filepath"

	"legalmap/internal/geo"
)

// Community adviser points come as an xlsx with GCJ-02 coordinates and no name column: the importer names a
// point after its community. Each adviser is one of the generated lawyers (by licence number), serving on a
// schedule from their firm.
var adviserHeader = []string{"编号", "所属区", "街道", "社区", "地址", "经度", "纬度", "法律顾问", "顾问执业证号", "派驻律所",
	"驻点时间", "联系电话", "备注"}

var schedules = []string{"每周三 14:00-17:00", "每周二、周四 9:00-12:00", "周一至周五 9:00-12:00", "每周五 下午14:30-17:30",
	"每周一 9:00-12:00,14:00-17:00"}

func (g *generator) writeAdvisers(dir string) (File, error) {
	f := File{Kind: "community_adviser", Path: filepath.Join(dir, "community_advisers.synthetic.gcj02.xlsx"), Format: XLSX, CRS: "gcj02"}
	t, err := createTable(f.Path, f.Format, adviserHeader)
	if err != nil {
		return f, err
	}
	row := make([]any, len(adviserHeader))
	seen := map[string]int{} // street+community -> times used, so every point is its own community
	for i := range g.plan.Advisers {
		r := g.rng(saltAdviser, uint64(i))
		d := pick(r, g.districts)
		street := pick(r, d.Streets)
		community := communityName(r)
		if n := seen[street+community]; n > 0 {
			community = fmt.Sprintf("%s%s社区", string([]rune(community)[:2]), chineseOrdinal(n))
		}
		seen[street+community]++
		p := geo.FromWGS84(d.scatter(r), geo.GCJ02)
		var name, licence, firmName string
		if g.plan.LawFirms > 0 {
			fi := r.IntN(g.plan.LawFirms)
			fm := g.firm(fi)
			l := g.lawyer(fi, r.IntN(fm.Lawyers))
			name, licence, firmName = l.Name, l.Licence, fm.Name
		} else {
			name = personName(r)
		}
		row = append(row[:0], fmt.Sprintf("SZCA%06d", i+1), d.Name, street, community,
			"深圳市"+d.Name+street+community+"党群服务中心", fmt.Sprintf("%.6f", p[0]), fmt.Sprintf("%.6f", p[1]),
			name, licence, firmName, pick(r, schedules), phone(r), "合成样例数据 synthetic sample")
		if err := t.Row(row); err != nil {
			t.Close()
			return f, err
		}
		f.Rows++
	}
	return f, t.Close()
}

// chineseOrdinal tells apart communities that drew the same name: 一, 二 … then digits.
func chineseOrdinal(n int) string {
	digits := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n >= 1 && n <= 9 {
		return digits[n-1]
	}
	return fmt.Sprint(n)
}
