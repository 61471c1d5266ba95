package store

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

// A created record's audit diff holds every non-empty field it was created with, {"field": {"old": null,
// "new": …}} (auditDiff against nothing). The row workers build it (in parallel, while the file is read)
// together with the record's id, so the database only stores it: building a million JSON objects in SQL
// costs the one backend of the transaction several times more than parsing them.

func init() { uuid.EnableRandPool() } // ids for a million rows without a million reads of the system's random source

// Prepare gives the staged place its creation diff and the wire form of its search documents (its id is
// given in file order, by WriteProviders).
func (p *StagedProvider) Prepare() {
	p.SearchDoc.build()
	p.AdviserDoc.build()
	v := make(auditValues, 24)
	v.set("name", p.Name)
	v.set("name_en", p.NameEn)
	v.set("licence_no", p.LicenceNo)
	v.set("credit_code", p.CreditCode)
	v.set("address", p.Address)
	v.set("area_code", p.AreaCode)
	if !p.unplaced() {
		v.set("geom", [2]float64{p.Lng, p.Lat})
	}
	if p.placement() != "exact" { // the ordinary case is not said (rowValues does the same)
		v.set("placement", p.placement())
	}
	v.set("phones", p.Phones)
	v.set("email", p.Email)
	v.set("website", p.Website)
	v.set("hours", json.RawMessage(jsonObject(p.Hours)))
	v.set("languages", p.Languages)
	v.set("practice_areas", p.PracticeAreas)
	v.set("practice_notes", p.PracticeNotes)
	v.set("free", p.Free)
	v.set("fee_note", p.FeeNote)
	v.set("accessibility", p.Accessibility)
	v.set("description", p.Description)
	v.set("categories", p.Categories)
	v.set("valid_from", dateText(p.ValidFrom))
	v.set("valid_to", dateText(p.ValidTo))
	v.set("status", p.Status)
	if p.VerifiedAt != nil {
		v.set("verified_at", p.VerifiedAt.In(shanghai).Format(time.RFC3339))
	}
	p.CreateDiff, _ = json.Marshal(auditDiff(nil, v)) // strings, lists and raw JSON: cannot fail
}

// Prepare gives the staged practitioner its id if new and the wire form of its search document (its
// creation's audit is rendered by the apply, which resolves its firm).
func (p *StagedPractitioner) Prepare() {
	p.ID = uuid.Must(uuid.NewV7()) // time-ordered: the primary key grows at its right edge
	p.SearchDoc.build()
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
