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

// readyz follows the database: 503 while it is stopped, 200 again once it is back, without restarting the
// server; healthz stays 200 throughout.
func TestReadyzFollowsTheDatabase(t *testing.T) {
	ctx := context.Background()
	cl := storetest.StartClusterWithExtensions(t)
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: cl.URL, MaxConns: 4, ConnectTimeout: 500 * time.Millisecond, StatementTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	ts := apitest.NewServer(t, pool, nil)

	if resp, _ := apitest.Get(t, ts.URL+"/readyz"); resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz on an empty schema = %d, want 503", resp.StatusCode)
	}
	if _, err := store.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	if resp, _ := apitest.Get(t, ts.URL+"/readyz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz after migrate = %d, want 200", resp.StatusCode)
	}

	cl.Stop(t)
	resp, _ := apitest.Get(t, ts.URL+"/readyz")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("readyz with the database stopped = %d (Retry-After %q), want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := apitest.Get(t, ts.URL+"/healthz"); resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz with the database stopped = %d, want 200", resp.StatusCode)
	}

	cl.Start(t)
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, _ := apitest.Get(t, ts.URL+"/readyz")
		if resp.StatusCode == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz still %d 15 s after the database came back", resp.StatusCode)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
