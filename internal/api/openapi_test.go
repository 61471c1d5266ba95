package api_test

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
)

// The OpenAPI document describes what the server really answers: real answers of every public endpoint
// (successes and errors) are checked against it, and every documented path is exercised.
func TestResponsesMatchOpenAPI(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	resp, body := apitest.Get(t, ts.URL+"/api/openapi.json")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Fatalf("/api/openapi.json: %d, CORS %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	}
	var doc map[string]any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["openapi"] != "3.0.3" {
		t.Fatalf("openapi %v", doc["openapi"])
	}
	sc := apitest.SchemaChecker{Doc: doc}
	calls := []struct{ template, path string }{
		{"/api/v1/providers/nearest", "/api/v1/providers/nearest?lat=22.54&lng=114.05&limit=20"},
		{"/api/v1/providers/nearest", "/api/v1/providers/nearest?lat=22.54&lng=114.05&open_now=true&practice_area=labour"},
		{"/api/v1/providers/nearest", "/api/v1/providers/nearest?lat=22.54&lng=114.05&crs=gcj02&radius=5000"},
		{"/api/v1/providers/nearest", "/api/v1/providers/nearest?lat=NaN&lng=114.05"},
		{"/api/v1/providers/search", "/api/v1/providers/search?q=%E5%BC%A0%E4%BC%9F"},
		{"/api/v1/providers/search", "/api/v1/providers/search?q=legal+aid&lat=22.54&lng=114.05&limit=50"},
		{"/api/v1/providers/search", "/api/v1/providers/search?q=" + strings.Repeat("x", 201)},
		{"/api/v1/providers", "/api/v1/providers?bbox=114.05,22.53,114.07,22.55&zoom=16"},
		{"/api/v1/providers", "/api/v1/providers?bbox=113.7,22.35,114.67,22.91&zoom=10"},
		{"/api/v1/providers", "/api/v1/providers?bbox=113.7,22.35,114.67,22.91&zoom=17&language=en"},
		{"/api/v1/providers", "/api/v1/providers?bbox=1,2,3&zoom=10"},
		{"/api/v1/providers/{id}", "/api/v1/providers/00000000-0000-0000-0000-000000000000"},
		{"/api/v1/kinds", "/api/v1/kinds"},
		{"/api/v1/practice-areas", "/api/v1/practice-areas"},
		{"/api/v1/areas", "/api/v1/areas"},
		{"/api/v1/areas", "/api/v1/areas?crs=gcj02"},
		{"/api/v1/areas/outlines", "/api/v1/areas/outlines"},
		{"/api/v1/areas/outlines", "/api/v1/areas/outlines?level=street&crs=gcj02"},
		{"/api/v1/areas/outlines", "/api/v1/areas/outlines?level=city"},
		{"/api/v1/places", "/api/v1/places?q=futian"},
		{"/api/v1/places", "/api/v1/places?q=%E5%8D%8E%E5%95%86"},
		{"/api/v1/places", "/api/v1/places?q=%E6%AC%A0%E8%96%AA&lat=22.54&lng=114.05"},
		{"/api/v1/config", "/api/v1/config"},
		{"/healthz", "/healthz"},
		{"/readyz", "/readyz"},
		{"/api/openapi.json", "/api/openapi.json"},
	}
	for _, id := range ids {
		calls = append(calls, struct{ template, path string }{"/api/v1/providers/{id}", "/api/v1/providers/" + id})
	}
	seen := map[string]bool{}
	for _, c := range calls {
		resp, body := apitest.Get(t, ts.URL+c.path)
		seen[c.template] = true
		schema, err := sc.ResponseSchema(c.template, strconv.Itoa(resp.StatusCode))
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		v, err := apitest.JSONValue(body)
		if err != nil {
			t.Errorf("%s: %v", c.path, err)
			continue
		}
		for _, e := range sc.Check("body", v, schema) {
			t.Errorf("%s (%d): %s", c.path, resp.StatusCode, e)
		}
	}
	for template := range doc["paths"].(map[string]any) {
		if !seen[template] && !apitest.CheckedByDesk[template] {
			t.Errorf("%s is documented but not checked", template)
		}
	}
}
