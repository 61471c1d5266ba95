// Package accountdb stores who may sign in: accounts and their roles, sessions, API tokens, and the places a
// staff account serves. Passwords arrive hashed; internal/auth owns the rules.
package accountdb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Account is a person or system that may sign in to the bureau's side. The password hash never leaves
// the store except to be verified.
type Account struct {
	ID        int64     `json:"id"`
	Username  string    `json:"username"`
	Role      string    `json:"role"`
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

const accountColumns = "a.id, a.username, a.role, a.disabled, a.created_at"

func scanAccount(row pgx.Row, extra ...any) (Account, error) {
	var a Account
	err := row.Scan(append([]any{&a.ID, &a.Username, &a.Role, &a.Disabled, &a.CreatedAt}, extra...)...)
	return a, store.Classify(err)
}

// CreateAccount adds an account; ErrConflict when the username is taken.
func CreateAccount(ctx context.Context, db *pgxpool.Pool, username, passwordHash, role string) (Account, error) {
	return scanAccount(db.QueryRow(ctx, `INSERT INTO accounts AS a (username, password_hash, role) VALUES ($1, $2, $3)
		RETURNING `+accountColumns, username, passwordHash, role))
}

// AccountForSignIn returns the account and its password hash; ErrNotFound when there is none.
func AccountForSignIn(ctx context.Context, db *pgxpool.Pool, username string) (Account, string, error) {
	var hash string
	a, err := scanAccount(db.QueryRow(ctx, `SELECT `+accountColumns+`, a.password_hash FROM accounts a WHERE a.username = $1`,
		username), &hash)
	return a, hash, err
}

// AccountByID returns one account.
func AccountByID(ctx context.Context, db *pgxpool.Pool, id int64) (Account, error) {
	return scanAccount(db.QueryRow(ctx, `SELECT `+accountColumns+` FROM accounts a WHERE a.id = $1`, id))
}

// Accounts lists every account by username.
func Accounts(ctx context.Context, db *pgxpool.Pool) ([]Account, error) {
	rows, err := db.Query(ctx, `SELECT `+accountColumns+` FROM accounts a ORDER BY a.username`)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Account, error) { return scanAccount(r) })
	return list, store.Classify(err)
}

// AccountChange is what an admin may change on an account; nil fields stay as they are.
type AccountChange struct {
	Role         *string
	Disabled     *bool
	PasswordHash *string
}

// UpdateAccount changes an account by username. Disabling it or changing its password or role also ends
// its browser sessions, so the change takes effect at once; its API tokens stop working while it is
// disabled (they are checked against the account on every request).
func UpdateAccount(ctx context.Context, db *pgxpool.Pool, username string, ch AccountChange) (Account, error) {
	var a Account
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		var err error
		a, err = scanAccount(tx.QueryRow(ctx, `UPDATE accounts a SET
				role = coalesce($2, role), disabled = coalesce($3, disabled), password_hash = coalesce($4, password_hash)
			WHERE a.username = $1 RETURNING `+accountColumns, username, ch.Role, ch.Disabled, ch.PasswordHash))
		if err != nil {
			return err
		}
		if ch.Role != nil || ch.PasswordHash != nil || (ch.Disabled != nil && *ch.Disabled) {
			_, err = tx.Exec(ctx, `DELETE FROM sessions WHERE account_id = $1`, a.ID)
		}
		return err
	})
	return a, store.Classify(err)
}
