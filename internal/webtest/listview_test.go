package webtest

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/paulmach/orb"
)

// How the tests read the pages shared by the citizen map and the widget: the result list, the detail panel
// and the watchers' findings. Everything is read from the DOM as a visitor's browser has it.

// listItem is one entry of the result list as shown.
type listItem struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Kind      string `json:"kind"`
	Distance  string `json:"distance"`
	Open      string `json:"open"`
	OpenClass string `json:"openClass"`
	Phone     string `json:"phone"`
	PhoneHref string `json:"phoneHref"`
	Matched   string `json:"matched"` // why a search result matched, as the list shows it
}

const readListJS = `[...document.querySelectorAll('#results .result-item')].map((li) => {
	const text = (sel) => { const n = li.querySelector(sel); return n ? n.textContent : '' };
	const open = li.querySelector('.open-state');
	const call = li.querySelector('a.result-call');
	return { id: li.dataset.id, name: text('.result-open'), kind: text('.result-kind'), distance: text('.result-distance'),
		open: open ? open.textContent : '', openClass: open ? [...open.classList].find((c) => c.startsWith('open-') && c !== 'open-state') || '' : '',
		phone: call ? call.textContent : '', phoneHref: call ? call.getAttribute('href') || '' : '', matched: text('.result-matched') };
})`

func readList(b *Browser) []listItem {
	b.t.Helper()
	var items []listItem
	b.Run(chromedp.Evaluate(readListJS, &items))
	return items
}

func poll(b *Browser, what, expr string) {
	b.t.Helper()
	var ok bool
	if err := chromedp.Run(b.Ctx, chromedp.Poll(expr, &ok, chromedp.WithPollingTimeout(15*time.Second))); err != nil || !ok {
		b.Screenshot("failed-wait")
		b.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// waitList waits for the first list of a freshly loaded page and starts counting the list's redraws.
func waitList(b *Browser) []listItem {
	b.t.Helper()
	b.Run(chromedp.WaitReady("#results", chromedp.ByID))
	poll(b, "the first results", `(() => { const ol = document.getElementById('results');
		return !!ol && !ol.hasAttribute('aria-busy') && ol.children.length > 0 })()`)
	b.Run(chromedp.Evaluate(`(() => { window.__lists = 0;
		new MutationObserver(() => { window.__lists++ }).observe(document.getElementById('results'), { childList: true }); })()`, nil))
	return readList(b)
}

// redrawn runs the actions and waits until the list has been drawn again with their outcome.
func redrawn(b *Browser, actions ...chromedp.Action) []listItem {
	b.t.Helper()
	var before int
	b.Run(chromedp.Evaluate(`window.__lists`, &before))
	b.Run(actions...)
	poll(b, "the list to be drawn again", fmt.Sprintf(`window.__lists > %d && !document.getElementById('results').hasAttribute('aria-busy')`, before))
	return readList(b)
}

// openDetail clicks a result (back in the list first, if a record is open) and waits for the full record in
// the detail panel.
func openDetail(b *Browser, id string) {
	b.t.Helper()
	var open bool
	b.Run(chromedp.Evaluate(`!document.getElementById('detail').hidden`, &open))
	if open {
		b.Run(chromedp.Click("#detail-close", chromedp.ByID), chromedp.WaitVisible("#results", chromedp.ByID))
	}
	b.Run(chromedp.Click(fmt.Sprintf(`#results li[data-id=%q] .result-open`, id), chromedp.ByQuery))
	waitDetail(b)
}

func waitDetail(b *Browser) {
	b.t.Helper()
	poll(b, "the record's detail", `!document.getElementById('detail').hidden && !!document.querySelector('#detail-body .detail-facts')`)
}

func names(items []listItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Name
	}
	return out
}

func indexOf(items []listItem, name string) int {
	for i, it := range items {
		if it.Name == name {
			return i
		}
	}
	return -1
}

var distanceText = regexp.MustCompile(`([0-9.]+)\s*(米|公里|m|km)`)

// metres reads a shown distance ("距离 600 米", "1.2 km") back into metres.
func metres(s string) float64 {
	m := distanceText.FindStringSubmatch(s)
	if m == nil {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return math.NaN()
	}
	if m[2] == "公里" || m[2] == "km" {
		v *= 1000
	}
	return v
}

// sameDistance: a shown distance is the true one as rounded for reading (10 m below 1 km, 100 m below
// 10 km, 1 km beyond).
func sameDistance(shown, truth float64) bool {
	tol := 10.0
	if truth >= 1000 {
		tol = 100
	}
	if truth >= 10000 {
		tol = 1000
	}
	return math.Abs(shown-truth) <= tol
}

func at(p orb.Point, zoom int, extra string) string {
	return fmt.Sprintf("/?lat=%.5f&lng=%.5f&zoom=%d%s", p[1], p[0], zoom, extra)
}

// noTrouble: no dialog, no uncaught exception, no canary set, nothing refused by the page's content security
// policy, and no request to a host that is not on this machine (tiles go to a dead loopback address in
// tests, so not even they leave).
func noTrouble(t *testing.T, b *Browser) {
	t.Helper()
	if d := b.Dialogs(); len(d) > 0 {
		t.Errorf("dialogs opened: %q", d)
	}
	if ex := b.Exceptions(); len(ex) > 0 {
		t.Errorf("uncaught exceptions: %v", ex)
	}
	for _, u := range b.Outside() {
		t.Errorf("request left for an outside host: %s", u)
	}
	var pwned string
	var refused []string
	b.Run(chromedp.Evaluate(`typeof window.__pwned`, &pwned), chromedp.Evaluate(`window.__csp || []`, &refused))
	if pwned != "undefined" {
		t.Errorf("a payload ran: window.__pwned is %s", pwned)
	}
	if len(refused) > 0 {
		t.Errorf("the content security policy refused %q (markup from data parsed as HTML?)", refused)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.Contains(x, s) {
			return true
		}
	}
	return false
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
