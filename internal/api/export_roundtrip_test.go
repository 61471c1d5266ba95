package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"legalmap/importers/pipeline"
	"legalmap/internal/api/apitest"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

// roundTripLists are two bureau lists, imported through the real importer: every public field, hours of
// several shapes, practice areas by name and by everyday word, and a formula in a description.
var roundTripLists = map[string][][]string{
	"law_firm": {
		{"编号", "名称", "英文名称", "执业许可证号", "地址", "经度", "纬度", "电话", "邮箱", "网址", "办公时间", "业务领域", "服务语言", "是否免费", "收费说明", "简介", "状态", "核验日期"},
		{"RT1", "深圳往返律师事务所", "Round Trip Law Firm", "31440000MA5RT00001", "深圳市福田区往返路1号", "114.0571", "22.5431", "0755-83000001、13800138000",
			"info@rt.example.cn", "https://rt.example.cn/", "周一至周五 9:00-12:00,14:00-17:30；周六 9:00-12:00", "离婚、交通事故、劳动争议", "中文、粤语、英语", "否",
			"首次咨询免费", "=1+1;@SUM(A1) 不是公式", "正常", "2026-03-01"},
		{"RT2", "深圳夜间往返律师事务所", "", "31440000MA5RT00002", "深圳市南山区往返路2号", "113.9301", "22.5332", "0755-26000002",
			"", "", "每天 20:00-次日2:00", "合同纠纷", "中文", "", "", "", "暂停", "2025-11-30"},
		{"RT3", "深圳全天往返律师事务所", "", "", "深圳市罗湖区往返路3号", "114.1302", "22.5483", "", "", "", "24小时", "", "", "是", "", "", "", ""},
		{"RT4", "深圳预约往返律师事务所", "", "", "深圳市宝安区往返路4号", "113.8833", "22.5551", "", "", "", "需提前电话预约", "刑事辩护", "", "", "", "", "", ""},
	},
	"forensic": {
		{"编号", "名称", "地址", "经度", "纬度", "电话", "办公时间", "鉴定业务范围", "有效期起", "有效期至"},
		{"RTF1", "深圳往返司法鉴定所", "深圳市龙华区往返路5号", "114.0301", "22.6552", "0755-21000005", "周一至周五 8:30-17:30，节假日照常", "法医临床鉴定、亲子鉴定", "2024-01-01", "2029-12-31"},
	},
}

// The open data CSV imports again unchanged through the real importer: every public field of every record
// read back from the exported file equals the record it was exported from (hours as the Chinese text the
// importer reads, practice areas by name), and the formula guard still holds.
func TestExportCSVImportsAgainUnchanged(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	dir := t.TempDir()
	for kind, rows := range roundTripLists {
		file := filepath.Join(dir, kind+"-orig.csv")
		writeRows(t, file, rows)
		if rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: kind, File: file, CRS: "wgs84", Source: "roundtrip-orig", Workers: 2}); err != nil || rep.Rejected > 0 {
			t.Fatalf("import %s: %v\n%s", kind, err, rep.JSON())
		}
	}
	_, ts := apitest.AdminServer(t, nil)
	_, body := apitest.Get(t, ts.URL+"/api/v1/export.csv")
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	originals := map[string]recorddb.Record{}
	page, err := recorddb.FindRecords(ctx, pool, recorddb.RecordFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Records {
		if r.Source == "roundtrip-orig" {
			originals[r.ID] = r
		}
	}
	// The exported rows of those records, as one file per kind: the export's own header and cells.
	byKind := map[string][][]string{}
	for _, r := range rows[1:] {
		if _, ok := originals[r[col["id"]]]; ok {
			byKind[r[col["kind"]]] = append(byKind[r[col["kind"]]], r)
		}
		if r[col["id"]] != "" && originals[r[col["id"]]].Name == "深圳往返律师事务所" {
			if got := r[col["practice_areas"]]; got != "婚姻家庭;交通事故;劳动争议" {
				t.Errorf("practice areas exported as %q, want their names", got)
			}
			if got := r[col["hours"]]; got != "周一至周五 09:00-12:00,14:00-17:30；周六 09:00-12:00" {
				t.Errorf("hours exported as %q, want the text the importer reads", got)
			}
			if got := r[col["description"]]; got != "'=1+1;'@SUM(A1) 不是公式" {
				t.Errorf("description exported as %q: each ;-separated part must be guarded", got)
			}
		}
	}
	if n := len(byKind["law_firm"]) + len(byKind["forensic"]); n != len(originals) || n != 5 {
		t.Fatalf("%d exported rows of %d records", n, len(originals))
	}
	for kind, kindRows := range byKind {
		file := filepath.Join(dir, kind+"-export.csv")
		writeRows(t, file, append([][]string{rows[0]}, kindRows...))
		rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: kind, File: file, CRS: "wgs84", Source: "roundtrip-again", Workers: 2})
		if err != nil || rep.Rejected > 0 || rep.Created != len(kindRows) {
			t.Fatalf("re-import of the exported %s rows: %v\n%s", kind, err, rep.JSON())
		}
	}
	againPage, err := recorddb.FindRecords(ctx, pool, recorddb.RecordFilter{Limit: 1000})
	again := againPage.Records
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, b := range again {
		if b.Source != "roundtrip-again" {
			continue
		}
		a, ok := originals[b.SourceID]
		if !ok {
			t.Errorf("re-imported %q has no original (source id %s)", b.Name, b.SourceID)
			continue
		}
		checked++
		samePublicFields(t, a, b)
	}
	if checked != len(originals) {
		t.Errorf("%d of %d records compared", checked, len(originals))
	}
}

// samePublicFields compares what the export publishes of two records.
func samePublicFields(t *testing.T, a, b recorddb.Record) {
	t.Helper()
	type public struct {
		Kind, Name, NameEn, LicenceNo, CreditCode, Address, AreaCode, Email, Website, FeeNote, Accessibility, Description, Status string
		Phones, Languages, PracticeAreas, Categories                                                                              []string
		Free                                                                                                                      *bool
		ValidFrom, ValidTo, VerifiedAt                                                                                            string
		Lng, Lat                                                                                                                  float64
	}
	of := func(r recorddb.Record) public {
		p := public{Kind: r.Kind, Name: r.Name, NameEn: r.NameEn, LicenceNo: r.LicenceNo, CreditCode: r.CreditCode, Address: r.Address,
			AreaCode: r.AreaCode, Email: r.Email, Website: r.Website, FeeNote: r.FeeNote, Accessibility: r.Accessibility,
			Description: r.Description, Status: r.Status, Phones: r.Phones, Languages: r.Languages, PracticeAreas: r.PracticeAreas,
			Categories: r.Categories, Free: r.Free, ValidFrom: r.ValidFrom, ValidTo: r.ValidTo, Lng: r.Lng, Lat: r.Lat}
		if r.VerifiedAt != nil {
			p.VerifiedAt = r.VerifiedAt.In(directory.Shanghai).Format("2006-01-02")
		}
		// The guard's apostrophes are the export's, not the record's.
		p.Description = strings.ReplaceAll(strings.TrimPrefix(p.Description, "'"), ";'", ";")
		return p
	}
	pa, pb := of(a), of(b)
	if !reflect.DeepEqual(pa, pb) {
		t.Errorf("%s re-imported differs:\n was %+v\n now %+v", a.Name, pa, pb)
	}
	if !a.Hours.Equal(b.Hours) {
		t.Errorf("%s hours: was %+v, now %+v", a.Name, a.Hours, b.Hours)
	}
}

func writeRows(t *testing.T, file string, rows [][]string) {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
