package pipeline

import (
	"fmt"
	"strings"

	"legalmap/internal/directory"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
)

// practitioner maps one row of a list of people (lawyers, notaries, appraisers, mediators …). A person is
// found through their place (a lawyer through their firm), named by the firm's
// licence number (or credit code) or by its name; whether that firm exists is decided against the
// database after staging (an unknown firm rejects the row there).
func (e *rowEnv) practitioner(it item) (out mapped[*importdb.StagedPractitioner]) {
	if it.err != nil {
		out.line = it.err.Line
		out.reject = &Issue{Field: it.err.Column, Reason: it.err.Reason}
		return out
	}
	row := it.row
	out.line = row.Line
	get := func(f string) string { return e.m.Get(row.Cells, f) } // trimmed of spaces
	licence := strings.ReplaceAll(get("licence_no"), " ", "")
	name := get("name")
	out.id = get("source_id")
	if out.id == "" {
		out.id = licence // the licence number is a lawyer's natural id
	}
	if out.id == "" && e.deriveIDs && name != "" {
		// No id or licence column: the person's name and organisation (licence number, else name).
		org := get("firm_licence_no")
		if org == "" {
			org = get("firm_name")
		}
		out.id = derivedID(name, org)
	}
	if out.id == "" {
		out.reject = &Issue{Field: "source_id", Reason: "缺少编号和执业证号 / neither id nor licence number"}
		return out
	}
	if name == "" {
		out.reject = &Issue{Field: "name", Reason: "缺少姓名 / name missing"}
		return out
	}
	rec := &importdb.StagedPractitioner{Line: int32(row.Line), SourceID: out.id, Role: e.role, Name: name,
		LicenceNo: licence, FirmLicence: get("firm_licence_no"), FirmName: get("firm_name"),
		Languages: []string{"zh"}, Status: directory.StatusActive}
	if rec.FirmLicence == "" && rec.FirmName == "" {
		out.reject = &Issue{Field: "firm_name", Reason: "缺少执业机构 / the row names no firm"}
		return out
	}
	w := &out.warns
	if licence != "" && e.role == directory.RoleLawyer && !directory.ValidLawyerLicence(licence) {
		*w = append(*w, Issue{Field: "licence_no", Reason: fmt.Sprintf("执业证号 %s 不是 17 位数字 / licence number %s is not 17 digits", licence, licence)})
	}
	if s := get("practice_areas"); s != "" {
		rec.PracticeAreas, rec.PracticeNotes = e.practice(s)
		if len(rec.PracticeNotes) > 0 {
			*w = append(*w, unknownPracticeWarning("practice_areas", rec.PracticeNotes))
		}
	}
	if s := get("languages"); s != "" {
		if codes := e.languages(s, w); len(codes) > 0 {
			rec.Languages = codes
		}
	}
	rec.Status = e.status(get("status"), w)
	rec.SearchDoc = e.v.analyzer.DocumentTokens(search.PersonDocument(store.DocPerson{Name: name, LicenceNo: licence})).TSVector()
	out.licence = licence
	rec.Prepare() // its id and creation diff, built here on the workers
	out.rec, out.ok = rec, true
	return out
}

// practitionerFields names the optional fields the file has columns for.
func (e *rowEnv) practitionerFields() []string {
	var out []string
	if e.has("practice_areas") {
		out = append(out, "practice_areas", "practice_notes")
	}
	if e.has("languages") {
		out = append(out, "languages")
	}
	return out
}
