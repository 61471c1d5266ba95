package webtest

import (
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

var kindZh = map[string]string{"law_firm": "律师事务所", "legal_aid": "法律援助中心", "notary": "公证处", "forensic": "司法鉴定机构",
	"community_adviser": "村(社区)法律顾问"}

// The citizen map on a desktop: the nearest list with distances, keyword search, the kind chips and open
// now, then one record's detail.
func TestCitizenMapListSearchFilter(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 800)

	b.In(t, "opens on the city with the nearest services and their distances", func(t *testing.T) {
		b.Run(chromedp.Navigate(ts.URL + "/"))
		items := waitList(b)
		var status, origin string
		b.Run(chromedp.Text("#results-status", &status, chromedp.ByID), chromedp.Text("#origin-line", &origin, chromedp.ByID))
		if !strings.Contains(status, "最近的") || origin == "" {
			t.Errorf("status %q, origin line %q", status, origin)
		}
		// Closest first among the active places; those closed for the time being come after them.
		last, lastClosed := 0.0, 0.0
		for _, it := range items {
			d := metres(it.Distance)
			prev := &last
			if closedNow(it.Name) {
				prev = &lastClosed
			}
			if d != d || d < *prev {
				t.Errorf("%q: distance %q missing or out of order (previous %.0f m)", it.Name, it.Distance, *prev)
			}
			*prev = d
		}
		b.Screenshot("desktop-city")
	})

	b.In(t, "nearest list around a chosen point, closest first, true distances", func(t *testing.T) {
		b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
		items := waitList(b)
		want := append([]place(nil), places...)
		sort.Slice(want, func(i, j int) bool {
			if ci, cj := want[i].Status == "暂停", want[j].Status == "暂停"; ci != cj {
				return cj // the active places first
			}
			return dist(want[i]) < dist(want[j])
		})
		var got []string
		for _, it := range items {
			for _, p := range places {
				if p.Name == it.Name {
					got = append(got, it.Name)
					if !sameDistance(metres(it.Distance), dist(p)) {
						t.Errorf("%s: shown %q, true distance %.0f m", p.Name, it.Distance, dist(p))
					}
					if it.Kind != kindZh[p.Kind] {
						t.Errorf("%s: kind shown %q", p.Name, it.Kind)
					}
				}
			}
		}
		var order []string
		for _, p := range want {
			order = append(order, p.Name)
		}
		if strings.Join(got, "|") != strings.Join(order, "|") {
			t.Errorf("fixture records listed as\n%v\nwant\n%v", got, order)
		}
		if items[0].Name != "南山区法律援助处" || items[0].PhoneHref != "tel:075512348" {
			t.Errorf("first result %+v", items[0])
		}
		b.Screenshot("desktop-list")
	})

	search := func(q string) []listItem {
		return redrawn(b, chromedp.Evaluate(`document.getElementById('search').value = ''`, nil),
			chromedp.SendKeys("#search", q+kb.Enter, chromedp.ByID))
	}

	b.In(t, "search by an everyday word, a lawyer's name and a firm's name", func(t *testing.T) {
		items := search("离婚")
		for _, name := range []string{"深圳明理律师事务所", "南山区法律援助处"} {
			if indexOf(items, name) < 0 {
				t.Errorf("离婚: %s missing from %q", name, names(items))
			}
		}
		for _, name := range []string{"深圳市南山公证处", "深圳南山司法鉴定所", "深圳西乡律师事务所"} {
			if indexOf(items, name) >= 0 {
				t.Errorf("离婚: %s should not match", name)
			}
		}
		var status, href string
		b.Run(chromedp.Text("#results-status", &status, chromedp.ByID), chromedp.Location(&href))
		if !strings.Contains(status, "离婚") {
			t.Errorf("status after the search: %q", status)
		}
		if u, _ := url.Parse(href); u == nil || u.Query().Get("q") != "离婚" {
			t.Errorf("the query is not in the URL: %s", href)
		}
		b.Screenshot("desktop-search")
		// Each result says why it matched, as text.
		for _, it := range items {
			if !strings.HasPrefix(it.Matched, "匹配：") || len(it.Matched) <= len("匹配：") {
				t.Errorf("离婚: %s does not say why it matched: %q", it.Name, it.Matched)
			}
		}
		if i := indexOf(items, "深圳明理律师事务所"); i >= 0 {
			if !strings.Contains(items[i].Matched, "婚姻家庭") && !strings.Contains(items[i].Matched, "擅长离婚") {
				t.Errorf("离婚: 明理 matched as %q, want its practice area or lawyer", items[i].Matched)
			}
			openDetail(b, items[i].ID)
			var why string
			b.Run(chromedp.Text(".detail-matched", &why, chromedp.ByQuery))
			if why != items[i].Matched {
				t.Errorf("离婚: the detail says %q, the list %q", why, items[i].Matched)
			}
			b.Run(chromedp.Click("#detail-close", chromedp.ByID), chromedp.WaitVisible("#results", chromedp.ByID))
		}
		if items := search("陈晓庆"); len(items) == 0 || items[0].Name != "深圳明理律师事务所" {
			t.Errorf("陈晓庆 (a lawyer of 明理): %q", names(items))
		}
		if items := search("前海公正"); len(items) == 0 || items[0].Name != "深圳前海公正律师事务所" {
			t.Errorf("前海公正: %q", names(items))
		}
		if items := search(""); indexOf(items, "深圳市南山公证处") < 0 {
			t.Errorf("an empty search should list the nearest again: %q", names(items))
		}
	})

	b.In(t, "kind chip and open now", func(t *testing.T) {
		var count string
		b.Run(chromedp.Text(`.chip[data-kind="legal_aid"] .chip-count`, &count, chromedp.ByQuery))
		if strings.TrimSpace(strings.TrimPrefix(count, "，")) == "" {
			t.Errorf("the legal aid chip shows no count: %q", count)
		}
		items := redrawn(b, chromedp.Click(`.chip[data-kind="legal_aid"]`, chromedp.ByQuery))
		for _, it := range items {
			if it.Kind != kindZh["legal_aid"] {
				t.Errorf("kind filter legal_aid lists %q (%s)", it.Name, it.Kind)
			}
		}
		if indexOf(items, "南山区法律援助处") < 0 || indexOf(items, "福田区法律援助处") < 0 {
			t.Errorf("legal aid: %q", names(items))
		}
		var pressed string
		b.Run(chromedp.AttributeValue(`.chip[data-kind="legal_aid"]`, "aria-pressed", &pressed, nil, chromedp.ByQuery))
		if pressed != "true" {
			t.Errorf("the chip's aria-pressed is %q", pressed)
		}
		redrawn(b, chromedp.Click(`.chip[data-kind="legal_aid"]`, chromedp.ByQuery))

		items = redrawn(b, chromedp.Click("#filter-open-now", chromedp.ByID))
		for _, it := range items {
			if it.OpenClass != "open-open" {
				t.Errorf("open now lists %q shown as %q", it.Name, it.Open)
			}
		}
		// Around the clock is open whatever the hour; closed for now and unknown hours are never open.
		if indexOf(items, "深圳前海公正律师事务所") < 0 {
			t.Errorf("open now lacks the 24-hour firm: %q", names(items))
		}
		for _, name := range []string{"深圳市蛇口公证处", "南头社区法律顾问工作室"} {
			if indexOf(items, name) >= 0 {
				t.Errorf("open now lists %s", name)
			}
		}
		b.Screenshot("desktop-open-now")
		redrawn(b, chromedp.Click("#filter-open-now", chromedp.ByID))
	})
	b.In(t, "go to a place from the suggestions", func(t *testing.T) {
		b.Run(chromedp.Evaluate(`document.getElementById('search').value = ''`, nil), chromedp.SendKeys("#search", "福田区", chromedp.ByID))
		poll(b, "the place suggestions", `!document.getElementById('place-suggestions').hidden &&
			[...document.querySelectorAll('#place-suggestions [role=option]')].some((o) => o.textContent.includes('福田区'))`)
		items := redrawn(b, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
		var origin string
		b.Run(chromedp.Text("#origin-line", &origin, chromedp.ByID))
		if !strings.Contains(origin, "福田区") || indexOf(items, "福田区法律援助处") < 0 || indexOf(items, "福田区法律援助处") > 2 {
			t.Errorf("after going to 福田区: origin %q, list %q", origin, names(items))
		}
	})
	noTrouble(t, b)
}

// dist is the true ground distance of a fixture place from the Nanshan origin.
func dist(p place) float64 { return geo.Distance(nanshan, orb.Point{p.Lng, p.Lat}) }

// The 更多筛选 button counts the filters set behind it, whichever of them changes: the language, the area
// select, open now and free (a phone, where the filters fold behind the button).
func TestMoreFiltersCountFollows(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 360, 640)
	b.Run(chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	count := func() string {
		var s string
		b.Run(chromedp.Text("#filters-active", &s, chromedp.ByID))
		return strings.TrimSpace(s)
	}
	b.Run(chromedp.Click("#filters-toggle", chromedp.ByID), chromedp.WaitVisible("#filter-language", chromedp.ByID))
	redrawn(b, chromedp.SetValue("#filter-language", "en", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('filter-language').dispatchEvent(new Event('change', { bubbles: true }))`, nil))
	if c := count(); c != "（1）" {
		t.Errorf("after choosing a language the count is %q, want （1）", c)
	}
	redrawn(b, chromedp.Click("#filter-free", chromedp.ByID))
	if c := count(); c != "（2）" {
		t.Errorf("after free the count is %q, want （2）", c)
	}
	redrawn(b, chromedp.SetValue("#filter-language", "", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('filter-language').dispatchEvent(new Event('change', { bubbles: true }))`, nil))
	if c := count(); c != "（1）" {
		t.Errorf("after clearing the language the count is %q, want （1）", c)
	}
	noTrouble(t, b)
}

// Enter pressed straight after typing runs the search, and the place suggestions that typing would have
// opened do not open over its results: no suggestion request leaves after the Enter.
func TestEnterCancelsPlaceSuggestions(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 800)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	before := len(b.Requests())
	items := redrawn(b, chromedp.SendKeys("#search", "南山"+kb.Enter, chromedp.ByID))
	if len(items) == 0 {
		t.Fatal("the search found nothing")
	}
	// Give a suggestion that would follow the keystrokes (250 ms after the last) time to arrive: the page's
	// own timer marks when it is past.
	b.Run(chromedp.Evaluate(`window.__past = false; setTimeout(() => { window.__past = true; }, 1000)`, nil))
	poll(b, "a second to pass in the page", `window.__past === true`)
	var hidden bool
	b.Run(chromedp.Evaluate(`document.getElementById('place-suggestions').hidden`, &hidden))
	if !hidden {
		b.Screenshot("suggestions-over-results")
		t.Error("the place suggestions opened over the search results")
	}
	for _, u := range b.Requests()[before:] {
		if strings.Contains(u, "/api/v1/places") {
			t.Errorf("a suggestion request left after Enter: %s", u)
		}
	}
	noTrouble(t, b)
}

