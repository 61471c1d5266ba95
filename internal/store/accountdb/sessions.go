package accountdb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// CreateSession stores a browser session by the hash of its id, with its CSRF token and absolute expiry.
// Expired rows of any account are cleared on the way, so the table does not grow without bound.
func CreateSession(ctx context.Context, db *pgxpool.Pool, idHash []byte, accountID int64, csrf string, expires time.Time) error {
	if _, err := db.Exec(ctx, `DELETE FROM sessions WHERE expires_at < now()`); err != nil {
		return store.Classify(err)
	}
	_, err := db.Exec(ctx, `INSERT INTO sessions (id_hash, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4)`,
		idHash, accountID, csrf, expires)
	return store.Classify(err)
}

// SessionAccount returns the enabled account of a live session and its CSRF token, and marks the session
// seen. A session is live until its absolute expiry and while it has been seen within idle.
// ErrNotFound for an unknown, expired or idle session, or a disabled account.
func SessionAccount(ctx context.Context, db *pgxpool.Pool, idHash []byte, idle time.Duration) (Account, string, error) {
	var csrf string
	a, err := scanAccount(db.QueryRow(ctx, `WITH s AS (
			UPDATE sessions SET last_seen_at = now()
			WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
			RETURNING account_id, csrf_token)
		SELECT `+accountColumns+`, s.csrf_token FROM s JOIN accounts a ON a.id = s.account_id WHERE NOT a.disabled`,
		idHash, idle.Seconds()), &csrf)
	return a, csrf, err
}

// DeleteSession ends a session (sign-out). Ending one that is already gone is not an error.
func DeleteSession(ctx context.Context, db *pgxpool.Pool, idHash []byte) error {
	_, err := db.Exec(ctx, `DELETE FROM sessions WHERE id_hash = $1`, idHash)
	return store.Classify(err)
}
