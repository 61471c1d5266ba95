package webtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// adminAccount makes an account for a browser test.
func adminAccount(t *testing.T, name string, role auth.Role) {
	t.Helper()
	if _, err := auth.NewService(storetest.Pool(t)).CreateAccount(context.Background(), name, "correct horse battery", role); err != nil {
		t.Fatal(err)
	}
}

// signInAdmin opens /admin and signs in through the form, as a bureau role whose first screen is the
// dashboard.
func signInAdmin(t *testing.T, b *Browser, base, name string) {
	t.Helper()
	signInForm(b, base+"/admin", name)
	b.Run(chromedp.WaitVisible("#dash-counts", chromedp.ByID))
}

// signInForm opens url (an admin page) and signs in as name through the form, waiting for no screen in
// particular (staff land on their queue, a deep link on its page).
func signInForm(b *Browser, url, name string) {
	b.Run(
		chromedp.Navigate(url),
		chromedp.WaitVisible("#signin-form", chromedp.ByID),
		chromedp.SendKeys("#signin-username", name, chromedp.ByID),
		chromedp.SendKeys("#signin-password", "correct horse battery", chromedp.ByID),
		chromedp.Click("#signin-form button[type=submit]", chromedp.ByQuery),
	)
}

func noScriptTrouble(t *testing.T, b *Browser) {
	t.Helper()
	if d := b.Dialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %v", d)
	}
	if ex := b.Exceptions(); len(ex) > 0 {
		t.Errorf("uncaught exceptions: %v", ex)
	}
}

func TestAdminSignInWrongThenRight(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-viewer", auth.Viewer)
	b := NewBrowser(t, 1280, 900)
	var msg, who string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin"),
		chromedp.WaitVisible("#signin-form", chromedp.ByID),
		chromedp.SendKeys("#signin-username", "web-viewer", chromedp.ByID),
		chromedp.SendKeys("#signin-password", "not the password", chromedp.ByID),
		chromedp.Click("#signin-form button[type=submit]", chromedp.ByQuery),
		chromedp.WaitNotPresent(`#signin-error:empty`, chromedp.ByQuery),
		chromedp.Text("#signin-error", &msg, chromedp.ByID),
	)
	if !strings.Contains(msg, "用户名或密码错误") {
		t.Fatalf("wrong password message %q", msg)
	}
	signInAdmin(t, b, ts.URL, "web-viewer")
	b.Screenshot("admin-dashboard")
	b.Run(chromedp.Text("#who", &who, chromedp.ByID))
	if !strings.Contains(who, "web-viewer") {
		t.Fatalf("signed in as %q", who)
	}
	// A viewer sees no account management and no upload form.
	var hidden bool
	b.Run(chromedp.Evaluate(`document.querySelector('#nav a[data-route="accounts"]').hidden`, &hidden))
	if !hidden {
		t.Error("a viewer is offered account management")
	}
	// English on request, remembered across a reload.
	var nav string
	b.Run(chromedp.Click("#lang-switch", chromedp.ByID), chromedp.WaitVisible("#dash-counts", chromedp.ByID),
		chromedp.Reload(), chromedp.WaitVisible("#dash-counts", chromedp.ByID), chromedp.Text("#nav", &nav, chromedp.ByID))
	if !strings.Contains(nav, "Overview") || !strings.Contains(nav, "Change log") {
		t.Errorf("navigation after switching to English: %q", nav)
	}
	// Reloading keeps the session; signing out ends it.
	b.Run(chromedp.Reload(), chromedp.WaitVisible("#dash-counts", chromedp.ByID),
		chromedp.Click("#sign-out", chromedp.ByID), chromedp.WaitVisible("#signin-form", chromedp.ByID),
		chromedp.Reload(), chromedp.WaitVisible("#signin-form", chromedp.ByID))
	noScriptTrouble(t, b)
}

