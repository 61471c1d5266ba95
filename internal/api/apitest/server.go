package apitest

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/store/storetest"
)

// NewServer starts the real server on the package's test database (or on pool when given), with the rate
// limit off unless the test sets it.
func NewServer(t *testing.T, pool *pgxpool.Pool, vars map[string]string) *httptest.Server {
	t.Helper()
	return NewServerAt(t, pool, vars, nil)
}

// NewServerAt is NewServer on a clock the test moves (nil: the real one).
func NewServerAt(t *testing.T, pool *pgxpool.Pool, vars map[string]string, clock *Clock) *httptest.Server {
	t.Helper()
	_, ts := Start(t, pool, vars, clock)
	return ts
}

// Start builds the server of NewServerAt and serves it until the test ends, then waits for the e-mail
// notices it sent; it returns the *api.Server too, for tests that walk its routes or run its purge.
func Start(t testing.TB, pool *pgxpool.Pool, vars map[string]string, clock *Clock) (*api.Server, *httptest.Server) {
	t.Helper()
	if pool == nil {
		pool = storetest.Pool(t)
	}
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
	deps := api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: pool}
	if clock != nil {
		deps.Now = clock.Now
	}
	srv, err := api.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() { ts.Close(); srv.WaitNotices() })
	return srv, ts
}

// Get sends a GET to url and returns the response with its body read.
func Get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, body
}

// Clock is a clock a test moves by hand: what waits for a time (a cache's second, a rate limit's
// refill) is tested by moving it, not by sleeping.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock is a clock standing at the real time now.
func NewClock() *Clock { return NewClockAt(time.Now()) }

// NewClockAt is a clock standing at t.
func NewClockAt(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Set puts the clock at t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
