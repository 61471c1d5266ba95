package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// Idle connections of the pool killed by the database (pg_terminate_backend: an administrator, a
// restart of a pooler, idle_session_timeout) cost the next requests nothing: each read finds a live
// connection, at once after the kill.
func TestPoolSurvivesKilledIdleConnections(t *testing.T) {
	ctx := context.Background()
	const app = "legalmap-idle-kill-test"
	pool, err := store.OpenPool(ctx, store.PoolConfig{URL: storetest.URL(), MaxConns: 4, ConnectTimeout: 5 * time.Second,
		AppName: app, Interactive: true})
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	admin := storetest.Pool(t)
	for round := range 3 {
		// Fill the pool: four connections in use at once, then idle.
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				pool.Exec(ctx, "SELECT pg_sleep(0.05)") //nolint:errcheck
			}()
		}
		wg.Wait()
		var killed int
		if err := admin.QueryRow(ctx, `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))
			FROM pg_stat_activity WHERE application_name = $1`, app).Scan(&killed); err != nil {
			t.Fatal(err)
		}
		if killed == 0 {
			t.Fatal("no idle connection of the pool to kill")
		}
		// pg_terminate_backend only signals: wait until the backends have exited (closed their sockets).
		for gone := false; !gone; {
			if err := admin.QueryRow(ctx, "SELECT count(*) = 0 FROM pg_stat_activity WHERE application_name = $1", app).Scan(&gone); err != nil {
				t.Fatal(err)
			}
		}
		for i := range 8 {
			var one int
			if err := pool.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
				t.Fatalf("round %d: read %d after %d idle connections were killed: %v", round, i, killed, err)
			}
		}
	}
}
