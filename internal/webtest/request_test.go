package webtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"legalmap/internal/auth"
	"legalmap/internal/requests"
	"legalmap/internal/store/requestdb"
	"legalmap/internal/store/storetest"
)

// fill sets an input's value as typing would (the form reads .value on submit).
func fill(sel, value string) chromedp.Action {
	return chromedp.SetValue(sel, value, chromedp.ByQuery)
}

// A citizen on a phone makes a request from a place's detail, as a person would: the form refuses a missing
// consent next to its box and stores nothing; with consent it gives a receipt code; the status page shows
// the status after the phone's last four digits, then the staff's reply as text, and the withdrawal. An
// appointment at a notary is booked from the slot list.
func TestRequestFromDetailAndStatusPage(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, map[string]string{"REQUEST_KEY": requests.NewKeyText()})
	b := NewBrowser(t, 390, 844)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WA1"])
	poll(b, "the request types", `document.querySelectorAll('#detail-body .request-type').length === 2`)
	b.Run(chromedp.Click(`#detail-body .request-type[data-type="consultation"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#rq-name`, chromedp.ByID))
	const phone = "13912348765"
	b.Run(fill("#rq-name", "<img src=x onerror=window.__pwned=1>刘女士"), fill("#rq-phone", "139 1234 8765"),
		fill("#rq-matter", "欠薪"), fill("#rq-message", "工厂三个月没发工资。"))
	before := requestCount(t)
	b.Run(chromedp.Click(`.request-form button[type="submit"]`, chromedp.ByQuery))
	poll(b, "the consent error", `document.getElementById('rq-consent-error').textContent.includes('请勾选同意')`)
	if n := requestCount(t); n != before {
		t.Fatalf("a refused form stored %d rows", n-before)
	}
	b.Run(chromedp.ScrollIntoView("#rq-consent", chromedp.ByID))
	b.Screenshot("phone-request-form")
	b.Run(chromedp.Click("#rq-consent", chromedp.ByID), chromedp.Click(`.request-form button[type="submit"]`, chromedp.ByQuery))
	poll(b, "the receipt", `!!document.querySelector('.receipt-code')`)
	b.Run(chromedp.ScrollIntoView(".receipt-code", chromedp.ByQuery))
	b.Screenshot("phone-request-sent")
	var code, href string
	b.Run(chromedp.Text(".receipt-code", &code, chromedp.ByQuery),
		chromedp.AttributeValue(".request-done a", "href", &href, nil, chromedp.ByQuery))
	if _, ok := requests.ParseCode(code); !ok || href != "/r/"+code {
		t.Fatalf("receipt %q, link %q", code, href)
	}
	noTrouble(t, b)

	// The status page, with the last four digits.
	b.Run(chromedp.Navigate(ts.URL+"/r/"+code), chromedp.WaitVisible("#rq-last4", chromedp.ByID))
	check := func(digits string) {
		b.Run(fill("#rq-last4", digits), chromedp.Click(`#rq-lookup button[type="submit"]`, chromedp.ByQuery))
	}
	check("0000")
	poll(b, "the not-found line", `document.getElementById('rq-status').textContent.includes('未找到')`)
	check(phone[7:])
	poll(b, "the status", `document.getElementById('rq-result').textContent.includes('已提交，等待受理')`)

	// The place's staff reply (with markup, which must stay text), then the citizen looks again.
	staffReply(t, ts.URL, f.ids["WA1"], code, "请带<b>劳动合同</b>来中心")
	check(phone[7:])
	poll(b, "the reply", `document.querySelector('#rq-result .reply-text') !== null`)
	var reply string
	var bold int
	b.Run(chromedp.Text("#rq-result .reply-text", &reply, chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelectorAll('#rq-result b').length`, &bold))
	if reply != "请带<b>劳动合同</b>来中心" || bold != 0 {
		t.Errorf("reply shown as %q with %d <b> elements", reply, bold)
	}
	b.Run(chromedp.Click("#rq-withdraw", chromedp.ByID), chromedp.WaitVisible("#rq-withdraw-confirm", chromedp.ByID),
		chromedp.Click("#rq-withdraw-confirm", chromedp.ByID))
	poll(b, "the withdrawal", `document.getElementById('rq-result').textContent.includes('已撤回')`)
	b.Screenshot("phone-request-status")
	noTrouble(t, b)

	// An appointment at a notary: the first free slot.
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WN1"])
	poll(b, "the appointment button", `!!document.querySelector('#detail-body .request-type[data-type="appointment"]')`)
	b.Run(chromedp.Click(`#detail-body .request-type[data-type="appointment"]`, chromedp.ByQuery))
	poll(b, "the slots", `document.querySelectorAll('#rq-slot option[value^="20"]').length > 0`)
	var slot string
	b.Run(chromedp.Evaluate(`(() => { const s = document.getElementById('rq-slot'); s.value = s.querySelector('option[value^="20"]').value; return s.value })()`, &slot),
		fill("#rq-name", "孙先生"), fill("#rq-phone", "13900001111"), chromedp.Click("#rq-consent", chromedp.ByID),
		chromedp.Click(`.request-form button[type="submit"]`, chromedp.ByQuery))
	poll(b, "the appointment's receipt", `!!document.querySelector('.receipt-code')`)
	var booked int
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM requests WHERE provider_id = $1 AND type = 'appointment' AND slot_at = $2::timestamptz`,
		f.ids["WN1"], slot).Scan(&booked); err != nil || booked != 1 {
		t.Errorf("slot %s booked %d times (%v)", slot, booked, err)
	}
	noTrouble(t, b)

	// The widget (community centres) offers the same, from the same detail.
	b.Run(chromedp.Navigate(ts.URL + fmt.Sprintf("/embed?lat=%.5f&lng=%.5f&zoom=15&label=%s", nanshan[1], nanshan[0], "南头社区")))
	waitList(b)
	openDetail(b, f.ids["WC1"])
	poll(b, "the widget's request button", `!!document.querySelector('#detail-body .request-type[data-type="consultation"]')`)
	b.Run(chromedp.Click(`#detail-body .request-type[data-type="consultation"]`, chromedp.ByQuery), chromedp.WaitVisible("#rq-name", chromedp.ByID),
		fill("#rq-name", "社区居民"), fill("#rq-phone", "13900002222"), fill("#rq-message", "邻里噪音纠纷怎么调解？"),
		chromedp.Click("#rq-consent", chromedp.ByID), chromedp.Click(`.request-form button[type="submit"]`, chromedp.ByQuery))
	poll(b, "the widget's receipt", `!!document.querySelector('.receipt-code')`)
	noTrouble(t, b)
}

