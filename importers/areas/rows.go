package areas

import (
	"encoding/json"

	"legalmap/internal/store/importdb"
)

// Rows are the areas as importdb.LoadAreas takes them: boundaries as GeoJSON MultiPolygons.
func (f *File) Rows() []importdb.AreaRow {
	out := make([]importdb.AreaRow, 0, len(f.Areas))
	for _, a := range f.Areas {
		r := importdb.AreaRow{Line: a.Line, Code: a.Code, Level: a.Level, Parent: a.Parent, NameZh: a.NameZh,
			NameEn: a.NameEn, Pinyin: a.Pinyin}
		if a.Centre != nil {
			r.Centre = &[2]float64{a.Centre[0], a.Centre[1]}
		}
		if len(a.Boundary) > 0 {
			coords := make([][][][2]float64, len(a.Boundary))
			for i, poly := range a.Boundary {
				coords[i] = make([][][2]float64, len(poly))
				for j, ring := range poly {
					coords[i][j] = make([][2]float64, len(ring))
					for k, p := range ring {
						coords[i][j][k] = [2]float64{p[0], p[1]}
					}
				}
			}
			r.Boundary, _ = json.Marshal(map[string]any{"type": "MultiPolygon", "coordinates": coords})
		}
		out = append(out, r)
	}
	return out
}
