package columns

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func TestMapRealisticHeaders(t *testing.T) {
	cases := []struct {
		name    string
		kind    string
		header  []string
		index   map[string]int
		dropped []string // headers
		unknown []string
	}{
		{
			name:   "律所名录 from the bar association",
			kind:   "law_firm",
			header: []string{"序号", "律师事务所名称", "统一社会信用代码", "执业许可证号", "负责人", "住所", "所属区", "联系电话", "经度", "纬度", "业务领域", "状态"},
			index: map[string]int{"name": 1, "credit_code": 2, "licence_no": 3, "address": 5, "district": 6, "phone": 7,
				"lng": 8, "lat": 9, "practice_areas": 10, "status": 11},
			unknown: []string{"序号", "负责人"},
		},
		{
			name:    "lawyer list with personal columns",
			kind:    "lawyer",
			header:  []string{"姓名", "性别", "律师执业证号", "执业机构", "身份证号码", "手机号码", "联系电话", "擅长领域", "执业类别", "政治面貌", "出生年月", "民族", "地址"},
			index:   map[string]int{"name": 0, "licence_no": 2, "firm_name": 3, "practice_areas": 7, "role": 8},
			dropped: []string{"性别", "身份证号码", "手机号码", "联系电话", "政治面貌", "出生年月", "民族"},
			unknown: []string{"地址"},
		},
		{
			name:   "legal aid, Excel with BOM remnant, required markers and full-width text",
			kind:   "legal_aid",
			header: []string{"\ufeff编号", "机构名称（必填）", "*地址", "所在区", "所属街道", "社区", "坐标", "咨询电话", "办公时间", "是否免费", "ＥＭＡＩＬ", "服务语言"},
			index: map[string]int{"source_id": 0, "name": 1, "address": 2, "district": 3, "street": 4, "community": 5,
				"coordinates": 6, "phone": 7, "hours": 8, "free": 9, "email": 10, "languages": 11},
		},
		{
			name:   "English export",
			kind:   "notary",
			header: []string{"ID", "Name", "Name (English)", "Address", "Longitude", "Latitude", "Phone", "Opening Hours", "E-mail", "Website", "Status", "Verified_At"},
			index: map[string]int{"source_id": 0, "name": 1, "name_en": 2, "address": 3, "lng": 4, "lat": 5, "phone": 6,
				"hours": 7, "email": 8, "website": 9, "status": 10, "verified_at": 11},
		},
		{
			name:   "full-width letters and ideographic spaces",
			kind:   "notary",
			header: []string{"ＩＤ", "名　称", "经　度（WGS84）", "纬度(°)", "Ｘ", "联系电话：", "【必填】备注"},
			index:  map[string]int{"source_id": 0, "name": 1, "lng": 2, "lat": 3, "phone": 5},
			unknown: []string{"Ｘ（与第 3 列「经　度（WGS84）」重复，已忽略）/ Ｘ (duplicate of column 3 \"经　度（WGS84）\" for lng, ignored)",
				"【必填】备注"},
		},
		{
			name:    "GIS export with POINT_X/POINT_Y",
			kind:    "legal_aid",
			header:  []string{"FID", "NAME", "POINT_X", "POINT_Y", "手机"},
			index:   map[string]int{"name": 1, "lng": 2, "lat": 3},
			dropped: []string{"手机"},
			unknown: []string{"FID"},
		},
		{
			name:   "forensic institutions",
			kind:   "forensic",
			header: []string{"机构名称", "许可证号", "鉴定业务范围", "有效期起", "有效期至", "经纬度", "地址"},
			index:  map[string]int{"name": 0, "licence_no": 1, "categories": 2, "valid_from": 3, "valid_to": 4, "coordinates": 5, "address": 6},
		},
		{
			name:    "forensic: 业务范围 and 执业类别 are categories",
			kind:    "forensic",
			header:  []string{"名称", "执业类别", "业务范围", "x", "y"},
			index:   map[string]int{"name": 0, "categories": 1, "lng": 3, "lat": 4},
			unknown: []string{"业务范围（与第 2 列「执业类别」重复，已忽略）/ 业务范围 (duplicate of column 2 \"执业类别\" for categories, ignored)"},
		},
		{
			name:    "community adviser points named by community",
			kind:    "community_adviser",
			header:  []string{"所属街道", "社区", "法律顾问", "顾问执业证号", "派驻律所", "驻点时间", "经度", "纬度", "律师手机", "服务时间"},
			index:   map[string]int{"street": 0, "community": 1, "adviser_name": 2, "adviser_licence_no": 3, "firm_name": 4, "schedule": 5, "lng": 6, "lat": 7, "hours": 9},
			dropped: []string{"律师手机"},
		},
		{
			name:   "community adviser: 姓名 and 执业证号 are the adviser's",
			kind:   "community_adviser",
			header: []string{"服务点名称", "姓名", "执业证号", "律师事务所", "lng", "lat"},
			index:  map[string]int{"name": 0, "adviser_name": 1, "adviser_licence_no": 2, "firm_name": 3, "lng": 4, "lat": 5},
		},
		{
			name:    "duplicate name headers: the first wins",
			kind:    "law_firm",
			header:  []string{"名称", "机构名称", "lng", "lat", ""},
			index:   map[string]int{"name": 0, "lng": 2, "lat": 3},
			unknown: []string{"机构名称（与第 1 列「名称」重复，已忽略）/ 机构名称 (duplicate of column 1 \"名称\" for name, ignored)"},
		},
		{
			name:    "lawyer firm by licence number, e-mail is personal",
			kind:    "lawyer",
			header:  []string{"律师姓名", "执业证号", "执业机构许可证号", "邮箱", "微信号"},
			index:   map[string]int{"name": 0, "licence_no": 1, "firm_licence_no": 2},
			dropped: []string{"邮箱", "微信号"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := Map(c.header, c.kind)
			if err != nil {
				t.Fatalf("Map: %v", err)
			}
			if !reflect.DeepEqual(m.Index, c.index) {
				t.Errorf("index\n got %v\nwant %v", m.Index, c.index)
			}
			var dropped []string
			for _, d := range m.Dropped {
				dropped = append(dropped, d.Header)
				if c.header[d.Index] != d.Header || !strings.Contains(d.Reason, "/ ") {
					t.Errorf("dropped %+v", d)
				}
			}
			if !reflect.DeepEqual(dropped, c.dropped) {
				t.Errorf("dropped\n got %q\nwant %q", dropped, c.dropped)
			}
			if !reflect.DeepEqual(m.Unknown, c.unknown) {
				t.Errorf("unknown\n got %q\nwant %q", m.Unknown, c.unknown)
			}
		})
	}
}

