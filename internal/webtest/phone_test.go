package webtest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// onScreen tells whether an element is wholly inside the viewport and not covered where a thumb would tap.
const onScreenJS = `((sel) => {
	const n = document.querySelector(sel);
	if (!n) return { found: false };
	const r = n.getBoundingClientRect();
	const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), r.top + r.height / 2);
	return { found: true, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
		inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
		uncovered: !!hit && (hit === n || n.contains(hit)) };
})`

type onScreen struct {
	Found, Inside, Uncovered bool
	Top, Bottom, Left, Right float64
}

func screenPlace(b *Browser, sel string) onScreen {
	b.t.Helper()
	var o onScreen
	b.Run(chromedp.Evaluate(onScreenJS+"("+jsString(sel)+")", &o))
	return o
}

func jsString(s string) string {
	out := []byte{'"'}
	for _, c := range []byte(s) {
		if c == '"' || c == '\\' {
			out = append(out, '\\')
		}
		out = append(out, c)
	}
	return string(append(out, '"'))
}

// fitsScreen: nothing on the page is wider than the phone, and the page itself does not scroll (the list
// and the detail scroll inside their sheet, under a fixed search bar and map).
func fitsScreen(t *testing.T, b *Browser, state string) {
	t.Helper()
	var m struct{ Width, Height, InnerWidth, InnerHeight int }
	b.Run(chromedp.Evaluate(`({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
		innerWidth, innerHeight })`, &m))
	if m.Width > 360 || m.InnerWidth != 360 {
		t.Errorf("%s: the page is %d px wide in a %d px window (sideways scrolling)", state, m.Width, m.InnerWidth)
	}
	if m.Height > m.InnerHeight {
		t.Errorf("%s: the page is %d px tall in a %d px window: the whole page scrolls", state, m.Height, m.InnerHeight)
	}
}

// A phone of 360 x 640: the first results show over the map without a tap, nothing scrolls sideways nor
// does the page itself scroll (in Chinese and English, list and detail), and a tap on a result shows its
// detail from the top.
func TestPhoneViewport(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 360, 640)
	b.Run(chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile, chromedp.EmulateScale(2)))

	for _, lang := range []string{"", "&lang=en"} {
		b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, lang)))
		waitList(b)
		fitsScreen(t, b, "list"+lang)
		for i, sel := range []string{"#results .result-item:nth-child(1) .result-open", "#results .result-item:nth-child(2) .result-open"} {
			if o := screenPlace(b, sel); !o.Inside || !o.Uncovered {
				t.Errorf("%s: result %d is not in sight without a tap: %+v", lang, i+1, o)
			}
		}
		if o := screenPlace(b, "#map"); o.Bottom-o.Top < 150 {
			t.Errorf("%s: the map is only %.0f px tall on a phone", lang, o.Bottom-o.Top)
		}
		if lang == "" {
			b.Screenshot("phone-list")
		} else {
			b.Screenshot("phone-list-en")
		}
	}

	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WF1"])
	fitsScreen(t, b, "detail")
	if o := screenPlace(b, "#detail-name"); !o.Inside || !o.Uncovered {
		t.Errorf("the record's name is not in sight after the tap: %+v", o)
	}
	b.Screenshot("phone-detail")

	// The sheet gives the list the whole screen and back.
	b.Run(chromedp.Click("#detail-close", chromedp.ByID), chromedp.WaitVisible("#results", chromedp.ByID))
	// The list coming back moves the sheet; a click aimed at the toggle while it moves can land elsewhere.
	poll(b, "the layout to settle", `document.getAnimations().length === 0`)
	before := screenPlace(b, "#sheet")
	var expanded string
	b.Run(chromedp.Click("#sheet-toggle", chromedp.ByID))
	poll(b, "the sheet to grow", `document.getElementById('sheet').getBoundingClientRect().top < `+ftoa(before.Top-100))
	// Read once the sheet has grown: read straight after the click, it raced the toggle's handler.
	b.Run(chromedp.AttributeValue("#sheet-toggle", "aria-expanded", &expanded, nil, chromedp.ByID))
	if expanded != "true" {
		t.Errorf("sheet toggle aria-expanded %q", expanded)
	}
	fitsScreen(t, b, "expanded sheet")
	b.Screenshot("phone-sheet-expanded")
	noTrouble(t, b)
}

