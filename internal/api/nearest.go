package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/store/placedb"
)

// nearest is GET /providers/nearest: the places closest to lat/lng by true ground distance, with the
// list filters and an optional radius in metres.
func (q *publicAPI) nearest(c echo.Context) error {
	ctx := reqCtx(c)
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	pt, err := p.Point(crs)
	if err != nil {
		return err
	}
	if pt == nil {
		return reply.BadParam("lat", "缺少位置 lat、lng / location lat, lng missing")
	}
	limit, err := p.Limit()
	if err != nil {
		return err
	}
	radius, err := p.Radius()
	if err != nil {
		return err
	}
	cat, err := q.catalog(ctx)
	if err != nil {
		return err
	}
	f, err := parseFilter(p, cat)
	if err != nil {
		return err
	}
	if q.conditional(c, true) {
		return nil
	}
	now := q.now()
	nq := placedb.NearestQuery{Point: *pt, Filter: f.Filter, Radius: radius, Limit: limit}
	if f.openNow {
		nq.Keep = func(pl *placedb.Place) bool { return isOpen(pl.Hours, pl.Status, now, cat.Calendar) }
	}
	found, err := placedb.Nearest(ctx, q.db, nq)
	if err != nil {
		return err
	}
	out := listAnswer[placeItem]{Results: make([]placeItem, 0, len(found)), Total: len(found), Limit: limit}
	for i := range found {
		out.Results = append(out.Results, item(&found[i].Place, found[i].Metres, crs, now, cat.Calendar))
	}
	activeFirst(out.Results)
	return c.JSON(http.StatusOK, out)
}
