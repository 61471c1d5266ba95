package importdb

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// ImportRun describes one run of an importer, as import_runs records it.
type ImportRun struct {
	// ID is the run's row when BeginImport wrote it already: RecordRun then records the outcome there.
	ID         int64
	Importer   string // the kind: law_firm, lawyer, …
	Source     string
	FileName   string
	FileSHA256 string // hex, or ""
	Actor      string // "cli:<user>" or the admin's account
	Mode       string // upsert or snapshot
	DryRun     bool
	CRS        string // wgs84, gcj02 or bd09
}

// ImportCounts are a run's outcomes per record.
type ImportCounts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Withdrawn int `json:"withdrawn"`
	Rejected  int `json:"rejected"`
	Warnings  int `json:"warnings"`
}

// Run statuses of import_runs.
const (
	RunApplied = "applied"
	RunDryRun  = "dry_run"
	RunRefused = "refused"
	RunFailed  = "failed"
)

// importLock serialises imports: two runs that touch the same firms, areas or source must not interleave,
// and a run's snapshot arithmetic assumes nobody else is importing.
const importLock = 7_317_010

// runLockClass is the first key of the advisory lock a running import holds on its row's id (second
// key) for as long as it runs, on its own connection: a run whose lock is free is not running any more.
const runLockClass = 7_317_011

// runLockKey is the lock's second key (an int4) for a run id.
func runLockKey(id int64) int32 { return int32(id & 0x7fffffff) }

// startRun records a run as running, in its own transaction, taking the run's lock (a session lock, kept
// after the commit) before the row becomes visible, so no one sees it running without its lock.
func startRun(ctx context.Context, conn *pgxpool.Conn, r ImportRun) (int64, error) {
	var id int64
	err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		var err error
		if id, err = insertRun(ctx, tx, r); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, "SELECT pg_advisory_lock($1, $2)", runLockClass, runLockKey(id))
		return err
	})
	return id, err
}

// abandonedReason is written in the report of a run found running without its process.
const abandonedReason = "导入未完成：进程或数据库在导入中途停止 / the import did not finish: its process or the database stopped during the run"

// FailAbandonedRuns marks failed the runs left running by a process or database that died (their lock is
// free), and returns how many. The server calls it at start, and every import before it begins.
func FailAbandonedRuns(ctx context.Context, pool *pgxpool.Pool) (int64, error) {
	var n int64
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, "SELECT id FROM import_runs WHERE status = 'running' ORDER BY id")
		if err != nil {
			return err
		}
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		for _, id := range ids {
			var free bool
			if err := tx.QueryRow(ctx, "SELECT pg_try_advisory_xact_lock($1, $2)", runLockClass, runLockKey(id)).Scan(&free); err != nil {
				return err
			}
			if !free {
				continue
			}
			tag, err := tx.Exec(ctx, `UPDATE import_runs SET status = 'failed', finished_at = clock_timestamp(),
				report = report || jsonb_build_object('status', 'failed', 'refusal', $2::text)
				WHERE id = $1 AND status = 'running'`, id, abandonedReason)
			if err != nil {
				return err
			}
			n += tag.RowsAffected()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("fail abandoned import runs: %w", store.Classify(err))
	}
	return n, nil
}

func insertRun(ctx context.Context, tx pgx.Tx, r ImportRun) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `INSERT INTO import_runs (importer, source, file_name, file_sha256, actor, mode, dry_run, crs)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		r.Importer, r.Source, r.FileName, r.FileSHA256, r.Actor, r.Mode, r.DryRun, r.CRS).Scan(&id)
	return id, err
}

func finishRun(ctx context.Context, q pgx.Tx, id int64, status string, c ImportCounts, report []byte) error {
	_, err := q.Exec(ctx, `UPDATE import_runs SET status = $2, finished_at = clock_timestamp(), created = $3, updated = $4,
		unchanged = $5, withdrawn = $6, rejected = $7, warnings = $8, report = $9 WHERE id = $1`,
		id, status, c.Created, c.Updated, c.Unchanged, c.Withdrawn, c.Rejected, c.Warnings, jsonOrEmpty(report))
	return err
}

// RecordRun writes the outcome of a run whose work was rolled back (refused, failed, or a dry run), in
// its own transaction: on the run's row when BeginImport made one (r.ID), else on a new row. It returns
// the row's id.
func RecordRun(ctx context.Context, pool *pgxpool.Pool, r ImportRun, status string, c ImportCounts, report []byte) (int64, error) {
	id := r.ID
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var err error
		if id == 0 {
			if id, err = insertRun(ctx, tx, r); err != nil {
				return err
			}
		}
		return finishRun(ctx, tx, id, status, c, report)
	})
	if err != nil {
		return 0, fmt.Errorf("record import run: %w", store.Classify(err))
	}
	return id, nil
}

// LastAppliedRun returns the id of the newest applied run of an importer and source with the given file
// hash (0 when none): a loader uses it to skip a file that is already in.
func LastAppliedRun(ctx context.Context, pool *pgxpool.Pool, importer, source, sha string) (int64, error) {
	var id int64
	err := pool.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM import_runs
		WHERE importer = $1 AND source = $2 AND file_sha256 = $3 AND status = 'applied'`, importer, source, sha).Scan(&id)
	return id, store.Classify(err)
}

func jsonOrEmpty(b []byte) []byte {
	if len(b) == 0 {
		return []byte("{}")
	}
	return b
}
