package api_test

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/store/storetest"
)

// syncBuffer is a log sink the server's goroutines write while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// handlerWithLog builds the real server on the package's database with its log going to logw.
func handlerWithLog(t *testing.T, vars map[string]string, logw io.Writer) http.Handler {
	t.Helper()
	if vars == nil {
		vars = map[string]string{}
	}
	vars["RATE_LIMIT"] = "0"
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(logw, nil)), DB: storetest.Pool(t)})
	if err != nil {
		t.Fatal(err)
	}
	return srv.Handler()
}

func send(t *testing.T, c *http.Client, method, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// An error answer is logged with the status and size that were sent, and a secret in the query string
// is not logged.
func TestAccessLogHasTheErrorSent(t *testing.T) {
	var logs syncBuffer
	ts := httptest.NewServer(handlerWithLog(t, nil, &logs))
	defer ts.Close()
	resp, body := send(t, ts.Client(), http.MethodGet, ts.URL+"/api/v1/providers/nearest?lat=999&lng=114&token=s3cr3t-t0ken&access_token=zzz9", nil)
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d, want 400", resp.StatusCode)
	}
	id := resp.Header.Get("X-Request-Id")
	var line string
	for _, l := range strings.Split(logs.String(), "\n") {
		if strings.Contains(l, "msg=request") && strings.Contains(l, id) {
			line = l
		}
	}
	t.Logf("log line of a 400: %s", line)
	if !strings.Contains(line, "status=400") || !strings.Contains(line, "bytes="+strconv.Itoa(len(body))+" ") && !strings.HasSuffix(line, "bytes="+strconv.Itoa(len(body))) {
		t.Errorf("log line %q, want status=400 bytes=%d", line, len(body))
	}
	if strings.Contains(logs.String(), "s3cr3t-t0ken") || strings.Contains(logs.String(), "zzz9") {
		t.Errorf("a token from the query string reached the log: %s", line)
	}
	if !strings.Contains(line, "lat=999") {
		t.Errorf("the harmless parameters are gone from the log: %s", line)
	}
}

// A client that stops sending its body gets a 400 of its own, not a 503 "database unavailable".
func TestBrokenBodyIsTheClients(t *testing.T) {
	ts := httptest.NewServer(handlerWithLog(t, nil, io.Discard))
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	partial := `{"username":"ann","pass`
	io.WriteString(conn, "POST /api/v1/admin/session HTTP/1.1\r\nHost: "+ts.Listener.Addr().String()+ //nolint:errcheck
		"\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n"+partial)
	conn.(*net.TCPConn).CloseWrite() //nolint:errcheck
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusBadRequest || strings.Contains(string(body), "unavailable") {
		t.Fatalf("body cut short: %d %s, want 400", resp.StatusCode, body)
	}
}

func TestHSTS(t *testing.T) {
	plain := httptest.NewServer(handlerWithLog(t, nil, io.Discard))
	defer plain.Close()
	if resp, _ := send(t, plain.Client(), http.MethodGet, plain.URL+"/", nil); resp.Header.Get("Strict-Transport-Security") != "" {
		t.Error("HSTS over plain HTTP with COOKIE_SECURE=auto")
	}
	tlsSrv := httptest.NewTLSServer(handlerWithLog(t, nil, io.Discard))
	defer tlsSrv.Close()
	tlsSrv.Client().Transport.(*http.Transport).TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec
	for _, p := range []string{"/", "/api/v1/config", "/admin"} {
		if resp, _ := send(t, tlsSrv.Client(), http.MethodGet, tlsSrv.URL+p, nil); !strings.Contains(resp.Header.Get("Strict-Transport-Security"), "max-age=") {
			t.Errorf("%s over TLS: no HSTS", p)
		}
	}
	behind := httptest.NewServer(handlerWithLog(t, map[string]string{"COOKIE_SECURE": "true"}, io.Discard))
	defer behind.Close()
	if resp, _ := send(t, behind.Client(), http.MethodGet, behind.URL+"/", nil); resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS with COOKIE_SECURE=true")
	}
}