func TestMapRefusals(t *testing.T) {
	cases := []struct {
		kind   string
		header []string
		field  string
	}{
		{"law_firm", []string{"地址", "经度", "纬度"}, "name"},
		{"law_firm", []string{"名称", "经度"}, "lat"},
		{"notary", []string{"名称", "Y"}, "lng"},
		{"legal_aid", []string{"名称", "电话"}, "coordinates"},
		{"community_adviser", []string{"法律顾问", "坐标"}, "name"},
		{"lawyer", []string{"姓名", "执业证号"}, "firm_name"},
		{"forensic", []string{"名称，地址，经度，纬度"}, "name"},
	}
	for _, c := range cases {
		_, err := Map(c.header, c.kind)
		var me *MissingError
		if !errors.As(err, &me) || me.Field != c.field || !strings.Contains(me.Reason, "/ ") {
			t.Errorf("%s %q: %v, want a MissingError for %s", c.kind, c.header, err, c.field)
		}
	}
	// A kind without aliases of its own (one the bureau added) has the general place columns; one with an
	// address and no coordinates is placed by its addresses.
	if m, err := Map([]string{"名称", "地址", "联系电话"}, "mediation_committee"); err != nil || m.Index["address"] != 1 || m.Index["phone"] != 2 {
		t.Errorf("a kind of the table: %v %v", m, err)
	}
	// GeoJSON keeps its coordinates in the geometry.
	if m, err := MapGeoJSON([]string{"名称", "地址"}, "legal_aid"); err != nil || m.Index["name"] != 0 {
		t.Errorf("MapGeoJSON: %v %v", m, err)
	}
	if _, err := MapGeoJSON([]string{"地址"}, "legal_aid"); err == nil {
		t.Error("MapGeoJSON still needs a name")
	}
	// A lawyer is not a place: no coordinates needed.
	if _, err := Map([]string{"姓名", "所属律所"}, "lawyer"); err != nil {
		t.Errorf("lawyer without coordinates: %v", err)
	}
}

