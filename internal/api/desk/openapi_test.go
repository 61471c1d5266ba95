package desk_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"legalmap/internal/api/apitest"
)

// The request endpoints answer as the OpenAPI document says, successes and errors.
func TestRequestAnswersMatchOpenAPI(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 08:00"))
	notary, aid := newPlace(t, d.URL, "notary"), newPlace(t, d.URL, "legal_aid")
	_, body := apitest.Get(t, d.URL+"/api/openapi.json")
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	sc := apitest.SchemaChecker{Doc: doc}
	phone := freshPhone()
	_, _, code := submit(t, d.URL, consultation(aid, phone))
	calls := []struct {
		template string
		req      apitest.Request
	}{
		{"/api/v1/providers/{id}/request-types", apitest.Request{Method: http.MethodGet, URL: "/api/v1/providers/" + notary + "/request-types"}},
		{"/api/v1/providers/{id}/request-types", apitest.Request{Method: http.MethodGet, URL: "/api/v1/providers/nope/request-types"}},
		{"/api/v1/providers/{id}/slots", apitest.Request{Method: http.MethodGet, URL: "/api/v1/providers/" + notary + "/slots?days=3"}},
		{"/api/v1/providers/{id}/slots", apitest.Request{Method: http.MethodGet, URL: "/api/v1/providers/" + aid + "/slots"}},
		{"/api/v1/providers/{id}/slots", apitest.Request{Method: http.MethodGet, URL: "/api/v1/providers/" + notary + "/slots?days=x"}},
		{"/api/v1/requests", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests", Body: apitest.JSONBody(consultation(aid, freshPhone()))}},
		{"/api/v1/requests", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests", Body: apitest.JSONBody(map[string]any{"type": "x"})}},
		{"/api/v1/requests/{code}/status", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/" + code + "/status", Body: apitest.JSONBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/status", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/" + code + "/status", Body: apitest.JSONBody(map[string]string{"phone_last4": "x"})}},
		{"/api/v1/requests/{code}/export", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/" + code + "/export", Body: apitest.JSONBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/withdraw", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/" + code + "/withdraw", Body: apitest.JSONBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/withdraw", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/" + code + "/withdraw", Body: apitest.JSONBody(map[string]string{"phone_last4": phone[7:]})}},
		{"/api/v1/requests/{code}/status", apitest.Request{Method: http.MethodPost, URL: "/api/v1/requests/QQQQ-QQQQ-QQQQ/status", Body: apitest.JSONBody(map[string]string{"phone_last4": "1234"})}},
	}
	statuses := map[int]bool{}
	for _, c := range calls {
		c.req.URL = d.URL + c.req.URL
		resp, body := apitest.Do(t, c.req)
		statuses[resp.StatusCode] = true
		schema, err := sc.ResponseSchema(c.template, strconv.Itoa(resp.StatusCode))
		if err != nil {
			t.Errorf("%s %s: %v", c.req.Method, c.req.URL, err)
			continue
		}
		v, err := apitest.JSONValue(body)
		if err != nil {
			t.Errorf("%s: %v", c.req.URL, err)
			continue
		}
		for _, e := range sc.Check("body", v, schema) {
			t.Errorf("%s (%d): %s", c.req.URL, resp.StatusCode, e)
		}
	}
	for _, s := range []int{200, 201, 400, 404, 409} {
		if !statuses[s] {
			t.Errorf("no answer with status %d was checked", s)
		}
	}
}
