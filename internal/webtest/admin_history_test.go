package webtest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"legalmap/importers/pipeline"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// histRows is a firm in 大鹏新区 (where no other test of the package writes) as two versions of its list
// give it: the second changes its practice areas, status, verification date and hours.
var histRows = [][][]string{{
	{"编号", "名称", "地址", "经度", "纬度", "业务领域", "服务语言", "状态", "核验日期", "办公时间", "是否免费"},
	{"H1", "深圳大鹏历史律师事务所", "深圳市大鹏新区葵涌街道历史路1号", "114.4700", "22.5900", "交通事故、婚姻家庭", "中文、英语", "正常", "2026-03-01", "周一至周五 9:00-17:00", "否"},
}, {
	{"编号", "名称", "地址", "经度", "纬度", "业务领域", "服务语言", "状态", "核验日期", "办公时间", "是否免费"},
	{"H1", "深圳大鹏历史律师事务所", "深圳市大鹏新区葵涌街道历史路1号", "114.4700", "22.5900", "交通事故、劳动争议", "中文、粤语", "暂停", "2026-04-01", "周一至周六 9:00-18:00", "是"},
}}

// History rows an import wrote read like those of a manual edit: kinds, statuses, practice areas and
// languages by name, dates as dates, hours by day, yes/no; no code, no ISO time, no JSON. The same
// formatter serves the record's history and the directory's change log.
func TestAdminHistoryInWords(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-hist-editor", auth.Editor)
	dir := t.TempDir()
	for i, rows := range histRows {
		file := filepath.Join(dir, "hist"+string(rune('a'+i))+".csv")
		writeCSV(t, file, rows)
		importFile(t, pipeline.Options{Kind: "law_firm", File: file, Source: "webhist"})
	}
	var id string
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT id::text FROM providers WHERE source = 'webhist'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1200)
	signInAdmin(t, b, ts.URL, "web-hist-editor")
	clickTo(t, b, `#nav a[data-route="records"]`, "#records-q")
	b.Run(chromedp.SendKeys("#records-q", "大鹏历史律师", chromedp.ByID),
		chromedp.Click(`form[role="search"] button[type="submit"]`, chromedp.ByQuery),
		chromedp.Poll(`location.hash.includes('q=') && document.querySelectorAll('#records-results a.record-link').length === 1`, nil,
			chromedp.WithPollingTimeout(15*time.Second)))
	clickTo(t, b, "#records-results a.record-link", ".history .timeline-item.action-update")

	// A manual edit of the same fields, through the form.
	var history string
	b.Run(
		chromedp.SetValue("#status", "active", chromedp.ByID),
		chromedp.SetValue("#practice_areas", "婚姻家庭", chromedp.ByID),
		chromedp.Click("#record-save", chromedp.ByID),
		chromedp.Poll(`document.querySelectorAll('.history .timeline-item.action-update').length === 2`, nil, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Text(".history", &history, chromedp.ByQuery),
	)
	b.Screenshot("admin-history-words")
	checkWords := func(where, text string) {
		t.Helper()
		for _, want := range []string{"交通事故", "婚姻家庭", "劳动争议", "正常", "暂停", "粤语", "英语", "周一至周五 09:00-17:00", "周一至周六 09:00-18:00",
			"2026/03/01", "2026/04/01", "免费", "收费", "来自导入", "人工修改", "区（4403"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s lacks %q:\n%s", where, want, text)
			}
		}
		for _, code := range []string{"traffic_accident", "marriage_family", "labour", "active", "temporarily_closed", "T00:00", "+08:00",
			"weekly", `"open"`, "true", "false", "yue"} {
			if strings.Contains(text, code) {
				t.Errorf("%s shows %q:\n%s", where, code, text)
			}
		}
	}
	checkWords("the record's history", history)

	var log string
	b.Run(
		chromedp.Evaluate(`location.hash = '#/changes'`, nil),
		chromedp.WaitVisible("#changes-record", chromedp.ByID),
		chromedp.SendKeys("#changes-record", id, chromedp.ByID),
		chromedp.Click(`form.filters-row button[type="submit"]`, chromedp.ByQuery),
	)
	b.Run(chromedp.Poll(`document.querySelectorAll('#changes-results .timeline-item').length === 3`, nil, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Text("#changes-results", &log, chromedp.ByID))
	checkWords("the change log", log)
	noScriptTrouble(t, b)
}

// An adviser's posting (an assignment an import wrote) reads in the change log as who is posted where,
// not as its uuid, and its fields are named: no firm_id, practitioner_id or provider_id keys.
func TestAdminChangeLogNamesAssignments(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	adminAccount(t, "web-hist-assign", auth.Viewer)
	var asg string
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT id::text FROM assignments WHERE provider_id = $1`, f.ids["WC1"]).Scan(&asg); err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-hist-assign")
	clickTo(t, b, `#nav a[data-route="changes"]`, "#changes-record")
	var log string
	b.Run(
		chromedp.SendKeys("#changes-record", asg, chromedp.ByID),
		chromedp.Click(`form.filters-row button[type="submit"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelectorAll('#changes-results .timeline-item').length === 1`, nil, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Text("#changes-results", &log, chromedp.ByID),
	)
	b.Screenshot("admin-changes-assignment")
	for _, want := range []string{"周顾问", "南头社区法律顾问工作室", "深圳明理律师事务所", "驻点时间"} {
		if !strings.Contains(log, want) {
			t.Errorf("the assignment's change lacks %q:\n%s", want, log)
		}
	}
	for _, code := range []string{asg, "firm_id", "practitioner_id", "provider_id"} {
		if strings.Contains(log, code) {
			t.Errorf("the assignment's change shows %q:\n%s", code, log)
		}
	}
	noScriptTrouble(t, b)
}

// A change log longer than the count's limit says so: the pager reads "more than", and its next page
// is there to go to.
func TestAdminChangeLogSaysMoreThan(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-hist-bulk", auth.Viewer)
	// Dated years back, so that they stay below the other tests' changes in the unfiltered log.
	if _, err := storetest.Pool(t).Exec(context.Background(), `INSERT INTO changes (record_type, record_id, action, actor, at, diff)
		SELECT 'provider', gen_random_uuid(), 'verify', 'web-bulk-clerk', '2020-01-01', '{}' FROM generate_series(1, 10050)`); err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-hist-bulk")
	clickTo(t, b, `#nav a[data-route="changes"]`, "#changes-actor")
	var pager string
	var nextDisabled bool
	b.Run(
		chromedp.SendKeys("#changes-actor", "web-bulk-clerk", chromedp.ByID),
		chromedp.Click(`form.filters-row button[type="submit"]`, chromedp.ByQuery),
		chromedp.Poll(`(() => {
			const items = [...document.querySelectorAll('#changes-results .timeline-item')];
			return items.length === 50 && items.every((i) => i.textContent.includes('web-bulk-clerk'));
		})()`, nil, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Text("#changes-results .pager [role=status]", &pager, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#changes-results .pager button')[1].disabled`, &nextDisabled),
	)
	if !strings.Contains(pager, "超过 10000") || nextDisabled {
		t.Errorf("pager %q (next disabled %v), want more than 10000 and a next page", pager, nextDisabled)
	}
	noScriptTrouble(t, b)
}
