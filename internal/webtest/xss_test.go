package webtest

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Hostile records (one payload in every text field, see xss_fixtures_test.go) shown everywhere the pages
// show data: the list, the markers' tooltips (the numbered results and the viewport points), the detail
// panel in both languages and the widget. Nothing may run (no dialog, no canary, no request a payload
// names), no link may be anything but http(s), tel: or mailto:, and each payload is shown as the text it is.
func TestHostileRecordsRenderAsText(t *testing.T) {
	f := loadDirectory(t)
	if len(f.xss) < 50 {
		t.Fatalf("only %d payloads", len(f.xss))
	}
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 900)

	for g, centre := range xssGroups {
		group := recordsOf(f.xss, g)
		b.In(t, fmt.Sprintf("group %d: list, tooltips, detail", g), func(t *testing.T) {
			b.Run(chromedp.Navigate(ts.URL + at(centre, 16, "")))
			items := waitList(b)
			shown := map[string]string{}
			for _, it := range items {
				shown[it.ID] = it.Name
			}
			tips := hoverAll(b, ".result-marker")
			for _, x := range group {
				if shown[x.ID] != x.Payload {
					t.Errorf("record %s: list shows %q, want the payload %q as text", x.ID, shown[x.ID], x.Payload)
				}
				if !contains(tips, x.Payload) {
					t.Errorf("no marker tooltip shows %q", x.Payload)
				}
			}
			if g == 0 {
				b.Screenshot("xss-list")
			}
			for i, x := range group {
				openDetail(b, x.ID)
				d := readDetail(b)
				if d.Name != x.Payload || strings.Count(d.Text, x.Payload) < 5 {
					t.Errorf("record %s: detail name %q, payload shown %d times (name, address, phone, fee note, description, hours note…)",
						x.ID, d.Name, strings.Count(d.Text, x.Payload))
				}
				if x.HasLawyer && !contains(d.People, x.Payload) {
					t.Errorf("record %s: the lawyer named %q is not shown: %q", x.ID, x.Payload, d.People)
				}
				if d.Website != "" || len(d.BadLinks) > 0 {
					t.Errorf("record %s: website link %q, unsafe links %q", x.ID, d.Website, d.BadLinks)
				}
				if g == 0 && i == 0 {
					b.Screenshot("xss-detail")
				}
			}
		})
	}

	b.In(t, "viewport points and English names", func(t *testing.T) {
		// The list around Nanshan, the map over the first group: its records are viewport points.
		centre := xssGroups[0]
		b.Run(chromedp.Navigate(ts.URL + at(centre, 16, fmt.Sprintf("&olat=%.5f&olng=%.5f", nanshan[1], nanshan[0]))))
		waitList(b)
		poll(b, "the viewport points", `document.querySelectorAll('path.point-marker').length >= 15`)
		tips := hoverAll(b, "path.point-marker")
		for _, x := range recordsOf(f.xss, 0) {
			if !contains(tips, x.Payload) {
				t.Errorf("no point tooltip shows %q", x.Payload)
			}
		}
		b.Run(chromedp.Navigate(ts.URL + at(centre, 16, "&lang=en")))
		items := waitList(b)
		tips = hoverAll(b, ".result-marker")
		for _, x := range recordsOf(f.xss, 0) {
			if indexOf(items, "EN "+x.Payload) < 0 || !contains(tips, "EN "+x.Payload) {
				t.Errorf("English list or tooltips lack %q", "EN "+x.Payload)
			}
		}
	})

	b.In(t, "widget", func(t *testing.T) {
		g := xssGroups[1]
		label := f.xss[0].Payload
		b.Run(chromedp.Navigate(fmt.Sprintf("%s/embed?lat=%.5f&lng=%.5f&zoom=16&label=%s", ts.URL, g[1], g[0], url.QueryEscape(label))))
		items := waitList(b)
		var title, tip string
		b.Run(chromedp.Text("#widget-title", &title, chromedp.ByID),
			chromedp.Evaluate(`(document.querySelector('.origin-tooltip') || {}).textContent || ''`, &tip))
		if title != label || tip != label {
			t.Errorf("widget label shown as %q / tooltip %q, want %q", title, tip, label)
		}
		payloads := map[string]bool{}
		for _, x := range recordsOf(f.xss, 1) {
			payloads[x.Payload] = true
		}
		for _, it := range items {
			if !payloads[it.Name] {
				t.Errorf("widget lists %q, not a record of the group around it", it.Name)
			}
		}
		if len(items) != 10 {
			t.Errorf("widget lists %d records, want its 10 nearest", len(items))
		}
		openDetail(b, items[0].ID)
		if d := readDetail(b); d.Name != items[0].Name || len(d.BadLinks) > 0 {
			t.Errorf("widget detail %q, unsafe links %q", d.Name, d.BadLinks)
		}
		b.Screenshot("xss-widget")
	})

	noTrouble(t, b)
	for _, u := range b.Requests() {
		if p, err := url.Parse(u); err == nil && (strings.HasSuffix(p.Path, "/x") || strings.Contains(p.Path, "evil") || strings.Contains(p.Path, "track")) {
			t.Errorf("a payload made the browser fetch %s", u)
		}
	}
}

func recordsOf(all []xssRecord, group int) []xssRecord {
	var out []xssRecord
	for _, x := range all {
		if x.Group == group {
			out = append(out, x)
		}
	}
	return out
}

// hoverAll moves the pointer over every element matching sel (as Leaflet sees it: a mouseover) and returns
// the text of every tooltip then open.
func hoverAll(b *Browser, sel string) []string {
	b.t.Helper()
	var tips []string
	b.Run(chromedp.Evaluate(fmt.Sprintf(`(() => {
		for (const m of document.querySelectorAll(%q)) m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
		return [...document.querySelectorAll('.leaflet-tooltip')].map((n) => n.textContent);
	})()`, sel), &tips))
	return tips
}
