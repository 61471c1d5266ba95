package api_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
)

// checkedElsewhere are documented paths whose answers TestRequestAnswersMatchOpenAPI checks (they need a
// request key, a place that takes requests, and POST bodies).
var checkedElsewhere = map[string]bool{
	"/api/v1/providers/{id}/request-types": true, "/api/v1/providers/{id}/slots": true, "/api/v1/requests": true,
	"/api/v1/requests/{code}/status": true, "/api/v1/requests/{code}/withdraw": true, "/api/v1/requests/{code}/export": true,
}

// The request endpoints answer as the OpenAPI document says, successes and errors.
func TestRequestAnswersMatchOpenAPI(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 08:00"))
	notary, aid := newPlace(t, d.url, "notary"), newPlace(t, d.url, "legal_aid")
	_, body := get(t, d.url+"/api/openapi.json")
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	sc := schemaChecker{doc: doc}
	phone := freshPhone()
	_, _, code := submit(t, d.url, consultation(aid, phone))
	calls := []struct {
		template string
		req      request
	}{
		{"/api/v1/providers/{id}/request-types", request{method: http.MethodGet, url: "/api/v1/providers/" + notary + "/request-types"}},
		{"/api/v1/providers/{id}/request-types", request{method: http.MethodGet, url: "/api/v1/providers/nope/request-types"}},
		{"/api/v1/providers/{id}/slots", request{method: http.MethodGet, url: "/api/v1/providers/" + notary + "/slots?days=3"}},
		{"/api/v1/providers/{id}/slots", request{method: http.MethodGet, url: "/api/v1/providers/" + aid + "/slots"}},
		{"/api/v1/providers/{id}/slots", request{method: http.MethodGet, url: "/api/v1/providers/" + notary + "/slots?days=x"}},
		{"/api/v1/requests", request{method: http.MethodPost, url: "/api/v1/requests", body: jsonBody(consultation(aid, freshPhone()))}},
		{"/api/v1/requests", request{method: http.MethodPost, url: "/api/v1/requests", body: jsonBody(map[string]any{"type": "x"})}},
		{"/api/v1/requests/{code}/status", request{method: http.MethodPost, url: "/api/v1/requests/" + code + "/status", body: jsonBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/status", request{method: http.MethodPost, url: "/api/v1/requests/" + code + "/status", body: jsonBody(map[string]string{"phone_last4": "x"})}},
		{"/api/v1/requests/{code}/export", request{method: http.MethodPost, url: "/api/v1/requests/" + code + "/export", body: jsonBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/withdraw", request{method: http.MethodPost, url: "/api/v1/requests/" + code + "/withdraw", body: jsonBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/withdraw", request{method: http.MethodPost, url: "/api/v1/requests/" + code + "/withdraw", body: jsonBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/status", request{method: http.MethodPost, url: "/api/v1/requests/QQQQ-QQQQ-QQQQ/status", body: jsonBody(map[string]string{"phone_last4": "1234"})}},
	}
	statuses := map[int]bool{}
	for _, c := range calls {
		c.req.url = d.url + c.req.url
		resp, body := do(t, c.req)
		statuses[resp.StatusCode] = true
		schema, err := sc.responseSchema(c.template, strconv.Itoa(resp.StatusCode))
		if err != nil {
			t.Errorf("%s %s: %v", c.req.method, c.req.url, err)
			continue
		}
		v, err := decodeJSON(body)
		if err != nil {
			t.Errorf("%s: %v", c.req.url, err)
			continue
		}
		for _, e := range sc.check("body", v, schema) {
			t.Errorf("%s (%d): %s", c.req.url, resp.StatusCode, e)
		}
	}
	for _, s := range []int{200, 201, 400, 404, 409} {
		if !statuses[s] {
			t.Errorf("no answer with status %d was checked", s)
		}
	}
}
