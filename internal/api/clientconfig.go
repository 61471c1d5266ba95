package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"
)

// clientConfig tells the pages the city's name, where tiles come from and where the map opens: on the
// city's centre from the areas table when the service region holds it (Shenzhen's is Futian, not the
// middle of its bounding box, which lies in the hills of Longgang), else on the middle of the region. The
// region is SERVICE_REGION, or the extent of the loaded districts; the names CITY_NAME_ZH/EN, or the
// loaded city area's. Nothing here names a city.
func (s *Server) clientConfig(q *publicAPI) echo.HandlerFunc {
	return func(c echo.Context) error {
		cat, err := q.catalog(reqCtx(c))
		if err != nil {
			return err
		}
		r := cat.Region(s.cfg.ServiceRegion)
		centre := r.Center()
		for _, a := range cat.Areas {
			if a.Level == "city" && a.Centre != nil && r.Contains(orb.Point{a.Centre[0], a.Centre[1]}) {
				centre = orb.Point{a.Centre[0], a.Centre[1]}
				break
			}
		}
		zh, en := cat.CityNames(s.cfg.CityNameZh, s.cfg.CityNameEn)
		c.Response().Header().Set("Cache-Control", "public, max-age=300")
		return c.JSON(http.StatusOK, map[string]any{
			"city_name_zh":     zh,
			"city_name_en":     en,
			"tile_url":         s.cfg.TileURL,
			"tile_attribution": s.cfg.TileAttribution,
			"tile_crs":         s.cfg.TileCRS,
			"center":           [2]float64{centre.Lat(), centre.Lon()},
			"bounds":           [2][2]float64{{r.MinLat, r.MinLng}, {r.MaxLat, r.MaxLng}},
			"zoom":             12,
			"max_zoom":         19,
		})
	}
}
