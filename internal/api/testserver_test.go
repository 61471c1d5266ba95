package api_test

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

// newServer starts the real server on the package's test database (or on pool when given), with the rate
// limit off unless the test sets it.
func newServer(t *testing.T, pool *pgxpool.Pool, vars map[string]string) *httptest.Server {
	t.Helper()
	return newServerAt(t, pool, vars, nil)
}

// newServerAt is newServer on a clock the test moves (nil: the real one).
func newServerAt(t *testing.T, pool *pgxpool.Pool, vars map[string]string, clock *testClock) *httptest.Server {
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
		deps.Now = clock.now
	}
	srv, err := api.New(deps)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, url string) (*http.Response, []byte) {
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

// testClock is a clock a test moves by hand: what waits for a time (a cache's second, a rate limit's
// refill) is tested by moving it, not by sleeping.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newTestClock() *testClock { return &testClock{t: time.Now()} }

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}
