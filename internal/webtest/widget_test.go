package webtest

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// hostPage serves a community centre's own page from another loopback origin (127.0.0.2): the two
// snippets the builder wrote, pasted as they are, and an attempt to frame the citizen page, which must
// be refused.
func hostPage(t *testing.T, body string) *httptest.Server {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Fatalf("a second loopback origin: %v", err)
	}
	hs := &httptest.Server{Listener: l, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	})}}
	hs.Start()
	t.Cleanup(hs.Close)
	return hs
}

// setField types a value into a form field as a person would, with the events the page listens to.
func setField(b *Browser, id, value string) {
	b.t.Helper()
	b.Run(chromedp.Evaluate(fmt.Sprintf(`(() => { const n = document.getElementById(%q); n.value = %s;
		n.dispatchEvent(new Event('input', { bubbles: true })); n.dispatchEvent(new Event('change', { bubbles: true })); })()`,
		id, jsString(value)), nil))
}

const widgetListJS = `[...document.querySelectorAll('#results .result-open')].map((n) => n.textContent)`

// A community centre makes its widget in the builder (place, label, kinds, auto height), pastes both
// snippets into its own page on another origin, and the widget shows there: the list around the centre,
// the label, and, through the loader, a frame as tall as the widget. The citizen page cannot be framed.
func TestWidgetFromBuilderOnAnotherOrigin(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowserInProcess(t, 1280, 900)
	const label = "南头社区党群服务中心"

	b.Run(chromedp.Navigate(ts.URL + "/embed/builder"))
	poll(b, "the snippets", `document.getElementById('snippet-iframe').value.includes('/embed?')`)
	setField(b, "builder-lat", fmt.Sprintf("%.5f", nanshan[1]))
	setField(b, "builder-lng", fmt.Sprintf("%.5f", nanshan[0]))
	setField(b, "builder-label", label)
	b.Run(chromedp.Click("#builder-kind-legal_aid", chromedp.ByID), chromedp.Click("#builder-kind-community_adviser", chromedp.ByID),
		chromedp.Click("#builder-autoheight", chromedp.ByID))
	poll(b, "the snippets to follow the form", `document.getElementById('snippet-script').value.includes('data-height="auto"')`)
	var iframeSnippet, scriptSnippet string
	b.Run(chromedp.Value("#snippet-iframe", &iframeSnippet, chromedp.ByID), chromedp.Value("#snippet-script", &scriptSnippet, chromedp.ByID))
	for _, want := range []string{"lat=22.53000", "lng=113.93000", "kind=legal_aid%2Ccommunity_adviser", "label=" + url.QueryEscape(label)} {
		if !strings.Contains(iframeSnippet, want) {
			t.Errorf("iframe snippet lacks %s: %s", want, iframeSnippet)
		}
	}
	pollFrame(b, "the live preview", ts.URL+"/embed?", `document.querySelectorAll('#results .result-item').length > 0 &&
		document.getElementById('widget-title').textContent === `+jsString(label))
	b.Screenshot("builder")

	hs := hostPage(t, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>南头社区党群服务中心</title></head><body>
<h1>南头社区党群服务中心</h1><p>附近的法律服务：</p>
<div id="by-iframe">`+strings.Replace(iframeSnippet, "/embed?", "/embed?from=iframe&", 1)+`</div>
<div id="by-script">`+scriptSnippet+`</div>
<p>本社区的首页（不可被嵌入）：</p><iframe id="citizen" src="`+ts.URL+`/" title="x" width="400" height="200"></iframe>
</body></html>`)
	b.Run(chromedp.Navigate(hs.URL))
	byIframe, byScript := ts.URL+"/embed?from=iframe&", ts.URL+"/embed?lat="
	for _, frame := range []string{byIframe, byScript} {
		pollFrame(b, "the widget's list", frame, `document.querySelectorAll('#results .result-item').length > 0`)
		var list []string
		b.EvalInFrame(frame, widgetListJS, &list)
		if len(list) == 0 || list[0] != "南山区法律援助处" {
			t.Errorf("%s lists %q, want the legal aid office next to the centre first", frame, list)
		}
		var title, pwned, cookie string
		b.EvalInFrame(frame, `document.getElementById('widget-title').textContent`, &title)
		b.EvalInFrame(frame, `typeof window.__pwned`, &pwned)
		b.EvalInFrame(frame, `document.cookie`, &cookie)
		if title != label || pwned != "undefined" || cookie != "" {
			t.Errorf("%s: title %q, canary %s, cookies %q", frame, title, pwned, cookie)
		}
	}
	// The loader sizes its frame to the widget's height, which the widget posts.
	pollFrame(b, "the widget to settle", byScript, `document.getElementById('widget').getBoundingClientRect().height > 400`)
	var widgetHeight int
	b.EvalInFrame(byScript, `Math.ceil(document.getElementById('widget').getBoundingClientRect().height)`, &widgetHeight)
	poll(b, "the loader to size its frame", fmt.Sprintf(`document.querySelector('#by-script iframe').style.height === '%dpx'`, widgetHeight))
	b.Screenshot("widget-host-page")

	// The citizen page refuses to be framed by another site: no page of ours runs in that frame.
	for _, u := range frameURLs(b) {
		if u == ts.URL+"/" || strings.HasPrefix(u, ts.URL+"/?") {
			var running bool
			b.EvalInFrame(u, `!!document.getElementById('results')`, &running)
			if running {
				t.Errorf("the citizen page runs inside another site's frame (%s)", u)
			}
		}
	}
	noTrouble(t, b)
}

// A label typed into the builder that is markup stays a label: pasted into a host page, both snippets make
// exactly one frame each (and the loader its one script), nothing else; the widget shows the label as text.
func TestBuilderSnippetWithHostileLabel(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowserInProcess(t, 1280, 900)
	label := `"><img src=x onerror=(window.__pwned=99,alert(99))><script>alert(98)</script>`[:60]
	b.Run(chromedp.Navigate(ts.URL + "/embed/builder"))
	poll(b, "the snippets", `document.getElementById('snippet-iframe').value.includes('/embed?')`)
	setField(b, "builder-label", label)
	b.Run(chromedp.Click("#builder-autoheight", chromedp.ByID))
	poll(b, "the snippets to follow the form", `document.getElementById('snippet-script').value.includes('data-label=')`)
	var iframeSnippet, scriptSnippet string
	b.Run(chromedp.Value("#snippet-iframe", &iframeSnippet, chromedp.ByID), chromedp.Value("#snippet-script", &scriptSnippet, chromedp.ByID))

	hs := hostPage(t, `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body>
<div id="a">`+strings.Replace(iframeSnippet, "/embed?", "/embed?from=iframe&", 1)+`</div><div id="b">`+scriptSnippet+`</div></body></html>`)
	b.Run(chromedp.Navigate(hs.URL))
	var shape struct{ Imgs, Scripts, Frames, Children int }
	b.Run(chromedp.Evaluate(`({ imgs: document.querySelectorAll('img').length, scripts: document.querySelectorAll('script').length,
		frames: document.querySelectorAll('iframe').length, children: document.body.children.length })`, &shape))
	if shape.Imgs != 0 || shape.Scripts != 1 || shape.Children != 2 {
		t.Errorf("the snippets broke out of their tags: %+v\n%s\n%s", shape, iframeSnippet, scriptSnippet)
	}
	poll(b, "the loader's frame", `document.querySelectorAll('iframe').length === 2`)
	for _, frame := range []string{ts.URL + "/embed?from=iframe&", ts.URL + "/embed?lat="} {
		pollFrame(b, "the widget", frame, `document.querySelectorAll('#results .result-item').length > 0`)
		var title string
		b.EvalInFrame(frame, `document.getElementById('widget-title').textContent`, &title)
		if title != label {
			t.Errorf("%s: widget title %q, want the label %q as text", frame, title, label)
		}
	}
	noTrouble(t, b)
}

// The widget's search box finds 离婚 among the widget's own kinds, ranked from its origin; its "open the
// full map" link then opens the citizen page on the same origin, with the label, kinds and words.
func TestWidgetSearchAndFullMap(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 400, 700)
	const label = "南头社区党群服务中心"
	b.Run(chromedp.Navigate(ts.URL + fmt.Sprintf("/embed?lat=%.5f&lng=%.5f&zoom=14&kind=law_firm,notary&label=%s", nanshan[1], nanshan[0], url.QueryEscape(label))))
	waitList(b)
	poll(b, "the widget's search box", `!!document.querySelector('#widget-search #search')`)
	items := redrawn(b, chromedp.SendKeys("#search", "离婚"+kb.Enter, chromedp.ByID))
	if indexOf(items, "深圳明理律师事务所") < 0 {
		t.Errorf("离婚 in the widget: %q, want the firm doing divorce", names(items))
	}
	for _, it := range items {
		if it.Kind != kindZh["law_firm"] && it.Kind != kindZh["notary"] {
			t.Errorf("离婚 in a widget of firms and notaries lists %q (%s)", it.Name, it.Kind)
		}
	}
	var status, href string
	b.Run(chromedp.Text("#results-status", &status, chromedp.ByID), chromedp.AttributeValue("#open-full", "href", &href, nil, chromedp.ByID))
	if !strings.Contains(status, "离婚") {
		t.Errorf("widget status %q", status)
	}
	u, err := url.Parse(href)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	if q.Get("label") != label || q.Get("olat") != "22.53000" || q.Get("olng") != "113.93000" || q.Get("kind") != "law_firm,notary" || q.Get("q") != "离婚" {
		t.Errorf("open the full map: %s", href)
	}
	b.Screenshot("widget-search")

	b.Run(chromedp.Navigate(ts.URL + href))
	full := waitList(b)
	var origin, box string
	b.Run(chromedp.Text("#origin-line", &origin, chromedp.ByID), chromedp.Value("#search", &box, chromedp.ByID))
	if !strings.Contains(origin, label) || box != "离婚" || indexOf(full, "深圳明理律师事务所") < 0 {
		t.Errorf("full map from the widget: origin %q, search box %q, list %q", origin, box, names(full))
	}
	noTrouble(t, b)
}