func TestFramingOfPagesAndWidget(t *testing.T) {
	ts := httptest.NewServer(handlerWithLog(t, nil, io.Discard))
	defer ts.Close()
	for _, p := range []string{"/static/admin.html", "/static/index.html", "/admin"} {
		resp, _ := send(t, ts.Client(), http.MethodGet, ts.URL+p, nil)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("X-Frame-Options") != "DENY" && resp.Header.Get("X-Frame-Options") != "SAMEORIGIN" ||
			strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors *") {
			t.Errorf("%s: %d X-Frame-Options %q CSP %q: frameable by any site", p, resp.StatusCode, resp.Header.Get("X-Frame-Options"), resp.Header.Get("Content-Security-Policy"))
		}
	}
	resp, _ := send(t, ts.Client(), http.MethodGet, ts.URL+"/embed", nil)
	if resp.Header.Get("X-Frame-Options") != "" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors *") {
		t.Errorf("/embed: X-Frame-Options %q CSP %q, want none beside frame-ancestors *", resp.Header.Get("X-Frame-Options"), resp.Header.Get("Content-Security-Policy"))
	}
}

func TestMethodsAndPreflights(t *testing.T) {
	ts := httptest.NewServer(handlerWithLog(t, nil, io.Discard))
	defer ts.Close()
	c := ts.Client()
	// Admin routes are never granted the public CORS preflight.
	for _, p := range []string{"/api/v1/admin/session", "/api/v1/admin/providers", "/api/v1/admin"} {
		resp, _ := send(t, c, http.MethodOptions, ts.URL+p, map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
		if resp.Header.Get("Access-Control-Allow-Origin") != "" || resp.Header.Get("Access-Control-Allow-Methods") != "" {
			t.Errorf("OPTIONS %s: %d with CORS grant %v", p, resp.StatusCode, resp.Header)
		}
	}
	// The public API's preflight still works.
	if resp, _ := send(t, c, http.MethodOptions, ts.URL+"/api/v1/kinds", map[string]string{"Origin": "https://x.example", "Access-Control-Request-Method": "GET"}); resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("public preflight: %d %v", resp.StatusCode, resp.Header)
	}
	// HEAD answers like GET, without a body.
	for _, p := range []string{"/api/v1/config", "/api/v1/kinds", "/api/openapi.json", "/", "/healthz"} {
		get, _ := send(t, c, http.MethodGet, ts.URL+p, nil)
		head, body := send(t, c, http.MethodHead, ts.URL+p, nil)
		if head.StatusCode != get.StatusCode || head.StatusCode != http.StatusOK || len(body) != 0 || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
			t.Errorf("HEAD %s: %d %q (%d body bytes), GET: %d %q", p, head.StatusCode, head.Header.Get("Content-Type"), len(body), get.StatusCode, get.Header.Get("Content-Type"))
		}
	}
	if head, _ := send(t, c, http.MethodHead, ts.URL+"/api/v1/admin/session", nil); head.StatusCode != http.StatusUnauthorized {
		t.Errorf("HEAD on an admin GET route without credentials: %d, want 401", head.StatusCode)
	}
	// A method a route does not take is 405, not 404; an unknown path stays 404.
	for _, p := range []string{"/api/v1/kinds", "/api/v1/config", "/api/v1/providers", "/"} {
		if resp, _ := send(t, c, http.MethodPost, ts.URL+p, nil); resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST %s: %d, want 405", p, resp.StatusCode)
		}
	}
	resp, body := send(t, c, http.MethodGet, ts.URL+"/api/v1/nosuch", nil)
	if resp.StatusCode != http.StatusNotFound || !regexp.MustCompile(`"code":"not_found"`).Match(body) || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("unknown public path: %d %s %v", resp.StatusCode, body, resp.Header)
	}
}
