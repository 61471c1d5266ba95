package sample

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
)

// The national directory (`sample --national`) is a country's mix for the query benchmark, unlike the
// default Shenzhen sample the relevance tests are judged on: places in cities from Harbin to Sanya and
// Urumqi, mostly community adviser points and law firms (lawyers imported as their practitioners), some
// legal-aid offices, few notary offices and forensic institutions. Only Shenzhen's places name a district
// the areas table knows; elsewhere the district is left to the point (and stays unknown), as it would be
// for a city the service has no boundaries of. Names and addresses follow each city's: its province in a
// firm's name, its districts and main roads in addresses, its area code in phone numbers.

// nationalCity is one city of the national directory.
type nationalCity struct {
	Name, Province string // 哈尔滨市, 黑龙江 (北京 for a municipality)
	Division       string // the first four digits of its administrative code (licence numbers)
	Phone          string // its telephone area code
	Lng, Lat       float64
	Weight         int      // share of the places, by population
	Districts      []string // central districts first
	Roads          []string
}

var nationalCities = []nationalCity{
	{"北京市", "北京", "1101", "010", 116.397, 39.909, 14, []string{"东城区", "西城区", "朝阳区", "海淀区", "丰台区", "通州区"}, []string{"长安街", "建国路", "中关村大街", "朝阳路", "西直门外大街", "复兴路"}},
	{"上海市", "上海", "3101", "021", 121.474, 31.230, 14, []string{"黄浦区", "徐汇区", "静安区", "浦东新区", "闵行区", "杨浦区"}, []string{"南京东路", "淮海中路", "世纪大道", "漕溪北路", "四平路", "延安西路"}},
	{"广州市", "广东", "4401", "020", 113.264, 23.129, 10, []string{"越秀区", "天河区", "海珠区", "白云区", "番禺区"}, []string{"中山五路", "天河路", "江南大道", "广州大道", "环市东路", "解放北路"}},
	{"深圳市", "广东", "4403", "0755", 114.057, 22.543, 10, []string{"福田区", "南山区", "罗湖区", "宝安区", "龙岗区"}, []string{"深南大道", "福华一路", "南海大道", "宝安大道", "龙岗大道", "人民南路"}},
	{"成都市", "四川", "5101", "028", 104.066, 30.572, 9, []string{"锦江区", "青羊区", "武侯区", "成华区", "金牛区"}, []string{"人民南路", "天府大道", "春熙路", "蜀都大道", "一环路", "红星路"}},
	{"武汉市", "湖北", "4201", "027", 114.305, 30.593, 7, []string{"江岸区", "武昌区", "洪山区", "汉阳区", "江汉区"}, []string{"解放大道", "中山大道", "武珞路", "珞喻路", "建设大道", "沿江大道"}},
	{"西安市", "陕西", "6101", "029", 108.940, 34.341, 6, []string{"新城区", "碑林区", "雁塔区", "莲湖区", "未央区"}, []string{"长安路", "东大街", "雁塔路", "未央路", "西大街", "太白路"}},
	{"杭州市", "浙江", "3301", "0571", 120.155, 30.274, 6, []string{"上城区", "拱墅区", "西湖区", "滨江区", "萧山区"}, []string{"延安路", "文三路", "解放路", "庆春路", "江南大道", "体育场路"}},
	{"哈尔滨市", "黑龙江", "2301", "0451", 126.535, 45.803, 5, []string{"道里区", "南岗区", "道外区", "香坊区"}, []string{"中央大街", "红军街", "西大直街", "友谊路", "学府路", "东大直街"}},
	{"昆明市", "云南", "5301", "0871", 102.833, 24.880, 4, []string{"五华区", "盘龙区", "官渡区", "西山区"}, []string{"东风西路", "北京路", "人民中路", "滇池路", "青年路", "南屏街"}},
	{"乌鲁木齐市", "新疆", "6501", "0991", 87.617, 43.826, 3, []string{"天山区", "沙依巴克区", "新市区", "水磨沟区"}, []string{"人民路", "解放北路", "友好北路", "北京南路", "新华北路", "南湖路"}},
	{"呼和浩特市", "内蒙古", "1501", "0471", 111.749, 40.842, 2, []string{"新城区", "回民区", "赛罕区", "玉泉区"}, []string{"新华大街", "中山西路", "昭乌达路", "锡林郭勒北路", "大学东街", "呼伦贝尔南路"}},
	{"拉萨市", "西藏", "5401", "0891", 91.117, 29.653, 1, []string{"城关区", "堆龙德庆区"}, []string{"北京中路", "金珠西路", "江苏路", "林廓北路", "宇拓路", "朵森格路"}},
	{"三亚市", "海南", "4602", "0898", 109.512, 18.252, 2, []string{"吉阳区", "天涯区", "海棠区"}, []string{"解放路", "迎宾路", "榆亚路", "三亚湾路", "新风街", "河东路"}},
	{"漠河市", "黑龙江", "2327", "0457", 122.538, 52.972, 1, []string{"西林吉镇", "北极镇"}, []string{"中华路", "漠河大街", "友谊路", "林业路", "北极大道", "兴安路"}},
}

