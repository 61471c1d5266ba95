package recorddb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Dashboard is the bureau's overview: how many records of each kind in each status, how many open records
// have not been confirmed for a year, and the latest imports.
type Dashboard struct {
	Counts      []KindStatusCount `json:"counts"`
	Unverified  int               `json:"unverified"` // not closed, and verified_at missing or older than a year
	LastImports []ImportRunInfo   `json:"last_imports"`
	// HolidaysMissing is this year and next year when their official holiday arrangement is not loaded
	// (open-now then uses the statutory holidays and knows no make-up working days); set by the caller.
	HolidaysMissing []int `json:"holidays_missing"`
}

// KindStatusCount is one cell of the counts table.
type KindStatusCount struct {
	Kind   string `json:"kind"`
	Status string `json:"status"`
	Count  int    `json:"count"`
}

// DashboardFigures reads the dashboard in one snapshot.
func DashboardFigures(ctx context.Context, db *pgxpool.Pool) (Dashboard, error) {
	d := Dashboard{Counts: []KindStatusCount{}, LastImports: []ImportRunInfo{}}
	err := pgx.BeginTxFunc(ctx, db, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT kind, status, count(*) FROM providers GROUP BY kind, status ORDER BY kind, status`)
		if err != nil {
			return err
		}
		d.Counts, err = pgx.CollectRows(rows, pgx.RowToStructByPos[KindStatusCount])
		if err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM providers
			WHERE status <> 'closed' AND (verified_at IS NULL OR verified_at < now() - interval '1 year')`).Scan(&d.Unverified); err != nil {
			return err
		}
		rows, err = tx.Query(ctx, `SELECT `+importRunColumns+` FROM import_runs ORDER BY started_at DESC, id DESC LIMIT 5`)
		if err != nil {
			return err
		}
		d.LastImports, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (ImportRunInfo, error) { return scanImportRun(r, false) })
		return err
	})
	return d, store.Classify(err)
}
