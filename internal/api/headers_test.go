package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
)

func TestSecurityHeadersOnEveryRoute(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	for _, path := range []string{"/", "/embed", "/embed/builder", "/healthz", "/readyz", "/api/v1/config", "/nosuch", "/api/v1/nosuch"} {
		resp, _ := apitest.Get(t, ts.URL+path)
		h := resp.Header
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, h.Get("X-Content-Type-Options"))
		}
		if h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: no Referrer-Policy", path)
		}
		if x := h.Get("X-XSS-Protection"); x != "" && x != "0" {
			t.Errorf("%s: X-XSS-Protection %q", path, x)
		}
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"object-src 'none'", "base-uri 'none'", "script-src 'self'", "frame-ancestors"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows inline script: %q", path, csp)
		}
	}
}

func TestFraming(t *testing.T) {
	ts := apitest.NewServer(t, nil, map[string]string{"EMBED_ANCESTORS": "https://community.example.org"})
	want := map[string]string{
		"/":              "frame-ancestors 'self'",
		"/embed":         "frame-ancestors https://community.example.org",
		"/healthz":       "frame-ancestors 'none'",
		"/api/v1/config": "frame-ancestors 'none'",
	}
	for path, w := range want {
		resp, _ := apitest.Get(t, ts.URL+path)
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, w) {
			t.Errorf("%s: CSP %q, want %q", path, csp, w)
		}
	}
}

func TestPublicCORSWithoutCredentials(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	req, _ := http.NewRequest(http.MethodOptions, ts.URL+"/api/v1/config", nil)
	req.Header.Set("Origin", "https://elsewhere.example")
	req.Header.Set("Access-Control-Request-Method", "GET")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Fatalf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
}

func TestStaticTraversalIs404(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	for _, path := range []string{
		"/static/..%2f..%2fetc/passwd", "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
		"/static/", "/static/js", "/static/..%5c..%5cwindows", "/static/nosuch.js",
	} {
		resp, body := apitest.Get(t, ts.URL+path)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, resp.StatusCode)
		}
		var e struct {
			Error struct{ Code string } `json:"error"`
		}
		if json.Unmarshal(body, &e) != nil || e.Error.Code != "not_found" {
			t.Errorf("%s: body %q is not the JSON error shape", path, body)
		}
	}
}

func TestEmbeddedPagesServedWithETag(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	resp, body := apitest.Get(t, ts.URL+"/")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") || len(body) == 0 {
		t.Fatalf("/: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	etag := resp.Header.Get("ETag")
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	req.Header.Set("If-None-Match", etag)
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if etag == "" || r2.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation with ETag %q gave %d, want 304", etag, r2.StatusCode)
	}
}

func TestClientConfigOpensOnTheCityCentre(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	_, body := apitest.Get(t, ts.URL+"/api/v1/config")
	var cfg struct {
		Center [2]float64 `json:"center"`
	}
	if err := json.Unmarshal(body, &cfg); err != nil {
		t.Fatal(err)
	}
	// 深圳市's centre as seeded (Futian), not the middle of the widened region.
	if cfg.Center[0] < 22.50 || cfg.Center[0] > 22.58 || cfg.Center[1] < 114.0 || cfg.Center[1] > 114.1 {
		t.Fatalf("map opens on %v, want Shenzhen's centre near 22.54,114.06", cfg.Center)
	}
}
