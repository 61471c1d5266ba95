// Package columns maps the header of an import file to the canonical field
// names of DESIGN.md "Importers": it knows the Chinese and English headers
// bureaus use, per kind, recognises personal columns that must not be
// stored, and says which headers it could not place. It holds no data and
// does no I/O.
package columns

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mapping says where each canonical field is in a row.
type Mapping struct {
	Index   map[string]int // canonical field -> column index
	Dropped []Dropped      // personal columns, recognised and never to be stored
	Unknown []string       // headers placed nowhere (with a note for duplicates), for the report
}

// Dropped is a personal column left out on purpose.
type Dropped struct {
	Header string // as in the file
	Index  int    // column index
	Reason string // "中文 / English"
}

// MissingError refuses a file that lacks a column the kind cannot do
// without.
type MissingError struct {
	Field  string // canonical field, e.g. "name", "lat", "coordinates"
	Reason string // "中文 / English", with examples of accepted headers
}

func (e *MissingError) Error() string { return e.Reason }

// Map maps a header row for an import of kind (one of Kinds). It fails
// with a *MissingError when there is no usable name column or, for kinds
// that are places, no coordinate columns (lng and lat, or one coordinates
// column holding "lng,lat"); for lawyers, when there is no firm column.
func Map(header []string, kind string) (Mapping, error) {
	return mapHeader(header, kind, true)
}

// MapGeoJSON is Map for GeoJSON properties: the coordinates are the
// features' geometry, so coordinate columns are not required.
func MapGeoJSON(header []string, kind string) (Mapping, error) {
	return mapHeader(header, kind, false)
}

// Get returns the trimmed value of a canonical field in a row, or "" when
// the file has no such column.
func (m Mapping) Get(cells []string, field string) string {
	i, ok := m.Index[field]
	if !ok || i < 0 || i >= len(cells) {
		return ""
	}
	s := cells[i]
	if s == "" || isPrintableASCII(s[0]) && isPrintableASCII(s[len(s)-1]) {
		return s // nothing to trim: the usual cell, read on every row
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !trimmed(first) && !trimmed(last) {
		return s
	}
	return strings.TrimFunc(s, trimmed)
}

// trimmed are the characters a cell loses at either end: spaces, byte order marks, zero-width spaces.
func trimmed(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' }

// isPrintableASCII: an ASCII byte above the space, which the trim keeps.
func isPrintableASCII(b byte) bool { return b > ' ' && b < utf8.RuneSelf }

// Fields lists the canonical fields of a kind, sorted; nil for an unknown
// kind.
func Fields(kind string) []string {
	t, ok := tables[kind]
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, f := range t.fields {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

func mapHeader(header []string, kind string, needCoords bool) (Mapping, error) {
	t, ok := tables[kind]
	if !ok {
		// A kind the bureau added: the general place columns (the pipeline has checked it is a kind).
		kind, t = Place, tables[Place]
	}
	m := Mapping{Index: map[string]int{}}
	for i, h := range header {
		n := normalize(h)
		if n == "" {
			if strings.TrimSpace(h) != "" || i < len(header)-1 {
				m.Unknown = append(m.Unknown, fmt.Sprintf("第 %d 列（无表头）/ column %d (no header)", i+1, i+1))
			}
			continue
		}
		field, reason, found := t.lookup(n)
		if !found {
			m.Unknown = append(m.Unknown, h)
			continue
		}
		if reason != "" {
			m.Dropped = append(m.Dropped, Dropped{Header: h, Index: i, Reason: "个人信息，不导入：" + reason + " / personal data, not imported"})
			continue
		}
		if first, dup := m.Index[field]; dup {
			m.Unknown = append(m.Unknown, fmt.Sprintf("%s（与第 %d 列「%s」重复，已忽略）/ %s (duplicate of column %d \"%s\" for %s, ignored)", h, first+1, header[first], h, first+1, header[first], field))
			continue
		}
		m.Index[field] = i
	}
	return m, m.check(kind, needCoords)
}

func (m Mapping) check(kind string, needCoords bool) error {
	has := func(f string) bool { _, ok := m.Index[f]; return ok }
	switch {
	case kind == "community_adviser" && !has("name") && !has("community"):
		return missing("name", "缺少名称或社区列（如 名称、社区）/ no name or community column (e.g. 名称, 社区)")
	case kind != "community_adviser" && !has("name"):
		return missing("name", "缺少名称列（如 名称、机构名称、单位名称、姓名）/ no name column (e.g. 名称, 机构名称, 单位名称, 姓名, name)")
	case kind == "lawyer" && !has("firm_name") && !has("firm_licence_no"):
		return missing("firm_name", "缺少执业机构列（如 执业机构、所属律所、执业机构许可证号）/ no firm column (e.g. 执业机构, 所属律所, 执业机构许可证号)")
	}
	if !needCoords || kind == Person || has("coordinates") {
		return nil
	}
	switch {
	case has("lng") && !has("lat"):
		return missing("lat", "有经度列但缺少纬度列（如 纬度、lat、Y）/ a longitude column but no latitude column (e.g. 纬度, lat, Y)")
	case has("lat") && !has("lng"):
		return missing("lng", "有纬度列但缺少经度列（如 经度、lng、X）/ a latitude column but no longitude column (e.g. 经度, lng, X)")
	case !has("lng") && !has("address"):
		// A list without coordinates is placed by its addresses (approximately, from the areas they name).
		return missing("coordinates", "缺少坐标列和地址列：需要 经度 和 纬度 两列，或一列 坐标（\"经度,纬度\"），或一列 地址 / no coordinate columns and no address column: need lng and lat, one coordinates column holding \"lng,lat\", or an address")
	}
	return nil
}

func missing(field, reason string) error { return &MissingError{Field: field, Reason: reason} }
