package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/storetest"
)

// badInput is a request that must be refused with 400 naming field.
type badInput struct {
	path, query, field string
}

var badInputs = []badInput{
	{"/providers/nearest", "lat=NaN&lng=114", "lat"},
	{"/providers/nearest", "lat=22.5&lng=Inf", "lng"},
	{"/providers/nearest", "lat=-Infinity&lng=114", "lat"},
	{"/providers/nearest", "lat=1e400&lng=114", "lat"},
	{"/providers/nearest", "lat=91&lng=114", "lat"},
	{"/providers/nearest", "lat=22.5&lng=181", "lng"},
	{"/providers/nearest", "lat=&lng=114", "lat"},
	{"/providers/nearest", "lat=22.5", "lng"},
	{"/providers/nearest", "", "lat"},
	{"/providers/nearest", "lat=22.5&lat=22.6&lng=114", "lat"},
	{"/providers/nearest", "lat=0x16&lng=114", "lat"},
	{"/providers/nearest", "lat=22.5%00&lng=114", "lat"},
	{"/providers/nearest", "lat=22.5&lng=114&limit=0", "limit"},
	{"/providers/nearest", "lat=22.5&lng=114&limit=-5", "limit"},
	{"/providers/nearest", "lat=22.5&lng=114&limit=1e3", "limit"},
	{"/providers/nearest", "lat=22.5&lng=114&limit=99999999999999999999999", "limit"},
	{"/providers/nearest", "lat=22.5&lng=114&limit=ten", "limit"},
	{"/providers/nearest", "lat=22.5&lng=114&radius=0", "radius"},
	{"/providers/nearest", "lat=22.5&lng=114&radius=-1", "radius"},
	{"/providers/nearest", "lat=22.5&lng=114&radius=NaN", "radius"},
	{"/providers/nearest", "lat=22.5&lng=114&radius=1e400", "radius"},
	{"/providers/nearest", "lat=22.5&lng=114&radius=100001", "radius"},
	{"/providers/nearest", "lat=22.5&lng=114&kind=nosuch", "kind"},
	{"/providers/nearest", "lat=22.5&lng=114&kind=law_firm,nosuch", "kind"},
	{"/providers/nearest", "lat=22.5&lng=114&kind='%20OR%201=1--", "kind"},
	{"/providers/nearest", "lat=22.5&lng=114&practice_area=divorce", "practice_area"},
	{"/providers/nearest", "lat=22.5&lng=114&language=klingon", "language"},
	{"/providers/nearest", "lat=22.5&lng=114&open_now=maybe", "open_now"},
	{"/providers/nearest", "lat=22.5&lng=114&free=yes%20please", "free"},
	{"/providers/nearest", "lat=22.5&lng=114&crs=epsg:3857", "crs"},
	{"/providers/search", "", "q"},
	{"/providers/search", "q=%20%20", "q"},
	{"/providers/search", "q=" + strings.Repeat("律", 201), "q"},
	{"/providers/search", "q=" + strings.Repeat("a", 10000), "q"},
	{"/providers/search", "q=abc%00def", "q"},
	{"/providers/search", "q=%ff%fe", "q"},
	{"/providers/search", "q=a&q=b", "q"},
	{"/providers/search", "q=law&offset=-1", "offset"},
	{"/providers/search", "q=law&offset=951", "offset"},
	{"/providers/search", "q=law&offset=1.5", "offset"},
	{"/providers/search", "q=law&lat=22.5", "lng"},
	{"/providers", "zoom=10", "bbox"},
	{"/providers", "bbox=1,2,3&zoom=10", "bbox"},
	{"/providers", "bbox=1,2,3,4,5&zoom=10", "bbox"},
	{"/providers", "bbox=114,22,113,23&zoom=10", "bbox"},
	{"/providers", "bbox=114,23,115,22&zoom=10", "bbox"},
	{"/providers", "bbox=NaN,22,114,23&zoom=10", "bbox"},
	{"/providers", "bbox=113,22,1e400,23&zoom=10", "bbox"},
	{"/providers", "bbox=113,-91,114,23&zoom=10", "bbox"},
	{"/providers", "bbox=113,22,114,23", "zoom"},
	{"/providers", "bbox=113,22,114,23&zoom=23", "zoom"},
	{"/providers", "bbox=113,22,114,23&zoom=-1", "zoom"},
	{"/providers", "bbox=113,22,114,23&zoom=Inf", "zoom"},
	{"/providers", "bbox=113,22,114,23&zoom=10&kind=nosuch", "kind"},
	{"/places", "", "q"},
	{"/places", "q=" + strings.Repeat("x", 300), "q"},
	{"/areas", "crs=mars2", "crs"},
}

// Bad parameters are 400 naming the field, with the JSON error shape; never a 500.
func TestBadInputsAre400(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	for _, b := range badInputs {
		resp, body := apitest.Get(t, ts.URL+"/api/v1"+b.path+"?"+b.query)
		var e struct {
			Error struct{ Code, Field, Message string } `json:"error"`
		}
		if resp.StatusCode != http.StatusBadRequest || json.Unmarshal(body, &e) != nil ||
			e.Error.Code != "invalid_parameter" || e.Error.Field != b.field {
			t.Errorf("%s?%.80s: %d %.200s, want 400 naming %s", b.path, b.query, resp.StatusCode, body, b.field)
		}
		if resp.Header.Get("ETag") != "" || resp.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s?%.80s: an error answer may be cached (%q, %q)", b.path, b.query, resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
		}
	}
}

// Hostile keywords are text like any other: a normal (possibly empty) answer, never an error.
func TestHostileKeywordsAnswerNormally(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	for _, q := range []string{
		"'; DROP TABLE providers; --", `" OR 1=1 --`, "%", "_", `\`, `\\'`, "%_%", "律师%", "a:*", "!!", "&|!()",
		"'pa:labour'", "k:law_firm", "<script>alert(1)</script>", "\u202eevil", "ＳＥＬＥＣＴ", "🙂", strings.Repeat("律", 200),
		"1e400", "NaN", "\t\n", "((((((((((", "a & b | c", "$1", "::tsquery",
	} {
		for _, path := range []string{"/providers/search", "/places"} {
			resp, body := apitest.Get(t, ts.URL+"/api/v1"+path+"?q="+url.QueryEscape(q))
			if resp.StatusCode != http.StatusOK && !(resp.StatusCode == http.StatusBadRequest && strings.TrimSpace(q) == "") {
				t.Errorf("%s q=%q: %d %.200s", path, q, resp.StatusCode, body)
			}
		}
	}
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), "SELECT count(*) FROM providers").Scan(&n); err != nil || n == 0 {
		t.Fatalf("providers table gone? %d %v", n, err)
	}
}
