package desk_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/directory"
	"legalmap/internal/store/storetest"
)

type slotsAnswer struct {
	Results []struct {
		Start time.Time `json:"start"`
		Free  int       `json:"free"`
	} `json:"results"`
	Total int `json:"total"`
}

// An appointment at a notary around National Day 2026: no slots on the holidays (1–7 October) or the
// weekend, slots on Saturday 10 October (a make-up working day), none in the past; a booked slot is gone
// for the next citizen; the place gets a notice that names no one.
func TestAppointmentSlotsAroundHolidaysAndNotice(t *testing.T) {
	box := newMailbox(t)
	d := deskServer(t, map[string]string{"SMTP_URL": "smtp://" + box.addr, "PUBLIC_URL": "https://map.example.org"}, at("2026-09-30 16:10"))
	place := newPlace(t, d.URL, "notary")

	resp, body := apitest.Get(t, d.URL+"/api/v1/providers/"+place+"/request-types")
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"appointment"`) || strings.Contains(string(body), "consultation") {
		t.Fatalf("request types of a notary: %d %s", resp.StatusCode, body)
	}
	resp, body = apitest.Get(t, d.URL+"/api/v1/providers/"+place+"/slots?from=2026-09-30&days=12")
	if resp.StatusCode != 200 {
		t.Fatalf("slots of a notary: %d %s", resp.StatusCode, body)
	}
	var s slotsAnswer
	apitest.Decode(t, body, &s)
	perDay := map[string]int{}
	for _, x := range s.Results {
		if !x.Start.After(d.clock.Now()) || x.Free != 1 {
			t.Errorf("slot %v free %d", x.Start, x.Free)
		}
		perDay[x.Start.In(directory.Shanghai).Format(time.DateOnly)]++
	}
	for day, want := range map[string]int{"2026-09-30": 1, "2026-10-01": 0, "2026-10-05": 0, "2026-10-07": 0,
		"2026-10-08": 12, "2026-10-10": 12, "2026-10-11": 0} {
		if perDay[day] != want {
			t.Errorf("%s: %d slots, want %d (all: %v)", day, perDay[day], want, perDay)
		}
	}
	book := func(slot, phone string) (int, []byte, string) {
		return submit(t, d.URL, map[string]any{"provider_id": place, "type": "appointment", "name": "赵敏", "phone": phone,
			"matter": "继承公证", "slot": slot, "consent": true})
	}
	for _, bad := range []string{"2026-10-01T09:00:00+08:00", "2026-09-30T09:00:00+08:00", "2026-10-08T09:10:00+08:00",
		"2026-10-11T09:00:00+08:00", "2026-10-08T11:45:00+08:00", "2027-10-08T09:00:00+08:00"} {
		if code, b, _ := book(bad, freshPhone()); code != 400 || !strings.Contains(string(b), `"field":"slot"`) {
			t.Errorf("slot %s: %d %s, want 400 on slot", bad, code, b)
		}
	}
	code, b, receipt := book("2026-10-10T09:00:00+08:00", freshPhone())
	if code != 201 {
		t.Fatalf("booking the make-up working day: %d %s", code, b)
	}
	if code, b, _ := book("2026-10-10T09:00:00+08:00", freshPhone()); code != 409 || !strings.Contains(string(b), "slot_taken") {
		t.Errorf("second booking of one seat: %d %s", code, b)
	}
	_, body = apitest.Get(t, d.URL+"/api/v1/providers/"+place+"/slots?from=2026-10-10&days=1")
	apitest.Decode(t, body, &s)
	if len(s.Results) != 11 || s.Results[0].Start.Equal(at("2026-10-10 09:00")) {
		t.Errorf("after booking 09:00: %d slots, first %v", len(s.Results), s.Results[0].Start)
	}

	m := box.next(t)
	if len(m.to) != 1 || !strings.HasPrefix(m.to[0], "place") || !strings.Contains(m.data, receipt) ||
		!strings.Contains(m.data, "https://map.example.org/admin#/requests/"+receipt) {
		t.Errorf("notice: to %v, body %q", m.to, m.data)
	}
	if contains(m.data, "赵敏", "继承公证", "139") {
		t.Errorf("the notice holds personal fields: %q", m.data)
	}
}

// Capacity: a place that takes two people per slot offers a slot until both seats are booked, also when
// both bookings arrive at once.
func TestSlotCapacityHoldsUnderConcurrency(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 08:00"))
	place := newPlace(t, d.URL, "notary")
	editor := apitest.NewUser(t, auth.Editor)
	if resp, b := apitest.As(t, editor, apitest.Request{Method: http.MethodPut, URL: d.URL + "/api/v1/admin/providers/" + place + "/request-settings",
		Body: apitest.JSONBody(map[string]int{"slot_minutes": 60, "capacity": 2})}); resp.StatusCode != 200 {
		t.Fatalf("settings: %d %s", resp.StatusCode, b)
	}
	// Three slots, six bookings each at once: every time exactly the two seats are taken, none twice.
	for _, slot := range []string{"09:00", "10:00", "11:00"} {
		results := make(chan int, 6)
		for range 6 {
			phone := freshPhone()
			go func() {
				resp, _ := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: apitest.JSONBody(map[string]any{
					"provider_id": place, "type": "appointment", "name": "并发", "phone": phone, "slot": "2026-10-08T" + slot + ":00+08:00", "consent": true})})
				results <- resp.StatusCode
			}()
		}
		got := map[int]int{}
		for range 6 {
			got[<-results]++
		}
		if got[201] != 2 || got[409] != 4 {
			t.Errorf("six bookings of the two-seat slot %s: %v", slot, got)
		}
		var n int
		storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM requests WHERE provider_id = $1 AND slot_at = $2`, place, at("2026-10-08 "+slot)).Scan(&n) //nolint:errcheck
		if n != 2 {
			t.Errorf("%d rows hold the slot %s", n, slot)
		}
	}
}

