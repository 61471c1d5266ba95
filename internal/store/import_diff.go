package store

import (
	"strconv"
	"time"

	"github.com/google/uuid"

	"legalmap/internal/jsontext"
)

// A created record's audit diff holds every non-empty field it was created with, {"field": {"old": null,
// "new": …}}, as the admin's create writes it. The row workers build it (in parallel, while the file is
// read) together with the record's id, so the database only stores it: building a million JSON objects
// in SQL costs the one backend of the transaction several times more than parsing them.

func init() { uuid.EnableRandPool() } // ids for a million rows without a million reads of the system's random source

// Prepare gives the staged place its creation diff and the wire form of its search documents (its id is
// given in file order, by WriteProviders).
func (p *StagedProvider) Prepare() {
	p.SearchDoc.build()
	p.AdviserDoc.build()
	var d diffWriter
	d.str("name", p.Name)
	d.str("name_en", p.NameEn)
	d.str("licence_no", p.LicenceNo)
	d.str("credit_code", p.CreditCode)
	d.str("address", p.Address)
	d.str("area_code", p.AreaCode)
	d.point("geom", p.Lng, p.Lat)
	d.list("phones", p.Phones)
	d.str("email", p.Email)
	d.str("website", p.Website)
	if h := jsonObject(p.Hours); string(h) != "{}" {
		d.raw("hours", h)
	}
	d.list("languages", p.Languages)
	d.list("practice_areas", p.PracticeAreas)
	d.list("practice_notes", p.PracticeNotes)
	if p.Free != nil {
		d.raw("free", []byte(strconv.FormatBool(*p.Free)))
	}
	d.str("fee_note", p.FeeNote)
	d.str("accessibility", p.Accessibility)
	d.str("description", p.Description)
	d.list("categories", p.Categories)
	d.date("valid_from", p.ValidFrom)
	d.date("valid_to", p.ValidTo)
	d.str("status", p.Status)
	if p.VerifiedAt != nil {
		d.str("verified_at", p.VerifiedAt.In(shanghai).Format(time.RFC3339))
	}
	p.CreateDiff = d.close()
}

// Prepare gives the staged practitioner its id if new and its creation diff (the firm and the source are
// added by the apply, which resolves the firm).
func (p *StagedPractitioner) Prepare() {
	p.ID = uuid.Must(uuid.NewV7()) // time-ordered: the primary key grows at its right edge
	p.SearchDoc.build()
	var d diffWriter
	d.str("name", p.Name)
	d.str("role", p.Role)
	d.str("licence_no", p.LicenceNo)
	d.list("practice_areas", p.PracticeAreas)
	d.list("practice_notes", p.PracticeNotes)
	d.list("languages", p.Languages)
	d.str("status", p.Status)
	d.str("source_id", p.SourceID)
	p.CreateDiff = d.close()
}

// shanghai is the zone timestamps are shown in (the pool's session time zone), so a diff built here reads
// like one PostgreSQL builds.
var shanghai = func() *time.Location {
	if l, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		return l
	}
	return time.FixedZone("CST", 8*3600)
}()

// diffWriter writes the JSON object of a creation diff, leaving empty fields out.
type diffWriter struct{ b []byte }

func (d *diffWriter) key(field string) {
	if len(d.b) == 0 {
		d.b = append(make([]byte, 0, 512), '{')
	} else {
		d.b = append(d.b, ',')
	}
	d.b = jsontext.AppendString(d.b, field)
	d.b = append(d.b, `:{"old":null,"new":`...)
}

func (d *diffWriter) raw(field string, v []byte) {
	d.key(field)
	d.b = append(append(d.b, v...), '}')
}

func (d *diffWriter) str(field, v string) {
	if v == "" {
		return
	}
	d.key(field)
	d.b = append(jsontext.AppendString(d.b, v), '}')
}

func (d *diffWriter) list(field string, v []string) {
	if len(v) == 0 {
		return
	}
	d.key(field)
	d.b = append(d.b, '[')
	for i, s := range v {
		if i > 0 {
			d.b = append(d.b, ',')
		}
		d.b = jsontext.AppendString(d.b, s)
	}
	d.b = append(d.b, "]}"...)
}

func (d *diffWriter) point(field string, lng, lat float64) {
	d.key(field)
	d.b = append(d.b, '[')
	d.b = strconv.AppendFloat(d.b, lng, 'g', -1, 64)
	d.b = append(d.b, ',')
	d.b = strconv.AppendFloat(d.b, lat, 'g', -1, 64)
	d.b = append(d.b, "]}"...)
}

func (d *diffWriter) date(field string, t *time.Time) {
	if t != nil {
		d.str(field, t.Format(time.DateOnly))
	}
}

func (d *diffWriter) close() []byte {
	if len(d.b) == 0 {
		return []byte("{}")
	}
	return append(d.b, '}')
}
