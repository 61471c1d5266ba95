package recorddb

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Single-record writes from the admin API. Each is one transaction that locks the row, checks the version
// the editor read, writes the record and exactly one audit row, or writes nothing at all.

// VersionConflict: the record changed since the editor read it. It carries the record as it is now, so the
// editor can see what changed and decide again. It is an ErrConflict.
type VersionConflict struct {
	Current Record
}

func (e *VersionConflict) Error() string {
	return fmt.Sprintf("record %s is at version %d", e.Current.ID, e.Current.Version)
}
func (e *VersionConflict) Unwrap() error { return store.ErrConflict }

// Edit says who makes a change and why. Version is the version the editor read; 0 skips the check (for
// withdraw, restore and verify, which say what they mean whatever the record holds).
type Edit struct {
	Actor   string
	Action  string // update, withdraw, restore or verify
	Reason  string
	Version int
	// Refresh, when set, runs in the write's transaction after the row is written: it recomputes derived
	// data (the search document) from the row as stored, so search never lags an edit.
	Refresh func(ctx context.Context, q store.Querier, id string) error
}

// Mutation turns the locked current record into the new one. An error rolls the whole write back.
type Mutation func(current Record) (next Record, err error)

// UpdateProvider applies change to record id under the row lock. Nothing changed: the current record is
// returned and nothing is written (no new version, no audit row). A stale version: *VersionConflict.
func UpdateProvider(ctx context.Context, db *pgxpool.Pool, id string, e Edit, change Mutation) (Record, error) {
	var out Record
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		cur, err := scanRecord(tx.QueryRow(ctx, `SELECT `+recordColumns+` FROM providers p WHERE p.id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		if e.Version != 0 && e.Version != cur.Version {
			return &VersionConflict{Current: cur}
		}
		next, err := change(cur)
		if err != nil {
			return err
		}
		diff, err := recordDiff(&cur, &next)
		if err != nil {
			return err
		}
		if len(diff) == 0 {
			out = cur
			return nil
		}
		if out, err = scanRecord(tx.QueryRow(ctx, `UPDATE providers p SET `+recordAssignments+`,
				version = version + 1, updated_at = now()
			WHERE p.id = $1 RETURNING `+recordColumns, recordArgs(id, &next)...)); err != nil {
			return err
		}
		if e.Refresh != nil {
			if err := e.Refresh(ctx, tx, id); err != nil {
				return err
			}
		}
		return insertChange(ctx, tx, id, e, diff)
	})
	return out, store.Classify(err)
}

// CreateProvider inserts a new record (its ID is assigned) with its audit row.
func CreateProvider(ctx context.Context, db *pgxpool.Pool, r Record, e Edit) (Record, error) {
	var out Record
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		var err error
		if out, err = scanRecord(tx.QueryRow(ctx, `INSERT INTO providers AS p (id, kind, source, source_id, name,
				name_en, licence_no, credit_code, address, area_code, geom, phones, email, website, hours, languages,
				practice_areas, practice_notes, free, fee_note, accessibility, description, categories, valid_from,
				valid_to, status, verified_at, internal_note)
			VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, nullif($9, ''), ST_SetSRID(ST_MakePoint($10, $11), 4326),
				$12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, nullif($24, '')::date, nullif($25, '')::date,
				$26, $27, $28)
			RETURNING `+recordColumns,
			append([]any{r.Kind, r.Source, r.SourceID}, recordArgs("", &r)[1:]...)...)); err != nil {
			return err
		}
		if e.Refresh != nil {
			if err := e.Refresh(ctx, tx, out.ID); err != nil {
				return err
			}
		}
		diff, err := recordDiff(nil, &out)
		if err != nil {
			return err
		}
		e.Action = "create"
		return insertChange(ctx, tx, out.ID, e, diff)
	})
	return out, store.Classify(err)
}

// recordAssignments and recordArgs write the editable fields; $1 is the id. Kind and source stay as they are.
const recordAssignments = `name = $2, name_en = $3, licence_no = $4, credit_code = $5, address = $6,
	area_code = nullif($7, ''), geom = ST_SetSRID(ST_MakePoint($8, $9), 4326),
	placement = CASE WHEN ST_X(geom) = $8 AND ST_Y(geom) = $9 THEN placement ELSE 'exact' END, phones = $10, email = $11,
	website = $12, hours = $13, languages = $14, practice_areas = $15, practice_notes = $16, free = $17,
	fee_note = $18, accessibility = $19, description = $20, categories = $21, valid_from = nullif($22, '')::date,
	valid_to = nullif($23, '')::date, status = $24, verified_at = $25, internal_note = $26`

func recordArgs(id string, r *Record) []any {
	p := &r.Provider
	return []any{id, p.Name, p.NameEn, p.LicenceNo, p.CreditCode, p.Address, p.AreaCode, p.Lng, p.Lat,
		nonNilList(p.Phones), p.Email, p.Website, p.Hours, nonNilList(p.Languages), nonNilList(p.PracticeAreas),
		nonNilList(p.PracticeNotes), p.Free, p.FeeNote, p.Accessibility, p.Description, nonNilList(p.Categories),
		p.ValidFrom, p.ValidTo, p.Status, p.VerifiedAt, r.InternalNote}
}

func nonNilList(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// auditSkip are the fields that are bookkeeping, not content: they change with every write.
var auditSkip = map[string]bool{"id": true, "version": true, "created_at": true, "updated_at": true, "lng": true, "lat": true}

// recordDiff is the audit diff (store.AuditDiff) of an edit: the records rendered through their JSON (whose names
// are the column names), the point as one field "geom" holding [lng, lat], as the importers write it.
func recordDiff(old, next *Record) (map[string]store.FieldChange, error) {
	o, err := recordValues(old)
	if err != nil {
		return nil, err
	}
	n, err := recordValues(next)
	if err != nil {
		return nil, err
	}
	return store.AuditDiff(o, n), nil
}

// recordValues renders a record for its audit (nil for none: a record being created).
func recordValues(r *Record) (store.AuditValues, error) {
	if r == nil {
		return nil, nil
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	v := store.AuditValues{}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	for k := range v {
		if auditSkip[k] {
			delete(v, k)
		}
	}
	v.Set("geom", [2]float64{r.Lng, r.Lat})
	return v, nil
}

func insertChange(ctx context.Context, tx pgx.Tx, id string, e Edit, diff map[string]store.FieldChange) error {
	if e.Actor == "" {
		return errors.New("store: a change needs an actor")
	}
	b, err := json.Marshal(diff)
	if err != nil {
		return err
	}
	_, err = tx.Exec(ctx, `INSERT INTO changes (record_type, record_id, action, actor, reason, diff)
		VALUES ('provider', $1, $2, $3, $4, $5)`, id, e.Action, e.Actor, e.Reason, b)
	return err
}
