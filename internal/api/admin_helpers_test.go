package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"legalmap/internal/api"
	"legalmap/internal/auth"
	"legalmap/internal/config"
	"legalmap/internal/store/storetest"
)

// adminServer starts the real server on the package's database and keeps the *api.Server at hand, for
// tests that walk its route table.
func adminServer(t *testing.T, vars map[string]string) (*api.Server, *httptest.Server) {
	t.Helper()
	if vars == nil {
		vars = map[string]string{}
	}
	if _, ok := vars["RATE_LIMIT"]; !ok {
		vars["RATE_LIMIT"] = "0"
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: storetest.Pool(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return srv, ts
}

var accountSeq atomic.Int64

// user is an account made for a test, with a bearer token.
type user struct {
	name, password, token string
	role                  auth.Role
}

const testPassword = "correct horse battery"

// newUser makes an account of the role with a fresh name, and a token for it.
func newUser(t *testing.T, role auth.Role) user {
	t.Helper()
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	name := fmt.Sprintf("t%d-%s", accountSeq.Add(1), role)
	if _, err := svc.CreateAccount(ctx, name, testPassword, role); err != nil {
		t.Fatal(err)
	}
	tok, _, err := svc.CreateToken(ctx, name, "test")
	if err != nil {
		t.Fatal(err)
	}
	return user{name: name, password: testPassword, token: tok, role: role}
}

// request is one HTTP call of a test.
type request struct {
	method, url string
	body        []byte
	ctype       string
	header      map[string]string
	cookies     []*http.Cookie
}

func jsonBody(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// do sends r and returns the response with its body read.
func do(t *testing.T, r request) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(context.Background(), r.method, r.url, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.ctype != "" {
		req.Header.Set("Content-Type", r.ctype)
	} else if r.body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	for _, c := range r.cookies {
		req.AddCookie(c)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

// as sends r with u's bearer token.
func as(t *testing.T, u user, r request) (*http.Response, []byte) {
	t.Helper()
	if r.header == nil {
		r.header = map[string]string{}
	}
	r.header["Authorization"] = "Bearer " + u.token
	return do(t, r)
}

// decode reads a JSON body into v, failing the test with the body when it cannot.
func decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("body %q: %v", b, err)
	}
}

// errorCode is the code of DESIGN.md's error shape, "" when the body is not one.
func errorCode(b []byte) string {
	var e struct {
		Error struct{ Code string } `json:"error"`
	}
	json.Unmarshal(b, &e) //nolint:errcheck
	return e.Error.Code
}

// browser is a signed-in browser session: its cookie and CSRF token.
type browser struct {
	cookie *http.Cookie
	csrf   string
}

// signIn signs u in as a browser on our own page would.
func signIn(t *testing.T, base string, u user) browser {
	t.Helper()
	resp, body := do(t, request{method: http.MethodPost, url: base + "/api/v1/admin/session",
		body:   jsonBody(map[string]string{"username": u.name, "password": u.password}),
		header: map[string]string{"Origin": base, "Sec-Fetch-Site": "same-origin"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in of %s: %d %s", u.name, resp.StatusCode, body)
	}
	var out struct {
		CSRFToken string `json:"csrf_token"`
	}
	decode(t, body, &out)
	for _, c := range resp.Cookies() {
		if c.Name == auth.SessionCookie {
			return browser{cookie: c, csrf: out.CSRFToken}
		}
	}
	t.Fatalf("sign-in set no session cookie: %v", resp.Header)
	return browser{}
}

// in sends r from b's page: cookie, CSRF token and same-origin headers.
func (b browser) in(t *testing.T, base string, r request) (*http.Response, []byte) {
	t.Helper()
	if r.header == nil {
		r.header = map[string]string{}
	}
	r.header["X-CSRF-Token"] = b.csrf
	r.header["Origin"] = base
	r.header["Sec-Fetch-Site"] = "same-origin"
	r.cookies = append(r.cookies, b.cookie)
	return do(t, r)
}
