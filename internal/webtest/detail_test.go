package webtest

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/paulmach/orb"

	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/store/storetest"
)

// detailView is what the detail panel shows of a record.
type detailView struct {
	Name          string            `json:"name"`
	Other         string            `json:"other"`
	Open          string            `json:"open"`
	Phones        []string          `json:"phones"`
	Website       string            `json:"website"`
	WebsiteTarget string            `json:"websiteTarget"`
	WebsiteRel    string            `json:"websiteRel"`
	HourRows      int               `json:"hourRows"`
	TodayRow      int               `json:"todayRow"`
	People        []string          `json:"people"`
	Directions    map[string]string `json:"directions"`
	Verified      string            `json:"verified"`
	Text          string            `json:"text"`
	BadLinks      []string          `json:"badLinks"`
}

const readDetailJS = `(() => {
	const body = document.getElementById('detail-body');
	const q = (s) => body.querySelector(s);
	const web = q('a.detail-website');
	const rows = [...body.querySelectorAll('.hours-table tr')];
	const dirs = {};
	for (const a of body.querySelectorAll('.directions-list a[data-app]')) dirs[a.dataset.app] = a.href;
	return {
		name: q('#detail-name') ? q('#detail-name').textContent : '',
		other: q('.detail-other-name') ? q('.detail-other-name').textContent : '',
		open: q('.detail-open') ? q('.detail-open').textContent : '',
		phones: [...body.querySelectorAll('a.phone-link')].map((a) => a.getAttribute('href')),
		website: web ? web.getAttribute('href') : '', websiteTarget: web ? web.target : '', websiteRel: web ? web.rel : '',
		hourRows: rows.length, todayRow: rows.findIndex((r) => r.classList.contains('is-today')),
		people: [...body.querySelectorAll('.practitioner-name')].map((n) => n.textContent),
		directions: dirs,
		verified: q('.detail-verified') ? q('.detail-verified').textContent : '',
		text: body.textContent,
		badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))
			.filter((h) => !/^(https?:\/\/|tel:\+?[0-9]|mailto:|\/|#)/i.test(h.trim())),
	};
})()`

func readDetail(b *Browser) detailView {
	b.t.Helper()
	var d detailView
	b.Run(chromedp.Evaluate(readDetailJS, &d))
	return d
}

// A record's detail: phones as tel: links, the week with today marked, the people, the website as a safe
// link, when the bureau verified it, and directions in each app's own datum.
func TestRecordDetail(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 900)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WF1"])
	b.Screenshot("desktop-detail")
	d := readDetail(b)

	wf1 := placeByID("WF1")
	if d.Name != wf1.Name || d.Other != wf1.NameEn {
		t.Errorf("names shown %q / %q", d.Name, d.Other)
	}
	if strings.Join(d.Phones, " ") != "tel:075586001111 tel:075586002222" {
		t.Errorf("phone links %q", d.Phones)
	}
	if d.Website != wf1.Website || d.WebsiteTarget != "_blank" || !strings.Contains(d.WebsiteRel, "noopener") {
		t.Errorf("website link %q target %q rel %q", d.Website, d.WebsiteTarget, d.WebsiteRel)
	}
	today := (int(time.Now().In(directory.Shanghai).Weekday()) + 6) % 7 // Monday first, as the API
	if d.HourRows != 7 || d.TodayRow != today {
		t.Errorf("hours table: %d rows, today's row %d, want 7 and %d", d.HourRows, d.TodayRow, today)
	}
	if !strings.Contains(d.Text, "09:00–12:00") || !strings.Contains(d.Text, wf1.FeeNote) || !strings.Contains(d.Text, wf1.Description) {
		t.Errorf("hours, fee note or description missing: %q", d.Text)
	}
	for _, who := range []string{"张明理", "陈晓庆"} {
		if !contains(d.People, who) {
			t.Errorf("practitioners %q lack %s", d.People, who)
		}
	}
	if !strings.Contains(d.Verified, "2026年3月1日") {
		t.Errorf("verified line %q", d.Verified)
	}
	checkDirections(t, d.Directions, orb.Point{wf1.Lng, wf1.Lat})
	if len(d.BadLinks) > 0 {
		t.Errorf("links that are not http(s), tel: or mailto: %q", d.BadLinks)
	}

	// The importer drops a javascript: website; the page shows no website at all then.
	var stored string
	if err := storetest.Pool(t).QueryRow(context.Background(), "SELECT website FROM providers WHERE id = $1", f.ids["WF2"]).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	openDetail(b, f.ids["WF2"])
	if d := readDetail(b); stored != "" || d.Website != "" || len(d.BadLinks) > 0 || !strings.Contains(d.Open, "营业中") {
		t.Errorf("WF2: stored website %q, shown %q, bad links %q, open %q", stored, d.Website, d.BadLinks, d.Open)
	}
	// A community adviser point names its adviser.
	openDetail(b, f.ids["WC1"])
	if d := readDetail(b); !contains(d.People, "周顾问") {
		t.Errorf("the adviser point does not name its adviser: %q", d.People)
	}
	noTrouble(t, b)
}

// checkDirections: OpenStreetMap and Tencent get WGS84, Amap GCJ-02 and Baidu BD-09, each as geo converts
// it; and GCJ-02 really is the few-hundred-metre shift it is in Shenzhen, not a copy of WGS84.
func checkDirections(t *testing.T, links map[string]string, p orb.Point) {
	t.Helper()
	param := func(app, key string) string {
		u, err := url.Parse(links[app])
		if err != nil || links[app] == "" {
			t.Errorf("no %s link: %q", app, links[app])
			return ""
		}
		return u.Query().Get(key)
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			t.Errorf("not a number: %q", s)
		}
		return v
	}
	near := func(app string, got, want orb.Point) {
		if d := geo.Distance(got, want); d > 0.5 {
			t.Errorf("%s link at %v, want %v (%.2f m off)", app, got, want, d)
		}
	}
	if to := strings.Split(param("osm", "to"), ","); len(to) == 2 {
		near("osm", orb.Point{num(to[1]), num(to[0])}, p)
	} else {
		t.Errorf("osm to=%q", to)
	}
	gcj := geo.FromWGS84(p, geo.GCJ02)
	if to := strings.Split(param("amap", "to"), ","); len(to) >= 2 {
		got := orb.Point{num(to[0]), num(to[1])}
		near("amap", got, gcj)
		if shift := geo.Distance(got, p); shift < 300 || shift > 800 {
			t.Errorf("amap point is %.0f m from WGS84: not the GCJ-02 shift", shift)
		}
	} else {
		t.Errorf("amap to=%q", to)
	}
	if param("amap", "coordinate") != "gaode" {
		t.Errorf("amap link does not say its datum: %s", links["amap"])
	}
	if loc := strings.Split(param("baidu", "location"), ","); len(loc) == 2 {
		near("baidu", orb.Point{num(loc[1]), num(loc[0])}, geo.FromWGS84(p, geo.BD09))
	} else {
		t.Errorf("baidu location=%q", loc)
	}
	marker := param("tencent", "marker")
	if param("tencent", "coord_type") != "1" || !strings.HasPrefix(marker, "coord:") {
		t.Errorf("tencent link %s", links["tencent"])
	} else if ll := strings.Split(strings.Split(strings.TrimPrefix(marker, "coord:"), ";")[0], ","); len(ll) == 2 {
		near("tencent", orb.Point{num(ll[1]), num(ll[0])}, p)
	}
}
