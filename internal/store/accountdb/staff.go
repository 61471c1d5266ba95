package accountdb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// CreateStaffAccount adds a staff account with the places it serves, in one transaction; ErrNotFound when
// a place does not exist, ErrConflict when the username is taken.
func CreateStaffAccount(ctx context.Context, db *pgxpool.Pool, username, passwordHash string, providerIDs []string) (Account, error) {
	var a Account
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		var err error
		a, err = scanAccount(tx.QueryRow(ctx, `INSERT INTO accounts AS a (username, password_hash, role) VALUES ($1, $2, 'staff')
			RETURNING `+accountColumns, username, passwordHash))
		if err != nil {
			return err
		}
		return setAccountProviders(ctx, tx, a.ID, providerIDs)
	})
	return a, store.Classify(err)
}

// SetAccountProviders replaces the places a staff account serves; ErrNotFound when a place does not exist.
func SetAccountProviders(ctx context.Context, db *pgxpool.Pool, accountID int64, providerIDs []string) error {
	return store.Classify(pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error { return setAccountProviders(ctx, tx, accountID, providerIDs) }))
}

func setAccountProviders(ctx context.Context, tx pgx.Tx, accountID int64, providerIDs []string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM account_providers WHERE account_id = $1`, accountID); err != nil {
		return err
	}
	for _, id := range providerIDs {
		tag, err := tx.Exec(ctx, `INSERT INTO account_providers (account_id, provider_id)
			SELECT $1, id FROM providers WHERE id::text = $2 ON CONFLICT DO NOTHING`, accountID, id)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var one int
			if err := tx.QueryRow(ctx, `SELECT 1 FROM providers WHERE id::text = $1`, id).Scan(&one); err != nil {
				return store.Classify(err)
			}
		}
	}
	return nil
}

// PlaceRef names a place.
type PlaceRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// AccountPlaces lists the places an account serves, by name.
func AccountPlaces(ctx context.Context, db *pgxpool.Pool, accountID int64) ([]PlaceRef, error) {
	rows, err := db.Query(ctx, `SELECT p.id::text, p.name, p.kind FROM account_providers ap JOIN providers p ON p.id = ap.provider_id
		WHERE ap.account_id = $1 ORDER BY p.name, p.id`, accountID)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[PlaceRef])
	return list, store.Classify(err)
}

// AccountProviders lists the ids of the places an account serves.
func AccountProviders(ctx context.Context, db *pgxpool.Pool, accountID int64) ([]string, error) {
	rows, err := db.Query(ctx, `SELECT provider_id::text FROM account_providers WHERE account_id = $1 ORDER BY provider_id`, accountID)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowTo[string])
	return list, store.Classify(err)
}
