package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
)

func TestSignInCookieAndSignOut(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	u := apitest.NewUser(t, auth.Editor)
	b := apitest.SignIn(t, ts.URL, u)
	c := b.Cookie
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/api/v1/admin" || c.Secure {
		t.Fatalf("cookie %+v: want HttpOnly, SameSite=Strict, admin path, not Secure over plain HTTP", c)
	}
	if b.CSRF == "" || strings.Contains(c.Value, b.CSRF) {
		t.Fatalf("csrf token %q", b.CSRF)
	}
	resp, body := b.In(t, ts.URL, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/session"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), u.Name) || !strings.Contains(string(body), b.CSRF) {
		t.Fatalf("session: %d %s", resp.StatusCode, body)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("admin answer Cache-Control %q, want no-store", cc)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("admin answer carries CORS headers")
	}
	if resp, _ := b.In(t, ts.URL, apitest.Request{Method: http.MethodDelete, URL: ts.URL + "/api/v1/admin/session"}); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("sign-out: %d", resp.StatusCode)
	}
	if resp, _ := b.In(t, ts.URL, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/session"}); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("session after sign-out: %d, want 401", resp.StatusCode)
	}
}

func TestSecureCookieBehindTLSOrConfigured(t *testing.T) {
	_, ts := apitest.AdminServer(t, map[string]string{"COOKIE_SECURE": "true"})
	if b := apitest.SignIn(t, ts.URL, apitest.NewUser(t, auth.Viewer)); !b.Cookie.Secure {
		t.Fatal("COOKIE_SECURE=true: cookie not Secure")
	}
	_, ts = apitest.AdminServer(t, nil)
	u := apitest.NewUser(t, auth.Viewer)
	resp, _ := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/session",
		Body:   apitest.JSONBody(map[string]string{"username": u.Name, "password": u.Password}),
		Header: map[string]string{"X-Forwarded-Proto": "https"}})
	for _, c := range resp.Cookies() {
		if c.Name == auth.SessionCookie && !c.Secure {
			t.Fatal("request over TLS (as the proxy says): cookie not Secure")
		}
	}
}

func TestSignInErrors(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	u := apitest.NewUser(t, auth.Viewer)
	post := func(body string, hdr map[string]string) (*http.Response, []byte) {
		return apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/session", Body: []byte(body), Header: hdr})
	}
	if resp, body := post(`{"username":"`+u.Name+`","password":"nope nope nope"}`, nil); resp.StatusCode != http.StatusUnauthorized || apitest.ErrorCode(body) != "bad_credentials" {
		t.Errorf("wrong password: %d %s", resp.StatusCode, body)
	}
	if resp, body := post(`{"username":"`+u.Name+`"}`, nil); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"password"`) {
		t.Errorf("no password: %d %s", resp.StatusCode, body)
	}
	if resp, _ := post(`{"username":"`+u.Name+`","password":"`+u.Password+`","admin":true}`, nil); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown field: %d", resp.StatusCode)
	}
	// Login CSRF: another site's page may not sign a visitor in to our site.
	if resp, body := post(`{"username":"`+u.Name+`","password":"`+u.Password+`"}`, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}); resp.StatusCode != http.StatusForbidden || apitest.ErrorCode(body) != "csrf" {
		t.Errorf("cross-site sign-in: %d %s", resp.StatusCode, body)
	}
}

func TestSignInThrottledWithRetryAfter(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	u := apitest.NewUser(t, auth.Viewer)
	var last *http.Response
	for range auth.DefaultSignInLimits.Pair.Failures + 1 {
		last, _ = apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/session",
			Body: apitest.JSONBody(map[string]string{"username": u.Name, "password": "wrong wrong wrong"})})
	}
	if last.StatusCode != http.StatusTooManyRequests || last.Header.Get("Retry-After") == "" {
		t.Fatalf("after %d failures: %d (Retry-After %q), want 429 with Retry-After", auth.DefaultSignInLimits.Pair.Failures+1, last.StatusCode, last.Header.Get("Retry-After"))
	}
	// The spoofed forwarding header does not make a fresh client out of the same address.
	resp, _ := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/session",
		Body:   apitest.JSONBody(map[string]string{"username": u.Name, "password": u.Password}),
		Header: map[string]string{"X-Forwarded-For": "203.0.113.9"}})
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("right password during the wait: %d, want 429", resp.StatusCode)
	}
}

// A cross-site HTML form posting to the admin API with the victim's cookie attached (as an old browser
// without SameSite would) is refused, whatever it posts.
func TestCrossSiteFormPostRefused(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	b := apitest.SignIn(t, ts.URL, apitest.NewUser(t, auth.Admin))
	form := url.Values{"username": {"mallory"}, "role": {"admin"}}.Encode()
	for _, hdr := range []map[string]string{
		{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
		{"Origin": "https://evil.example"},
		{"Sec-Fetch-Site": "same-site"},
		{}, // no origin information at all: the missing CSRF token still refuses it
	} {
		resp, body := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/accounts",
			Body: []byte(form), CType: "application/x-www-form-urlencoded", Header: hdr, Cookies: []*http.Cookie{b.Cookie}})
		if resp.StatusCode != http.StatusForbidden || apitest.ErrorCode(body) != "csrf" {
			t.Errorf("form post with %v: %d %s, want 403 csrf", hdr, resp.StatusCode, body)
		}
	}
	// Even with the right token, a request a browser marks as cross-site is refused.
	resp, _ := apitest.Do(t, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/accounts",
		Body:   apitest.JSONBody(map[string]string{"username": "mallory", "role": "admin"}),
		Header: map[string]string{"Origin": "https://evil.example", "X-CSRF-Token": b.CSRF}, Cookies: []*http.Cookie{b.Cookie}})
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin post with a stolen token: %d", resp.StatusCode)
	}
	// The same request from our own page works.
	resp, body := b.In(t, ts.URL, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/accounts",
		Body: apitest.JSONBody(map[string]string{"username": "csrf-ok-" + b.CSRF[:6], "role": "viewer"})})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("same-origin post with token: %d %s", resp.StatusCode, body)
	}
}

// Credentials come first: without them, a bad body, a wrong content type or a cross-site origin is still
// a 401, never a 400, 415 or 403.
func TestCredentialsCheckedFirst(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	for _, r := range []apitest.Request{
		{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/accounts", Body: []byte("{not json"), CType: "text/plain"},
		{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/tokens", Body: []byte(`{}`), Header: map[string]string{"Origin": "https://evil.example"}},
		{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes?limit=-5"},
		{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes", Header: map[string]string{"Authorization": "Bearer not-a-token"}},
		{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes", Header: map[string]string{"Authorization": "Basic YWRtaW46YWRtaW4="}},
		{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes", Cookies: []*http.Cookie{{Name: auth.SessionCookie, Value: strings.Repeat("A", 43)}}},
	} {
		resp, body := apitest.Do(t, r)
		if resp.StatusCode != http.StatusUnauthorized || apitest.ErrorCode(body) != "unauthorized" {
			t.Errorf("%s %s %v: %d %s, want 401", r.Method, r.URL, r.Header, resp.StatusCode, body)
		}
		if resp.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: 401 without WWW-Authenticate", r.Method, r.URL)
		}
	}
}

func TestAdminPageNeverFramed(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	resp, _ := apitest.Get(t, ts.URL+"/admin")
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Fatalf("/admin: CSP %q, X-Frame-Options %q", csp, resp.Header.Get("X-Frame-Options"))
	}
}