func TestAdminImportPreviewThenApply(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-importer", auth.Importer)
	dir := t.TempDir()
	file := filepath.Join(dir, "援助中心名单.csv")
	csv := "编号,名称,地址,经度,纬度,电话\n" +
		"WEB-1,<img src=x onerror=alert(1)>罗湖法律援助处,深圳市罗湖区,114.131,22.548,0755-12348\n" +
		"WEB-2,盐田区法律援助处,深圳市盐田区,114.236,22.557,0755-25228888\n" +
		"WEB-3,坏坐标,深圳市,0,0,0755-1\n"
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		storetest.Pool(t).QueryRow(context.Background(), "SELECT count(*) FROM providers WHERE source = 'web-import'").Scan(&n) //nolint:errcheck
		return n
	}
	b := NewBrowser(t, 1280, 900)
	signInAdmin(t, b, ts.URL, "web-importer")
	var preview, result string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/imports"),
		chromedp.WaitVisible("#import-form", chromedp.ByID),
		chromedp.SetUploadFiles("#import-file", []string{file}, chromedp.ByID),
		chromedp.SetValue("#import-kind", "legal_aid", chromedp.ByID),
		chromedp.SetValue("#import-crs", "wgs84", chromedp.ByID),
		chromedp.SendKeys("#import-source", "web-import", chromedp.ByID),
		chromedp.Click("#import-preview", chromedp.ByID),
		chromedp.WaitVisible("#import-previewed", chromedp.ByID),
		chromedp.Text("#import-result", &preview, chromedp.ByID),
	)
	b.Screenshot("admin-import-preview")
	if !strings.Contains(preview, "预览") || !strings.Contains(preview, "被拒绝的行") {
		t.Fatalf("preview shows %q", preview)
	}
	if n := count(); n != 0 {
		t.Fatalf("the preview imported %d records", n)
	}
	b.Run(
		chromedp.Click("#import-confirm", chromedp.ByID),
		chromedp.WaitVisible("#import-applied", chromedp.ByID),
		chromedp.Text("#import-result", &result, chromedp.ByID),
	)
	if !strings.Contains(result, "已导入") {
		t.Fatalf("result shows %q", result)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d records imported, want 2", n)
	}
	// The record whose name is markup shows as text in the records list.
	var names string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/records?q=WEB"),
		chromedp.Navigate(ts.URL+"/admin#/records?q=罗湖法律援助处"),
		chromedp.WaitVisible(".record-link", chromedp.ByQuery),
		chromedp.Text("#records-results", &names, chromedp.ByID),
	)
	if !strings.Contains(names, "<img src=x onerror=alert(1)>") {
		t.Fatalf("the name is not shown as text: %q", names)
	}
	noScriptTrouble(t, b)
}

func TestAdminEditShowsInHistory(t *testing.T) {
	ts := site(t, nil)
	adminAccount(t, "web-editor", auth.Editor)
	var id string
	err := storetest.Pool(t).QueryRow(context.Background(), `INSERT INTO providers (kind, name, geom, source, source_id, phones)
		VALUES ('notary', '深圳市福田公证处', ST_SetSRID(ST_MakePoint(114.055, 22.541), 4326), 'web-edit', 'E1', '{0755-83000000}')
		RETURNING id::text`).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-editor")
	var errText, history string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/records/"+id),
		chromedp.WaitVisible("#record-form", chromedp.ByID),
		// A refused value is shown next to its field and nothing is saved.
		chromedp.SetValue("#status", "active", chromedp.ByID),
		chromedp.SetValue("#valid_from", "", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('lat').value = '39.9'; document.getElementById('lng').value = '116.4'`, nil),
		chromedp.Click("#record-save", chromedp.ByID),
		chromedp.WaitNotPresent(`#lng-error:empty`, chromedp.ByQuery),
		chromedp.Text("#lng-error", &errText, chromedp.ByID),
	)
	if !strings.Contains(errText, "服务区域") {
		t.Fatalf("out-of-region point: field message %q", errText)
	}
	b.Run(
		chromedp.Evaluate(`document.getElementById('lat').value = '22.5415'; document.getElementById('lng').value = '114.0555'`, nil),
		chromedp.SetValue("#name", "深圳市福田公证处（新址）", chromedp.ByID),
		chromedp.Click("#record-save", chromedp.ByID),
		chromedp.WaitVisible(`.timeline-item.action-update`, chromedp.ByQuery),
		chromedp.Text(".history", &history, chromedp.ByQuery),
	)
	b.Screenshot("admin-edit-history")
	for _, want := range []string{"web-editor", "深圳市福田公证处", "深圳市福田公证处（新址）", "修改"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q: %q", want, history)
		}
	}
	var version, lat float64
	storetest.Pool(t).QueryRow(context.Background(), "SELECT version, ST_Y(geom) FROM providers WHERE id = $1", id).Scan(&version, &lat) //nolint:errcheck
	if version != 2 || lat != 22.5415 {
		t.Errorf("stored version %v lat %v, want 2 and 22.5415", version, lat)
	}
	// Withdraw with a reason; the timeline shows it.
	b.Run(
		chromedp.SendKeys("#action-reason", "机构搬迁合并", chromedp.ByID),
		chromedp.Click("#action-withdraw", chromedp.ByID),
		chromedp.WaitVisible(`.timeline-item.action-withdraw`, chromedp.ByQuery),
		chromedp.Text(".history", &history, chromedp.ByQuery),
	)
	if !strings.Contains(history, "机构搬迁合并") {
		t.Errorf("withdraw reason missing from the history: %q", history)
	}
	noScriptTrouble(t, b)
}
