package pipeline

import (
	"legalmap/importers/columns"
)

// mapColumns maps the header; a GeoJSON file's coordinates are its geometry, so it needs no coordinate
// columns.
func (r *runner) mapColumns(header []string, format string) (columns.Mapping, error) {
	if format == "geojson" {
		return columns.MapGeoJSON(header, r.opt.Kind)
	}
	return columns.Map(header, r.opt.Kind)
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

// missingColumns refuses a place file without an id column: every row would be rejected, and the reason is
// better said once. (A lawyer's licence number serves as the id.)
func (r *runner) missingColumns() string {
	if _, ok := r.m.Index["source_id"]; ok {
		return ""
	}
	if _, ok := r.m.Index["licence_no"]; ok && r.opt.Kind == KindLawyer {
		return ""
	}
	return "缺少编号列（如 编号、ID、机构编号）/ no id column (e.g. 编号, ID, 机构编号)"
}
