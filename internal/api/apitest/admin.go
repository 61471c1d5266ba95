// Package apitest starts the real server for the API packages' tests, on their package's test database, and
// holds what those tests share: accounts and signed-in browsers for the admin API, a clock the test moves, and
// the checker of answers against the OpenAPI document.
package apitest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"legalmap/internal/api"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// AdminServer starts the real server on the package's database and keeps the *api.Server at hand, for
// tests that walk its route table.
func AdminServer(t *testing.T, vars map[string]string) (*api.Server, *httptest.Server) {
	t.Helper()
	return Start(t, nil, vars, nil)
}

// accountSeq numbers the accounts of a test binary.
var accountSeq atomic.Int64

// User is an account made for a test, with a bearer token.
type User struct {
	Name, Password, Token string
	Role                  auth.Role
}

// TestPassword is every test account's password.
const TestPassword = "correct horse battery"

// FreshName is prefix with a number no other account of the test binary has.
func FreshName(prefix string) string { return fmt.Sprintf("%s%d", prefix, accountSeq.Add(1)) }

// NewUser makes an account of the role with a fresh name (of the places, for staff), and a token for it.
func NewUser(t *testing.T, role auth.Role, places ...string) User {
	t.Helper()
	ctx := context.Background()
	svc := auth.NewService(storetest.Pool(t))
	name := FreshName("t") + "-" + string(role)
	if _, err := svc.CreateAccount(ctx, name, TestPassword, role, places...); err != nil {
		t.Fatal(err)
	}
	tok, _, err := svc.CreateToken(ctx, name, "test")
	if err != nil {
		t.Fatal(err)
	}
	return User{Name: name, Password: TestPassword, Token: tok, Role: role}
}

// AdminURL is the URL of an admin API path on the server at base.
func AdminURL(base, path string) string { return base + "/api/v1/admin" + path }

// Request is one HTTP call of a test.
type Request struct {
	Method, URL string
	Body        []byte
	CType       string
	Header      map[string]string
	Cookies     []*http.Cookie
}

// JSONBody is v as a JSON request body.
func JSONBody(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// Do sends r and returns the response with its body read.
func Do(t *testing.T, r Request) (*http.Response, []byte) {
	t.Helper()
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(context.Background(), r.Method, r.URL, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.CType != "" {
		req.Header.Set("Content-Type", r.CType)
	} else if r.Body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	for _, c := range r.Cookies {
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

// As sends r with u's bearer token.
func As(t *testing.T, u User, r Request) (*http.Response, []byte) {
	t.Helper()
	if r.Header == nil {
		r.Header = map[string]string{}
	}
	r.Header["Authorization"] = "Bearer " + u.Token
	return Do(t, r)
}

// Decode reads a JSON body into v, failing the test with the body when it cannot.
func Decode(t *testing.T, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("body %q: %v", b, err)
	}
}

// ErrorCode is the code of DESIGN.md's error shape, "" when the body is not one.
func ErrorCode(b []byte) string {
	var e struct {
		Error struct{ Code string } `json:"error"`
	}
	json.Unmarshal(b, &e) //nolint:errcheck
	return e.Error.Code
}

// Browser is a signed-in browser session: its cookie and CSRF token.
type Browser struct {
	Cookie *http.Cookie
	CSRF   string
}

// SignIn signs u in as a browser on our own page would.
func SignIn(t *testing.T, base string, u User) Browser {
	t.Helper()
	resp, body := Do(t, Request{Method: http.MethodPost, URL: base + "/api/v1/admin/session",
		Body:   JSONBody(map[string]string{"username": u.Name, "password": u.Password}),
		Header: map[string]string{"Origin": base, "Sec-Fetch-Site": "same-origin"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("sign-in of %s: %d %s", u.Name, resp.StatusCode, body)
	}
	var out struct {
		CSRFToken string `json:"csrf_token"`
	}
	Decode(t, body, &out)
	for _, c := range resp.Cookies() {
		if c.Name == auth.SessionCookie {
			return Browser{Cookie: c, CSRF: out.CSRFToken}
		}
	}
	t.Fatalf("sign-in set no session cookie: %v", resp.Header)
	return Browser{}
}

// In sends r from b's page: cookie, CSRF token and same-origin headers.
func (b Browser) In(t *testing.T, base string, r Request) (*http.Response, []byte) {
	t.Helper()
	if r.Header == nil {
		r.Header = map[string]string{}
	}
	r.Header["X-CSRF-Token"] = b.CSRF
	r.Header["Origin"] = base
	r.Header["Sec-Fetch-Site"] = "same-origin"
	r.Cookies = append(r.Cookies, b.Cookie)
	return Do(t, r)
}
