package store

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
	JSONNew  string // the value in the diff, when not New
	JSONOld  string
	Empty    string // "is empty" over the stored column %s: a created record's diff leaves empty fields out
}

var providerFields = []recordField{
	{Name: "name", New: "s.name"},
	{Name: "name_en", Optional: true, New: "s.name_en", Empty: "%s = ''"},
	{Name: "licence_no", Optional: true, New: "s.licence_no", Empty: "%s = ''"},
	{Name: "credit_code", Optional: true, New: "s.credit_code", Empty: "%s = ''"},
	{Name: "address", Optional: true, New: "s.address", Empty: "%s = ''"},
	{Name: "area_code", New: "s.area_code", Empty: "%s IS NULL"},
	{Name: "geom", New: "ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326)",
		NewCmp: "s.lng, s.lat", OldCmp: "ST_X(o.geom), ST_Y(o.geom)",
		JSONNew: "jsonb_build_array(s.lng, s.lat)", JSONOld: "jsonb_build_array(ST_X(o.geom), ST_Y(o.geom))"},
	{Name: "phones", Optional: true, New: "s.phones", Empty: "cardinality(%s) = 0"},
	{Name: "email", Optional: true, New: "s.email", Empty: "%s = ''"},
	{Name: "website", Optional: true, New: "s.website", Empty: "%s = ''"},
	{Name: "hours", Optional: true, New: "s.hours", Empty: "%s = '{}'"},
	{Name: "languages", Optional: true, New: "s.languages", Empty: "cardinality(%s) = 0"},
	{Name: "practice_areas", Optional: true, New: "s.practice_areas", Empty: "cardinality(%s) = 0"},
	{Name: "practice_notes", Optional: true, New: "s.practice_notes", Empty: "cardinality(%s) = 0"},
	{Name: "free", Optional: true, New: "s.free", Empty: "%s IS NULL"},
	{Name: "fee_note", Optional: true, New: "s.fee_note", Empty: "%s = ''"},
	{Name: "accessibility", Optional: true, New: "s.accessibility", Empty: "%s = ''"},
	{Name: "description", Optional: true, New: "s.description", Empty: "%s = ''"},
	{Name: "categories", Optional: true, New: "s.categories", Empty: "cardinality(%s) = 0"},
	{Name: "valid_from", Optional: true, New: "s.valid_from", Empty: "%s IS NULL"},
	{Name: "valid_to", Optional: true, New: "s.valid_to", Empty: "%s IS NULL"},
	{Name: "status", New: "s.status"},
	{Name: "verified_at", Optional: true, New: "s.verified_at", Empty: "%s IS NULL"},
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

// diff is the field-level audit difference {"field": {"old": …, "new": …}} of the fields that changed.
func (fs fieldSet) diff() string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		parts = append(parts, fmt.Sprintf(
			"CASE WHEN ROW(%s) IS DISTINCT FROM ROW(%s) THEN jsonb_build_object('%s', jsonb_build_object('old', %s, 'new', %s)) ELSE '{}'::jsonb END",
			f.cmpOld(), f.cmpNew(), f.Name, f.jsonOld(), f.jsonNew()))
	}
	return strings.Join(parts, "\n\t\t|| ")
}

// assignments writes "col = new" for an UPDATE.
func (fs fieldSet) assignments() string {
	parts := make([]string, 0, len(fs))
	for _, f := range fs {
		parts = append(parts, f.Name+" = "+f.New)
	}
	return strings.Join(parts, ", ")
}

// createDiff is the audit difference of a created record: every field written that is not empty, old null
// (as the admin's create writes it). It reads the inserted row (the RETURNING of the INSERT), where each
// field is its own column.
func createDiff(all []recordField) string {
	parts := make([]string, 0, len(all))
	var empties []string
	for _, f := range all {
		v := f.Name
		if f.Name == "geom" {
			v = "jsonb_build_array(ST_X(geom), ST_Y(geom))"
		}
		parts = append(parts, fmt.Sprintf("'%s', jsonb_build_object('old', NULL, 'new', %s)", f.Name, v))
		if f.Empty != "" {
			empties = append(empties, fmt.Sprintf("CASE WHEN %s THEN '%s' END", fmt.Sprintf(f.Empty, f.Name), f.Name))
		}
	}
	d := "jsonb_build_object(" + strings.Join(parts, ", ") + ")"
	if len(empties) > 0 {
		d = "(" + d + " - array_remove(ARRAY[" + strings.Join(empties, ", ") + "], NULL))"
	}
	return d
}
