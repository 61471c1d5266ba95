package webtest

import (
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// pageState is what a visitor sees of the page's state: query, filters, language, selection and list.
type pageState struct {
	Query    string   `json:"query"`
	Pressed  []string `json:"pressed"`
	OpenNow  bool     `json:"openNow"`
	Area     string   `json:"area"`
	Lang     string   `json:"lang"`
	Detail   string   `json:"detail"`
	Selected string   `json:"selected"`
	List     []string `json:"list"`
}

const pageStateJS = `({
	query: document.getElementById('search').value,
	pressed: [...document.querySelectorAll('.chip[aria-pressed="true"]')].map((c) => c.dataset.kind),
	openNow: document.getElementById('filter-open-now').checked,
	area: document.getElementById('filter-area').value,
	lang: document.documentElement.lang,
	detail: document.getElementById('detail').hidden ? '' : document.getElementById('detail-name').textContent,
	selected: (document.querySelector('.result-item.is-selected') || { dataset: {} }).dataset.id || '',
	list: [...document.querySelectorAll('#results .result-open')].map((b) => b.textContent),
})`

func readState(b *Browser) pageState {
	b.t.Helper()
	var s pageState
	b.Run(chromedp.Evaluate(pageStateJS, &s))
	return s
}

// The state lives in the URL: a search, a kind, a practice area and a selected record, in English; a reload
// and a fresh tab on the same link show the same page.
func TestURLRoundTrip(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 800)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	redrawn(b, chromedp.SendKeys("#search", "律师"+kb.Enter, chromedp.ByID))
	redrawn(b, chromedp.Click(`.chip[data-kind="law_firm"]`, chromedp.ByQuery))
	redrawn(b, chromedp.SetValue("#filter-area", "marriage_family", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById('filter-area').dispatchEvent(new Event('change'))`, nil))
	poll(b, "the language switch", `!!document.getElementById('lang-switch')`)
	b.Run(chromedp.Click("#lang-switch", chromedp.ByID))
	openDetail(b, f.ids["WF1"])
	want := readState(b)
	var link string
	b.Run(chromedp.Location(&link))
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	for k, v := range map[string]string{"q": "律师", "kind": "law_firm", "practice_area": "marriage_family", "id": f.ids["WF1"], "lang": "en"} {
		if q.Get(k) != v {
			t.Errorf("URL %s: %s=%q, want %q", link, k, q.Get(k), v)
		}
	}
	if want.Detail != "Shenzhen Mingli Law Firm" || want.Selected != f.ids["WF1"] || len(want.List) == 0 || want.Lang != "en" {
		t.Fatalf("state before the reload: %+v", want)
	}
	b.Screenshot("url-state")

	check := func(b *Browser, how string) {
		t.Helper()
		waitList(b)
		waitDetail(b)
		got := readState(b)
		if strings.Join(got.List, "|") != strings.Join(want.List, "|") || got.Query != want.Query || got.Detail != want.Detail ||
			got.Selected != want.Selected || got.Area != want.Area || got.Lang != want.Lang ||
			strings.Join(got.Pressed, ",") != strings.Join(want.Pressed, ",") {
			t.Errorf("after %s:\n got %+v\nwant %+v", how, got, want)
		}
	}
	b.Run(chromedp.Reload())
	check(b, "a reload")
	b2 := NewBrowser(t, 1280, 800)
	b2.Run(chromedp.Navigate(link))
	check(b2, "opening the link in a new browser")
	noTrouble(t, b)
	noTrouble(t, b2)
}
