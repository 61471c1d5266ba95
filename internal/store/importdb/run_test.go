package importdb_test

import (
	"context"
	"testing"
	"time"

	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
)

// An import whose database crashes under it is still listed: its row was committed before its
// transaction began, says running after the restart, and is marked failed as soon as anyone looks for
// abandoned runs (the server at start, the next import). A run in progress is left alone.
func TestImportRunSurvivesDatabaseCrash(t *testing.T) {
	ctx := context.Background()
	cl := storetest.StartClusterWithExtensions(t)
	open := func() *store.PoolConfig {
		return &store.PoolConfig{URL: cl.URL, MaxConns: 4, ConnectTimeout: 2 * time.Second}
	}
	pool, err := store.OpenPool(ctx, *open())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Migrate(ctx, pool); err != nil {
		t.Fatal(err)
	}
	run := importdb.ImportRun{Importer: "law_firm", Source: "crash-test", Actor: "test", Mode: "upsert", CRS: "wgs84"}
	tx, err := importdb.BeginImport(ctx, pool, run)
	if err != nil {
		t.Fatal(err)
	}
	id := tx.RunID
	cl.Stop(t) // the database dies in the middle of the run
	tx.Rollback(ctx)
	pool.Close()
	cl.Start(t)

	pool, err = store.OpenPool(ctx, *open())
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	status := func(id int64) string {
		var s string
		if err := pool.QueryRow(ctx, "SELECT status FROM import_runs WHERE id = $1", id).Scan(&s); err != nil {
			t.Fatalf("run %d: %v", id, err)
		}
		return s
	}
	if s := status(id); s != "running" {
		t.Fatalf("after the crash the run says %q, want running until found abandoned", s)
	}

	live, err := importdb.BeginImport(ctx, pool, run) // sweeps the dead run on its way in
	if err != nil {
		t.Fatal(err)
	}
	if s := status(id); s != importdb.RunFailed {
		t.Fatalf("abandoned run: %q, want failed", s)
	}
	var reason string
	pool.QueryRow(ctx, "SELECT report->>'refusal' FROM import_runs WHERE id = $1", id).Scan(&reason) //nolint:errcheck
	if reason == "" {
		t.Error("the failed run's report does not say why")
	}
	if n, err := importdb.FailAbandonedRuns(ctx, pool); err != nil || n != 0 || status(live.RunID) != "running" {
		t.Fatalf("a live run was swept: %d %v %s", n, err, status(live.RunID))
	}
	// A run rolled back by a living process is failed at once; RecordRun then writes its outcome there.
	live.Rollback(ctx)
	if s := status(live.RunID); s != importdb.RunFailed {
		t.Fatalf("rolled-back run: %q, want failed", s)
	}
	run.ID = live.RunID
	if got, err := importdb.RecordRun(ctx, pool, run, importdb.RunDryRun, importdb.ImportCounts{Created: 2}, nil); err != nil || got != live.RunID || status(got) != importdb.RunDryRun {
		t.Fatalf("outcome recorded on %d (%v), want run %d as dry_run", got, err, live.RunID)
	}
	var n int
	pool.QueryRow(ctx, "SELECT count(*) FROM import_runs").Scan(&n) //nolint:errcheck
	if n != 2 {
		t.Fatalf("%d runs recorded, want 2 (one row per run)", n)
	}
}
