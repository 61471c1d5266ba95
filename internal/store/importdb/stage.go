package importdb

import (
	"time"

	"github.com/google/uuid"

	"legalmap/internal/store"
	"legalmap/internal/store/vocabdb"
)

// StagedProvider is one accepted row of a provider file, validated and converted (WGS84 point, codes, the
// search document), ready for WriteProviders: a new record, a row for the staging table, or neither.
type StagedProvider struct {
	ID                                                     uuid.UUID // the id it gets if new (WriteProviders)
	CreateDiff                                             []byte    // its audit diff if new (Prepare)
	Line                                                   int32
	SourceID, Name, NameEn, LicenceNo, CreditCode, Address string
	AreaCode                                               string  // "" = none
	Lng, Lat                                               float64 // ignored when Placement is unplaced
	Placement                                              string  // exact ("" too), approximate, unplaced
	Phones                                                 []string
	Email, Website                                         string
	Hours                                                  []byte // JSON object
	Languages, PracticeAreas, PracticeNotes                []string
	Free                                                   *bool
	FeeNote, Accessibility, Description                    string
	Categories                                             []string
	ValidFrom, ValidTo                                     *time.Time // dates
	Status                                                 string
	VerifiedAt                                             *time.Time
	SearchDoc                                              store.TSVector

	// Community adviser points: who serves there, from which firm, when.
	AdviserName, AdviserLicence, FirmName, FirmLicence string
	Schedule                                           []byte         // JSON object, or nil
	AdviserDoc                                         store.TSVector // the adviser's own search document

	FP    Fingerprint    // what the row derives from (Fingerprint)
	Class RowClass       // what WriteProviders does with it
	Areas []vocabdb.Area // areas first met up to this row: WriteProviders inserts them before it
}

const stageProvidersDDL = `CREATE TEMP TABLE import_stage_providers (
	id uuid NOT NULL, create_diff jsonb NOT NULL, line int NOT NULL, source_id text NOT NULL, name text NOT NULL, name_en text NOT NULL, licence_no text NOT NULL,
	credit_code text NOT NULL, address text NOT NULL, area_code text, lng float8, lat float8, placement text NOT NULL,
	phones text[] NOT NULL, email text NOT NULL, website text NOT NULL, hours jsonb NOT NULL, languages text[] NOT NULL,
	practice_areas text[] NOT NULL, practice_notes text[] NOT NULL, free boolean, fee_note text NOT NULL,
	accessibility text NOT NULL, description text NOT NULL, categories text[] NOT NULL, valid_from date, valid_to date,
	status text NOT NULL, verified_at timestamptz, search_doc tsvector NOT NULL,
	adviser_name text NOT NULL, adviser_licence text NOT NULL, firm_name text NOT NULL, firm_licence text NOT NULL,
	schedule jsonb, adviser_doc tsvector NOT NULL, fp bytea NOT NULL
) ON COMMIT DROP`

var stageProvidersColumns = []string{"id", "create_diff", "line", "source_id", "name", "name_en", "licence_no", "credit_code", "address",
	"area_code", "lng", "lat", "placement", "phones", "email", "website", "hours", "languages", "practice_areas", "practice_notes",
	"free", "fee_note", "accessibility", "description", "categories", "valid_from", "valid_to", "status", "verified_at",
	"search_doc", "adviser_name", "adviser_licence", "firm_name", "firm_licence", "schedule", "adviser_doc", "fp"}

func (p *StagedProvider) values(v []any) []any {
	return append(v[:0], [16]byte(p.ID), jsonObject(p.CreateDiff), p.Line, p.SourceID, p.Name, p.NameEn, p.LicenceNo, p.CreditCode, p.Address,
		nullText(p.AreaCode), p.lngOrNil(), p.latOrNil(), p.placement(), store.NonNil(p.Phones), p.Email, p.Website, jsonObject(p.Hours),
		store.NonNil(p.Languages), store.NonNil(p.PracticeAreas), store.NonNil(p.PracticeNotes), p.Free, p.FeeNote, p.Accessibility,
		p.Description, store.NonNil(p.Categories), p.ValidFrom, p.ValidTo, p.Status, p.VerifiedAt, p.SearchDoc,
		p.AdviserName, p.AdviserLicence, p.FirmName, p.FirmLicence, nullJSON(p.Schedule), p.AdviserDoc, p.FP[:])
}

// placement is the record's position quality, exact unless said otherwise.
func (p *StagedProvider) placement() string {
	if p.Placement == "" {
		return "exact"
	}
	return p.Placement
}

func (p *StagedProvider) unplaced() bool { return p.Placement == "unplaced" }

func (p *StagedProvider) lngOrNil() any {
	if p.unplaced() {
		return nil
	}
	return p.Lng
}

func (p *StagedProvider) latOrNil() any {
	if p.unplaced() {
		return nil
	}
	return p.Lat
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func jsonObject(b []byte) []byte {
	if len(b) == 0 {
		return []byte("{}")
	}
	return b
}

func nullJSON(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
