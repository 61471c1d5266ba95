// Package requestdb stores 业务办理: citizens' sealed requests, their slots and event log, the request types
// each kind offers, and the bureau's counts, purge and re-encryption. The rules (codes, sealing, slots)
// are internal/requests'.
package requestdb

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// ErrTooMany: the phone already has as many open requests as allowed.
var ErrTooMany = errors.New("too many open requests")

// ErrSlotTaken: every seat of the slot asked for is booked.
var ErrSlotTaken = errors.New("slot taken")

// RequestPlace is what a request needs to know of its place: kind, status, hours, the types its kind offers,
// the appointment settings, and the address a notice goes to.
type RequestPlace struct {
	ID          string
	Name        string
	Kind        string
	Status      string
	Email       string
	Hours       json.RawMessage
	Types       []string
	SlotMinutes int
	Capacity    int
}

// PlaceForRequests reads a place with the request types of its kind; ErrNotFound when there is none.
func PlaceForRequests(ctx context.Context, db *pgxpool.Pool, id string) (RequestPlace, error) {
	var p RequestPlace
	err := db.QueryRow(ctx, `SELECT p.id::text, p.name, p.kind, p.status, p.email, p.hours,
			coalesce((SELECT array_agg(t.type ORDER BY t.sort, t.type) FROM request_types t WHERE t.kind = p.kind), '{}'),
			coalesce(s.slot_minutes, 30), coalesce(s.capacity, 1)
		FROM providers p LEFT JOIN request_settings s ON s.provider_id = p.id
		WHERE p.id = $1::uuid`, id).Scan(&p.ID, &p.Name, &p.Kind, &p.Status, &p.Email, &p.Hours, &p.Types, &p.SlotMinutes, &p.Capacity)
	return p, store.Classify(err)
}

// TakenSeats counts the live bookings of a place's slots starting in [from, to), by slot start (UTC).
func TakenSeats(ctx context.Context, db *pgxpool.Pool, providerID string, from, to time.Time) (map[time.Time]int, error) {
	rows, err := db.Query(ctx, `SELECT slot_at, count(*) FROM requests
		WHERE provider_id = $1::uuid AND slot_at >= $2 AND slot_at < $3 AND status IN ('submitted', 'accepted', 'scheduled', 'done')
		GROUP BY slot_at`, providerID, from, to)
	if err != nil {
		return nil, store.Classify(err)
	}
	out := map[time.Time]int{}
	var at time.Time
	var n int
	_, err = pgx.ForEachRow(rows, []any{&at, &n}, func() error {
		out[at.UTC()] = n
		return nil
	})
	return out, store.Classify(err)
}

// NewRequest is a request ready to store: personal fields already sealed.
type NewRequest struct {
	Code       string
	ProviderID string
	Kind       string
	Type       string
	Matter     string
	SlotAt     *time.Time
	Capacity   int
	Sealed     []byte
	KeyID      string
	PhoneMAC   []byte
	MaxOpen    int // open requests one phone may have
}

// CreateRequest stores a request and its "create" event in one transaction. The phone's open requests are
// counted under a lock on its MAC, so concurrent submissions cannot exceed MaxOpen (ErrTooMany). An
// appointment takes the lowest free seat of its slot; the unique index on seats makes a race lose with
// ErrSlotTaken rather than double-book.
func CreateRequest(ctx context.Context, db *pgxpool.Pool, r NewRequest) error {
	// Two bookings at once may both see seat 1 free; the second waits on the unique index, fails, and tries
	// again, now seeing the first: a slot with seats left never turns a citizen away.
	for attempt := 0; ; attempt++ {
		err := createRequest(ctx, db, r)
		if errors.Is(err, errSeatRace) && attempt < r.Capacity {
			continue
		}
		if errors.Is(err, errSeatRace) {
			return ErrSlotTaken
		}
		return err
	}
}

// errSeatRace: another booking took the seat this one chose, between the choice and the insert.
var errSeatRace = errors.New("seat taken meanwhile")

