package webtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core as npm installed it (static/package-lock.json); make test runs `npm ci`.
func axeSource(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "static", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core: %v (make web installs it from static/package-lock.json)", err)
	}
	return string(src)
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// runAxe checks the page as it stands and returns the serious and critical violations. Frames are left to
// their own run (the widget is checked on its own page).
const runAxeJS = `axe.run(document, { iframes: false }).then((r) => ({ passes: r.passes.length, violations: r.violations
	.filter((v) => v.impact === 'serious' || v.impact === 'critical')
	.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
		nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ')) })) }))`

type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// axe-core finds no serious or critical violation on the citizen page (list, and a record open), the widget
// and the builder, in Chinese and English, on a phone and a desktop.
func TestAccessibilityAxe(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	axe := axeSource(t)
	b := NewBrowser(t, 1280, 800)
	pages := []struct{ name, path, ready string }{
		{"list", at(nanshan, 14, ""), "#results .result-item"},
		{"detail", at(nanshan, 14, "&id="+f.ids["WF1"]), "#detail-body .directions-list"},
		{"widget", fmt.Sprintf("/embed?lat=%.5f&lng=%.5f&zoom=15&label=%s", nanshan[1], nanshan[0], "南头社区党群服务中心"), "#results .result-item"},
		{"builder", "/embed/builder", "#builder-kinds input"},
	}
	screens := []struct {
		name   string
		action chromedp.Action
	}{
		{"desktop", chromedp.EmulateViewport(1280, 800)},
		{"phone", chromedp.EmulateViewport(360, 640, chromedp.EmulateMobile)},
	}
	checked := 0
	for _, screen := range screens {
		b.Run(screen.action)
		for _, lang := range []string{"zh", "en"} {
			for _, p := range pages {
				path := p.path
				if lang == "en" {
					path += map[bool]string{true: "&", false: "?"}[strings.Contains(path, "?")] + "lang=en"
				}
				b.Run(chromedp.Navigate(ts.URL+path), chromedp.WaitVisible(p.ready, chromedp.ByQuery))
				var res axeResult
				b.Run(chromedp.Evaluate(axe, nil), chromedp.Evaluate(runAxeJS, &res, awaitPromise))
				if res.Passes < 10 {
					t.Errorf("%s %s %s: axe passed only %d rules: did it run?", screen.name, lang, p.name, res.Passes)
				}
				for _, v := range res.Violations {
					t.Errorf("%s %s %s: %s (%s) %s\n  %s", screen.name, lang, p.name, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n  "))
				}
				checked++
			}
		}
	}
	if checked != 16 {
		t.Errorf("%d page states checked, want 16", checked)
	}
	noTrouble(t, b)
}
