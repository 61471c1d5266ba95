package sample

import (
	"fmt"
	"path/filepath"
	"strings"

	"legalmap/internal/geo"
)

// legalAidNetwork is the city centre, the nine district centres and a workstation in each of the 74 streets
// (zones such as bonded areas have none); larger scales add liaison points in communities.
const legalAidNetwork = 1 + 9 + 74

var legalAidHeader = []string{"编号", "名称", "所属区", "街道", "地址", "经度", "纬度", "咨询电话", "服务时间", "是否免费", "简介"}

func (g *generator) writeLegalAid(dir string) (File, error) {
	f := File{Kind: "legal_aid", Path: filepath.Join(dir, "legal_aid.synthetic.xlsx"), Format: XLSX, CRS: "wgs84"}
	t, err := createTable(f.Path, f.Format, legalAidHeader)
	if err != nil {
		return f, err
	}
	type station struct{ d, street int }
	var network []station
	network = append(network, station{d: 1, street: -1}) // the city centre sits in 福田
	for d := range g.districts {
		network = append(network, station{d: d, street: -1})
	}
	for d, dist := range g.districts {
		for s := range dist.Streets {
			network = append(network, station{d: d, street: s})
		}
	}
	if len(network) != legalAidNetwork {
		return f, fmt.Errorf("sample: legal-aid network has %d stations, want %d", len(network), legalAidNetwork)
	}
	row := make([]any, len(legalAidHeader))
	for i := range g.plan.LegalAid {
		r := g.rng(saltLegalAid, uint64(i))
		var d district
		var street, name, desc string
		switch {
		case i == 0:
			d = g.districts[network[0].d]
			street, name = pick(r, d.Streets), "深圳市法律援助中心"
			desc = "市级法律援助机构，受理全市法律援助申请。"
		case i < len(network):
			st := network[i]
			d = g.districts[st.d]
			if st.street < 0 {
				street, name = pick(r, d.Streets), "深圳市"+d.Name+"法律援助中心"
				desc = "区级法律援助机构，受理本区法律援助申请。"
			} else {
				street = d.Streets[st.street]
				name = d.Name + street + "法律援助工作站"
				desc = "街道法律援助工作站，提供法律咨询、代写文书、转交申请。"
			}
		default:
			d = pick(r, g.districts)
			street = pick(r, d.Streets)
			name = d.Name + street + communityName(r) + "法律援助联络点"
			desc = "社区法律援助联络点。"
		}
		p := d.scatter(r)
		row = append(row[:0], fmt.Sprintf("SZLA%05d", i+1), name, d.Name, street, address(r, d), p[0], p[1],
			"12348、"+phone(r), pick(r, officeHours), "是", desc+"（合成样例数据 synthetic sample）")
		if err := t.Row(row); err != nil {
			t.Close()
			return f, err
		}
		f.Rows++
	}
	return f, t.Close()
}

// Notary offices come as an xlsx with GCJ-02 coordinates copied from Amap, in one 坐标 column "lng,lat".
var notaryHeader = []string{"机构编号", "机构名称", "统一社会信用代码", "所属区", "详细地址", "坐标", "联系电话", "工作时间", "服务语言", "机构简介"}

func (g *generator) writeNotaries(dir string) (File, error) {
	f := File{Kind: "notary", Path: filepath.Join(dir, "notaries.synthetic.gcj02.xlsx"), Format: XLSX, CRS: "gcj02"}
	t, err := createTable(f.Path, f.Format, notaryHeader)
	if err != nil {
		return f, err
	}
	row := make([]any, len(notaryHeader))
	for i := range g.plan.Notaries {
		r := g.rng(saltNotary, uint64(i))
		d := g.districts[i%len(g.districts)]
		p := geo.FromWGS84(d.scatter(r), geo.GCJ02)
		name := "深圳市" + brand(r) + "公证处" // invented: real offices are named after their district
		langs := "中文、英语"
		if r.IntN(3) == 0 {
			langs = "中文、英语、粤语"
		}
		row = append(row[:0], fmt.Sprintf("SZNO%04d", i+1), name, creditCode("12", "440300", uint64(i)),
			d.Name, address(r, d), fmt.Sprintf("%.6f,%.6f", p[0], p[1]), phone(r),
			"周一至周五 9:00-12:00,14:00-18:00；周六 9:00-12:00", langs,
			"办理继承、委托、声明、学历、涉外等公证事项。合成样例数据 synthetic sample。")
		if err := t.Row(row); err != nil {
			t.Close()
			return f, err
		}
		f.Rows++
	}
	return f, t.Close()
}

// Forensic institutions come as GB18030 csv with Baidu (BD-09) coordinates; a few licences have expired.
var forensicHeader = []string{"编号", "机构名称", "执业许可证号", "所属区", "地址", "经度", "纬度", "电话", "鉴定业务范围",
	"有效期起", "有效期至", "办公时间", "简介"}

func (g *generator) writeForensic(dir string) (File, error) {
	f := File{Kind: "forensic", Path: filepath.Join(dir, "forensic.synthetic.bd09.gb18030.csv"), Format: CSVGB18030, CRS: "bd09"}
	t, err := createTable(f.Path, f.Format, forensicHeader)
	if err != nil {
		return f, err
	}
	row := make([]any, len(forensicHeader))
	for i := range g.plan.Forensic {
		r := g.rng(saltForensic, uint64(i))
		d := pick(r, g.districts)
		p := geo.FromWGS84(d.scatter(r), geo.BD09)
		var cats []string
		for _, c := range forensicCategories {
			if r.IntN(4) == 0 {
				cats = append(cats, c)
			}
		}
		if len(cats) == 0 {
			cats = []string{pick(r, forensicCategories)}
		}
		from := 2021 + r.IntN(5)
		to := from + 6 // licences run for years; only the lapsed ones below have ended
		if r.IntN(16) == 0 {
			from, to = 2016, 2021 // lapsed: the importer must show it as not active
		}
		name := "深圳" + brand(r) + pick(r, []string{"司法鉴定所", "司法鉴定中心", "法医临床司法鉴定所"})
		row = append(row[:0], fmt.Sprintf("SZFO%04d", i+1), name, fmt.Sprintf("44%07d", 3000000+i), d.Name,
			address(r, d), fmt.Sprintf("%.6f", p[0]), fmt.Sprintf("%.6f", p[1]), phone(r), strings.Join(cats, "；"),
			fmt.Sprintf("%d-%02d-%02d", from, 1+r.IntN(12), 1+r.IntN(28)), fmt.Sprintf("%d-12-31", to),
			pick(r, officeHours), "司法鉴定机构（合成样例数据 synthetic sample）。")
		if err := t.Row(row); err != nil {
			t.Close()
			return f, err
		}
		f.Rows++
	}
	return f, t.Close()
}