func createRequest(ctx context.Context, db *pgxpool.Pool, r NewRequest) error {
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended(encode($1::bytea, 'hex'), 90))`, r.PhoneMAC); err != nil {
			return err
		}
		var open int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM requests WHERE phone_mac = $1 AND status IN ('submitted', 'accepted', 'scheduled')`,
			r.PhoneMAC).Scan(&open); err != nil {
			return err
		}
		if open >= r.MaxOpen {
			return ErrTooMany
		}
		var seat *int
		if r.SlotAt != nil {
			var s int
			err := tx.QueryRow(ctx, `SELECT s FROM generate_series(1, $3::int) s
				WHERE NOT EXISTS (SELECT 1 FROM requests q WHERE q.provider_id = $1::uuid AND q.slot_at = $2 AND q.seat = s
					AND q.status IN ('submitted', 'accepted', 'scheduled', 'done'))
				ORDER BY s LIMIT 1`, r.ProviderID, *r.SlotAt, r.Capacity).Scan(&s)
			if errors.Is(err, pgx.ErrNoRows) {
				return ErrSlotTaken
			}
			if err != nil {
				return err
			}
			seat = &s
		}
		var id int64
		err := tx.QueryRow(ctx, `INSERT INTO requests (code, provider_id, kind, type, matter, slot_at, seat, sealed, key_id, phone_mac)
			VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			r.Code, r.ProviderID, r.Kind, r.Type, r.Matter, r.SlotAt, seat, r.Sealed, r.KeyID, r.PhoneMAC).Scan(&id)
		if err != nil {
			if r.SlotAt != nil && isConstraint(err, "requests_slot_seat_uq") {
				return errSeatRace
			}
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO request_events (request_id, actor, action, to_status) VALUES ($1, 'citizen', 'create', 'submitted')`, id)
		return err
	})
	if errors.Is(err, ErrTooMany) || errors.Is(err, ErrSlotTaken) || errors.Is(err, errSeatRace) {
		return err
	}
	return store.Classify(err)
}

