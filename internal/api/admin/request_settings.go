package admin

import (
	"net/http"
	"slices"
	"strconv"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/requests"
	"legalmap/internal/store/requestdb"
)

// The bureau's side of requests (业务办理): counts and waiting times, which kinds of place take which types
// of request, and a place's slot length and capacity. A place's staff handle the requests themselves (the
// requests package).

// requestCounts is the bureau's view: counts and waiting times per place, kind, type and status.
func (a *admin) requestCounts(c echo.Context) error {
	list, err := requestdb.RequestCounts(c.Request().Context(), a.db, a.now())
	if err != nil {
		return err
	}
	return reply.List(c, list, len(list), len(list), 0)
}

func (a *admin) listRequestTypes(c echo.Context) error {
	list, err := requestdb.AllRequestTypes(c.Request().Context(), a.db)
	if err != nil {
		return err
	}
	return reply.List(c, list, len(list), len(list), 0)
}

// setRequestTypes changes which request types a kind offers: data, no code change.
func (a *admin) setRequestTypes(c echo.Context) error {
	var in struct {
		Types []string `json:"types"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, t := range in.Types {
		if !requests.Type(t).Valid() || seen[t] {
			return reply.BadParam("types", "须为不重复的 legal_aid_application、appointment、consultation / want distinct legal_aid_application, appointment, consultation")
		}
		seen[t] = true
	}
	kind := c.Param("kind")
	if err := requestdb.SetRequestTypes(c.Request().Context(), a.db, kind, in.Types); err != nil {
		return err
	}
	a.log.Info("request types changed", "by", Principal(c).Actor(), "kind", kind, "types", in.Types)
	if in.Types == nil {
		in.Types = []string{}
	}
	return c.JSON(http.StatusOK, requestdb.KindRequestTypes{Kind: kind, Types: in.Types})
}

// setRequestSettings sets a place's slot length and capacity.
func (a *admin) setRequestSettings(c echo.Context) error {
	var in struct {
		SlotMinutes int `json:"slot_minutes"`
		Capacity    int `json:"capacity"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	if !slices.Contains([]string{"15", "20", "30", "45", "60", "90", "120"}, strconv.Itoa(in.SlotMinutes)) {
		return reply.BadParam("slot_minutes", "须为 15、20、30、45、60、90 或 120 / want 15, 20, 30, 45, 60, 90 or 120")
	}
	if in.Capacity < 1 || in.Capacity > 50 {
		return reply.BadParam("capacity", "须为 1 至 50 / want 1 to 50")
	}
	if _, err := uuid.Parse(c.Param("id")); err != nil {
		return reply.BadParam("id", "须为机构编号 / want a place id")
	}
	if err := requestdb.SetRequestSettings(c.Request().Context(), a.db, c.Param("id"), in.SlotMinutes, in.Capacity); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, in)
}
