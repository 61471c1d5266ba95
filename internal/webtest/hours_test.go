package webtest

import (
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"legalmap/internal/api"
	"legalmap/internal/auth"
	"legalmap/internal/config"
	"legalmap/internal/directory"
	"legalmap/internal/store/storetest"
)

// siteAt starts the real server on the package's database with its clock standing at now: open-now and
// the dashboard's calendar warning are computed for that moment.
func siteAt(t *testing.T, now time.Time) *httptest.Server {
	t.Helper()
	env := map[string]string{"RATE_LIMIT": "0", "TILE_URL": deadTiles}
	cfg, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: storetest.Pool(t),
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func listByName(items []listItem, name string) listItem {
	for _, it := range items {
		if it.Name == name {
			return it
		}
	}
	return listItem{}
}

// On Friday 1 January 2027 at 10:00, with only 2026's arrangement loaded, a weekday office is closed
// (元旦 derived from the law), the 24-hour one open, and its detail says the make-up working days are not
// known; on Friday 11 December 2026 at 10:00 the same office is open and nothing is said.
func TestOpenNowOnAHolidayOfAYearNotLoaded(t *testing.T) {
	f := loadDirectory(t)
	b := NewBrowser(t, 1280, 900)
	for _, c := range []struct {
		now          time.Time
		firm, allDay string
		calendarNote bool
	}{
		{time.Date(2027, 1, 1, 10, 0, 0, 0, directory.Shanghai), "open-closed", "open-open", true},
		{time.Date(2026, 12, 11, 10, 0, 0, 0, directory.Shanghai), "open-open", "open-open", false},
	} {
		ts := siteAt(t, c.now)
		b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
		items := waitList(b)
		if got := listByName(items, "深圳明理律师事务所").OpenClass; got != c.firm {
			t.Errorf("%s: the weekday firm is %q, want %q", c.now, got, c.firm)
		}
		if got := listByName(items, "深圳前海公正律师事务所").OpenClass; got != c.allDay {
			t.Errorf("%s: the 24-hour firm is %q, want %q", c.now, got, c.allDay)
		}
		openDetail(b, f.ids["WF1"])
		var note string
		b.Run(chromedp.Evaluate(`(document.querySelector('#detail-body .hours-calendar-note') || {}).textContent || ''`, &note))
		if c.calendarNote != strings.Contains(note, "调休上班日未知") {
			t.Errorf("%s: calendar note %q", c.now, note)
		}
		if c.calendarNote {
			b.Screenshot("detail-holiday-2027")
		}
	}
	noTrouble(t, b)
}

// The admin dashboard warns while next year's arrangement is missing, naming the year and the command.
func TestDashboardWarnsOfAMissingHolidayCalendar(t *testing.T) {
	ts := siteAt(t, time.Date(2026, 12, 7, 9, 0, 0, 0, directory.Shanghai))
	adminAccount(t, "web-holidays", auth.Viewer)
	b := NewBrowser(t, 1280, 900)
	signInAdmin(t, b, ts.URL, "web-holidays")
	var warning string
	poll(b, "the calendar warning", `!!document.getElementById('dash-holidays')`)
	b.Run(chromedp.Text("#dash-holidays", &warning, chromedp.ByID))
	if !strings.Contains(warning, "2027") || strings.Contains(warning, "2026") || !strings.Contains(warning, "legalmap holidays load") {
		t.Errorf("dashboard warning %q, want 2027 (not the loaded 2026) and the command", warning)
	}
	noScriptTrouble(t, b)
}

// detailHours is the hours section of the open record as shown.
const detailHoursJS = `(() => {
	const body = document.getElementById('detail-body');
	const sec = [...body.querySelectorAll('.detail-section')].find((s) => s.querySelector('.hours-table, .hours-unknown, .hours-duty, .hours-today'));
	return { rows: body.querySelectorAll('.hours-table tr').length, text: sec ? sec.textContent : '',
		people: [...body.querySelectorAll('.practitioner')].map((n) => n.textContent).join(' | ') };
})()`

// Unknown hours are said to be unknown, not drawn as a week of 休息; the adviser's duty time the record has
// is shown with the hours and beside the adviser.
func TestDetailUnknownHoursAndAdviserDuty(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 900)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WC1"])
	var d struct {
		Rows   int
		Text   string
		People string
	}
	b.Run(chromedp.Evaluate(detailHoursJS, &d))
	if d.Rows != 0 || strings.Contains(d.Text, "休息") {
		t.Errorf("unknown hours drawn as a table (%d rows): %q", d.Rows, d.Text)
	}
	for _, want := range []string{"营业时间未知", "法律顾问驻点时间", "周顾问", "周三 14:00–17:00"} {
		if !strings.Contains(d.Text, want) {
			t.Errorf("hours section lacks %q: %q", want, d.Text)
		}
	}
	if !strings.Contains(d.People, "驻点时间：周三 14:00–17:00") || !strings.Contains(d.People, "派驻律所：深圳明理律师事务所") {
		t.Errorf("the adviser's entry lacks the duty time or firm: %q", d.People)
	}
	b.Screenshot("detail-adviser-duty")
	noTrouble(t, b)
}

