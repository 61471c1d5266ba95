package api_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
)

// fetch asks for path, accepting gzip or not, and returns the answer with its body as sent.
func fetch(t *testing.T, url string, gz bool, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if gz {
		req.Header.Set("Accept-Encoding", "gzip")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// Pages, scripts and public JSON go gzipped to clients that accept it, and unpack to exactly what a client
// without gzip gets.
func TestPublicAnswersAreCompressed(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	for _, path := range []string{"/", "/static/js/app.js", "/static/vendor/leaflet/leaflet.js", "/api/v1/practice-areas", "/api/v1/kinds",
		"/api/v1/providers/nearest?lat=22.54&lng=114.05&limit=20", "/api/v1/providers?bbox=113.7,22.4,114.7,22.9&zoom=11"} {
		resp, packed := fetch(t, ts.URL+path, true)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: status %d, Content-Encoding %q; want gzip", path, resp.StatusCode, resp.Header.Get("Content-Encoding"))
			continue
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary %q does not name Accept-Encoding", path, resp.Header.Get("Vary"))
		}
		zr, err := gzip.NewReader(bytes.NewReader(packed))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		unpacked, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		_, plain := fetch(t, ts.URL+path, false)
		if !bytes.Equal(unpacked, plain) || len(packed) >= len(plain) {
			t.Errorf("%s: %d bytes gzipped unpack to %d bytes, the plain answer has %d (equal: %v)",
				path, len(packed), len(unpacked), len(plain), bytes.Equal(unpacked, plain))
		}
	}
}

// Short answers, errors, answers without a body and the admin's answers (BREACH) go as they are.
func TestShortAndAdminAnswersAreNotCompressed(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	for _, c := range []struct {
		path   string
		status int
		header []string
	}{
		{"/api/v1/providers/nearest?lat=91&lng=114", http.StatusBadRequest, nil},
		{"/healthz", http.StatusOK, nil},
		{"/api/v1/admin/session", http.StatusUnauthorized, nil},
	} {
		resp, body := fetch(t, ts.URL+c.path, true, c.header...)
		if resp.StatusCode != c.status || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: status %d, Content-Encoding %q; want %d, none", c.path, resp.StatusCode, resp.Header.Get("Content-Encoding"), c.status)
		}
		if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) {
			t.Errorf("%s: body %.80q is not plain JSON", c.path, body)
		}
	}
	// A signed-in admin's answers, long ones too: the list of accounts, at 20 of them.
	root := apitest.NewUser(t, auth.Admin)
	for i := 0; i < 20; i++ {
		apitest.NewUser(t, auth.Viewer)
	}
	resp, body := fetch(t, ts.URL+"/api/v1/admin/accounts", true, "Authorization", "Bearer "+root.Token)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != "" || !bytes.HasPrefix(body, []byte("{")) || len(body) < 1024 {
		t.Errorf("admin accounts: status %d, Content-Encoding %q, %d bytes %.40q; want 200 and over 1 KB of plain JSON",
			resp.StatusCode, resp.Header.Get("Content-Encoding"), len(body), body)
	}
	resp, _ = fetch(t, ts.URL+"/api/v1/practice-areas", true)
	etag := resp.Header.Get("ETag")
	again, body := fetch(t, ts.URL+"/api/v1/practice-areas", true, "If-None-Match", etag)
	if etag == "" || again.StatusCode != http.StatusNotModified || len(body) != 0 || again.Header.Get("Content-Encoding") != "" {
		t.Errorf("revalidation: ETag %q, status %d, %d bytes, Content-Encoding %q; want 304 and nothing",
			etag, again.StatusCode, len(body), again.Header.Get("Content-Encoding"))
	}
}
