package importdb

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// StagedPractitioner is one accepted row of a practitioner file (lawyers), validated and converted.
type StagedPractitioner struct {
	ID                           uuid.UUID // the id it gets if new (Prepare)
	Line                         int32
	SourceID, Role, Name         string
	LicenceNo                    string // "" = none
	FirmLicence, FirmName        string // how the row names its firm
	PracticeAreas, PracticeNotes []string
	Languages                    []string
	Status                       string
	SearchDoc                    store.TSVector
}

const stagePractitionersDDL = `CREATE TEMP TABLE import_stage_practitioners (
	id uuid NOT NULL, line int NOT NULL, source_id text NOT NULL, role text NOT NULL, name text NOT NULL, licence_no text,
	firm_licence text NOT NULL, firm_name text NOT NULL, practice_areas text[] NOT NULL, practice_notes text[] NOT NULL,
	languages text[] NOT NULL, status text NOT NULL, search_doc tsvector NOT NULL
) ON COMMIT DROP`

var stagePractitionersColumns = []string{"id", "line", "source_id", "role", "name", "licence_no", "firm_licence", "firm_name",
	"practice_areas", "practice_notes", "languages", "status", "search_doc"}

// StagePractitioners fills the run's practitioner staging table by binary COPY from next (io.EOF at the end).
func (t *ImportTx) StagePractitioners(ctx context.Context, next func() (*StagedPractitioner, error)) (int64, error) {
	if _, err := t.exec(ctx, "stage", stagePractitionersDDL); err != nil {
		return 0, err
	}
	buf := make([]any, 0, len(stagePractitionersColumns))
	n, err := t.tx.CopyFrom(ctx, pgx.Identifier{"import_stage_practitioners"}, stagePractitionersColumns,
		pgx.CopyFromFunc(func() ([]any, error) {
			p, err := next()
			if err != nil {
				if errors.Is(err, io.EOF) {
					return nil, nil
				}
				return nil, err
			}
			return append(buf[:0], [16]byte(p.ID), p.Line, p.SourceID, p.Role, p.Name, nullText(p.LicenceNo), p.FirmLicence, p.FirmName,
				store.NonNil(p.PracticeAreas), store.NonNil(p.PracticeNotes), store.NonNil(p.Languages), p.Status, p.SearchDoc), nil
		}))
	if err != nil {
		return n, fmt.Errorf("import stage: %w", store.Classify(err))
	}
	_, err = t.exec(ctx, "stage", "ANALYZE import_stage_practitioners (line, source_id, licence_no)")
	return n, err
}

// PractitionerApply says how staged practitioners are applied.
type PractitionerApply struct {
	Role        string
	PlaceKinds  []string // the kinds of place the people work at (lawyers: law_firm)
	Fields      []string // optional fields whose column the file has (see practitionerFields)
	Snapshot    bool
	MaxWithdraw float64
	Listed      []string // ids of rejected rows (still listed by the file)
}

var practitionerFields = []recordField{
	{Name: "name", New: "s.name"},
	{Name: "role", New: "s.role"},
	{Name: "licence_no", New: "s.licence_no"},
	{Name: "provider_id", New: "r.firm_id"},
	{Name: "practice_areas", Optional: true, New: "s.practice_areas"},
	{Name: "practice_notes", Optional: true, New: "s.practice_notes"},
	{Name: "languages", Optional: true, New: "s.languages"},
	{Name: "status", New: "s.status"},
	// A practitioner first created by another source (a community adviser list) is taken over by the
	// practitioner list that names the same licence: it is the authority on lawyers.
	{Name: "source", New: "$1::text"},
	{Name: "source_id", New: "s.source_id"},
}

// firmKeys maps how rows name the place a person works at (licence number or credit code; a name only when
// no other open place of those kinds bears it, compared without spaces and with full-width brackets made
// half-width) to the place. kinds is the statement's parameter holding the place kinds (text[]), e.g. "$2".
func firmKeys(kinds string) string {
	return `
	firm_by_licence AS (
		SELECT DISTINCT ON (k) k, id FROM (
			SELECT licence_no AS k, id, status, updated_at FROM providers WHERE kind = ANY(` + kinds + `::text[]) AND licence_no <> ''
			UNION ALL
			SELECT credit_code, id, status, updated_at FROM providers WHERE kind = ANY(` + kinds + `::text[]) AND credit_code <> ''
		) f ORDER BY k, status = 'closed', updated_at DESC),
	firm_by_name AS (
		SELECT translate(replace(name, ' ', ''), '（）', '()') AS k, min(id::text)::uuid AS id FROM providers
		WHERE kind = ANY(` + kinds + `::text[]) AND status <> 'closed'
		GROUP BY 1 HAVING count(*) = 1)`
}
