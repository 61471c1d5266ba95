package webtest

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// focused describes the element that has the focus, and whether that focus can be seen.
type focused struct {
	ID      string `json:"id"`
	Class   string `json:"class"`
	Text    string `json:"text"`
	Item    string `json:"item"` // the result the element belongs to
	Visible bool   `json:"visible"`
}

const focusedJS = `(() => {
	const a = document.activeElement;
	if (!a || a === document.body) return { id: '', class: '', text: '', item: '', visible: false };
	const s = getComputedStyle(a);
	const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
	const li = a.closest('.result-item');
	return { id: a.id, class: String(a.className.baseVal ?? a.className), text: (a.textContent || a.value || '').trim().slice(0, 40),
		item: li ? li.dataset.id : '', visible: ring };
})()`

func focusNow(b *Browser) focused {
	b.t.Helper()
	var f focused
	b.Run(chromedp.Evaluate(focusedJS, &f))
	return f
}

// tabUntil presses Tab until the focus is on an element that satisfies ok, and fails after max presses. No
// map point may take the focus on the way.
func tabUntil(t *testing.T, b *Browser, what string, max int, ok func(focused) bool) focused {
	t.Helper()
	var path []string
	for i := 0; i < max; i++ {
		b.Run(chromedp.KeyEvent(kb.Tab))
		f := focusNow(b)
		if strings.Contains(f.Class, "point-marker") || strings.Contains(f.Class, "result-marker") {
			t.Errorf("a map marker is a Tab stop: %+v (the list is the map's text alternative)", f)
		}
		if ok(f) {
			return f
		}
		path = append(path, f.ID+"."+f.Class)
	}
	t.Fatalf("%s not reached in %d presses of Tab; focus went %v", what, max, path)
	return focused{}
}

// Everything by keyboard: Tab to the search box, type, Enter; Tab to a result, Enter opens it with the focus
// on its name; Escape closes it and the focus returns to the same result. The focus is visible throughout.
func TestKeyboardOnly(t *testing.T) {
	loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 800)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)

	f := tabUntil(t, b, "the search box", 6, func(f focused) bool { return f.ID == "search" })
	if !f.Visible {
		t.Error("the search box shows no focus ring")
	}
	items := redrawn(b, chromedp.KeyEvent("公证"), chromedp.KeyEvent(kb.Enter))
	if len(items) == 0 || items[0].Name != "深圳市南山公证处" {
		t.Fatalf("公证 by keyboard: %q", names(items))
	}
	// The places that did not match are still on the map, as points.
	poll(b, "the map's other points", `document.querySelectorAll('path.point-marker').length >= 3`)
	// From the search box to the first result: the form, the chips, the filters, the map and its zoom
	// buttons, the print button. The map's points are not Tab stops (the list is their text alternative).
	f = tabUntil(t, b, "a result", 25, func(f focused) bool { return strings.Contains(f.Class, "result-open") })
	if !f.Visible || f.Item == "" {
		t.Errorf("first result reached by Tab: %+v (focus visible?)", f)
	}
	b.Screenshot("keyboard-result-focus")
	first := f.Item

	b.Run(chromedp.KeyEvent(kb.Enter))
	waitDetail(b)
	if f := focusNow(b); f.ID != "detail-name" {
		t.Errorf("after Enter the focus is on %+v, want the record's name", f)
	}
	var name string
	b.Run(chromedp.Text("#detail-name", &name, chromedp.ByID))
	if name != items[0].Name {
		t.Errorf("Enter opened %q, want %q", name, items[0].Name)
	}
	b.Run(chromedp.KeyEvent(kb.Escape))
	poll(b, "the detail to close", `document.getElementById('detail').hidden`)
	if f := focusNow(b); f.Item != first || !strings.Contains(f.Class, "result-open") {
		t.Errorf("after Escape the focus is on %+v, want the result %s", f, first)
	}

	// The back button, just before the record's name, works by keyboard too.
	b.Run(chromedp.KeyEvent(kb.Enter))
	waitDetail(b)
	b.Run(chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift)))
	if f := focusNow(b); f.ID != "detail-close" || !f.Visible {
		t.Fatalf("Shift+Tab from the record's name reached %+v, want the back button, focus visible", f)
	}
	b.Run(chromedp.KeyEvent(kb.Enter))
	poll(b, "the detail to close", `document.getElementById('detail').hidden`)
	if f := focusNow(b); f.Item != first {
		t.Errorf("after the back button the focus is on %+v, want the result %s", f, first)
	}
	noTrouble(t, b)
}
