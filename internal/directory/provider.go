package directory

import "time"

// Provider is one place of service as stored in the providers table (one field per column; the search
// document, timestamps and the bureau-only note stay with the store). The JSON names are the column names.
type Provider struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Name       string `json:"name"`
	NameEn     string `json:"name_en"`
	LicenceNo  string `json:"licence_no"`
	CreditCode string `json:"credit_code"`
	Address    string `json:"address"`
	AreaCode   string `json:"area_code"` // "" = unknown

	Lng float64 `json:"lng"` // WGS84
	Lat float64 `json:"lat"`
	// Position is the point's quality: exact, approximate (the centre of the area the address names) or
	// unplaced (no point: Lng and Lat are 0). Placing the record by hand makes it exact.
	Position string `json:"position"`

	Phones    []string `json:"phones"`
	Email     string   `json:"email"`
	Website   string   `json:"website"`
	Hours     Hours    `json:"hours"`
	Languages []string `json:"languages"` // ISO 639 codes: zh, yue, en, ...

	PracticeAreas []string `json:"practice_areas"` // codes of the practice_areas vocabulary
	PracticeNotes []string `json:"practice_notes"` // free text that matched no area, kept rather than lost

	Free          *bool  `json:"free"` // nil = not known
	FeeNote       string `json:"fee_note"`
	Accessibility string `json:"accessibility"`
	Description   string `json:"description"`

	Categories []string `json:"categories"` // forensic: appraisal categories
	ValidFrom  string   `json:"valid_from"` // forensic licence period, "YYYY-MM-DD" or ""
	ValidTo    string   `json:"valid_to"`

	Status     string     `json:"status"`
	VerifiedAt *time.Time `json:"verified_at"` // last time the bureau confirmed the record
	Source     string     `json:"source"`
	SourceID   string     `json:"source_id"`
	Version    int        `json:"version"`
}

// Practitioner is a person linked to a provider (a lawyer to a firm, a notary to an office). Only
// professional facts are kept: never a personal phone number or home address.
type Practitioner struct {
	ID            string   `json:"id"`
	ProviderID    string   `json:"provider_id"`
	Role          string   `json:"role"`
	Name          string   `json:"name"`
	LicenceNo     string   `json:"licence_no"`
	PracticeAreas []string `json:"practice_areas"`
	Languages     []string `json:"languages"`
	Status        string   `json:"status"`
	Source        string   `json:"source"`
	SourceID      string   `json:"source_id"`
	Version       int      `json:"version"`
}

// LicenceExpired reports whether a provider's licence period (forensic institutions) ended before the
// date of now in Shanghai. Importers keep such a record but not as active.
func (p Provider) LicenceExpired(now time.Time) bool {
	return p.ValidTo != "" && p.ValidTo < now.In(Shanghai).Format(time.DateOnly)
}
