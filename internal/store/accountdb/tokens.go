package accountdb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// APIToken is a token's public face: who it acts for, its name and its use. The token itself is shown
// once at creation and only its SHA-256 is kept.
type APIToken struct {
	ID         int64      `json:"id"`
	AccountID  int64      `json:"account_id"`
	Username   string     `json:"username"`
	Name       string     `json:"name"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

const tokenColumns = "t.id, t.account_id, a.username, t.name, t.created_at, t.last_used_at, t.revoked_at"

func scanToken(row pgx.Row) (APIToken, error) {
	var t APIToken
	err := row.Scan(&t.ID, &t.AccountID, &t.Username, &t.Name, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt)
	return t, store.Classify(err)
}

// CreateToken stores a new token's hash for the account named; ErrNotFound when there is no such account.
func CreateToken(ctx context.Context, db *pgxpool.Pool, username, name string, hash []byte) (APIToken, error) {
	return scanToken(db.QueryRow(ctx, `WITH t AS (
			INSERT INTO api_tokens (account_id, name, token_hash)
			SELECT id, $2, $3 FROM accounts WHERE username = $1
			RETURNING *)
		SELECT `+tokenColumns+` FROM t JOIN accounts a ON a.id = t.account_id`, username, name, hash))
}

// AccountByToken returns the enabled account a live token acts for, and notes the token's use (at most
// once a minute, so a busy client does not turn every read into a write). ErrNotFound otherwise.
func AccountByToken(ctx context.Context, db *pgxpool.Pool, hash []byte) (Account, int64, error) {
	var tokenID int64
	a, err := scanAccount(db.QueryRow(ctx, `SELECT `+accountColumns+`, t.id FROM api_tokens t
		JOIN accounts a ON a.id = t.account_id
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND NOT a.disabled`, hash), &tokenID)
	if err != nil {
		return Account{}, 0, err
	}
	_, err = db.Exec(ctx, `UPDATE api_tokens SET last_used_at = now()
		WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, tokenID)
	return a, tokenID, store.Classify(err)
}

// Tokens lists every token, newest first.
func Tokens(ctx context.Context, db *pgxpool.Pool) ([]APIToken, error) {
	rows, err := db.Query(ctx, `SELECT `+tokenColumns+` FROM api_tokens t JOIN accounts a ON a.id = t.account_id
		ORDER BY t.id DESC`)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (APIToken, error) { return scanToken(r) })
	return list, store.Classify(err)
}

// RevokeToken ends a token for good; revoking it again is harmless. ErrNotFound when there is no such token.
func RevokeToken(ctx context.Context, db *pgxpool.Pool, id int64) (APIToken, error) {
	return scanToken(db.QueryRow(ctx, `WITH t AS (
			UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *)
		SELECT `+tokenColumns+` FROM t JOIN accounts a ON a.id = t.account_id`, id))
}
