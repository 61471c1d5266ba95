package sample

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"

	"github.com/mozillazg/go-pinyin"
)

// generator derives every record from (seed, kind, index) alone, so a file can be streamed and a lawyer or
// an adviser can name its firm without any list held in memory.
type generator struct {
	seed      uint64
	plan      Plan
	districts []district
	firmPick  []int // district indexes weighted by where Shenzhen's firms are
}

// Salts keep the kinds' random streams apart.
const (
	saltFirm uint64 = iota + 1
	saltLawyer
	saltLegalAid
	saltNotary
	saltForensic
	saltAdviser
)

func newGenerator(seed uint64, plan Plan) (*generator, error) {
	ds, err := loadDistricts()
	if err != nil {
		return nil, err
	}
	g := &generator{seed: seed, plan: plan, districts: ds}
	// Most firms sit in 福田, then 南山 and 罗湖; the outer districts have few.
	weights := map[string]int{"440304": 35, "440305": 20, "440303": 15, "440306": 10, "440307": 8, "440309": 6}
	for i, d := range ds {
		w := weights[d.Code]
		if w == 0 {
			w = 2
		}
		for range w {
			g.firmPick = append(g.firmPick, i)
		}
	}
	return g, nil
}

func (g *generator) rng(salt, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, salt<<44^i))
}

// firm is one law firm as both its own file and its lawyers' file see it.
type firm struct {
	ID, Name, NameEn, Licence string
	District                  district
	Lawyers                   int
}

// pairSpace is how many distinct two-character brands there are.
var pairSpace = len(brandChars) * (len(brandChars) - 1)

func (g *generator) firm(i int) firm {
	r := g.rng(saltFirm, uint64(i))
	d := g.districts[pick(r, g.firmPick)]
	// A brand per index (a permutation of the pairs), so names are unique until the pairs run out.
	p := (i*7919 + int(g.seed%997)) % pairSpace
	a, b := p/(len(brandChars)-1), p%(len(brandChars)-1)
	if b >= a {
		b++
	}
	br := string([]rune{brandChars[a], brandChars[b]})
	var name string
	switch rd := i / pairSpace; rd {
	case 0:
		name = "广东" + br + "律师事务所"
	case 1:
		name = "广东" + br + "(" + short(d.Name) + ")律师事务所"
	case 2:
		name = "北京市" + br + "(深圳)律师事务所"
	default:
		name = fmt.Sprintf("广东%s第%d律师事务所", br, rd)
	}
	f := firm{ID: fmt.Sprintf("SZLF%06d", i+1), Name: name, District: d, Lawyers: 3 + r.IntN(13),
		Licence: creditCode("31", "440000", uint64(i))}
	if r.IntN(4) == 0 && i < pairSpace {
		f.NameEn = "Guangdong " + latinBrand(br) + " Law Firm"
	}
	return f
}

// latinBrand spells a brand as firms do in their English names: 信达 -> Xinda.
func latinBrand(br string) string {
	s := strings.Join(pinyin.LazyPinyin(br, pinyin.NewArgs()), "")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

var firmHeader = []string{"编号", "机构名称", "英文名称", "执业许可证号", "统一社会信用代码", "所属区", "街道", "办公地址",
	"经度", "纬度", "联系电话", "办公时间", "业务领域", "服务语言", "机构简介", "状态", "核验日期"}

func (g *generator) writeFirms(dir string) (File, error) {
	f := File{Kind: "law_firm", Path: filepath.Join(dir, "law_firms.synthetic.csv"), Format: CSVUTF8, CRS: "wgs84"}
	t, err := createTable(f.Path, f.Format, firmHeader)
	if err != nil {
		return f, err
	}
	row := make([]any, len(firmHeader))
	for i := range g.plan.LawFirms {
		fm := g.firm(i)
		r := g.rng(saltFirm, uint64(i)+1<<40)
		p := fm.District.scatter(r)
		phones := phone(r)
		if r.IntN(3) == 0 {
			phones += "、" + phone(r)
		}
		langs := "中文"
		if fm.NameEn != "" || r.IntN(8) == 0 {
			langs = "中文、英语"
		}
		row = append(row[:0], fm.ID, fm.Name, fm.NameEn, fm.Licence, fm.Licence, fm.District.Name,
			pick(r, fm.District.Streets), address(r, fm.District), p[0], p[1], phones, pick(r, firmHours),
			practiceList(r, 2+r.IntN(4)), langs,
			"合成样例，非真实机构 / synthetic sample",
			"正常", fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)))
		if err := t.Row(row); err != nil {
			t.Close()
			return f, err
		}
		f.Rows++
	}
	return f, t.Close()
}

// lawyer j of firm i.
type lawyer struct {
	ID, Name, Licence string
}

func (g *generator) lawyer(i, j int) lawyer {
	serial := uint64(i)*16 + uint64(j)
	r := g.rng(saltLawyer, serial)
	return lawyer{ID: fmt.Sprintf("SZLY%08d", serial), Name: personName(r), Licence: lawyerLicence(2000+r.IntN(25), serial)}
}

var lawyerHeader = []string{"编号", "姓名", "执业证号", "执业机构", "执业机构许可证号", "擅长领域", "服务语言", "状态", "备注"}

func (g *generator) writeLawyers(dir string) (File, error) {
	f := File{Kind: "lawyer", Path: filepath.Join(dir, "lawyers.synthetic.gb18030.csv"), Format: CSVGB18030, CRS: "wgs84"}
	t, err := createTable(f.Path, f.Format, lawyerHeader)
	if err != nil {
		return f, err
	}
	row := make([]any, len(lawyerHeader))
	for i := range g.plan.LawFirms {
		fm := g.firm(i)
		for j := range fm.Lawyers {
			l := g.lawyer(i, j)
			r := g.rng(saltLawyer, (uint64(i)*16+uint64(j))|1<<40)
			langs := "中文"
			switch r.IntN(10) {
			case 0:
				langs = "中文、英语"
			case 1:
				langs = "普通话、粤语"
			}
			status := "正常"
			if r.IntN(50) == 0 {
				status = "暂停执业"
			}
			row = append(row[:0], l.ID, l.Name, l.Licence, fm.Name, fm.Licence, practiceList(r, 1+r.IntN(3)), langs,
				status, "合成样例数据 synthetic sample")
			if err := t.Row(row); err != nil {
				t.Close()
				return f, err
			}
			f.Rows++
		}
	}
	return f, t.Close()
}
