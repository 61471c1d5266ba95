package api

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/geo"
	"legalmap/internal/store/placedb"
)

// outlines is GET /api/v1/areas/outlines?level=district&crs=: the loaded areas' outlines, simplified, as a
// GeoJSON FeatureCollection. The map draws them as a light base layer, so it never stands empty when the
// tiles cannot load.
func (q *publicAPI) outlines(c echo.Context) error {
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	level := c.QueryParam("level")
	switch level {
	case "":
		level = "district"
	case "district", "street", "community":
	default:
		return reply.BadParam("level", "须为 district、street 或 community / want district, street or community")
	}
	if q.conditional(c, false) {
		return nil
	}
	rows, err := placedb.AreaOutlines(reqCtx(c), q.db, level)
	if err != nil {
		return err
	}
	type feature struct {
		Type       string         `json:"type"`
		Geometry   map[string]any `json:"geometry"`
		Properties map[string]any `json:"properties"`
	}
	out := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, r := range rows {
		var g struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		}
		if json.Unmarshal(r.GeoJSON, &g) != nil {
			continue
		}
		var polys [][][][2]float64
		if g.Type == "Polygon" {
			var one [][][2]float64
			if json.Unmarshal(g.Coordinates, &one) != nil {
				continue
			}
			polys = [][][][2]float64{one}
		} else if g.Type != "MultiPolygon" || json.Unmarshal(g.Coordinates, &polys) != nil {
			continue
		}
		if crs != geo.WGS84 {
			for _, poly := range polys {
				for _, ring := range poly {
					for k, pt := range ring {
						v := geo.FromWGS84(orb.Point{pt[0], pt[1]}, crs)
						ring[k] = [2]float64{round7(v[0]), round7(v[1])}
					}
				}
			}
		}
		out.Features = append(out.Features, feature{Type: "Feature",
			Geometry: map[string]any{"type": "MultiPolygon", "coordinates": polys},
			Properties: map[string]any{"code": r.Code, "level": r.Level, "name_zh": r.NameZh, "name_en": r.NameEn,
				"approximate": r.Approximate}})
	}
	return c.JSON(http.StatusOK, out)
}
