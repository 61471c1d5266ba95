package pipeline

import (
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
)

// adviser adds what is particular to a community adviser point: who serves there (name and licence
// number), from which firm, and when (the on-site schedule, read like opening hours). The point itself
// is named after its community when the file has no name (see provider).
func (e *rowEnv) adviser(rec *importdb.StagedProvider, get func(string) string, w *[]Issue) {
	rec.AdviserName = get("adviser_name")
	rec.AdviserLicence = get("adviser_licence_no")
	rec.FirmName = get("firm_name")
	rec.FirmLicence = get("firm_licence_no")
	if s := get("schedule"); s != "" {
		rec.Schedule = e.hours(s, "schedule", w)
	}
	if rec.AdviserName != "" {
		rec.AdviserDoc = e.v.analyzer.DocumentTokens(search.PersonDocument(store.DocPerson{Name: rec.AdviserName,
			LicenceNo: rec.AdviserLicence})).TSVector()
	}
}

// hasAdviser: the file has adviser columns, so its rows say who serves at each point (and a row without an
// adviser ends the point's assignment).
func (e *rowEnv) hasAdviser() bool {
	return e.has("adviser_name") || e.has("adviser_licence_no")
}
