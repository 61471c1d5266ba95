package importdb

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"

	"legalmap/internal/store"
)

// A created record's audit diff holds every non-empty field it was created with, {"field": {"old": null,
// "new": …}} (store.AuditDiff against nothing). The row workers build it (in parallel, while the file is read)
// together with the record's id, so the database only stores it: building the objects in SQL would load the
// one backend of the transaction with work the workers share.

func init() { uuid.EnableRandPool() } // ids for a file's rows without a read of the system's random source each

// Prepare gives the staged place its creation diff and the wire form of its search documents (its id is
// given in file order, by WriteProviders).
func (p *StagedProvider) Prepare() {
	p.SearchDoc.Build()
	p.AdviserDoc.Build()
	v := make(store.AuditValues, 24)
	v.Set("name", p.Name)
	v.Set("name_en", p.NameEn)
	v.Set("licence_no", p.LicenceNo)
	v.Set("credit_code", p.CreditCode)
	v.Set("address", p.Address)
	v.Set("area_code", p.AreaCode)
	if !p.unplaced() {
		v.Set("geom", [2]float64{p.Lng, p.Lat})
	}
	if p.placement() != "exact" { // the ordinary case is not said (rowValues does the same)
		v.Set("placement", p.placement())
	}
	v.Set("phones", p.Phones)
	v.Set("email", p.Email)
	v.Set("website", p.Website)
	v.Set("hours", json.RawMessage(jsonObject(p.Hours)))
	v.Set("languages", p.Languages)
	v.Set("practice_areas", p.PracticeAreas)
	v.Set("practice_notes", p.PracticeNotes)
	v.Set("free", p.Free)
	v.Set("fee_note", p.FeeNote)
	v.Set("accessibility", p.Accessibility)
	v.Set("description", p.Description)
	v.Set("categories", p.Categories)
	v.Set("valid_from", dateText(p.ValidFrom))
	v.Set("valid_to", dateText(p.ValidTo))
	v.Set("status", p.Status)
	if p.VerifiedAt != nil {
		v.Set("verified_at", p.VerifiedAt.In(shanghai).Format(time.RFC3339))
	}
	p.CreateDiff, _ = json.Marshal(store.AuditDiff(nil, v)) // strings, lists and raw JSON: cannot fail
}

// Prepare gives the staged practitioner its id if new and the wire form of its search document (its
// creation's audit is rendered by the apply, which resolves its firm).
func (p *StagedPractitioner) Prepare() {
	p.ID = uuid.Must(uuid.NewV7()) // time-ordered: the primary key grows at its right edge
	p.SearchDoc.Build()
}

// shanghai is the zone timestamps are shown in (the pool's session time zone), so a diff built here reads
// like one PostgreSQL builds.
var shanghai = func() *time.Location {
	if l, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return l
	}
	return time.FixedZone("CST", 8*3600)
}()

func dateText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}
