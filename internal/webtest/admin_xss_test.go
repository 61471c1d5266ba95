package webtest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"legalmap/internal/auth"
)

// The admin pages under the same hostile records as the public ones: every payload shown as text in the
// record list, in its edit form and in the directory's change log; no dialog, no canary, nothing refused by
// the content security policy.
func TestAdminHostileRecordsRenderAsText(t *testing.T) {
	f := loadDirectory(t)
	if len(f.xss) < 50 {
		t.Fatalf("only %d payloads", len(f.xss))
	}
	ts := site(t, nil)
	adminAccount(t, "web-xss-admin", auth.Admin)
	b := NewBrowser(t, 1280, 1000)
	signInAdmin(t, b, ts.URL, "web-xss-admin")

	byKind := map[string][]xssRecord{}
	for _, x := range f.xss {
		byKind[x.Kind] = append(byKind[x.Kind], x)
	}
	for kind, group := range byKind {
		var names []string
		b.Run(
			chromedp.Evaluate(`location.hash = '#/records?kind=`+kind+`&q=' + encodeURIComponent('')`, nil),
			chromedp.Poll(`document.querySelectorAll('#records-results a.record-link').length > 0 &&
				location.hash.includes('kind=`+kind+`')`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Sleep(300*time.Millisecond),
			chromedp.Evaluate(`[...document.querySelectorAll('#records-results a.record-link')].map(a => a.textContent)`, &names),
		)
		for _, x := range group {
			if !contains(names, x.Payload) {
				t.Errorf("records list (%s) does not show %q as text", kind, x.Payload)
			}
		}
	}

	// A one-line <input> drops line breaks from its value (the HTML standard's value sanitisation).
	oneLine := strings.NewReplacer("\r", "", "\n", "")
	for _, x := range f.xss {
		want := oneLine.Replace(x.Payload)
		b.Run(chromedp.Evaluate(`location.hash = '#/records/`+x.ID+`'`, nil))
		var got string
		for deadline := time.Now().Add(10 * time.Second); got != want; time.Sleep(50 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("record %s: edit form shows name %q, want the payload %q as text", x.ID, got, want)
			}
			b.Run(chromedp.Evaluate(`location.hash === '#/records/`+x.ID+`' && document.getElementById('name') ? document.getElementById('name').value : ''`, &got))
		}
	}
	b.Screenshot("admin-xss-record")

	var log string
	b.Run(
		chromedp.Evaluate(`location.hash = '#/changes'`, nil),
		chromedp.Poll(`document.querySelectorAll('.timeline-item').length > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text("main", &log, chromedp.ByQuery),
	)
	shown := 0
	for _, x := range f.xss {
		if strings.Contains(log, x.Payload) {
			shown++
		}
	}
	if shown == 0 {
		t.Errorf("the change log shows none of the hostile names as text")
	}
	noTrouble(t, b) // no dialog, exception, canary, CSP refusal or outside request
}