// NationalPlan splits the places of a national directory between the kinds.
func NationalPlan(scale int) Plan {
	p := Plan{
		LawFirms: scale * 30 / 100,
		LegalAid: scale * 10 / 100,
		Notaries: max(1, scale/100),
		Forensic: max(1, scale/100),
	}
	p.Advisers = max(0, scale-p.LawFirms-p.LegalAid-p.Notaries-p.Forensic)
	return p
}

// nationalLawyers is how many lawyers a national firm has: one to three, as most firms are small, which also
// keeps the benchmark's directory quick to load.
func nationalLawyers(r *rand.Rand) int { return 1 + r.IntN(3) }

// Salts of the national directory's random streams, apart from the Shenzhen sample's.
const (
	saltNationalPlace uint64 = iota + 64
	saltNationalFirm
	saltNationalLawyer
)

// nationalPlace is where one place lies: its city, district, and point. Most places sit within a few
// kilometres of a district's centre; one in ten lies out in the city's counties, up to 60 km away.
type nationalPlace struct {
	City     *nationalCity
	District string
	Point    [2]float64
}

type nationalGen struct {
	seed uint64
	plan Plan
}

// nationalPick lists each city's index as often as its weight.
var nationalPick = func() []int {
	var out []int
	for i, c := range nationalCities {
		for range c.Weight {
			out = append(out, i)
		}
	}
	return out
}()

func (g *nationalGen) rng(salt, i uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.seed, salt<<44^i))
}

func placeNational(r *rand.Rand) nationalPlace {
	c := &nationalCities[pick(r, nationalPick)]
	di := min(len(c.Districts)-1, int(math.Abs(r.NormFloat64())*float64(len(c.Districts))/2))
	// District centres on a ring 5 km around the city centre; the first district is the centre.
	cx, cy := 0.0, 0.0
	if di > 0 {
		a := 2 * math.Pi * float64(di) / float64(len(c.Districts)-1)
		cx, cy = 5000*math.Cos(a), 5000*math.Sin(a)
	}
	sigma := 1500.0
	if r.IntN(10) == 0 {
		sigma = 25000
	}
	x, y := cx+sigma*r.NormFloat64(), cy+sigma*r.NormFloat64()
	lat := c.Lat + y/metresPerDegreeLat
	lng := c.Lng + x/(metresPerDegreeLat*math.Cos(c.Lat*math.Pi/180))
	return nationalPlace{City: c, District: c.Districts[di], Point: [2]float64{round6(lng), round6(lat)}}
}

// knownDistrict is the district as the file names it: only Shenzhen's are in the areas table, others are
// left empty so the importer places them by their point without a warning per row.
func (p nationalPlace) knownDistrict() string {
	if p.City.Name == "深圳市" {
		return p.District
	}
	return ""
}

func (p nationalPlace) address(r *rand.Rand) string {
	return fmt.Sprintf("%s%s%s%d号%s%s", p.City.Name, p.District, pick(r, p.City.Roads), 1+r.IntN(900),
		brand(r), pick(r, buildingSuffix))
}

func (p nationalPlace) phone(r *rand.Rand) string {
	return fmt.Sprintf("%s-%d%07d", p.City.Phone, 2+r.IntN(7), r.IntN(10_000_000))
}

// nationalFirm is firm i, as its own file, its lawyers' and the advisers' see it.
type nationalFirm struct {
	ID, Name, Licence string
	Place             nationalPlace
	Lawyers           int
}

func (g *nationalGen) firm(i int) nationalFirm {
	r := g.rng(saltNationalFirm, uint64(i))
	pl := placeNational(r)
	br := brand(r)
	name := pl.City.Province + br + "律师事务所"
	switch r.IntN(4) {
	case 0:
		name = pl.City.Province + br + "(" + short(pl.District) + ")律师事务所"
	case 1:
		name = pick(r, []string{"北京", "上海", "广东"}) + br + "(" + strings.TrimSuffix(pl.City.Name, "市") + ")律师事务所"
	}
	return nationalFirm{ID: fmt.Sprintf("NLF%07d", i+1), Name: name, Place: pl, Lawyers: nationalLawyers(r),
		Licence: creditCode("31", pl.City.Division+"00", uint64(i))}
}

func (g *nationalGen) lawyer(f nationalFirm, i, j int) lawyer {
	serial := uint64(i)*4 + uint64(j)
	r := g.rng(saltNationalLawyer, serial)
	return lawyer{ID: fmt.Sprintf("NLY%08d", serial), Name: personName(r),
		Licence: fmt.Sprintf("1%s%04d1%07d", f.Place.City.Division, 2000+r.IntN(25), serial%10_000_000)}
}

