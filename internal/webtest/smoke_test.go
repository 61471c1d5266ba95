package webtest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The citizen page loads in a real browser, runs its scripts without an uncaught error, and asks nothing of
// any host but ours and the tile server.
func TestPageLoadsWithoutErrorsOrOutsideRequests(t *testing.T) {
	ts := site(t, nil)
	waitHTTP(t, ts.URL+"/healthz")
	b := NewBrowser(t, 1280, 800)
	var title string
	b.Run(chromedp.Navigate(ts.URL+"/"), chromedp.WaitReady("body"), chromedp.Title(&title))
	if strings.TrimSpace(title) == "" {
		t.Error("page has no title")
	}
	if ex := b.Exceptions(); len(ex) > 0 {
		t.Errorf("uncaught exceptions: %v", ex)
	}
	for _, u := range b.Outside() {
		if !strings.HasPrefix(u, "http://127.0.0.1:9/") {
			t.Errorf("request left for an outside host: %s", u)
		}
	}
}