func requestCount(t *testing.T) int {
	t.Helper()
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM requests`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// staffReply makes a staff account of the place and, with its token, accepts the request and replies.
func staffReply(t *testing.T, base, place, code, text string) {
	t.Helper()
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	name := fmt.Sprintf("staff-%s", strings.ToLower(code[:4]))
	if _, err := svc.CreateAccount(ctx, name, "correct horse battery", auth.Staff, place); err != nil {
		t.Fatal(err)
	}
	tok, _, err := svc.CreateToken(ctx, name, "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []map[string]string{{"action": "accept"}, {"action": "reply", "reply": text}} {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/v1/admin/requests/"+code+"/actions", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("staff %v: %d", body, resp.StatusCode)
		}
	}
}

// A place's staff sign in to /admin and see their queue, not the bureau's pages: they open a request (name
// and message shown as text), accept it with a reply, and the request leaves the "submitted" queue.
func TestStaffQueueInAdmin(t *testing.T) {
	f := loadDirectory(t)
	key := requests.NewKeyText()
	ts := site(t, map[string]string{"REQUEST_KEY": key})
	code := staffWithRequest(t, key, "web-staff", f.ids["WF1"], "law_firm", "",
		requests.Personal{Name: "<script>window.__pwned=1</script>周女士", Phone: "13712345678", Message: "合同纠纷咨询"})
	b := NewBrowser(t, 1280, 900)
	signInForm(b, ts.URL+"/admin", "web-staff")
	poll(b, "the queue", `!!document.querySelector('#rq-list a.rq-link')`)
	var navShown []string
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#nav a')].filter((a) => !a.hidden).map((a) => a.dataset.route)`, &navShown))
	if strings.Join(navShown, ",") != "requests" {
		t.Errorf("staff navigation shows %v", navShown)
	}
	b.Run(chromedp.Click("#rq-list a.rq-link", chromedp.ByQuery))
	poll(b, "the request", `!!document.getElementById('rq-facts')`)
	var facts string
	b.Run(chromedp.Text("#rq-facts", &facts, chromedp.ByID))
	if !strings.Contains(facts, "<script>window.__pwned=1</script>周女士") || !strings.Contains(facts, "13712345678") {
		t.Errorf("facts %q", facts)
	}
	b.Run(chromedp.SetValue("#rq-action", "accept", chromedp.ByID), chromedp.SetValue("#rq-reply", "请周一来所面谈。", chromedp.ByID),
		chromedp.Click("#rq-action-form button[type=submit]", chromedp.ByQuery))
	poll(b, "the accepted status", `document.getElementById('rq-facts') && document.getElementById('rq-facts').textContent.includes('已受理')`)
	var events int
	storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM request_events e JOIN requests r ON r.id = e.request_id
		WHERE r.code = $1 AND e.actor = 'web-staff' AND e.action IN ('view', 'accept')`, code).Scan(&events) //nolint:errcheck
	if events < 3 {
		t.Errorf("%d view/accept events by the staff member, want at least 3 (two views, one accept)", events)
	}
	// The bureau's pages are not theirs.
	b.Run(chromedp.Navigate(ts.URL+"/admin#/records"), chromedp.WaitVisible("#view p", chromedp.ByQuery))
	var text string
	b.Run(chromedp.Text("#view", &text, chromedp.ByID))
	if !strings.Contains(text, "没有这个页面") {
		t.Errorf("staff on #/records see %q", text)
	}
	b.Screenshot("admin-staff-queue")
	noTrouble(t, b)
}

// The bureau's side in /admin: counts without personal fields, a place's appointment settings, and which
// kinds take which request types.
func TestBureauRequestPages(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, map[string]string{"REQUEST_KEY": requests.NewKeyText()})
	adminAccount(t, "web-bureau", auth.Admin)
	b := NewBrowser(t, 1280, 900)
	signInAdmin(t, b, ts.URL, "web-bureau")
	b.Run(chromedp.Navigate(ts.URL + "/admin#/request-counts"))
	poll(b, "the settings form and the types table", `!!document.getElementById('rs-form') && !!document.querySelector('#rq-types table')`)
	b.Run(fill("#rs-place", f.ids["WN1"]), chromedp.SetValue("#rs-minutes", "60", chromedp.ByID), fill("#rs-capacity", "3"),
		chromedp.Click("#rs-form button[type=submit]", chromedp.ByQuery))
	poll(b, "the saved settings", `document.getElementById('flash').textContent.includes('预约设置已保存')`)
	var minutes, capacity int
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT slot_minutes, capacity FROM request_settings WHERE provider_id = $1`,
		f.ids["WN1"]).Scan(&minutes, &capacity); err != nil || minutes != 60 || capacity != 3 {
		t.Errorf("settings stored %d min × %d (%v)", minutes, capacity, err)
	}
	b.Run(fill("#rs-place", "not-a-place"), chromedp.Click("#rs-form button[type=submit]", chromedp.ByQuery))
	poll(b, "the place id error", `document.getElementById('rs-place-error').textContent.length > 0`)
	var links []string
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('#nav a')].filter((a) => !a.hidden).map((a) => a.dataset.route)`, &links))
	if strings.Contains(strings.Join(links, ","), "requests,") || !strings.Contains(strings.Join(links, ","), "request-counts") {
		t.Errorf("bureau navigation %v: counts, not the queue", links)
	}
	noScriptTrouble(t, b)
}

// Without a request key the detail says that online requests are off, and offers no form.
func TestRequestsOffSaySo(t *testing.T) {
	f := loadDirectory(t)
	ts := site(t, nil)
	b := NewBrowser(t, 390, 844)
	b.Run(chromedp.Navigate(ts.URL + at(nanshan, 14, "")))
	waitList(b)
	openDetail(b, f.ids["WA1"])
	poll(b, "the notice", `!!document.querySelector('#detail-body .request-off')`)
	var buttons int
	b.Run(chromedp.Evaluate(`document.querySelectorAll('#detail-body .request-type').length`, &buttons))
	if buttons != 0 {
		t.Errorf("%d request buttons without a key", buttons)
	}
	noTrouble(t, b)
}

// The staff queue's status tabs: "全部" shows every request (not only the waiting ones) and is marked as the
// tab shown, and the tabs are set apart from one another, the current one marked, not one run of
// underlined words.
func TestStaffQueueTabs(t *testing.T) {
	f := loadDirectory(t)
	key := requests.NewKeyText()
	ts := site(t, map[string]string{"REQUEST_KEY": key})
	staffWithRequest(t, key, "web-staff-tabs", f.ids["WA1"], "legal_aid", "",
		requests.Personal{Name: "吴先生", Phone: "13755550001", Message: "咨询"})
	b := NewBrowser(t, 1280, 900)
	signInForm(b, ts.URL+"/admin", "web-staff-tabs")
	poll(b, "the queue", `!!document.querySelector('#rq-list a.rq-link')`)
	type tabs struct {
		Gaps    []float64 `json:"gaps"`
		Current []string  `json:"current"`
		Looks   []string  `json:"looks"`
	}
	var s tabs
	b.Run(chromedp.Evaluate(`(() => {
		const tabs = [...document.querySelectorAll('nav.tabs a.tab')];
		const gaps = [];
		for (let i = 1; i < tabs.length; i++) {
			const a = tabs[i - 1].getBoundingClientRect(), b = tabs[i].getBoundingClientRect();
			if (Math.abs(a.top - b.top) < 2) gaps.push(b.left - a.right);
		}
		const look = (e) => { const c = getComputedStyle(e); return [c.backgroundColor, c.fontWeight, c.borderBottomColor, c.color].join(' '); };
		return { gaps, current: tabs.filter((e) => e.getAttribute('aria-current') === 'page').map((e) => e.textContent),
			looks: tabs.map(look) };
	})()`, &s))
	b.Screenshot("admin-staff-queue-tabs")
	for _, g := range s.Gaps {
		if g < 4 {
			t.Errorf("status tabs %.1f px apart: they run together", g)
		}
	}
	current, other := "", ""
	for i, l := range s.Looks {
		if i == 1 { // 待受理, the tab shown first
			current = l
		} else if other == "" {
			other = l
		}
	}
	if current == other {
		t.Errorf("the current tab looks like the others (%s)", current)
	}
	b.Run(chromedp.Click(`nav.tabs a.tab[href$="?status=accepted"]`, chromedp.ByQuery))
	poll(b, "the accepted tab", `location.hash.endsWith('status=accepted') && !document.querySelector('#rq-list a.rq-link')`)
	b.Run(chromedp.Click(`nav.tabs a.tab[href$="?status="]`, chromedp.ByQuery))
	poll(b, "the all tab", `location.hash.endsWith('status=') && !!document.querySelector('#rq-list a.rq-link')`)
	b.Run(chromedp.Evaluate(`[...document.querySelectorAll('nav.tabs a.tab')].filter((e) => e.getAttribute('aria-current') === 'page').map((e) => e.textContent)`, &s.Current))
	if len(s.Current) != 1 || s.Current[0] != "全部" {
		t.Errorf("after clicking 全部 the current tab is %v", s.Current)
	}
	noScriptTrouble(t, b)
}

// A request's matter chosen from the practice areas reaches the place's staff as its name (劳动争议), not
// its code (labour).
func TestStaffSeesTheMatterInWords(t *testing.T) {
	f := loadDirectory(t)
	key := requests.NewKeyText()
	ts := site(t, map[string]string{"REQUEST_KEY": key})
	code := staffWithRequest(t, key, "web-staff-matter", f.ids["WA1"], "legal_aid", "labour",
		requests.Personal{Name: "郑女士", Phone: "13755550002", Message: "三个月没发工资"})
	b := NewBrowser(t, 390, 844)
	signInForm(b, ts.URL+"/admin#/requests/"+code, "web-staff-matter")
	poll(b, "the request", `!!document.getElementById('rq-facts') && document.getElementById('rq-facts').textContent.includes('郑女士')`)
	var facts string
	b.Run(chromedp.Text("#rq-facts", &facts, chromedp.ByID))
	b.Screenshot("admin-staff-request-matter")
	if !strings.Contains(facts, "劳动争议") || strings.Contains(facts, "labour") {
		t.Errorf("the request's facts name the matter as %q", facts)
	}
	noScriptTrouble(t, b)
}

// staffWithRequest seals p into a consultation request (about matter, "" for none) at the place placeID of
// kind, and makes name a staff member of that place; it returns the request's receipt code.
func staffWithRequest(t *testing.T, key, name, placeID, kind, matter string, p requests.Personal) string {
	t.Helper()
	ring, err := requests.NewKeyring(key)
	if err != nil {
		t.Fatal(err)
	}
	code := requests.NewCode()
	sealed, keyID := ring.SealPersonal(p, code)
	ctx := context.Background()
	if err := requestdb.CreateRequest(ctx, storetest.Pool(t), requestdb.NewRequest{Code: code, ProviderID: placeID, Kind: kind,
		Type: "consultation", Matter: matter, Sealed: sealed, KeyID: keyID, PhoneMAC: ring.PhoneMAC(p.Phone), MaxOpen: 3, Capacity: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := auth.NewService(storetest.Pool(t)).CreateAccount(ctx, name, "correct horse battery", auth.Staff, placeID); err != nil {
		t.Fatal(err)
	}
	return code
}
