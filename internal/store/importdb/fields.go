package importdb

import (
	"fmt"
	"strings"
)

// recordField is one public field of a record as the import apply compares, writes and audits it. The SQL
// of the apply is put together from these fixed descriptions only (an allow-list), never from input.
type recordField struct {
	Name     string // column, and the key of the field in an audit diff
	Optional bool   // on update, written only when the file has the column (a missing column keeps the value)
	New      string // the new value, over the staging row s
	Old      string // the stored value, over the record o; "" means "o.<Name>"
	NewCmp   string // what is compared, when not New
	OldCmp   string // … when not Old
	JSONNew  string // the value in the audit, when not New
	JSONOld  string
}

// keepExact: the row has no coordinates and the stored record an exact position.
const keepExact = "(s.placement <> 'exact' AND o.placement = 'exact')"

var providerFields = []recordField{
	{Name: "name", New: "s.name"},
	{Name: "name_en", Optional: true, New: "s.name_en"},
	{Name: "licence_no", Optional: true, New: "s.licence_no"},
	{Name: "credit_code", Optional: true, New: "s.credit_code"},
	{Name: "address", Optional: true, New: "s.address"},
	{Name: "area_code", New: "s.area_code"},
	// A row without coordinates does not move a record that has an exact position (say one the bureau
	// placed by hand): keepExact.
	{Name: "geom", New: "CASE WHEN " + keepExact + " THEN o.geom ELSE ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326) END",
		NewCmp:  "CASE WHEN " + keepExact + " THEN ST_X(o.geom) ELSE s.lng END, CASE WHEN " + keepExact + " THEN ST_Y(o.geom) ELSE s.lat END",
		OldCmp:  "ST_X(o.geom), ST_Y(o.geom)",
		JSONNew: "CASE WHEN " + keepExact + " THEN jsonb_build_array(ST_X(o.geom), ST_Y(o.geom)) ELSE jsonb_build_array(s.lng, s.lat) END",
		JSONOld: "jsonb_build_array(ST_X(o.geom), ST_Y(o.geom))"},
	{Name: "placement", New: "CASE WHEN " + keepExact + " THEN o.placement ELSE s.placement END"},
	{Name: "phones", Optional: true, New: "s.phones"},
	{Name: "email", Optional: true, New: "s.email"},
	{Name: "website", Optional: true, New: "s.website"},
	{Name: "hours", Optional: true, New: "s.hours"},
	{Name: "languages", Optional: true, New: "s.languages"},
	{Name: "practice_areas", Optional: true, New: "s.practice_areas"},
	{Name: "practice_notes", Optional: true, New: "s.practice_notes"},
	{Name: "free", Optional: true, New: "s.free"},
	{Name: "fee_note", Optional: true, New: "s.fee_note"},
	{Name: "accessibility", Optional: true, New: "s.accessibility"},
	{Name: "description", Optional: true, New: "s.description"},
	{Name: "categories", Optional: true, New: "s.categories"},
	{Name: "valid_from", Optional: true, New: "s.valid_from"},
	{Name: "valid_to", Optional: true, New: "s.valid_to"},
	{Name: "status", New: "s.status"},
	{Name: "verified_at", Optional: true, New: "s.verified_at"},
}

func (f recordField) old() string {
	if f.Old != "" {
		return f.Old
	}
	return "o." + f.Name
}

func (f recordField) cmpNew() string  { return or(f.NewCmp, f.New) }
func (f recordField) cmpOld() string  { return or(f.OldCmp, f.old()) }
func (f recordField) jsonNew() string { return or(f.JSONNew, f.New) }
func (f recordField) jsonOld() string { return or(f.JSONOld, f.old()) }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// fieldSet is the fields one run writes: the required ones and the optional ones whose column the file has.
type fieldSet []recordField

func selectFields(all []recordField, present []string) (fieldSet, error) {
	want := map[string]bool{}
	for _, p := range present {
		want[p] = true
	}
	var out fieldSet
	for _, f := range all {
		if !f.Optional || want[f.Name] {
			out = append(out, f)
			delete(want, f.Name)
		}
	}
	for _, f := range all {
		delete(want, f.Name)
	}
	if len(want) > 0 {
		for k := range want {
			return nil, fmt.Errorf("import: unknown field %q", k)
		}
	}
	return out, nil
}

// differs is true when any field of the set changed.
func (fs fieldSet) differs() string {
	var o, n []string
	for _, f := range fs {
		o = append(o, f.cmpOld())
		n = append(n, f.cmpNew())
	}
	return "ROW(" + strings.Join(o, ", ") + ") IS DISTINCT FROM ROW(" + strings.Join(n, ", ") + ")"
}

// oldValues and newValues render the stored and the staged record for their audit (import_audit), as
// jsonb objects {"field": value}.
func (fs fieldSet) oldValues() string { return fs.values(recordField.jsonOld) }
func (fs fieldSet) newValues() string { return fs.values(recordField.jsonNew) }

func (fs fieldSet) values(expr func(recordField) string) string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf("'%s', %s", f.Name, expr(f)))
	}
	return "jsonb_build_object(" + strings.Join(parts, ", ") + ")"
}

// assignments writes "col = new" for an UPDATE.
func (fs fieldSet) assignments() string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		parts = append(parts, f.Name+" = "+f.New)
	}
	return strings.Join(parts, ", ")
}

// rowValues renders a record as written (the RETURNING of an INSERT, where each field is its own column)
// for its audit.
func rowValues(all []recordField) string {
	return fieldSet(all).values(func(f recordField) string {
		switch f.Name {
		case "geom":
			return "CASE WHEN geom IS NULL THEN NULL ELSE jsonb_build_array(ST_X(geom), ST_Y(geom)) END"
		case "placement": // an exact position is the ordinary case: said only when it is not
			return "nullif(placement, 'exact')"
		}
		return f.Name
	})
}
