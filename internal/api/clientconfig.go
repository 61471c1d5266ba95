package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"
)

// clientConfig tells the pages where tiles come from and where the map opens: on the city's centre from the
// areas table when the service region holds it (Shenzhen's is Futian, not the middle of its bounding box,
// which lies in the hills of Longgang), else on the middle of the region.
func (s *Server) clientConfig(c echo.Context) error {
	r := s.cfg.ServiceRegion
	centre := r.Center()
	var lat, lng float64
	err := s.read.QueryRow(c.Request().Context(),
		"SELECT ST_Y(centre), ST_X(centre) FROM areas WHERE level = 'city' AND centre IS NOT NULL ORDER BY code LIMIT 1").Scan(&lat, &lng)
	if err == nil && r.Contains(orb.Point{lng, lat}) {
		centre = orb.Point{lng, lat}
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return c.JSON(http.StatusOK, map[string]any{
		"tile_url":         s.cfg.TileURL,
		"tile_attribution": s.cfg.TileAttribution,
		"tile_crs":         s.cfg.TileCRS,
		"center":           [2]float64{centre.Lat(), centre.Lon()},
		"bounds":           [2][2]float64{{r.MinLat, r.MinLng}, {r.MaxLat, r.MaxLng}},
		"zoom":             12,
		"max_zoom":         19,
	})
}
