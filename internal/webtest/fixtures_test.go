package webtest

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"legalmap/importers/pipeline"
	"legalmap/internal/directory"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

// The browser tests read a known directory, written through the real write paths: the import pipeline (as
// `legalmap import` and the admin upload run it) for the ordinary records and their people, and
// recorddb.CreateProvider with the search refresh (as the admin API writes a record) for the hostile ones, so
// that every stored text field can hold a payload exactly as typed.

// nanshan is the origin of the ordinary records: a part of the city no other test of the package writes to.
var nanshan = orb.Point{113.9300, 22.5300}

// place is one ordinary record of the fixture directory, as its import file lists it.
type place struct {
	ID, Kind, Name, NameEn, District, Street, Community string
	Lng, Lat                                            float64
	Licence, Phones, Website, Hours, Areas, Languages   string
	Free, FeeNote, Description, Status                  string
	// community adviser points
	Adviser, AdviserLicence, AdviserFirm, Schedule string
	// forensic institutions
	Categories, ValidFrom, ValidTo string
}

// places: all five kinds, in three districts, with phones, hours (a weekly table, around the clock, none),
// websites (one a javascript: URL, which the importer must drop), a closed-for-now office and a free one.
var places = []place{
	{ID: "WA1", Kind: "legal_aid", Name: "南山区法律援助处", NameEn: "Nanshan Legal Aid Office", District: "南山区", Street: "南头街道",
		Lng: 113.9310, Lat: 22.5310, Phones: "0755-12348、0755-26600000", Hours: "工作日 9:00-12:00,14:00-18:00",
		Areas: "劳动争议、婚姻家庭", Languages: "中文、英语", Free: "是", FeeNote: "符合经济困难条件的免费代理",
		Description: "为经济困难群众提供免费法律咨询和代理。", Website: "https://legalaid.nanshan.example.cn/"},
	{ID: "WC1", Kind: "community_adviser", Name: "南头社区法律顾问工作室", District: "南山区", Street: "南头街道", Community: "南头社区",
		Lng: 113.9260, Lat: 22.5280, Adviser: "周顾问", AdviserLicence: "14403201510000015", AdviserFirm: "深圳明理律师事务所",
		Schedule: "每周三 14:00-17:00", Phones: "0755-26611111"},
	{ID: "WF1", Kind: "law_firm", Name: "深圳明理律师事务所", NameEn: "Shenzhen Mingli Law Firm", District: "南山区", Street: "粤海街道",
		Lng: 113.9345, Lat: 22.5335, Licence: "31440000MA5FW00001", Phones: "0755-86001111、0755-86002222",
		Website: "https://mingli.example.cn/", Hours: "周一至周五 9:00-12:00,14:00-18:00", Areas: "婚姻家庭、劳动争议",
		Languages: "中文、英语、粤语", Free: "否", FeeNote: "首次咨询三十分钟免费", Description: "专注婚姻家庭与劳动争议的综合律所。"},
	{ID: "WX1", Kind: "forensic", Name: "深圳南山司法鉴定所", NameEn: "Nanshan Forensic Appraisal Institute", District: "南山区",
		Lng: 113.9390, Lat: 22.5230, Licence: "440001234", Phones: "0755-26622222", Hours: "周一至周五 8:30-17:30",
		Categories: "法医临床鉴定、亲子鉴定", ValidFrom: "2024-01-01", ValidTo: "2029-12-31"},
	{ID: "WN1", Kind: "notary", Name: "深圳市南山公证处", NameEn: "Nanshan Notary Office", District: "南山区", Street: "招商街道",
		Lng: 113.9420, Lat: 22.5380, Phones: "0755-26633333", Hours: "周一至周五 9:00-17:00", Free: "否", FeeNote: "按国家标准收费"},
	{ID: "WF2", Kind: "law_firm", Name: "深圳前海公正律师事务所", NameEn: "Qianhai Gongzheng Law Firm", District: "南山区",
		Lng: 113.9050, Lat: 22.5240, Licence: "31440000MA5FW00002", Phones: "0755-86003333", Website: "javascript:alert(document.domain)",
		Hours: "24小时", Areas: "合同纠纷、交通事故", Languages: "中文"},
	{ID: "WN2", Kind: "notary", Name: "深圳市蛇口公证处", District: "南山区", Street: "蛇口街道", Lng: 113.9200, Lat: 22.4950,
		Phones: "0755-26644444", Hours: "24小时", Status: "暂停"},
	{ID: "WF3", Kind: "law_firm", Name: "深圳西乡律师事务所", District: "宝安区", Street: "西乡街道", Lng: 113.8700, Lat: 22.5770,
		Licence: "31440000MA5FW00003", Phones: "0755-27000003", Hours: "周一至周六 9:00-18:00", Areas: "刑事辩护"},
	{ID: "WA2", Kind: "legal_aid", Name: "福田区法律援助处", District: "福田区", Street: "沙头街道", Lng: 114.0550, Lat: 22.5230,
		Phones: "0755-12348", Hours: "工作日 9:00-12:00,14:00-18:00", Areas: "劳动争议"},
}

// lawyers of the fixture firms (WF1 holds two, so a search by a lawyer's name finds their firm).
var lawyers = [][]string{
	{"编号", "姓名", "执业证号", "执业机构许可证号", "擅长领域", "服务语言"},
	{"WL1", "张明理", "14403201510000011", "31440000MA5FW00001", "离婚、抚养权", "中文、英语"},
	{"WL2", "陈晓庆", "14403201510000012", "31440000MA5FW00001", "劳动争议", "中文"},
	{"WL3", "李公正", "14403201510000013", "31440000MA5FW00002", "合同纠纷", "中文"},
	{"WL4", "王西乡", "14403201510000014", "31440000MA5FW00003", "刑事辩护", "中文"},
}

