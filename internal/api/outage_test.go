package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// With the database stopped, the public endpoints answer 503 with Retry-After at once (not 500, not a
// hang), bad parameters are still 400 (they are checked before any query), and everything answers again
// on its own once the database is back.
func TestPublicAPIThroughADatabaseOutage(t *testing.T) {
	ctx := context.Background()
	cl := storetest.StartClusterWithExtensions(t)
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: cl.URL, MaxConns: 4, ConnectTimeout: 500 * time.Millisecond, StatementTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := store.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('legal_aid', '测试援助站', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'qa', '1')`); err != nil {
		t.Fatal(err)
	}
	clock := apitest.NewClock()
	ts := apitest.NewServerAt(t, pool, nil, clock)
	good := []string{
		"/api/v1/providers/nearest?lat=22.54&lng=114.05",
		"/api/v1/providers/search?q=%E6%B3%95%E5%BE%8B%E6%8F%B4%E5%8A%A9",
		"/api/v1/providers?bbox=114,22.5,114.1,22.6&zoom=14",
		"/api/v1/kinds",
	}
	for _, p := range good {
		if resp, body := apitest.Get(t, ts.URL+p); resp.StatusCode != http.StatusOK {
			t.Fatalf("%s before the outage: %d %s", p, resp.StatusCode, body)
		}
	}

	cl.Stop(t)
	// 503 once a second has passed (RELIABILITY.md): until then an answer may come from what was read a
	// moment ago (the directory version, held for a second). A vocabulary may come from memory for longer.
	clock.Advance(1100 * time.Millisecond)
	for _, p := range good {
		resp, body := apitest.Get(t, ts.URL+p)
		cached := p == "/api/v1/kinds" && resp.StatusCode == http.StatusOK
		if !cached && (resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "") {
			t.Errorf("%s with the database stopped: %d (Retry-After %q) %.200s", p, resp.StatusCode, resp.Header.Get("Retry-After"), body)
		}
	}
	if resp, _ := apitest.Get(t, ts.URL+"/api/v1/providers/nearest?lat=NaN&lng=114"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("a bad parameter during the outage: %d, want 400 (checked before any query)", resp.StatusCode)
	}

	cl.Start(t)
	back := time.Now()
	deadline := back.Add(15 * time.Second)
	for _, p := range good {
		for {
			resp, _ := apitest.Get(t, ts.URL+p)
			if resp.StatusCode == http.StatusOK {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s still %d 15 s after the database came back", p, resp.StatusCode)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	t.Logf("database back: every endpoint answered 200 again %s after the server accepted connections", time.Since(back).Round(time.Millisecond))
}
