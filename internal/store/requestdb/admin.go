package requestdb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// RequestEvent is one row of a request's log.
type RequestEvent struct {
	At         time.Time `json:"at"`
	Actor      string    `json:"actor"`
	Action     string    `json:"action"`
	FromStatus string    `json:"from_status,omitempty"`
	ToStatus   string    `json:"to_status,omitempty"`
}

// RequestEvents lists a request's events in order.
func RequestEvents(ctx context.Context, db *pgxpool.Pool, id int64) ([]RequestEvent, error) {
	rows, err := db.Query(ctx, `SELECT at, actor, action, coalesce(from_status, ''), coalesce(to_status, '')
		FROM request_events WHERE request_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[RequestEvent])
	return list, store.Classify(err)
}

// RequestCount is the bureau's view of requests: counts and waiting times per place, kind, type and status;
// no personal field.
type RequestCount struct {
	ProviderID   string   `json:"provider_id"`
	ProviderName string   `json:"provider_name"`
	Kind         string   `json:"kind"`
	Type         string   `json:"type"`
	Status       string   `json:"status"`
	Count        int      `json:"count"`
	MedianWaitH  *float64 `json:"median_wait_hours"` // created → first move of the place, among those answered
	OldestOpenH  *float64 `json:"oldest_open_hours"` // how long the oldest unanswered one has waited
}

// RequestCounts sums the requests per place, kind, type and status, erased ones included.
func RequestCounts(ctx context.Context, db *pgxpool.Pool, now time.Time) ([]RequestCount, error) {
	rows, err := db.Query(ctx, `SELECT r.provider_id::text, p.name, r.kind, r.type, r.status, count(*)::int,
			percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.answered_at - r.created_at) / 3600)
				FILTER (WHERE r.answered_at IS NOT NULL),
			max(extract(epoch FROM $1 - r.created_at) / 3600) FILTER (WHERE r.answered_at IS NULL AND r.status = 'submitted')
		FROM requests r JOIN providers p ON p.id = r.provider_id
		GROUP BY 1, 2, 3, 4, 5 ORDER BY 2, 1, 4, 5`, now)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[RequestCount])
	return list, store.Classify(err)
}

// PurgeRequests erases the personal fields of requests closed before cutoff, with an "erase" event each; the
// rows stay for the counts. It returns how many were erased.
func PurgeRequests(ctx context.Context, db *pgxpool.Pool, cutoff, now time.Time) (int64, error) {
	var n int64
	err := db.QueryRow(ctx, `WITH e AS (
			UPDATE requests SET sealed = NULL, key_id = NULL, phone_mac = NULL, erased_at = $2, updated_at = $2
			WHERE closed_at < $1 AND erased_at IS NULL RETURNING id, status),
		ev AS (INSERT INTO request_events (request_id, at, actor, action, from_status, to_status)
			SELECT id, $2, 'system', 'erase', status, status FROM e)
		SELECT count(*) FROM e`, cutoff, now).Scan(&n)
	return n, store.Classify(err)
}

// SealedRow is a request's sealed fields, for re-encryption under a new key.
type SealedRow struct {
	ID     int64
	Code   string
	Sealed []byte
	KeyID  string
}

// Rekey re-encrypts, in batches of one transaction each, every request sealed under a key other than
// current: reseal gets the old blob and returns the new one with the phone's new MAC. It returns how many
// were re-encrypted.
func Rekey(ctx context.Context, db *pgxpool.Pool, current string, reseal func(SealedRow) ([]byte, []byte, error)) (int, error) {
	total := 0
	for {
		n := 0
		err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
			rows, err := tx.Query(ctx, `SELECT id, code, sealed, key_id FROM requests
				WHERE sealed IS NOT NULL AND key_id <> $1 ORDER BY id LIMIT 500 FOR UPDATE`, current)
			if err != nil {
				return err
			}
			batch, err := pgx.CollectRows(rows, pgx.RowToStructByPos[SealedRow])
			if err != nil {
				return err
			}
			for _, r := range batch {
				sealed, mac, err := reseal(r)
				if err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE requests SET sealed = $2, key_id = $3, phone_mac = $4 WHERE id = $1`,
					r.ID, sealed, current, mac); err != nil {
					return err
				}
				if err := LogRequestEvent(ctx, tx, r.ID, "system", "rekey", "", ""); err != nil {
					return err
				}
			}
			n = len(batch)
			return nil
		})
		if err != nil {
			return total, store.Classify(err)
		}
		total += n
		if n == 0 {
			return total, nil
		}
	}
}

// KindRequestTypes is one kind with the request types it offers.
type KindRequestTypes struct {
	Kind  string   `json:"kind"`
	Types []string `json:"types"`
}

// AllRequestTypes lists every kind with its request types (none for lookup-only kinds).
func AllRequestTypes(ctx context.Context, db *pgxpool.Pool) ([]KindRequestTypes, error) {
	rows, err := db.Query(ctx, `SELECT k.code, coalesce(array_agg(t.type ORDER BY t.sort, t.type) FILTER (WHERE t.type IS NOT NULL), '{}')
		FROM kinds k LEFT JOIN request_types t ON t.kind = k.code GROUP BY k.code, k.sort ORDER BY k.sort, k.code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, pgx.RowToStructByPos[KindRequestTypes])
	return list, store.Classify(err)
}

// SetRequestTypes replaces the request types a kind offers; ErrNotFound for an unknown kind.
func SetRequestTypes(ctx context.Context, db *pgxpool.Pool, kind string, types []string) error {
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, `SELECT 1 FROM kinds WHERE code = $1`, kind).Scan(&one); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM request_types WHERE kind = $1`, kind); err != nil {
			return err
		}
		for i, t := range types {
			if _, err := tx.Exec(ctx, `INSERT INTO request_types (kind, type, sort) VALUES ($1, $2, $3)`, kind, t, i+1); err != nil {
				return err
			}
		}
		return nil
	})
	return store.Classify(err)
}

// SetRequestSettings sets a place's slot length and capacity.
func SetRequestSettings(ctx context.Context, db *pgxpool.Pool, providerID string, slotMinutes, capacity int) error {
	tag, err := db.Exec(ctx, `INSERT INTO request_settings (provider_id, slot_minutes, capacity)
		SELECT id, $2, $3 FROM providers WHERE id = $1::uuid
		ON CONFLICT (provider_id) DO UPDATE SET slot_minutes = excluded.slot_minutes, capacity = excluded.capacity, updated_at = now()`,
		providerID, slotMinutes, capacity)
	if err == nil && tag.RowsAffected() == 0 {
		return store.ErrNotFound
	}
	return store.Classify(err)
}