// The tile notice does not hide 在此处查找 while shown, and once closed it stays closed when later panning
// fails to load tiles again.
func TestTileNoticeClosedStaysClosed(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 800)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	poll(b, "the tile notice", `!document.getElementById('notice').hidden`)
	// Drag the map until the origin is far enough from the centre for 在此处查找 to show.
	drag(b, 900, 500, 600, 350)
	poll(b, "在此处查找", `!document.getElementById('search-here').hidden`)
	if o := screenPlace(b, "#search-here"); !o.Inside || !o.Uncovered {
		t.Errorf("在此处查找 is hidden while the notice shows: %+v", o)
	}
	b.Screenshot("notice-and-search-here")
	b.Run(chromedp.Click("#notice-close", chromedp.ByID))
	tiles := func() int {
		n := 0
		for _, u := range b.Requests() {
			if strings.HasPrefix(u, "http://127.0.0.1:9/") {
				n++
			}
		}
		return n
	}
	asked := tiles()
	drag(b, 600, 350, 1100, 700)
	// The new tiles fail (nothing listens on their port); the page reports each failure as it comes.
	b.Run(chromedp.Evaluate(`window.__past = false; setTimeout(() => { window.__past = true; }, 1500)`, nil))
	poll(b, "the failed tiles to be reported", `window.__past === true`)
	if tiles() < asked+4 {
		t.Fatalf("panning asked for %d new tiles", tiles()-asked)
	}
	var hidden bool
	b.Run(chromedp.Evaluate(`document.getElementById('notice').hidden`, &hidden))
	if !hidden {
		t.Error("the closed tile notice came back after a pan")
	}
	noTrouble(t, b)
}

// drag moves the map with the mouse from one point of the window to another, in steps as a hand would.
func drag(b *Browser, x0, y0, x1, y1 float64) {
	b.t.Helper()
	acts := []chromedp.Action{chromedp.MouseEvent(input.MousePressed, x0, y0, chromedp.ButtonLeft, chromedp.ClickCount(1))}
	for i := 1; i <= 10; i++ {
		f := float64(i) / 10
		acts = append(acts, chromedp.MouseEvent(input.MouseMoved, x0+(x1-x0)*f, y0+(y1-y0)*f, chromedp.ButtonLeft))
	}
	acts = append(acts, chromedp.MouseEvent(input.MouseReleased, x1, y1, chromedp.ButtonLeft, chromedp.ClickCount(1)))
	b.Run(acts...)
}

// closedNow says whether the fixture place of that name is closed for the time being (listed after the
// active places).
func closedNow(name string) bool {
	for _, p := range places {
		if p.Name == name {
			return p.Status == "暂停"
		}
	}
	return false
}