// Request is one stored request. Sealed and KeyID are nil and "" once the personal fields are erased.
type Request struct {
	ID           int64      `json:"-"`
	Code         string     `json:"code"`
	ProviderID   string     `json:"provider_id"`
	ProviderName string     `json:"provider_name"`
	Kind         string     `json:"kind"`
	Type         string     `json:"type"`
	Status       string     `json:"status"`
	Matter       string     `json:"matter"`
	SlotAt       *time.Time `json:"slot,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
	AnsweredAt   *time.Time `json:"answered_at,omitempty"`
	ClosedAt     *time.Time `json:"closed_at,omitempty"`
	ErasedAt     *time.Time `json:"erased_at,omitempty"`
	Sealed       []byte     `json:"-"`
	KeyID        string     `json:"-"`
}

const requestColumns = `r.id, r.code, r.provider_id::text, p.name, r.kind, r.type, r.status, r.matter, r.slot_at,
	r.created_at, r.updated_at, r.answered_at, r.closed_at, r.erased_at, r.sealed, coalesce(r.key_id, '')`

func scanRequest(row pgx.Row) (Request, error) {
	var r Request
	err := row.Scan(&r.ID, &r.Code, &r.ProviderID, &r.ProviderName, &r.Kind, &r.Type, &r.Status, &r.Matter, &r.SlotAt,
		&r.CreatedAt, &r.UpdatedAt, &r.AnsweredAt, &r.ClosedAt, &r.ErasedAt, &r.Sealed, &r.KeyID)
	return r, store.Classify(err)
}

// RequestByCode reads a request by its receipt code; ErrNotFound when there is none or its personal fields
// are erased (a citizen can no longer prove it is theirs).
func RequestByCode(ctx context.Context, db *pgxpool.Pool, code string) (Request, error) {
	return scanRequest(db.QueryRow(ctx, `SELECT `+requestColumns+` FROM requests r JOIN providers p ON p.id = r.provider_id
		WHERE r.code = $1 AND r.erased_at IS NULL`, code))
}

// StaffRequest reads a request of one of the account's places; ErrNotFound for any other (a place's staff
// cannot even learn that another place's code exists).
func StaffRequest(ctx context.Context, db *pgxpool.Pool, accountID int64, code string) (Request, error) {
	return scanRequest(db.QueryRow(ctx, `SELECT `+requestColumns+` FROM requests r JOIN providers p ON p.id = r.provider_id
		JOIN account_providers ap ON ap.provider_id = r.provider_id AND ap.account_id = $1
		WHERE r.code = $2`, accountID, code))
}

// StaffRequests lists the requests of the account's places, newest first, optionally of one status and one
// place, with the total.
func StaffRequests(ctx context.Context, db *pgxpool.Pool, accountID int64, status, providerID string, limit, offset int) ([]Request, int, error) {
	rows, err := db.Query(ctx, `SELECT `+requestColumns+`, count(*) OVER () FROM requests r JOIN providers p ON p.id = r.provider_id
		JOIN account_providers ap ON ap.provider_id = r.provider_id AND ap.account_id = $1
		WHERE ($2 = '' OR r.status = $2) AND ($3 = '' OR r.provider_id::text = $3)
		ORDER BY r.created_at DESC, r.id DESC LIMIT $4 OFFSET $5`, accountID, status, providerID, limit, offset)
	if err != nil {
		return nil, 0, store.Classify(err)
	}
	var list []Request
	total := 0
	for rows.Next() {
		var r Request
		if err := rows.Scan(&r.ID, &r.Code, &r.ProviderID, &r.ProviderName, &r.Kind, &r.Type, &r.Status, &r.Matter, &r.SlotAt,
			&r.CreatedAt, &r.UpdatedAt, &r.AnsweredAt, &r.ClosedAt, &r.ErasedAt, &r.Sealed, &r.KeyID, &total); err != nil {
			rows.Close()
			return nil, 0, store.Classify(err)
		}
		r.Sealed = nil // a list shows no personal fields
		list = append(list, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, store.Classify(err)
	}
	if len(list) == 0 && offset > 0 {
		err := db.QueryRow(ctx, `SELECT count(*) FROM requests r JOIN account_providers ap ON ap.provider_id = r.provider_id AND ap.account_id = $1
			WHERE ($2 = '' OR r.status = $2) AND ($3 = '' OR r.provider_id::text = $3)`, accountID, status, providerID).Scan(&total)
		if err != nil {
			return nil, 0, store.Classify(err)
		}
	}
	return list, total, nil
}

// RequestChange is what a move writes: the new status, slot and sealed fields (nil: unchanged), and the
// event that records it.
type RequestChange struct {
	Status   string
	SlotAt   *time.Time
	Capacity int
	Sealed   []byte
	KeyID    string
	Actor    string
	Action   string
	Answered bool // a move of the place: the waiting time ends (first time only)
}

// ChangeRequest locks a request, lets decide compute the change from its current state, and writes the
// change with its event. decide returns an error to refuse the move; nothing is written then.
func ChangeRequest(ctx context.Context, db *pgxpool.Pool, id int64, decide func(Request) (RequestChange, error)) (Request, error) {
	var out Request
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		cur, err := scanRequest(tx.QueryRow(ctx, `SELECT `+requestColumns+` FROM requests r JOIN providers p ON p.id = r.provider_id
			WHERE r.id = $1 FOR UPDATE OF r`, id))
		if err != nil {
			return err
		}
		ch, err := decide(cur)
		if err != nil {
			return err
		}
		var seat *int
		if ch.SlotAt != nil {
			var s int
			err := tx.QueryRow(ctx, `SELECT s FROM generate_series(1, $4::int) s
				WHERE NOT EXISTS (SELECT 1 FROM requests q WHERE q.provider_id = $1::uuid AND q.slot_at = $2 AND q.seat = s
					AND q.id <> $3 AND q.status IN ('submitted', 'accepted', 'scheduled', 'done'))
				ORDER BY s LIMIT 1`, cur.ProviderID, *ch.SlotAt, id, max(ch.Capacity, 1)).Scan(&s)
			if errors.Is(err, pgx.ErrNoRows) {
				return ErrSlotTaken
			}
			if err != nil {
				return err
			}
			seat = &s
		}
		closed := ch.Status == "done" || ch.Status == "declined" || ch.Status == "withdrawn"
		out, err = scanRequest(tx.QueryRow(ctx, `WITH u AS (
				UPDATE requests SET status = $2, updated_at = now(),
					slot_at = CASE WHEN $3::timestamptz IS NULL THEN slot_at ELSE $3 END,
					seat = CASE WHEN $3::timestamptz IS NULL THEN seat ELSE $4 END,
					sealed = coalesce($5, sealed), key_id = coalesce(nullif($6, ''), key_id),
					answered_at = CASE WHEN $7 THEN coalesce(answered_at, now()) ELSE answered_at END,
					closed_at = CASE WHEN $8 THEN coalesce(closed_at, now()) ELSE NULL END
				WHERE id = $1 RETURNING *)
			SELECT `+requestColumns+` FROM u r JOIN providers p ON p.id = r.provider_id`,
			id, ch.Status, ch.SlotAt, seat, ch.Sealed, ch.KeyID, ch.Answered, closed))
		if err != nil {
			if errors.Is(err, store.ErrConflict) {
				return ErrSlotTaken
			}
			return err
		}
		return LogRequestEvent(ctx, tx, id, ch.Actor, ch.Action, cur.Status, ch.Status)
	})
	return out, store.Classify(err)
}

// execer is a pool or a transaction.
type execer interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

// LogRequestEvent appends one event: who did what to which request (never a personal field).
func LogRequestEvent(ctx context.Context, db execer, id int64, actor, action, from, to string) error {
	_, err := db.Exec(ctx, `INSERT INTO request_events (request_id, actor, action, from_status, to_status)
		VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''))`, id, actor, action, from, to)
	return store.Classify(err)
}

func isConstraint(err error, name string) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.ConstraintName == name
}
