package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ImportRun describes one run of an importer, as import_runs records it.
type ImportRun struct {
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

// RecordRun writes the import_runs row of a run whose work was rolled back (refused, failed, or a dry run),
// in its own transaction, and returns its id.
func RecordRun(ctx context.Context, pool *pgxpool.Pool, r ImportRun, status string, c ImportCounts, report []byte) (int64, error) {
	var id int64
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		var err error
		if id, err = insertRun(ctx, tx, r); err != nil {
			return err
		}
		return finishRun(ctx, tx, id, status, c, report)
	})
	if err != nil {
		return 0, fmt.Errorf("record import run: %w", Classify(err))
	}
	return id, nil
}

// LastAppliedRun returns the id of the newest applied run of an importer and source with the given file
// hash (0 when none): a loader uses it to skip a file that is already in.
func LastAppliedRun(ctx context.Context, pool *pgxpool.Pool, importer, source, sha string) (int64, error) {
	var id int64
	err := pool.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM import_runs
		WHERE importer = $1 AND source = $2 AND file_sha256 = $3 AND status = 'applied'`, importer, source, sha).Scan(&id)
	return id, Classify(err)
}

func jsonOrEmpty(b []byte) []byte {
	if len(b) == 0 {
		return []byte("{}")
	}
	return b
}