// A phone of 360 x 640: the controls on top (title, search, chips and the filters button) leave the list
// room for three whole results in sight without a tap, over a map still 150 px tall; a record's detail
// offers the call and the directions before its list of people.
func TestPhoneListRoomAndDetailActions(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 360, 640)
	b.Run(chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	for _, lang := range []string{"", "&lang=en"} {
		b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, lang)))
		waitList(b)
		if o := screenPlace(b, "#filters"); o.Bottom > 150 {
			t.Errorf("%s: search, chips and filters take %.0f px of the 640", lang, o.Bottom)
		}
		for i := 1; i <= 3; i++ {
			if o := screenPlace(b, fmt.Sprintf("#results .result-item:nth-child(%d)", i)); !o.Inside {
				t.Errorf("%s: result %d is not wholly in sight: %+v", lang, i, o)
			}
		}
		if o := screenPlace(b, "#map"); o.Bottom-o.Top < 150 {
			t.Errorf("%s: the map is only %.0f px tall", lang, o.Bottom-o.Top)
		}
	}
	b.Screenshot("phone-three-results")

	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WF1"])
	call, route, people := screenPlace(b, "#detail-body .detail-call-link"), screenPlace(b, "#detail-body .directions-list"), screenPlace(b, "#detail-body .practitioner-list")
	if !call.Found || !call.Inside || !call.Uncovered {
		t.Errorf("the call button is not in sight on opening the record: %+v", call)
	}
	if !route.Found || !people.Found || route.Top > people.Top || call.Top > people.Top {
		t.Errorf("call %+v and directions %+v should come before the people %+v", call, route, people)
	}
	fitsScreen(t, b, "detail")
	b.Screenshot("phone-detail-actions")
	noTrouble(t, b)
}

// On a phone the kind chips are one scrolling row: a kind with no place in the directory (courts before
// the bureau imports any) gets no chip there, unless the link asks for it; every kind with places has one.
func TestChipsOnlyForKindsWithPlaces(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 360, 740)
	b.Run(chromedp.Navigate(ts.URL + "/"))
	waitList(b)
	var chips, withPlaces, empty []string
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#kind-chips .chip')].map((c) => c.dataset.kind)`, &chips),
		chromedp.Evaluate(`fetch('/api/v1/kinds').then((r) => r.json()).then((d) => d.results.filter((k) => k.count > 0).map((k) => k.code))`, &withPlaces,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
		chromedp.Evaluate(`fetch('/api/v1/kinds').then((r) => r.json()).then((d) => d.results.filter((k) => k.count === 0).map((k) => k.code))`, &empty,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	b.Screenshot("phone-kind-chips")
	if len(empty) == 0 {
		t.Fatal("every kind has places: the test's directory proves nothing")
	}
	if strings.Join(chips, ",") != strings.Join(withPlaces, ",") {
		t.Errorf("chips %v, want the kinds with places %v", chips, withPlaces)
	}
	var pressed []string
	b.Run(chromedp.Navigate(ts.URL+"/?kind="+empty[0]), chromedp.Poll(`document.querySelectorAll('#kind-chips .chip').length > 0`, nil),
		chromedp.Evaluate(`[...document.querySelectorAll('#kind-chips .chip[aria-pressed="true"]')].map((c) => c.dataset.kind)`, &pressed))
	if len(pressed) != 1 || pressed[0] != empty[0] {
		t.Errorf("a link asking for %s shows the pressed chips %v", empty[0], pressed)
	}
}