// A trailing note is dropped only as a second try, and never when it says
// the column is the English version.
func TestTrailingNotes(t *testing.T) {
	m, err := Map([]string{"名称(英文)", "地址（英文）", "名称", "经度(GCJ-02)", "纬度[度]"}, "notary")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"name_en": 0, "name": 2, "lng": 3, "lat": 4}
	if !reflect.DeepEqual(m.Index, want) || !reflect.DeepEqual(m.Unknown, []string{"地址（英文）"}) {
		t.Errorf("index %v unknown %q", m.Index, m.Unknown)
	}
}

func TestGet(t *testing.T) {
	m, err := Map([]string{"名称", "坐标", "电话"}, "legal_aid")
	if err != nil {
		t.Fatal(err)
	}
	cells := []string{"\u3000福田法律援助处 \t", " 114.05,22.54 "}
	if got := m.Get(cells, "name"); got != "福田法律援助处" {
		t.Errorf("name %q", got)
	}
	if got := m.Get(cells, "coordinates"); got != "114.05,22.54" {
		t.Errorf("coordinates %q", got)
	}
	if m.Get(cells, "phone") != "" || m.Get(cells, "email") != "" {
		t.Error("a short row or a missing column must give \"\"")
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"机构名称（必填）":      "机构名称",
		"*名称*":          "名称",
		"名称 *(必填)":      "名称",
		"Ｅ－ｍａｉｌ":        "email",
		"Opening_Hours": "openinghours",
		"\ufeff编号":      "编号",
		"村（社区）":         "村(社区)",
		"联系电话：":         "联系电话",
		"【必填】名称":        "[必填]名称",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// The tables must be consistent: aliases written normalized, no alias
// claimed twice within a kind or both kept and dropped, lawyers only with
// practitioner fields.
func TestAliasTables(t *testing.T) {
	check := func(where string, m map[string][]string) {
		seen := map[string]string{}
		for field, aliases := range m {
			for _, a := range aliases {
				if normalize(a) != a {
					t.Errorf("%s: alias %q of %s is not normalized (%q)", where, a, field, normalize(a))
				}
				if other, dup := seen[a]; dup && other != field {
					t.Errorf("%s: alias %q claimed by %s and %s", where, a, other, field)
				}
				seen[a] = field
			}
		}
	}
	check("places", placeAliases)
	check("personal", personal)
	for kind, m := range kindAliases {
		check(kind, m)
	}
	for _, kind := range Kinds {
		tb := tables[kind]
		for a := range tb.dropped {
			if f, both := tb.fields[a]; both {
				t.Errorf("%s: %q is both field %s and dropped", kind, a, f)
			}
		}
	}
	got := Fields("lawyer")
	want := append([]string{}, lawyerFields...)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lawyer fields %q, want %q", got, want)
	}
	for _, f := range []string{"categories", "valid_from", "valid_to", "name", "lng", "lat", "coordinates"} {
		if !contains(Fields("forensic"), f) {
			t.Errorf("forensic lacks %s", f)
		}
	}
	for _, f := range []string{"adviser_name", "adviser_licence_no", "firm_name", "schedule", "community"} {
		if !contains(Fields("community_adviser"), f) {
			t.Errorf("community_adviser lacks %s", f)
		}
	}
	if Fields("nosuch") != nil {
		t.Error("Fields of an unknown kind")
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
