// Package importdb is the import transaction: a run is recorded (import_runs), its rows staged by COPY,
// fingerprinted against what the source gave last time, applied to providers and practitioners with their
// audit rows and search documents, and a snapshot's missing rows withdrawn, all in one transaction. An
// areas file loads here too (LoadAreas): its own transaction, rows rejected the same way.
package importdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// ImportTx is one import run's transaction: staging, applying and the recording of its outcome all happen
// in it, so the directory moves from the old state to the new one or not at all (a killed process or
// database leaves the old state: PostgreSQL rolls back a transaction whose connection is gone). The run's
// import_runs row is written before, in its own short transaction, so a run that dies is still listed:
// as running until FailAbandonedRuns (or Rollback) marks it failed.
type ImportTx struct {
	conn    *pgxpool.Conn // the run's connection: it holds the run's lock (runLockClass, id) for the run
	tx      pgx.Tx
	RunID   int64
	Run     ImportRun
	done    bool
	unborn  bool // BeginImport failed: the row goes (the caller records the failure), not marked failed
	bulkGIN bool // search-index entries go to the GIN pending lists, merged in bulk at Commit
}

// importSettings tune the session for one large set-based write, for this transaction only (SET LOCAL).
// work_mem lets the joins and sorts of the apply (and the GIN merge) stay in memory.
var importSettings = []string{
	"SET LOCAL work_mem = '256MB'",
	"SET LOCAL maintenance_work_mem = '256MB'",
	"SET LOCAL statement_timeout = 0",
	"SET LOCAL idle_in_transaction_session_timeout = 0",
}

// BeginImport starts a run: it marks the runs of dead processes failed, records this one (status running,
// committed at once), opens the run's transaction, and waits for any other import to finish.
func BeginImport(ctx context.Context, pool *pgxpool.Pool, run ImportRun) (*ImportTx, error) {
	if _, err := FailAbandonedRuns(ctx, pool); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, store.Classify(err)
	}
	t := &ImportTx{conn: conn, Run: run}
	if t.RunID, err = startRun(ctx, conn, run); err != nil {
		t.release(ctx)
		return nil, fmt.Errorf("begin import: %w", store.Classify(err))
	}
	if t.tx, err = conn.BeginTx(ctx, pgx.TxOptions{}); err != nil {
		t.abandon(ctx)
		return nil, store.Classify(err)
	}
	for _, s := range importSettings {
		if _, err := t.tx.Exec(ctx, s); err != nil {
			t.abandon(ctx)
			return nil, fmt.Errorf("begin import: %w", err)
		}
	}
	if _, err := t.tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", importLock); err != nil {
		t.abandon(ctx)
		return nil, fmt.Errorf("begin import: lock: %w", store.Classify(err))
	}
	if err := t.deferGIN(ctx); err != nil {
		t.abandon(ctx)
		return nil, fmt.Errorf("begin import: %w", store.Classify(err))
	}
	return t, nil
}

// Commit records the run as applied with its counts and report, and commits everything.
func (t *ImportTx) Commit(ctx context.Context, c ImportCounts, report []byte) error {
	if t.done {
		return errors.New("import transaction already finished")
	}
	if err := t.mergeGIN(ctx); err != nil {
		t.Rollback(ctx)
		return err
	}
	if err := finishRun(ctx, t.tx, t.RunID, RunApplied, c, report); err != nil {
		t.Rollback(ctx)
		return store.Classify(err)
	}
	t.done = true
	err := store.Classify(t.tx.Commit(ctx))
	t.release(ctx)
	return err
}

// Rollback abandons the run's work and marks its row failed unless an outcome was recorded (RecordRun
// with the run's ID writes the outcome after this); it is safe to call after Commit.
func (t *ImportTx) Rollback(ctx context.Context) {
	if t.done {
		return
	}
	t.done = true
	ctx = context.WithoutCancel(ctx)
	if t.tx != nil {
		_ = t.tx.Rollback(ctx)
	}
	if t.RunID != 0 {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		sql := `UPDATE import_runs SET status = 'failed', finished_at = clock_timestamp() WHERE id = $1 AND status = 'running'`
		if t.unborn {
			sql = `DELETE FROM import_runs WHERE id = $1 AND status = 'running'`
		}
		_, _ = t.conn.Exec(ctx, sql, t.RunID)
	}
	t.release(ctx)
}

// abandon undoes a run that could not begin.
func (t *ImportTx) abandon(ctx context.Context) {
	t.unborn = true
	t.Rollback(ctx)
}

// release gives the run's lock and connection back. A connection whose unlock fails is closed rather
// than returned with the lock still held.
func (t *ImportTx) release(ctx context.Context) {
	if t.conn == nil {
		return
	}
	if t.RunID != 0 {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if _, err := t.conn.Exec(ctx, "SELECT pg_advisory_unlock($1, $2)", runLockClass, runLockKey(t.RunID)); err != nil {
			t.conn.Conn().Close(ctx) //nolint:errcheck
		}
	}
	t.conn.Release()
	t.conn = nil
}

// exec runs one statement of the apply and names it in the error.
func (t *ImportTx) exec(ctx context.Context, what, sql string, args ...any) (int64, error) {
	tag, err := t.tx.Exec(ctx, sql, args...)
	if err != nil {
		return 0, fmt.Errorf("import %s: %w", what, store.Classify(err))
	}
	return tag.RowsAffected(), nil
}

// The search documents of a large import are much of its cost in the database: one GIN entry per lexeme.
// Merged from the pending list in batches (and the rest in one bulk pass at the end, which the owner of the
// tables may do: gin_clean_pending_list) they cost less than with the default merge every 4 MB. The batch
// is 16 MB: large enough to merge many entries at once, small enough that sorting a batch's entries stays
// in the processor's caches; a short pending list is also what searches running meanwhile must scan. The final merge happens inside the transaction,
// so the index is whole when the run commits and no later small write inherits a pending list. A role that
// does not own the tables keeps the default behaviour.
func (t *ImportTx) deferGIN(ctx context.Context) error {
	err := t.tx.QueryRow(ctx, `SELECT bool_and(pg_has_role(c.relowner, 'USAGE')) FROM pg_class c
		WHERE c.oid IN ('providers'::regclass, 'practitioners'::regclass)`).Scan(&t.bulkGIN)
	if err != nil || !t.bulkGIN {
		return err
	}
	_, err = t.tx.Exec(ctx, "SET LOCAL gin_pending_list_limit = '16MB'")
	return err
}

func (t *ImportTx) mergeGIN(ctx context.Context) error {
	if !t.bulkGIN {
		return nil
	}
	_, err := t.exec(ctx, "merge search index", `SELECT gin_clean_pending_list(i.indexrelid)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
		WHERE a.amname = 'gin' AND i.indrelid IN ('providers'::regclass, 'practitioners'::regclass)`)
	return err
}
