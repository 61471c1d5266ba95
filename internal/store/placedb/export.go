package placedb

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// PublicRecord is one provider as the open data export publishes it: the public fields only. The bureau's
// internal note, the import source and the search document never leave through here.
type PublicRecord struct {
	ID            string          `json:"id"`
	Kind          string          `json:"kind"`
	KindName      string          `json:"kind_name"`
	Name          string          `json:"name"`
	NameEn        string          `json:"name_en"`
	LicenceNo     string          `json:"licence_no"`
	CreditCode    string          `json:"credit_code"`
	Address       string          `json:"address"`
	AreaCode      string          `json:"area_code"`
	AreaName      string          `json:"area_name"`
	Lng           float64         `json:"lng"`
	Lat           float64         `json:"lat"`
	Position      string          `json:"position"` // exact, approximate, unplaced (Lng, Lat 0: no point)
	Phones        []string        `json:"phones"`
	Email         string          `json:"email"`
	Website       string          `json:"website"`
	Hours         json.RawMessage `json:"hours"`
	Languages     []string        `json:"languages"`
	PracticeAreas []string        `json:"practice_areas"`
	// PracticeAreaNames are the practice areas' Chinese names, in the same order (the CSV's readable column).
	PracticeAreaNames []string   `json:"-"`
	Free              *bool      `json:"free"`
	FeeNote           string     `json:"fee_note"`
	Accessibility     string     `json:"accessibility"`
	Description       string     `json:"description"`
	Categories        []string   `json:"categories"`
	ValidFrom         string     `json:"valid_from"`
	ValidTo           string     `json:"valid_to"`
	Status            string     `json:"status"`
	VerifiedAt        *time.Time `json:"verified_at"`
	UpdatedAt         time.Time  `json:"updated_at"`
}

// ExportVersion is the directory's data version, for the export's ETag.
func ExportVersion(ctx context.Context, db *pgxpool.Pool) (int64, error) {
	var v int64
	err := db.QueryRow(ctx, `SELECT version FROM directory_state`).Scan(&v)
	return v, store.Classify(err)
}

// ExportSnapshot calls fn for every provider the public sees (all but the withdrawn), by kind and name, as
// the rows arrive, so a large directory streams without being held in memory; and it returns the data
// version the rows are of. Both are read from one snapshot (a read-only repeatable-read transaction), so a
// file made from them is exactly that version. A whole directory takes longer than an interactive
// statement may: its statements get timeout instead.
func ExportSnapshot(ctx context.Context, db *pgxpool.Pool, timeout time.Duration, fn func(PublicRecord) error) (int64, error) {
	tx, err := db.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return 0, store.Classify(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // read-only: nothing to keep
	if _, err := tx.Exec(ctx, `SELECT set_config('statement_timeout', $1, true)`, strconv.FormatInt(timeout.Milliseconds(), 10)); err != nil {
		return 0, store.Classify(err)
	}
	var v int64
	if err := tx.QueryRow(ctx, `SELECT version FROM directory_state`).Scan(&v); err != nil {
		return 0, store.Classify(err)
	}
	rows, err := tx.Query(ctx, `SELECT p.id::text, p.kind, k.name_zh, p.name, p.name_en, p.licence_no, p.credit_code,
			p.address, coalesce(p.area_code, ''), coalesce(a.name_zh, ''), coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0), p.phones,
			p.email, p.website, p.hours, p.languages, p.practice_areas,
			ARRAY(SELECT coalesce(pa.name_zh, u.code) FROM unnest(p.practice_areas) WITH ORDINALITY u(code, i)
				LEFT JOIN practice_areas pa ON pa.code = u.code ORDER BY u.i), p.free, p.fee_note, p.accessibility,
			p.description, p.categories, coalesce(to_char(p.valid_from, 'YYYY-MM-DD'), ''),
			coalesce(to_char(p.valid_to, 'YYYY-MM-DD'), ''), p.status, p.verified_at, p.updated_at, p.placement
		FROM providers p JOIN kinds k ON k.code = p.kind LEFT JOIN areas a ON a.code = p.area_code
		WHERE p.status <> 'closed'
		ORDER BY k.sort, p.kind, p.name, p.id`)
	if err != nil {
		return 0, store.Classify(err)
	}
	var r PublicRecord
	_, err = pgx.ForEachRow(rows, []any{&r.ID, &r.Kind, &r.KindName, &r.Name, &r.NameEn, &r.LicenceNo, &r.CreditCode,
		&r.Address, &r.AreaCode, &r.AreaName, &r.Lng, &r.Lat, &r.Phones, &r.Email, &r.Website, &r.Hours, &r.Languages,
		&r.PracticeAreas, &r.PracticeAreaNames, &r.Free, &r.FeeNote, &r.Accessibility, &r.Description, &r.Categories, &r.ValidFrom,
		&r.ValidTo, &r.Status, &r.VerifiedAt, &r.UpdatedAt, &r.Position}, func() error { return fn(r) })
	return v, store.Classify(err)
}
