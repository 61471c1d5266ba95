package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// clientConfig tells the pages where tiles come from and where the map opens.
func (s *Server) clientConfig(c echo.Context) error {
	r := s.cfg.ServiceRegion
	c.Response().Header().Set("Cache-Control", "public, max-age=300")
	return c.JSON(http.StatusOK, map[string]any{
		"tile_url":         s.cfg.TileURL,
		"tile_attribution": s.cfg.TileAttribution,
		"tile_crs":         s.cfg.TileCRS,
		"center":           [2]float64{(r.MinLat + r.MaxLat) / 2, (r.MinLng + r.MaxLng) / 2},
		"bounds":           [2][2]float64{{r.MinLat, r.MinLng}, {r.MaxLat, r.MaxLng}},
		"zoom":             11,
		"max_zoom":         19,
	})
}
