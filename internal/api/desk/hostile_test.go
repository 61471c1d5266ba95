package desk_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/storetest"
)

func requestRows(t *testing.T) int {
	t.Helper()
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM requests`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Hostile input in every field of the citizen's form: each refused value is a 400 naming its field (413 or
// 415 for the body as a whole) and stores nothing; markup and injection strings that are valid text are
// stored as text and come back unchanged; the honeypot is answered like success and stores nothing.
func TestHostileRequestInput(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "legal_aid")
	refused := []struct {
		field string
		edit  map[string]any
	}{
		{"provider_id", map[string]any{"provider_id": "' OR 1=1 --"}},
		{"provider_id", map[string]any{"provider_id": "00000000-0000-0000-0000-000000000000"}},
		{"provider_id", map[string]any{"provider_id": 42}},
		{"type", map[string]any{"type": "appointment", "slot": "2026-10-09T09:00:00+08:00"}}, // legal aid centres take no appointments
		{"type", map[string]any{"type": "<script>"}},
		{"type", map[string]any{"type": nil}},
		{"name", map[string]any{"name": ""}},
		{"name", map[string]any{"name": "   "}},
		{"name", map[string]any{"name": strings.Repeat("名", 41)}},
		{"name", map[string]any{"name": "a\u0000b"}},
		{"name", map[string]any{"name": "line\nbreak"}},
		{"name", map[string]any{"name": "\u202Egnp.exe"}},
		{"name", map[string]any{"name": "\x1b[31m"}},
		{"name", map[string]any{"name": []string{"x"}}},
		{"phone", map[string]any{"phone": ""}},
		{"phone", map[string]any{"phone": "1381234567"}},
		{"phone", map[string]any{"phone": "138123456789"}},
		{"phone", map[string]any{"phone": "0755-83001234"}},
		{"phone", map[string]any{"phone": "13812345678; DROP TABLE requests"}},
		{"phone", map[string]any{"phone": "１３８１２３４５６７８"}},
		{"phone", map[string]any{"phone": 13812345678}},
		{"matter", map[string]any{"matter": strings.Repeat("欠", 101)}},
		{"matter", map[string]any{"matter": "a\u0007b"}},
		{"message", map[string]any{"message": ""}},
		{"message", map[string]any{"message": strings.Repeat("字", 1001)}},
		{"message", map[string]any{"message": "bad \u0000 byte"}},
		{"message", map[string]any{"message": "\u2066hidden\u2069"}},
		{"slot", map[string]any{"slot": "2026-10-09T09:00:00+08:00"}},
		{"consent", map[string]any{"consent": false}},
		{"consent", map[string]any{"consent": "yes"}},
		{"extra", map[string]any{"extra": 1}},
	}
	before := requestRows(t)
	for _, c := range refused {
		body := consultation(place, freshPhone())
		for k, v := range c.edit {
			body[k] = v
		}
		code, b, _ := submit(t, d.URL, body)
		if code != 400 || !strings.Contains(string(b), `"field":"`+c.field+`"`) || apitest.ErrorCode(b) != "invalid_parameter" {
			t.Errorf("%v: %d %s, want 400 naming %s", c.edit, code, b, c.field)
		}
	}
	for _, r := range []struct {
		status int
		req    apitest.Request
	}{
		{413, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: []byte(`{"name":"` + strings.Repeat("x", 17<<10) + `"}`)}},
		{415, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: []byte(`name=x`), CType: "application/x-www-form-urlencoded"}},
		{400, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: []byte(`{"name":"x"} {"name":"y"}`)}},
		{400, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: []byte(`[`)}},
	} {
		if resp, b := apitest.Do(t, r.req); resp.StatusCode != r.status {
			t.Errorf("body %.40q: %d %s, want %d", r.req.Body, resp.StatusCode, b, r.status)
		}
	}
	if code, b, _ := submit(t, d.URL, map[string]any{"provider_id": place, "type": "consultation", "name": "bot", "phone": freshPhone(),
		"message": "buy now", "consent": true, "website": "http://spam.example"}); code != 201 {
		t.Errorf("honeypot: %d %s", code, b)
	}
	if after := requestRows(t); after != before {
		t.Fatalf("%d rows stored by refused input and the honeypot", after-before)
	}

	// Valid text that looks like an attack is stored as received and returned as received.
	for _, s := range []string{`<img src=x onerror=alert(1)>`, `'; DROP TABLE requests; --`, `{{7*7}} ${7*7} %s %n`, `"><svg onload=alert(1)>`} {
		phone := freshPhone()
		body := consultation(place, phone)
		body["name"], body["message"], body["matter"] = s, s, s
		code, b, receipt := submit(t, d.URL, body)
		if code != 201 {
			t.Errorf("%q: %d %s", s, code, b)
			continue
		}
		resp, out := citizen(t, d.URL, receipt, "export", phone[7:])
		m := decodeJSONObject(t, out)
		p, _ := m["personal"].(map[string]any)
		if resp.StatusCode != 200 || p["name"] != s || p["message"] != s || p["matter_text"] != s {
			t.Errorf("%q came back as %v", s, p)
		}
	}
}

// Per-phone and per-address limits: a phone may send five requests a day (withdrawn ones count), an
// address twenty; beyond, 429 with Retry-After and nothing stored.
func TestRequestLimitsPerPhoneAndAddress(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "law_firm")
	phone := freshPhone()
	for i := range 5 {
		code, b, receipt := submit(t, d.URL, consultation(place, phone))
		if code != 201 {
			t.Fatalf("request %d of one phone: %d %s", i+1, code, b)
		}
		if resp, body := citizen(t, d.URL, receipt, "withdraw", phone[7:]); resp.StatusCode != 200 {
			t.Fatalf("withdraw: %d %s", resp.StatusCode, body)
		}
	}
	before := requestRows(t)
	resp, b := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: d.URL + "/api/v1/requests", Body: apitest.JSONBody(consultation(place, phone))})
	if resp.StatusCode != 429 || resp.Header.Get("Retry-After") == "" || !strings.Contains(string(b), `"field":"phone"`) {
		t.Errorf("sixth request of one phone in a day: %d %s", resp.StatusCode, b)
	}
	for i := range 15 { // the address has sent 5; 15 more reach its 20
		if code, b, _ := submit(t, d.URL, consultation(place, freshPhone())); code != 201 {
			t.Fatalf("request %d from the address: %d %s", i+6, code, b)
		}
	}
	if code, b, _ := submit(t, d.URL, consultation(place, freshPhone())); code != 429 {
		t.Errorf("twenty-first request from one address: %d %s", code, b)
	}
	if after := requestRows(t); after != before+15 {
		t.Errorf("%d rows stored, want 15", after-before)
	}
}