// The builder says next to the field when a value is out of range (latitude 99, zoom 25) and leaves the
// snippets as they were; it says when to use which snippet; the iframe snippet names its place in plain
// words.
func TestBuilderSaysWhatIsWrong(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 900)
	b.Run(chromedp.Navigate(ts.URL + "/embed/builder"))
	poll(b, "the snippets", `document.getElementById('snippet-iframe').value.includes('/embed?')`)
	var before string
	b.Run(chromedp.Value("#snippet-iframe", &before, chromedp.ByID))

	type fieldState struct {
		Shown   bool
		Text    string
		Invalid string
		Named   bool
	}
	read := func(id string) fieldState {
		var f fieldState
		b.Run(chromedp.Evaluate(fmt.Sprintf(`(() => { const i = document.getElementById(%q), e = document.getElementById(%q);
			return { shown: !e.hidden && e.getBoundingClientRect().height > 0, text: e.textContent, invalid: i.getAttribute('aria-invalid') || '',
				named: (i.getAttribute('aria-describedby') || '').split(' ').includes(e.id) }; })()`, id, id+"-error"), &f))
		return f
	}
	setField(b, "builder-lat", "99")
	if f := read("builder-lat"); !f.Shown || !strings.Contains(f.Text, "纬度") || !strings.Contains(f.Text, "90") || f.Invalid != "true" || !f.Named {
		t.Errorf("latitude 99: %+v", f)
	}
	setField(b, "builder-zoom", "25")
	if f := read("builder-zoom"); !f.Shown || !strings.Contains(f.Text, "10 到 18") || f.Invalid != "true" {
		t.Errorf("zoom 25: %+v", f)
	}
	var after string
	b.Run(chromedp.Value("#snippet-iframe", &after, chromedp.ByID))
	if strings.Contains(after, "lat=99") || strings.Contains(after, "zoom=25") {
		t.Errorf("an invalid value reached the snippet: %s", after)
	}
	b.Screenshot("builder-field-errors")
	setField(b, "builder-lat", fmt.Sprintf("%.5f", nanshan[1]))
	if f := read("builder-lat"); f.Shown || f.Invalid != "" {
		t.Errorf("a good latitude still shows an error: %+v", f)
	}

	var when struct{ Iframe, Script string }
	b.Run(chromedp.Evaluate(`({ iframe: document.getElementById('iframe-when').textContent, script: document.getElementById('script-when').textContent })`, &when))
	if !strings.Contains(when.Iframe, "HTML") || !strings.Contains(when.Script, "<script>") || !strings.Contains(when.Script, "自动调整高度") {
		t.Errorf("when to use which snippet: %+v", when)
	}
	const label = "南头社区党群服务中心"
	setField(b, "builder-label", label)
	poll(b, "the snippet to follow the label", `document.getElementById('snippet-iframe').value.includes('label=')`)
	var snippet string
	b.Run(chromedp.Value("#snippet-iframe", &snippet, chromedp.ByID))
	if !strings.HasPrefix(snippet, `<iframe title="深圳法治地图：`+label+`附近的法律服务"`) {
		t.Errorf("the iframe snippet does not name its place readably: %s", snippet)
	}
	noTrouble(t, b)
}

// On a phone, each kind's box in the builder stands apart from its colour dot and the two sit on one line:
// the box does not cover the dot.
func TestBuilderKindChecksOnAPhone(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 360, 740)
	b.Run(chromedp.Navigate(ts.URL + "/embed/builder"))
	poll(b, "the kind choices", `document.querySelectorAll('#builder-kinds input').length >= 5`)
	var rows []struct {
		Gap    float64 `json:"gap"`
		Offset float64 `json:"offset"`
	}
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#builder-kinds .field-check')].map((f) => {
		const box = f.querySelector('input').getBoundingClientRect(), dot = f.querySelector('.chip-dot').getBoundingClientRect();
		return { gap: dot.left - box.right, offset: Math.abs((dot.top + dot.bottom) / 2 - (box.top + box.bottom) / 2) };
	})`, &rows))
	b.Run(chromedp.ScrollIntoView("#builder-kinds", chromedp.ByID))
	b.Screenshot("phone-builder-kinds")
	for i, r := range rows {
		if r.Gap < 4 || r.Offset > 3 {
			t.Errorf("kind %d: dot %.1f px right of its box, centres %.1f px apart", i, r.Gap, r.Offset)
		}
	}
}
