package placedb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// ProviderDetail is one provider as its public page shows it: the list fields and the rest of the public
// record, with the people who work or serve there. Never internal_note, never source bookkeeping.
type ProviderDetail struct {
	Place
	LicenceNo     string
	AreaCode      string
	Email         string
	Website       string
	FeeNote       string
	Accessibility string
	Description   string
	Categories    []string
	ValidFrom     *time.Time
	ValidTo       *time.Time
	Version       int
	Practitioners []PublicPractitioner
}

// PublicPractitioner is a person's professional facts, and for an assigned adviser the firm that sends
// them and when they serve.
type PublicPractitioner struct {
	ID            string
	Role          string
	Name          string
	LicenceNo     string
	PracticeAreas []string
	Languages     []string
	Status        string
	Assigned      bool   // serves here on a schedule rather than belonging here
	FirmName      string // assigned: the firm that supplies them
	Schedule      []byte // assigned: assignments.schedule as stored (jsonb)
}

// Provider returns one visible provider by id; ErrNotFound when there is none (or it is withdrawn).
func Provider(ctx context.Context, db *pgxpool.Pool, id string) (ProviderDetail, error) {
	var d ProviderDetail
	fields := append(placeFields(&d.Place), &d.LicenceNo, &d.AreaCode, &d.Email, &d.Website, &d.FeeNote,
		&d.Accessibility, &d.Description, &d.Categories, &d.ValidFrom, &d.ValidTo, &d.Version)
	err := db.QueryRow(ctx, `SELECT `+placeColumns+`, p.licence_no, coalesce(p.area_code, ''), p.email, p.website,
			p.fee_note, p.accessibility, p.description, p.categories, p.valid_from, p.valid_to, p.version
		FROM providers p WHERE p.id = $1::uuid AND p.status <> 'closed'`, id).Scan(fields...)
	if err != nil {
		return d, store.Classify(err)
	}
	rows, err := db.Query(ctx, `SELECT pr.id::text, pr.role, pr.name, coalesce(pr.licence_no, ''), pr.practice_areas,
			pr.languages, pr.status, false, '', NULL::jsonb
		FROM practitioners pr WHERE pr.provider_id = $1::uuid AND pr.status <> 'closed'
		UNION ALL
		SELECT pr.id::text, pr.role, pr.name, coalesce(pr.licence_no, ''), pr.practice_areas,
			pr.languages, pr.status, true, coalesce(nullif(a.firm_name, ''), f.name, ''), a.schedule
		FROM assignments a
		JOIN practitioners pr ON pr.id = a.practitioner_id
		LEFT JOIN providers f ON f.id = a.firm_id AND f.status <> 'closed'
		WHERE a.provider_id = $1::uuid AND pr.status <> 'closed'
		ORDER BY 8, 3, 1`, id)
	if err != nil {
		return d, store.Classify(err)
	}
	var p PublicPractitioner
	_, err = pgx.ForEachRow(rows, []any{&p.ID, &p.Role, &p.Name, &p.LicenceNo, &p.PracticeAreas, &p.Languages,
		&p.Status, &p.Assigned, &p.FirmName, &p.Schedule}, func() error {
		d.Practitioners = append(d.Practitioners, p)
		return nil
	})
	return d, store.Classify(err)
}
