// Package recorddb is the bureau's side of the directory: finding and reading records with their internal
// fields, editing and creating them with a version check and an audit row each, the history of changes
// and import runs, and the dashboard's figures and lists of records to fix.
package recorddb

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/directory"
	"legalmap/internal/store"
)

// Record is a provider as the bureau sees it: every stored field, the bureau-only note and the timestamps.
type Record struct {
	directory.Provider
	InternalNote string    `json:"internal_note"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

const recordColumns = `p.id::text, p.kind, p.name, p.name_en, p.licence_no, p.credit_code, p.address,
	coalesce(p.area_code, ''), coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0), p.phones, p.email, p.website, p.hours, p.languages,
	p.practice_areas, p.practice_notes, p.free, p.fee_note, p.accessibility, p.description, p.categories,
	coalesce(to_char(p.valid_from, 'YYYY-MM-DD'), ''), coalesce(to_char(p.valid_to, 'YYYY-MM-DD'), ''),
	p.status, p.verified_at, p.source, p.source_id, p.version, p.internal_note, p.created_at, p.updated_at, p.placement`

func scanRecord(row pgx.Row) (Record, error) {
	var r Record
	p := &r.Provider
	err := row.Scan(&p.ID, &p.Kind, &p.Name, &p.NameEn, &p.LicenceNo, &p.CreditCode, &p.Address, &p.AreaCode,
		&p.Lng, &p.Lat, &p.Phones, &p.Email, &p.Website, &p.Hours, &p.Languages, &p.PracticeAreas, &p.PracticeNotes,
		&p.Free, &p.FeeNote, &p.Accessibility, &p.Description, &p.Categories, &p.ValidFrom, &p.ValidTo, &p.Status,
		&p.VerifiedAt, &p.Source, &p.SourceID, &p.Version, &r.InternalNote, &r.CreatedAt, &r.UpdatedAt, &p.Position)
	return r, store.Classify(err)
}

// ProviderByID returns one record, withdrawn ones included.
func ProviderByID(ctx context.Context, db *pgxpool.Pool, id string) (Record, error) {
	return scanRecord(db.QueryRow(ctx, `SELECT `+recordColumns+` FROM providers p WHERE p.id = $1`, id))
}

// RecordFilter finds records for the admin pages. Text matches name, English name, address, licence
// number, credit code or source id (as a substring, wildcards taken literally), and a phone number however
// it is written ("0755 8300 1234", "(0755)83001234", "+86 138-0013-8000", or a part of it).
type RecordFilter struct {
	Text   string
	Kind   string
	Status string
	Stale  bool // only open records not verified for a year
	Limit  int
	Offset int
}

// RecordPage is one page of the records that pass a filter and how many pass.
type RecordPage struct {
	Records []Record
	Total   Total
}

// FindRecords lists the records that pass the filter by name, with their total (up to countLimit).
//
// Filters come in two shapes that want two plans. Where few records pass (a name or a number looked up),
// they are read in one pass of the table, counted and ordered; where many pass (a kind, a common word, or
// no filter), the name index (sql/098) yields them in order and the page stops early. The first statement
// tells which: it reads the matches up to countLimit + 1 (a pass that stops early when they are many),
// counts them, and when that is all of them orders them for the page.
func FindRecords(ctx context.Context, db *pgxpool.Pool, f RecordFilter) (RecordPage, error) {
	like := "%" + escapeLike(f.Text) + "%"
	args := []any{f.Text, like, f.Kind, f.Status, f.Stale, phoneDigits(f.Text)}
	var n int
	var ids []string
	rows, err := db.Query(ctx, `WITH m AS MATERIALIZED (SELECT p.id, p.name FROM providers p WHERE `+recordFilterSQL+` LIMIT $7)
		SELECT c.n, pg.id::text FROM (SELECT count(*) AS n FROM m) c
		LEFT JOIN LATERAL (SELECT m.id, m.name FROM m ORDER BY m.name, m.id LIMIT $8 OFFSET $9) pg ON c.n < $7
		ORDER BY pg.name, pg.id`, append(args, countLimit+1, f.Limit, f.Offset)...)
	if err != nil {
		return RecordPage{}, store.Classify(err)
	}
	var id *string
	_, err = pgx.ForEachRow(rows, []any{&n, &id}, func() error {
		if id != nil {
			ids = append(ids, *id)
		}
		return nil
	})
	if err != nil {
		return RecordPage{}, store.Classify(err)
	}
	if n <= countLimit { // every match was read: the page is ids
		rows, err = db.Query(ctx, `SELECT `+recordColumns+` FROM providers p WHERE p.id = ANY ($1::uuid[])
			ORDER BY p.name, p.id`, ids)
	} else {
		rows, err = db.Query(ctx, `SELECT `+recordColumns+` FROM providers p WHERE `+recordFilterSQL+`
			ORDER BY p.name, p.id LIMIT $7 OFFSET $8`, append(args, f.Limit, f.Offset)...)
	}
	if err != nil {
		return RecordPage{}, store.Classify(err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Record, error) { return scanRecord(r) })
	if err != nil {
		return RecordPage{}, store.Classify(err)
	}
	if n <= countLimit {
		return RecordPage{Records: list, Total: Total{N: n}}, nil
	}
	total, err := pageTotal(ctx, db, "providers p WHERE "+recordFilterSQL, args, len(list), f.Limit, f.Offset)
	return RecordPage{Records: list, Total: total}, err
}

const recordFilterSQL = `($1 = '' OR p.name ILIKE $2 OR p.name_en ILIKE $2 OR p.address ILIKE $2 OR p.licence_no ILIKE $2
		OR p.credit_code ILIKE $2 OR p.source_id ILIKE $2 OR p.id::text = $1
		OR ($6 <> '' AND replace(array_to_string(p.phones, ','), '-', '') LIKE '%' || $6 || '%'))
	AND ($3 = '' OR p.kind = $3) AND ($4 = '' OR p.status = $4)
	AND (NOT $5 OR (p.status <> 'closed' AND (p.verified_at IS NULL OR p.verified_at < now() - interval '1 year')))`

// phoneDigits is the digits of a query that reads as (a part of) a phone number: only digits, spaces,
// hyphens, dots, brackets and a leading +, at least five digits; a country code 86 written with + or 00 is
// dropped, as stored numbers have none. Anything else gives "" (no phone match).
func phoneDigits(q string) string {
	q = strings.TrimSpace(q)
	intl := strings.HasPrefix(q, "+") || strings.HasPrefix(q, "00")
	var b strings.Builder
	for i, r := range q {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0, r == ' ', r == '-', r == '.', r == '(', r == ')', r == '（', r == '）':
		default:
			return ""
		}
	}
	d := b.String()
	if intl {
		d = strings.TrimPrefix(strings.TrimPrefix(d, "00"), "86")
	}
	if len(d) < 5 {
		return ""
	}
	return d
}

// escapeLike makes % _ and \ match themselves in a LIKE pattern.
func escapeLike(s string) string {
	r := make([]rune, 0, len(s))
	for _, c := range s {
		if c == '%' || c == '_' || c == '\\' {
			r = append(r, '\\')
		}
		r = append(r, c)
	}
	return string(r)
}
