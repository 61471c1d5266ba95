package placedb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// KindCounts returns how many active records each kind has. It reads every row: callers cache it per
// directory version.
func KindCounts(ctx context.Context, db *pgxpool.Pool) (map[string]int, error) {
	rows, err := db.Query(ctx, `SELECT kind, count(*)::int FROM providers WHERE status = 'active' GROUP BY kind`)
	if err != nil {
		return nil, store.Classify(err)
	}
	out := map[string]int{}
	var k string
	var n int
	_, err = pgx.ForEachRow(rows, []any{&k, &n}, func() error {
		out[k] = n
		return nil
	})
	return out, store.Classify(err)
}

// DirectoryVersion is the directory's data version: it moves on with every change the public can see.
func DirectoryVersion(ctx context.Context, db *pgxpool.Pool) (int64, error) {
	var v int64
	err := db.QueryRow(ctx, `SELECT version FROM directory_state`).Scan(&v)
	return v, store.Classify(err)
}