// The citizen's status page: right digits show the status and replies; wrong ones are 404 and throttled
// like passwords; withdrawal keeps the status readable; export gives everything held.
func TestStatusWithdrawExport(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "legal_aid")
	phone := freshPhone()
	code, b, receipt := submit(t, d.URL, consultation(place, phone))
	if code != 201 {
		t.Fatalf("create: %d %s", code, b)
	}
	last4 := phone[7:]
	resp, body := citizen(t, d.URL, strings.ToLower(strings.ReplaceAll(receipt, "-", "")), "status", last4)
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"status":"submitted"`) || contains(string(body), "王小明", phone) {
		t.Fatalf("status: %d %s", resp.StatusCode, body)
	}
	wrong := "0000"
	if last4 == wrong {
		wrong = "1111"
	}
	for i := range 5 {
		if resp, body := citizen(t, d.URL, receipt, "status", wrong); resp.StatusCode != 404 {
			t.Fatalf("wrong digits #%d: %d %s", i+1, resp.StatusCode, body)
		}
	}
	if resp, body := citizen(t, d.URL, receipt, "status", last4); resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("after five wrong tries the right digits: %d %s, want 429 with Retry-After", resp.StatusCode, body)
	}

	// A fresh server (a fresh throttle) on the same database: withdrawal and export.
	d2 := deskServer(t, map[string]string{"REQUEST_KEY": d.key}, at("2026-10-08 11:00"))
	if resp, body := citizen(t, d2.URL, "QQQQ-QQQQ-QQQQ", "status", last4); resp.StatusCode != 404 {
		t.Errorf("unknown code: %d %s", resp.StatusCode, body)
	}
	if resp, body := citizen(t, d2.URL, receipt, "withdraw", last4); resp.StatusCode != 200 || !strings.Contains(string(body), `"status":"withdrawn"`) {
		t.Fatalf("withdraw: %d %s", resp.StatusCode, body)
	}
	if resp, body := citizen(t, d2.URL, receipt, "withdraw", last4); resp.StatusCode != 409 {
		t.Errorf("withdraw twice: %d %s", resp.StatusCode, body)
	}
	if resp, body := citizen(t, d2.URL, receipt, "status", last4); resp.StatusCode != 200 || !strings.Contains(string(body), `"status":"withdrawn"`) {
		t.Errorf("status after withdrawal: %d %s", resp.StatusCode, body)
	}
	resp, body = citizen(t, d2.URL, receipt, "export", last4)
	var ex struct {
		Request  struct{ Code, Status string }
		Personal struct{ Name, Phone, MatterText, Message string } `json:"personal"`
		Events   []struct{ Action, Actor string }
	}
	apitest.Decode(t, body, &ex)
	if resp.StatusCode != 200 || ex.Personal.Name != "王小明" || ex.Personal.Phone != phone || ex.Request.Status != "withdrawn" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") || len(ex.Events) != 3 ||
		ex.Events[0].Action != "create" || ex.Events[1].Action != "withdraw" || ex.Events[2].Action != "export" {
		t.Fatalf("export: %d %+v %s", resp.StatusCode, ex, resp.Header.Get("Content-Disposition"))
	}
}

// A place's staff see and handle their places' requests only; every view and move is recorded; the bureau
// sees counts without personal fields; staff see nothing of the bureau's pages.
func TestStaffSeeOnlyTheirPlaces(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	a, b := newPlace(t, d.URL, "legal_aid"), newPlace(t, d.URL, "community_adviser")
	staffA := apitest.NewUser(t, auth.Staff, a)
	_, _, codeA := submit(t, d.URL, consultation(a, freshPhone()))
	phoneB := freshPhone()
	_, _, codeB := submit(t, d.URL, consultation(b, phoneB))
	if codeA == "" || codeB == "" {
		t.Fatal("setup requests not made")
	}
	admin := apitest.AdminURL(d.URL, "")
	resp, body := apitest.As(t, staffA, apitest.Request{Method: http.MethodGet, URL: admin + "/requests"})
	var list struct {
		Results []struct {
			Code, Type, Status string
			ProviderID         string `json:"provider_id"`
		}
		Total, Limit, Offset int
	}
	apitest.Decode(t, body, &list)
	if resp.StatusCode != 200 || list.Total != 1 || len(list.Results) != 1 || list.Results[0].Code != codeA || list.Results[0].Type != "consultation" ||
		list.Results[0].Status != "submitted" || list.Results[0].ProviderID != a || contains(string(body), "王小明") {
		t.Fatalf("staff list: %d %s", resp.StatusCode, body)
	}
	for _, r := range []apitest.Request{
		{Method: http.MethodGet, URL: admin + "/requests/" + codeB},
		{Method: http.MethodPost, URL: admin + "/requests/" + codeB + "/actions", Body: apitest.JSONBody(map[string]string{"action": "accept"})},
	} {
		if resp, body := apitest.As(t, staffA, r); resp.StatusCode != 404 || contains(string(body), "王小明", phoneB) {
			t.Errorf("staff of A on B's request %s: %d %s", r.URL, resp.StatusCode, body)
		}
	}
	if resp, body := apitest.As(t, staffA, apitest.Request{Method: http.MethodGet, URL: admin + "/requests?provider_id=" + b}); resp.StatusCode != 200 || strings.Contains(string(body), codeB) {
		t.Errorf("staff of A filtering on B: %d %s", resp.StatusCode, body)
	}
	for _, path := range []string{"/dashboard", "/providers", "/request-counts", "/changes", "/accounts"} {
		if resp, _ := apitest.As(t, staffA, apitest.Request{Method: http.MethodGet, URL: admin + path}); resp.StatusCode != 403 {
			t.Errorf("staff on %s: %d, want 403", path, resp.StatusCode)
		}
	}
	for _, role := range auth.Roles {
		if resp, _ := apitest.As(t, apitest.NewUser(t, role), apitest.Request{Method: http.MethodGet, URL: admin + "/requests/" + codeA}); resp.StatusCode != 403 {
			t.Errorf("%s reading a request: %d, want 403", role, resp.StatusCode)
		}
	}

	// Staff of A handle theirs: read (recorded), accept, reply, close; the citizen reads the reply.
	resp, body = apitest.As(t, staffA, apitest.Request{Method: http.MethodGet, URL: admin + "/requests/" + codeA})
	if resp.StatusCode != 200 || !strings.Contains(string(body), "王小明") || !strings.Contains(string(body), "公司三个月没发工资") {
		t.Fatalf("staff read: %d %s", resp.StatusCode, body)
	}
	act := func(body map[string]string) (*http.Response, []byte) {
		return apitest.As(t, staffA, apitest.Request{Method: http.MethodPost, URL: admin + "/requests/" + codeA + "/actions", Body: apitest.JSONBody(body)})
	}
	if resp, body := act(map[string]string{"action": "done"}); resp.StatusCode != 409 {
		t.Errorf("done straight from submitted: %d %s", resp.StatusCode, body)
	}
	if resp, body := act(map[string]string{"action": "fly"}); resp.StatusCode != 400 || !strings.Contains(string(body), `"field":"action"`) {
		t.Errorf("unknown action: %d %s", resp.StatusCode, body)
	}
	for _, step := range []map[string]string{{"action": "accept"}, {"action": "reply", "reply": "请带劳动合同和工资条来中心。<b>周一</b>"}, {"action": "done"}} {
		if resp, body := act(step); resp.StatusCode != 200 {
			t.Fatalf("%v: %d %s", step, resp.StatusCode, body)
		}
	}
	var events []string
	rows, err := storetest.Pool(t).Query(context.Background(), `SELECT e.actor || ':' || e.action FROM request_events e
		JOIN requests r ON r.id = e.request_id WHERE r.code = $1 ORDER BY e.id`, codeA)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s) //nolint:errcheck
		events = append(events, s)
	}
	want := []string{"citizen:create", staffA.Name + ":view", staffA.Name + ":accept", staffA.Name + ":reply", staffA.Name + ":done"}
	if strings.Join(events, ",") != strings.Join(want, ",") {
		t.Errorf("events %v, want %v", events, want)
	}
	if resp, body := act(map[string]string{"action": "reply", "reply": "again"}); resp.StatusCode != 409 {
		t.Errorf("a move on a closed request: %d %s", resp.StatusCode, body)
	}

	// The bureau: counts and waiting times, no personal field.
	viewer := apitest.NewUser(t, auth.Viewer)
	resp, body = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: admin + "/request-counts"})
	if resp.StatusCode != 200 || !strings.Contains(string(body), a) || !strings.Contains(string(body), `"median_wait_hours"`) ||
		contains(string(body), "王小明", "工资", phoneB, codeA) {
		t.Errorf("bureau counts: %d %s", resp.StatusCode, body)
	}
}

// Staff changes from a browser session need the CSRF token like every admin change.
func TestStaffSessionNeedsCSRF(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "legal_aid")
	staff := apitest.NewUser(t, auth.Staff, place)
	_, _, code := submit(t, d.URL, consultation(place, freshPhone()))
	br := apitest.SignIn(t, d.URL, staff)
	url := apitest.AdminURL(d.URL, "/requests/"+code+"/actions")
	resp, body := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: url, Body: apitest.JSONBody(map[string]string{"action": "accept"}),
		Cookies: []*http.Cookie{br.Cookie}, Header: map[string]string{"Origin": d.URL, "Sec-Fetch-Site": "same-origin"}})
	if resp.StatusCode != 403 || apitest.ErrorCode(body) != "csrf" {
		t.Errorf("without the token: %d %s", resp.StatusCode, body)
	}
	if resp, body := br.In(t, d.URL, apitest.Request{Method: http.MethodPost, URL: url, Body: apitest.JSONBody(map[string]string{"action": "accept"})}); resp.StatusCode != 200 {
		t.Errorf("with the token: %d %s", resp.StatusCode, body)
	}
	if resp, body := br.In(t, d.URL, apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(d.URL, "/session")}); resp.StatusCode != 200 {
		t.Errorf("staff session: %d %s", resp.StatusCode, body)
	}
}

// Without a key, requests are off: the form says so and nothing is stored.
func TestRequestsOffWithoutKey(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	place := newPlace(t, ts.URL, "legal_aid")
	resp, body := apitest.Get(t, ts.URL+"/api/v1/providers/"+place+"/request-types")
	var rt struct{ Enabled bool }
	apitest.Decode(t, body, &rt)
	if resp.StatusCode != 200 || rt.Enabled {
		t.Errorf("request types without a key: %d %s", resp.StatusCode, body)
	}
	code, b, _ := submit(t, ts.URL, consultation(place, freshPhone()))
	if code != 503 || apitest.ErrorCode(b) != "requests_off" {
		t.Errorf("create without a key: %d %s", code, b)
	}
}

// Kinds without request types (courts and the other political-legal organs) offer none; a bureau admin
// changes the table without code.
func TestRequestTypesAreData(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	admin := apitest.NewUser(t, auth.Admin)
	resp, body := apitest.As(t, admin, apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(d.URL, "/request-types")})
	var list struct {
		Results []struct {
			Kind  string
			Types []string
		}
	}
	apitest.Decode(t, body, &list)
	got := map[string]string{}
	for _, k := range list.Results {
		got[k.Kind] = strings.Join(k.Types, ",")
	}
	want := map[string]string{"legal_aid": "legal_aid_application,consultation", "notary": "appointment", "forensic": "appointment",
		"community_adviser": "consultation", "law_firm": "consultation"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s offers %q, want %q (%d %s)", k, got[k], v, resp.StatusCode, body)
		}
	}
	for _, k := range []string{"court", "procuratorate", "police", "justice_bureau", "justice_office"} {
		if got[k] != "" {
			t.Errorf("%s offers %q", k, got[k])
		}
	}
	place := newPlace(t, d.URL, "forensic")
	set := func(types []string) {
		if resp, b := apitest.As(t, admin, apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(d.URL, "/request-types/forensic"), Body: apitest.JSONBody(map[string]any{"types": types})}); resp.StatusCode != 200 {
			t.Fatalf("set: %d %s", resp.StatusCode, b)
		}
	}
	set([]string{"appointment", "consultation"})
	defer set([]string{"appointment"})
	if code, b, _ := submit(t, d.URL, consultation(place, freshPhone())); code != 201 {
		t.Errorf("consultation at a forensic place once the bureau allows it: %d %s", code, b)
	}
	if resp, b := apitest.As(t, admin, apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(d.URL, "/request-types/forensic"), Body: apitest.JSONBody(map[string]any{"types": []string{"divorce"}})}); resp.StatusCode != 400 {
		t.Errorf("unknown type: %d %s", resp.StatusCode, b)
	}
	if resp, b := apitest.As(t, admin, apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(d.URL, "/request-types/nosuch"), Body: apitest.JSONBody(map[string]any{"types": []string{}})}); resp.StatusCode != 404 {
		t.Errorf("unknown kind: %d %s", resp.StatusCode, b)
	}
}

// Staff input is checked like the citizen's: a bad reply, action or slot is a 400 naming its field and
// changes nothing; the accounts page makes staff accounts only with existing places.
func TestStaffHostileInputAndAccounts(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "notary")
	staff := apitest.NewUser(t, auth.Staff, place)
	code, b, receipt := submit(t, d.URL, map[string]any{"provider_id": place, "type": "appointment", "name": "郑", "phone": freshPhone(),
		"slot": "2026-10-09T09:00:00+08:00", "consent": true})
	if code != 201 {
		t.Fatalf("create: %d %s", code, b)
	}
	url := apitest.AdminURL(d.URL, "/requests/"+receipt+"/actions")
	for _, c := range []struct {
		field string
		Body  map[string]any
	}{
		{"reply", map[string]any{"action": "reply", "reply": ""}},
		{"reply", map[string]any{"action": "reply", "reply": "a\u0000b"}},
		{"reply", map[string]any{"action": "accept", "reply": strings.Repeat("长", 2001)}},
		{"action", map[string]any{"action": "'; DROP TABLE requests; --"}},
		{"action", map[string]any{"action": "withdraw"}}, // the citizen's move, not the staff's
		{"slot", map[string]any{"action": "schedule", "slot": "tomorrow"}},
		{"slot", map[string]any{"action": "schedule", "slot": "2026-10-10T09:00:00+08:00"}}, // a make-up day, fine, but
		{"slot", map[string]any{"action": "schedule", "slot": "2026-10-11T09:00:00+08:00"}}, // a Sunday is not a slot
		{"slot", map[string]any{"action": "reschedule"}},
		{"extra", map[string]any{"action": "accept", "extra": true}},
	} {
		resp, body := apitest.As(t, staff, apitest.Request{Method: http.MethodPost, URL: url, Body: apitest.JSONBody(c.Body)})
		if c.Body["slot"] == "2026-10-10T09:00:00+08:00" {
			if resp.StatusCode != 200 {
				t.Errorf("scheduling on the make-up working day: %d %s", resp.StatusCode, body)
			}
			continue
		}
		if resp.StatusCode != 400 || !strings.Contains(string(body), `"field":"`+c.field+`"`) {
			t.Errorf("%v: %d %s, want 400 naming %s", c.Body, resp.StatusCode, body, c.field)
		}
	}
	var events int
	storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM request_events e JOIN requests r ON r.id = e.request_id
		WHERE r.code = $1 AND e.action NOT IN ('create', 'schedule')`, receipt).Scan(&events) //nolint:errcheck
	if events != 0 {
		t.Errorf("%d events written by refused moves", events)
	}
	// Scheduling the request on another slot freed its first seat: 09:00 on the 9th can be booked again.
	if code, b, _ := submit(t, d.URL, map[string]any{"provider_id": place, "type": "appointment", "name": "冯", "phone": freshPhone(),
		"slot": "2026-10-09T09:00:00+08:00", "consent": true}); code != 201 {
		t.Errorf("the seat left by the move: %d %s", code, b)
	}

	admin := apitest.NewUser(t, auth.Admin)
	for _, c := range []struct {
		status int
		Body   map[string]any
	}{
		{201, map[string]any{"username": "desk-ok", "role": "staff", "providers": []string{place}}},
		{400, map[string]any{"username": "desk-none", "role": "staff"}},
		{400, map[string]any{"username": "desk-ghost", "role": "staff", "providers": []string{"00000000-0000-0000-0000-000000000000"}}},
		{400, map[string]any{"username": "desk-bad", "role": "staff", "providers": []string{"' OR 1=1"}}},
		{400, map[string]any{"username": "viewer-place", "role": "viewer", "providers": []string{place}}},
	} {
		resp, body := apitest.As(t, admin, apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(d.URL, "/accounts"), Body: apitest.JSONBody(c.Body)})
		if resp.StatusCode != c.status {
			t.Errorf("%v: %d %s, want %d", c.Body, resp.StatusCode, body, c.status)
		}
	}
	if resp, body := apitest.As(t, admin, apitest.Request{Method: http.MethodPatch, URL: apitest.AdminURL(d.URL, "/accounts/"+apitest.NewUser(t, auth.Viewer).Name),
		Body: apitest.JSONBody(map[string]string{"role": "staff"})}); resp.StatusCode != 400 {
		t.Errorf("turning a viewer into staff without places: %d %s", resp.StatusCode, body)
	}
}
