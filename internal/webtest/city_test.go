package webtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"legalmap/importers/pipeline"
	"legalmap/internal/store/storetest"
)

// The page names the city it is configured for (from the loaded city area, or CITY_NAME_ZH/EN), draws the
// loaded districts' outlines when the tiles cannot load (every test here has dead tiles), and shows a place
// placed from its address as approximate ("约 …", a dashed marker) and one without a position as such.
func TestCityNameOutlinesAndApproximatePlaces(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notaries.csv")
	if err := os.WriteFile(file, []byte("编号,名称,地址\nAP1,近似测试公证处,深圳市福田区某路1号\nAP2,未定位测试公证处,某路2号\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// What this test adds is taken away after it, so the other tests' lists do not show it.
	db := storetest.Pool(t)
	t.Cleanup(func() {
		db.Exec(context.Background(), `DELETE FROM providers WHERE source = 'webtest-city'`) //nolint:errcheck
		db.Exec(context.Background(), `UPDATE directory_state SET version = version + 1`)    //nolint:errcheck
	})
	if rep, err := pipeline.Run(context.Background(), db, pipeline.Options{Kind: "notary", File: file, Source: "webtest-city", Workers: 2, Actor: "webtest"}); err != nil {
		t.Fatalf("import: %v %v", err, rep)
	}
	ts := siteOn(t, db, nil)
	b := NewBrowser(t, 1280, 800)
	var title, brand string
	var outlines int
	b.Run(chromedp.Navigate(ts.URL+"/?q="+"测试公证处"),
		chromedp.Poll(`document.querySelectorAll('path.area-outline').length >= 9`, nil),
		chromedp.Evaluate(`document.querySelectorAll('path.area-outline').length`, &outlines),
		chromedp.Poll(`document.title.includes('深圳法治地图')`, nil),
		chromedp.Title(&title), chromedp.Text("h1.brand", &brand))
	if brand != "深圳法治地图" || outlines < 9 {
		t.Errorf("brand %q, title %q, %d outlines", brand, title, outlines)
	}
	var approx, unplaced string
	b.Run(chromedp.Poll(`document.querySelector('.result-distance.is-unplaced') !== null`, nil),
		chromedp.Text(".result-distance.is-unplaced", &unplaced))
	if !strings.Contains(unplaced, "未在地图上") {
		t.Errorf("unplaced: %q", unplaced)
	}
	b.Run(chromedp.Poll(`document.querySelector('.result-distance.is-approximate') !== null`, nil),
		chromedp.Text(".result-distance.is-approximate", &approx))
	if !strings.HasPrefix(approx, "约 ") {
		t.Errorf("approximate: %q", approx)
	}
	var dashed int
	b.Run(chromedp.Evaluate(`document.querySelectorAll('.result-marker.is-approximate').length`, &dashed))
	if dashed != 1 {
		t.Errorf("%d dashed markers, want the approximate place's", dashed)
	}
	if ex := b.Exceptions(); len(ex) > 0 {
		t.Errorf("uncaught exceptions: %v", ex)
	}

	other := siteOn(t, db, map[string]string{"CITY_NAME_ZH": "杭州市", "CITY_NAME_EN": "Hangzhou"})
	b.Run(chromedp.Navigate(other.URL+"/?lang=en"), chromedp.Poll(`document.title.includes('Hangzhou legal services map')`, nil),
		chromedp.Text("h1.brand", &brand))
	if brand != "Hangzhou legal services map" {
		t.Errorf("configured city: brand %q", brand)
	}
	b.Run(chromedp.Navigate(other.URL+"/embed"), chromedp.Poll(`document.title.includes('杭州法治地图')`, nil))
}

// A place placed approximately (at the centre of the area its address names) is routed to by its address,
// not by that centre, which may lie kilometres from the office: each map app's link carries the address and
// none carries the approximate point.
func TestApproximatePlaceRoutesByAddress(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "notaries.csv")
	if err := os.WriteFile(file, []byte("编号,名称,地址\nAR1,路线近似测试公证处,深圳市福田区路线测试路1号\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := storetest.Pool(t)
	t.Cleanup(func() {
		db.Exec(context.Background(), `DELETE FROM providers WHERE source = 'webtest-route'`) //nolint:errcheck
		db.Exec(context.Background(), `UPDATE directory_state SET version = version + 1`)     //nolint:errcheck
	})
	if rep, err := pipeline.Run(context.Background(), db, pipeline.Options{Kind: "notary", File: file, Source: "webtest-route", Workers: 2, Actor: "webtest"}); err != nil {
		t.Fatalf("import: %v %v", err, rep)
	}
	var id string
	var lat, lng float64
	if err := db.QueryRow(context.Background(), `SELECT id::text, ST_Y(geom), ST_X(geom) FROM providers WHERE source = 'webtest-route' AND placement = 'approximate'`).
		Scan(&id, &lat, &lng); err != nil {
		t.Fatal(err)
	}
	ts := siteOn(t, db, nil)
	b := NewBrowser(t, 360, 740)
	b.Run(chromedp.Navigate(ts.URL + "/?q=" + "路线近似测试公证处"))
	waitList(b)
	openDetail(b, id)
	var links []string
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#detail-body .directions-list a')].map((a) => decodeURIComponent(a.href))`, &links))
	b.Screenshot("phone-approximate-directions")
	if len(links) == 0 {
		t.Fatal("the approximate place's detail offers no directions")
	}
	point := fmt.Sprintf("%.6f", lat) // as the links write a point
	for _, l := range links {
		if !strings.Contains(l, "深圳市福田区路线测试路1号") {
			t.Errorf("route link without the address: %s", l)
		}
		if strings.Contains(l, point) {
			t.Errorf("route link to the approximate point (%s): %s", point, l)
		}
	}
	noTrouble(t, b)
}
