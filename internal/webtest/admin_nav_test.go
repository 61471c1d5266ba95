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

// navRows is the small list the navigation test imports, in 龙岗区 where no other test of the package
// writes: two notary offices, one of them not verified since 2020 (so the dashboard's stale count is not 0).
var navRows = [][]string{
	{"编号", "名称", "地址", "经度", "纬度", "联系电话", "办公时间", "业务领域", "核验日期"},
	{"NAV-1", "深圳市龙岗公证处", "深圳市龙岗区龙城街道导航路1号", "114.2470", "22.7210", "0755-28900001", "周一至周五 9:00-17:00", "交通事故", "2026-03-01"},
	{"NAV-2", "深圳市布吉公证处", "深圳市龙岗区布吉街道导航路2号", "114.1230", "22.6040", "0755-28900002", "工作日 8:30-17:30", "婚姻家庭", "2020-01-01"},
}

// clickTo clicks the link or button sel, as staff do, and waits for want to be visible on the screen it
// leads to. A link without an href (the helper dropped it) leads nowhere: that fails here, named.
func clickTo(t *testing.T, b *Browser, sel, want string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 15*time.Second)
	defer cancel()
	var href string
	var isLink, ok bool
	if err := chromedp.Run(ctx, chromedp.WaitVisible(sel, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector(`+jsString(sel)+`).tagName === 'A'`, &isLink)); err != nil {
		t.Fatalf("%s is not on the screen: %v", sel, err)
	}
	if isLink {
		b.Run(chromedp.AttributeValue(sel, "href", &href, &ok, chromedp.ByQuery))
		if !ok || href == "" {
			t.Fatalf("%s is a link without an href: staff cannot follow it", sel)
		}
	}
	if err := chromedp.Run(ctx, chromedp.Click(sel, chromedp.ByQuery), chromedp.WaitVisible(want, chromedp.ByQuery)); err != nil {
		var hash string
		b.Run(chromedp.Evaluate(`location.hash`, &hash))
		t.Fatalf("clicking %s (href %q) did not show %s (at %q): %v", sel, href, want, hash, err)
	}
}

// Every admin screen is reached by clicking, from the dashboard on, as the bureau's staff move through the
// pages: the dashboard's kind rows and stale count, the records list and its record links, 新建记录, the
// history's link to the import run, the change log's record links, imports, accounts and tokens.
func TestAdminEveryScreenByClicking(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-nav-admin", auth.Admin)
	file := filepath.Join(t.TempDir(), "龙岗公证处.csv")
	writeCSV(t, file, navRows)
	importFile(t, pipeline.Options{Kind: "notary", File: file, Source: "webnav"})
	// A firm and its lawyer: a practitioner's change has no record page to link to.
	firm, lawyer := filepath.Join(t.TempDir(), "firm.csv"), filepath.Join(t.TempDir(), "lawyer.csv")
	writeCSV(t, firm, [][]string{{"编号", "名称", "执业许可证号", "地址", "经度", "纬度"},
		{"NAV-F1", "深圳龙岗导航律师事务所", "31440000MA5NAV0001", "深圳市龙岗区导航路3号", "114.2480", "22.7220"}})
	writeCSV(t, lawyer, [][]string{{"编号", "姓名", "执业证号", "执业机构许可证号"}, {"NAV-L1", "赵导航", "14403201510000991", "31440000MA5NAV0001"}})
	importFile(t, pipeline.Options{Kind: "law_firm", File: firm, Source: "webnav"})
	importFile(t, pipeline.Options{Kind: pipeline.KindLawyer, File: lawyer, Source: "webnav"})
	var runID string
	if err := storetest.Pool(t).QueryRow(context.Background(),
		`SELECT max(id)::text FROM import_runs WHERE source = 'webnav' AND importer = 'notary'`).Scan(&runID); err != nil {
		t.Fatal(err)
	}

	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-nav-admin")

	b.In(t, "dashboard kind row", func(t *testing.T) {
		clickTo(t, b, `#dash-counts a[data-kind="notary"]`, "#records-results a.record-link")
		var kind string
		var names []string
		b.Run(chromedp.Value("#records-kind", &kind, chromedp.ByID),
			chromedp.Evaluate(`[...document.querySelectorAll('#records-results a.record-link')].map(a => a.textContent)`, &names))
		if kind != "notary" || !contains(names, "深圳市龙岗公证处") {
			t.Errorf("kind row leads to kind %q with %v", kind, names)
		}
	})
	b.In(t, "dashboard stale count", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="dashboard"]`, "#dash-stale a")
		clickTo(t, b, "#dash-stale a", "#records-results a.record-link")
		var stale bool
		var names []string
		b.Run(chromedp.Evaluate(`document.getElementById('records-stale').checked`, &stale),
			chromedp.Evaluate(`[...document.querySelectorAll('#records-results a.record-link')].map(a => a.textContent)`, &names))
		if !stale || !contains(names, "深圳市布吉公证处") || contains(names, "深圳市龙岗公证处") {
			t.Errorf("stale count leads to stale=%v with %v", stale, names)
		}
	})
	b.In(t, "dashboard last import", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="dashboard"]`, "#dash-imports a.dash-run")
		clickTo(t, b, "#dash-imports a.dash-run", "#run-detail h4")
	})
	b.In(t, "records list to the editor", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="records"]`, "#records-q")
		b.Run(chromedp.SendKeys("#records-q", "龙岗公证处", chromedp.ByID), chromedp.Click(`form[role="search"] button[type="submit"]`, chromedp.ByQuery),
			chromedp.Poll(`location.hash.includes('q=') && [...document.querySelectorAll('#records-results a.record-link')]
				.every((a) => a.textContent === '深圳市龙岗公证处')`, nil, chromedp.WithPollingTimeout(15*time.Second)))
		clickTo(t, b, "#records-results a.record-link", "#record-form")
		var title string
		b.Run(chromedp.Text(".view-title", &title, chromedp.ByQuery))
		if title != "深圳市龙岗公证处" {
			t.Errorf("editor of %q", title)
		}
	})
	b.In(t, "records list finds a phone number", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="records"]`, "#records-q")
		b.Run(chromedp.SendKeys("#records-q", "0755 2890 0002", chromedp.ByID),
			chromedp.Click(`form[role="search"] button[type="submit"]`, chromedp.ByQuery))
		if err := chromedp.Run(b.Ctx, chromedp.Poll(`location.hash.includes('q=') && [...document.querySelectorAll('#records-results a.record-link')]
				.map((a) => a.textContent).join() === '深圳市布吉公证处'`, nil, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			var names []string
			b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#records-results a.record-link')].map(a => a.textContent)`, &names))
			t.Errorf("searching 0755 2890 0002 finds %v, want 深圳市布吉公证处", names)
		}
		clickTo(t, b, "#records-results a.record-link", "#record-form")
	})
	b.In(t, "history to its import run", func(t *testing.T) {
		clickTo(t, b, ".history .timeline-item a.timeline-source", "#run-detail h4")
		var head string
		b.Run(chromedp.Text("#run-detail h4", &head, chromedp.ByQuery))
		if !strings.Contains(head, runID) {
			t.Errorf("the history's import link shows %q, want run %s", head, runID)
		}
	})
	b.In(t, "new record", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="records"]`, "#records-new")
		clickTo(t, b, "#records-new", "#record-form #source_id")
	})
	b.In(t, "change log to a record", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="changes"]`, "#changes-results .timeline-item")
		var linked, shown bool
		b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#changes-results a')].some((a) => a.textContent.includes('赵导航'))`, &linked),
			chromedp.Evaluate(`[...document.querySelectorAll('#changes-results .timeline-record')].some((s) => s.textContent.includes('赵导航'))`, &shown))
		if linked || !shown {
			t.Errorf("the lawyer's change: linked %v (a dead link), shown %v", linked, shown)
		}
		clickTo(t, b, `#changes-results .timeline-item a[href^="#/records/"]`, "#record-form")
	})
	b.In(t, "change log to an import run", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="changes"]`, "#changes-results .timeline-item")
		clickTo(t, b, `#changes-results .timeline-item a.timeline-source`, "#run-detail h4")
	})
	b.In(t, "imports and a past run", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="imports"]`, "#import-runs table")
		clickTo(t, b, "#import-runs tbody tr button", "#run-detail h4")
	})
	b.In(t, "accounts and tokens", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="accounts"]`, "#accounts-list table")
		b.Run(chromedp.WaitVisible("#tokens-list table", chromedp.ByQuery), chromedp.WaitVisible("#token-form", chromedp.ByID))
	})
	b.In(t, "back to the dashboard", func(t *testing.T) {
		clickTo(t, b, `#nav a[data-route="dashboard"]`, "#dash-counts")
	})
	noScriptTrouble(t, b)
}
