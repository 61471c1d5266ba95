package webtest

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// An admin adds a kind on the kinds page and the import form offers it at once; the dashboard lists a
// record with an approximate position, and placing it in the editor makes it exact.
func TestAdminKindsAndPositions(t *testing.T) {
	// What this test adds is taken away after it, so the other tests' pages do not show it.
	db := storetest.Pool(t)
	t.Cleanup(func() {
		db.Exec(context.Background(), `DELETE FROM providers WHERE source = 'web-kinds'`)  //nolint:errcheck
		db.Exec(context.Background(), `DELETE FROM kinds WHERE code = 'veterans_service'`) //nolint:errcheck
		db.Exec(context.Background(), `UPDATE directory_state SET version = version + 1`)  //nolint:errcheck
	})
	ts := siteOn(t, db, nil)
	if _, err := auth.NewService(db).CreateAccount(context.Background(), "web-kinds", "correct horse battery", auth.Admin); err != nil {
		t.Fatal(err)
	}
	var id string
	err := db.QueryRow(context.Background(), `INSERT INTO providers (kind, name, address, geom, placement, area_code, source, source_id)
		SELECT 'notary', '大致位置测试公证处', '深圳市南山区某路', centre, 'approximate', code, 'web-kinds', 'K1' FROM areas WHERE code = '440305'
		RETURNING id::text`).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-kinds")
	var needs, table, options string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/"),
		chromedp.WaitVisible("#dash-attention", chromedp.ByID),
		chromedp.Text("#dash-attention", &needs, chromedp.ByID),
	)
	if !strings.Contains(needs, "大致位置测试公证处") || !strings.Contains(needs, "大致位置") {
		t.Errorf("dashboard: %q", needs)
	}
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/kinds"),
		chromedp.WaitVisible("#kind-form", chromedp.ByID),
		chromedp.SendKeys("#kind-code", "veterans_service", chromedp.ByID),
		chromedp.SendKeys("#kind-name_zh", "退役军人法律服务站", chromedp.ByID),
		chromedp.SendKeys("#kind-name_en", "Veterans' legal service point", chromedp.ByID),
		chromedp.SendKeys("#kind-symbol", "退", chromedp.ByID),
		chromedp.Click("#kind-save", chromedp.ByID),
		chromedp.Poll(`document.getElementById('kinds-table') && document.getElementById('kinds-table').textContent.includes('veterans_service')`, nil),
		chromedp.Text("#kinds-table", &table, chromedp.ByID),
		chromedp.Navigate(ts.URL+"/admin#/imports"),
		chromedp.WaitVisible("#import-kind", chromedp.ByID),
		chromedp.Evaluate(`[...document.querySelectorAll('#import-kind option')].map(o => o.value + ':' + o.textContent).join(' ')`, &options),
	)
	if !strings.Contains(table, "退役军人法律服务站") || !strings.Contains(options, "veterans_service:退役军人法律服务站") ||
		!strings.Contains(options, "mediator:人民调解员") {
		t.Errorf("kinds page %q; import kinds %q", table, options)
	}
	var note string
	b.Run(
		chromedp.Navigate(ts.URL+"/admin#/records/"+id),
		chromedp.WaitVisible("#position-note", chromedp.ByID),
		chromedp.Text("#position-note", &note, chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('lat').value = '22.5301'; document.getElementById('lng').value = '113.9302'`, nil),
		chromedp.Click("#record-save", chromedp.ByID),
		chromedp.WaitVisible(`.timeline-item.action-update`, chromedp.ByQuery),
	)
	var placement string
	db.QueryRow(context.Background(), "SELECT placement FROM providers WHERE id = $1", id).Scan(&placement) //nolint:errcheck
	if !strings.Contains(note, "大致位置") || placement != "exact" {
		t.Errorf("note %q, placement after placing %q", note, placement)
	}
	noScriptTrouble(t, b)
}