// Printed, the list and the detail give each place's hours and the date printed instead of "open now".
func TestPrintShowsHoursAndDate(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 1280, 900)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	b.Run(chromedp.Evaluate(`window.print = () => { window.__printed = true; }`, nil),
		chromedp.Click("#print-list", chromedp.ByID))
	poll(b, "the print", `window.__printed === true`)
	b.Run(emulation.SetEmulatedMedia().WithMedia("print"))
	var p struct {
		Date, Firm, Adviser string
		OpenShown           int
	}
	b.Run(chromedp.Evaluate(`(() => {
		const shown = (n) => !!n && getComputedStyle(n).display !== 'none';
		const item = (id) => document.querySelector('#results li[data-id="' + id + '"] .result-print-hours');
		return { date: shown(document.getElementById('print-date')) ? document.getElementById('print-date').textContent : '',
			firm: shown(item(`+jsString(f.ids["WF1"])+`)) ? item(`+jsString(f.ids["WF1"])+`).textContent : '',
			adviser: shown(item(`+jsString(f.ids["WC1"])+`)) ? item(`+jsString(f.ids["WC1"])+`).textContent : '',
			openShown: [...document.querySelectorAll('#results .open-state')].filter(shown).length };
	})()`, &p))
	year := time.Now().In(directory.Shanghai).Format("2006")
	if !strings.Contains(p.Date, "打印于") || !strings.Contains(p.Date, year+"年") {
		t.Errorf("print date %q", p.Date)
	}
	if !strings.Contains(p.Firm, "周一 09:00–12:00、14:00–18:00") || p.Adviser != "服务时间：营业时间未知" {
		t.Errorf("printed hours: firm %q, adviser point %q", p.Firm, p.Adviser)
	}
	if p.OpenShown != 0 {
		t.Errorf("%d open-now lines printed", p.OpenShown)
	}
	b.Run(emulation.SetEmulatedMedia().WithMedia(""))
	openDetail(b, f.ids["WF1"])
	b.Run(emulation.SetEmulatedMedia().WithMedia("print"))
	var detail struct{ Hours, Open string }
	b.Run(chromedp.Evaluate(`(() => { const n = document.querySelector('.detail-print-hours'), o = document.querySelector('.detail-open');
		return { hours: getComputedStyle(n).display !== 'none' ? n.textContent : '', open: getComputedStyle(o).display !== 'none' ? o.textContent : '' }; })()`, &detail))
	if !strings.Contains(detail.Hours, "周五 09:00–12:00、14:00–18:00") || detail.Open != "" {
		t.Errorf("printed detail: hours %q, open-now %q", detail.Hours, detail.Open)
	}
	b.Run(emulation.SetEmulatedMedia().WithMedia(""))
	noTrouble(t, b)
}
