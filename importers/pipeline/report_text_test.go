package pipeline

import (
	"strings"
	"testing"

	"legalmap/internal/store/importdb"
)

// The text report reads as words: no kind, mode, status, coordinate system or field code on its own, no raw
// rows-per-second float, no phase timings; the JSON report keeps the codes.
func TestTextReportReadsAsWords(t *testing.T) {
	rep := &Report{Kind: "law_firm", Source: "bureau", File: "律所名单.csv", Format: "csv", CRS: "gcj02", Mode: ModeUpsert,
		DryRun: true, Status: "dry_run", Rows: 3, Accepted: 2, IDsDerived: true,
		ImportCounts:  importdb.ImportCounts{Created: 2, Rejected: 1, Warnings: 1},
		RejectedRows:  []Issue{{Line: 3, Field: "lng", Reason: "经度超出范围 / longitude out of range"}},
		WarningList:   []Issue{{Line: 1, Field: "source_id", Reason: derivedIDNote}},
		PhaseMillis:   map[string]int64{"read_stage": 12, "apply": 3},
		ElapsedMillis: 2430, RowsPerSecond: 1234.5678, kindNames: KindNames{Zh: "律师事务所", En: "Law firm"}}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{"律师事务所 / Law firm", "新增和更新", "GCJ-02", "预览，未写入", "2.4 秒", "约每秒 1235 行",
		"[经度 lng]", "由名称和地址生成", "[编号 source_id]"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}
	for _, code := range []string{" law_firm", " upsert", " dry_run", " gcj02", "1234.5", "read_stage", "phase", "true"} {
		if strings.Contains(text, code) {
			t.Errorf("text report shows the code %q:\n%s", code, text)
		}
	}
	js := string(rep.JSON())
	for _, code := range []string{`"kind": "law_firm"`, `"mode": "upsert"`, `"status": "dry_run"`, `"crs": "gcj02"`, `"dry_run": true`} {
		if !strings.Contains(js, code) {
			t.Errorf("JSON report lacks %s", code)
		}
	}
}

// A file read without a coordinate system (address-only rows, or refused for want of --crs) says so rather
// than leaving "坐标系 / coordinates" blank.
func TestTextReportNamesAMissingCoordinateSystem(t *testing.T) {
	rep := &Report{Kind: "legal_aid", Source: "bureau", File: "名单.csv", Format: "csv", Mode: ModeUpsert, Status: "applied",
		kindNames: KindNames{Zh: "法律援助中心", En: "Legal aid centre"}}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if text := b.String(); !strings.Contains(text, "坐标系 / coordinates 未说明 / not stated）") {
		t.Errorf("the coordinate system is left blank:\n%s", text)
	}
}

// The text report of a list of people (人民调解员) names its columns as such lists head them (执业机构, not
// the code firm_name) and says their ids come from name and organisation, not from name and address.
func TestTextReportOfPeople(t *testing.T) {
	rep := &Report{Kind: "mediator", Source: "bureau", File: "调解员.csv", Format: "csv", Mode: ModeUpsert, Status: "applied",
		IDsDerived: true, IDsFrom: "name_organisation", people: true, kindNames: KindNames{Zh: "人民调解员", En: "People's mediator"},
		RejectedRows: []Issue{{Line: 3, Field: "firm_name", Reason: "执业机构未知 / unknown firm"}}}
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	if !strings.Contains(text, "由姓名和所属机构生成") || strings.Contains(text, "由名称和地址生成") {
		t.Errorf("the ids line of a list of people:\n%s", text)
	}
	if strings.Contains(text, "[firm_name]") {
		t.Errorf("the firm column is shown as its code:\n%s", text)
	}
}