func placeByID(id string) place {
	for _, p := range places {
		if p.ID == id {
			return p
		}
	}
	panic("no fixture place " + id)
}

// directoryFixture is what the tests know of the loaded directory.
type directoryFixture struct {
	ids map[string]string // source id -> record id
	xss []xssRecord
}

var (
	fixtureMu sync.Mutex
	fixture   *directoryFixture
)

// loadDirectory writes the fixture directory once per test binary (the database is the package's) and
// returns what was written.
func loadDirectory(t *testing.T) *directoryFixture {
	t.Helper()
	fixtureMu.Lock()
	defer fixtureMu.Unlock()
	if fixture != nil {
		return fixture
	}
	ctx := context.Background()
	pool := storetest.Pool(t)
	dir := t.TempDir()
	byKind := map[string][]place{}
	for _, p := range places {
		byKind[p.Kind] = append(byKind[p.Kind], p)
	}
	// Firms first: the advisers and lawyers name them.
	for _, kind := range []string{"law_firm", "legal_aid", "notary", "forensic", "community_adviser"} {
		file := filepath.Join(dir, kind+".csv")
		writeCSV(t, file, placeRows(kind, byKind[kind]))
		importFile(t, pipeline.Options{Kind: kind, File: file, CRS: "wgs84", Source: "webtest"})
	}
	file := filepath.Join(dir, "lawyers.csv")
	writeCSV(t, file, lawyers)
	importFile(t, pipeline.Options{Kind: pipeline.KindLawyer, File: file, CRS: "wgs84", Source: "webtest"})

	f := &directoryFixture{ids: map[string]string{}}
	rows, err := pool.Query(ctx, "SELECT source_id, id::text FROM providers WHERE source = 'webtest'")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var sid, id string
		if err := rows.Scan(&sid, &id); err != nil {
			t.Fatal(err)
		}
		f.ids[sid] = id
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(f.ids) != len(places) {
		t.Fatalf("fixture directory: %d of %d places stored", len(f.ids), len(places))
	}
	f.xss = createHostileRecords(t, dir)
	fixture = f
	return f
}

func placeRows(kind string, ps []place) [][]string {
	head := []string{"编号", "名称", "英文名称", "执业许可证号", "所属区", "街道", "社区", "地址", "经度", "纬度", "联系电话", "网址",
		"办公时间", "业务领域", "服务语言", "是否免费", "收费说明", "简介", "状态", "核验日期"}
	switch kind {
	case "forensic":
		head = append(head, "鉴定业务范围", "有效期起", "有效期至")
	case "community_adviser":
		head = append(head, "法律顾问", "顾问执业证号", "派驻律所", "驻点时间")
	}
	out := [][]string{head}
	for _, p := range ps {
		row := []string{p.ID, p.Name, p.NameEn, p.Licence, p.District, p.Street, p.Community,
			"深圳市" + p.District + p.Street + p.Community + "测试路" + p.ID[1:] + "号",
			fmt.Sprint(p.Lng), fmt.Sprint(p.Lat), p.Phones, p.Website, p.Hours, p.Areas, p.Languages, p.Free, p.FeeNote,
			p.Description, p.Status, "2026-03-01"}
		switch kind {
		case "forensic":
			row = append(row, p.Categories, p.ValidFrom, p.ValidTo)
		case "community_adviser":
			row = append(row, p.Adviser, p.AdviserLicence, p.AdviserFirm, p.Schedule)
		}
		out = append(out, row)
	}
	return out
}

func writeCSV(t testing.TB, file string, rows [][]string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// importFile runs the import pipeline; every row must be accepted.
func importFile(t *testing.T, opt pipeline.Options) {
	t.Helper()
	opt.Actor, opt.Workers = "webtest", 2
	if opt.CRS == "" {
		opt.CRS = "wgs84" // the fixture files are written in WGS84; a file must say so to be imported
	}
	rep, err := pipeline.Run(context.Background(), storetest.Pool(t), opt)
	if err != nil {
		if rep != nil {
			t.Fatalf("import %s: %v\n%s", opt.File, err, rep.JSON())
		}
		t.Fatalf("import %s: %v", opt.File, err)
	}
	if rep.Rejected != 0 {
		t.Fatalf("import %s: %d rows rejected\n%s", opt.File, rep.Rejected, rep.JSON())
	}
}

// adminEdit is the write the admin API makes: an actor, and the search document refreshed in the same
// transaction from the vocabularies as stored.
func adminEdit(t testing.TB) recorddb.Edit {
	t.Helper()
	ctx := context.Background()
	pool := storetest.Pool(t)
	a, err := search.LoadAnalyzer(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	return recorddb.Edit{Actor: "webtest", Refresh: func(ctx context.Context, q store.Querier, id string) error {
		return search.RefreshPG(ctx, q, a, []string{id})
	}}
}

// weekdays9to5 is a plain office week, as the admin form would save it.
func weekdays9to5(note string) directory.Hours {
	var h directory.Hours
	for d := 0; d < 5; d++ {
		h.Weekly[d] = []directory.Span{{Open: 9 * 60, Close: 17 * 60}}
	}
	h.Note = note
	return h
}

var verified = time.Date(2026, 3, 1, 10, 0, 0, 0, directory.Shanghai)
