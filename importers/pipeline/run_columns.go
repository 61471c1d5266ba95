package pipeline

import (
	"legalmap/importers/columns"
)

// mapColumns maps the header; a GeoJSON file's coordinates are its geometry, so it needs no coordinate
// columns.
func (r *runner) mapColumns(header []string, format string) (columns.Mapping, error) {
	kind := r.opt.Kind
	if r.kind.person != nil {
		kind = columns.Person // every list of people has the lawyers' columns
	}
	if format == "geojson" {
		return columns.MapGeoJSON(header, kind)
	}
	return columns.Map(header, kind)
}

// noteColumns puts in the report which header each field was read from, the personal columns dropped
// (never staged, never stored) and the headers ignored.
func (r *runner) noteColumns(header []string) {
	r.rep.Columns = map[string]string{}
	for f, i := range r.m.Index {
		if i >= 0 && i < len(header) {
			r.rep.Columns[f] = header[i]
		}
	}
	for _, d := range r.m.Dropped {
		r.rep.Dropped = append(r.rep.Dropped, Issue{Line: 1, Field: d.Header, Reason: d.Reason})
	}
	r.rep.Ignored = r.m.Unknown
}

// What derived ids are made from, as the report says it.
const (
	idsFromNameAddress      = "name_address"
	idsFromNameOrganisation = "name_organisation"
)

// idColumns decides where each row's id comes from: the id column; for people without one, the licence
// number; for places without one, an id derived from each row's name and address (derivedID), and for
// people with neither (人民调解员 have no licence), one derived from their name and organisation; the report
// says so once.
func (r *runner) idColumns() string {
	if _, ok := r.m.Index["source_id"]; ok {
		return ""
	}
	if r.kind.person == nil {
		r.deriveIDs = true
		r.rep.IDsDerived, r.rep.IDsFrom = true, idsFromNameAddress
		r.rep.warn(Issue{Line: 1, Field: "source_id", Reason: derivedIDNote})
		return ""
	}
	if _, ok := r.m.Index["licence_no"]; ok {
		return ""
	}
	r.deriveIDs = true
	r.rep.IDsDerived, r.rep.IDsFrom = true, idsFromNameOrganisation
	r.rep.warn(Issue{Line: 1, Field: "source_id", Reason: derivedPersonIDNote})
	return ""
}
