package store_test

import (
	"context"
	"testing"
	"time"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// The server's pools carry the settings their statements are measured with: no parallel workers, no
// synchronized scans and no compiled statements on the interactive pool, and the server's own choice of
// plans.
func TestPoolSettings(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		pc                          store.PoolConfig
		workers, synced, plans, jit string
	}{
		{store.PoolConfig{Interactive: true}, "0", "off", "auto", "off"},
	} {
		c.pc.URL, c.pc.MaxConns, c.pc.ConnectTimeout = storetest.URL(), 1, 5*time.Second
		db, err := store.OpenPool(ctx, c.pc)
		if err != nil {
			t.Fatal(err)
		}
		var workers, synced, plans, jit string
		err = db.QueryRow(ctx, `SELECT current_setting('max_parallel_workers_per_gather'),
			current_setting('synchronize_seqscans'), current_setting('plan_cache_mode'), current_setting('jit')`).Scan(&workers, &synced, &plans, &jit)
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if workers != c.workers || synced != c.synced || plans != c.plans || jit != c.jit {
			t.Errorf("%+v: workers %s, synchronized scans %s, plans %s, jit %s; want %s, %s, %s, %s",
				c.pc, workers, synced, plans, jit, c.workers, c.synced, c.plans, c.jit)
		}
	}
}