// writeNational writes the national directory's files (all UTF-8 CSV in WGS84) in LoadOrder.
func writeNational(opt Options) ([]File, error) {
	g := &nationalGen{seed: opt.Seed, plan: NationalPlan(opt.Scale)}
	if g.plan.LawFirms*4 > 10_000_000 {
		return nil, fmt.Errorf("sample: %d firms' lawyers would exhaust the seven-digit licence serials", g.plan.LawFirms)
	}
	var files []File
	for _, w := range []struct {
		kind, name string
		header     []string
		rows       int
		row        func(i int, r *rand.Rand, emit func([]any) error) error
	}{
		{"law_firm", "law_firms", firmHeader, g.plan.LawFirms, g.firmRow},
		{"lawyer", "lawyers", lawyerHeader, g.plan.LawFirms, g.lawyerRows},
		{"legal_aid", "legal_aid", legalAidHeader, g.plan.LegalAid, legalAidRow},
		{"notary", "notaries", notaryHeader, g.plan.Notaries, notaryRow},
		{"forensic", "forensic", forensicHeader, g.plan.Forensic, forensicRow},
		{"community_adviser", "community_advisers", adviserHeader, g.plan.Advisers, g.adviserRow},
	} {
		f := File{Kind: w.kind, Path: filepath.Join(opt.Out, w.name+".national.synthetic.csv"), Format: CSVUTF8, CRS: "wgs84"}
		t, err := createTable(f.Path, f.Format, w.header)
		if err != nil {
			return nil, err
		}
		emit := func(row []any) error { f.Rows++; return t.Row(row) }
		for i := range w.rows {
			if err := w.row(i, g.rng(saltNationalPlace+uint64(len(files))<<8, uint64(i)), emit); err != nil {
				t.Close()
				return nil, err
			}
		}
		if err := t.Close(); err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, writeReadme(opt, files)
}

func (g *nationalGen) firmRow(i int, r *rand.Rand, emit func([]any) error) error {
	f := g.firm(i)
	p := f.Place
	return emit([]any{f.ID, f.Name, "", f.Licence, f.Licence, p.knownDistrict(), "", p.address(r), p.Point[0], p.Point[1],
		p.phone(r), pick(r, firmHours), practiceList(r, 2+r.IntN(4)), "中文", "合成样例，非真实机构 / synthetic sample",
		"正常", fmt.Sprintf("2025-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))})
}

func (g *nationalGen) lawyerRows(i int, r *rand.Rand, emit func([]any) error) error {
	f := g.firm(i)
	for j := range f.Lawyers {
		l := g.lawyer(f, i, j)
		if err := emit([]any{l.ID, l.Name, l.Licence, f.Name, f.Licence, practiceList(r, 1+r.IntN(3)), "中文", "正常",
			"合成样例数据 synthetic sample"}); err != nil {
			return err
		}
	}
	return nil
}

func (g *nationalGen) adviserRow(i int, r *rand.Rand, emit func([]any) error) error {
	p := placeNational(r)
	community := communityName(r)
	var name, licence, firmName string
	if g.plan.LawFirms > 0 {
		fi := r.IntN(g.plan.LawFirms)
		f := g.firm(fi)
		l := g.lawyer(f, fi, r.IntN(f.Lawyers))
		name, licence, firmName = l.Name, l.Licence, f.Name
	}
	return emit([]any{fmt.Sprintf("NCA%07d", i+1), p.knownDistrict(), "", community,
		p.City.Name + p.District + community + "党群服务中心", p.Point[0], p.Point[1],
		name, licence, firmName, pick(r, schedules), p.phone(r), "合成样例数据 synthetic sample"})
}

func legalAidRow(i int, r *rand.Rand, emit func([]any) error) error {
	p := placeNational(r)
	name := p.City.Name + p.District + "法律援助中心"
	if i >= len(nationalCities)*6 {
		name = short(p.District) + communityName(r) + pick(r, []string{"法律援助工作站", "法律援助联络点"})
	}
	return emit([]any{fmt.Sprintf("NLA%07d", i+1), name, p.knownDistrict(), "", p.address(r), p.Point[0], p.Point[1],
		"12348、" + p.phone(r), pick(r, officeHours), "是", "法律援助机构（合成样例数据 synthetic sample）"})
}

func notaryRow(i int, r *rand.Rand, emit func([]any) error) error {
	p := placeNational(r)
	return emit([]any{fmt.Sprintf("NNO%06d", i+1), p.City.Name + brand(r) + "公证处", creditCode("12", p.City.Division+"00", uint64(i)),
		p.knownDistrict(), p.address(r), fmt.Sprintf("%.6f,%.6f", p.Point[0], p.Point[1]), p.phone(r),
		"周一至周五 9:00-12:00,14:00-18:00", "中文", "办理继承、委托、声明等公证事项。合成样例数据 synthetic sample。"})
}

func forensicRow(i int, r *rand.Rand, emit func([]any) error) error {
	p := placeNational(r)
	return emit([]any{fmt.Sprintf("NFO%06d", i+1), short(p.City.Name) + brand(r) + pick(r, []string{"司法鉴定所", "司法鉴定中心"}),
		fmt.Sprintf("%s%07d", p.City.Division[:2], i), p.knownDistrict(), p.address(r), p.Point[0], p.Point[1], p.phone(r),
		pick(r, forensicCategories), "2023-01-01", "2029-12-31", pick(r, officeHours), "司法鉴定机构（合成样例数据 synthetic sample）。"})
}
