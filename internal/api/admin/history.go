package admin

import (
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/vocabdb"
)

var changeActions = map[string]bool{"create": true, "update": true, "withdraw": true, "restore": true, "verify": true}

// changes is the directory's change log: filter by actor, action, record, import run and time range
// (from inclusive, to exclusive; RFC 3339 or a date in Asia/Shanghai), newest first, paginated.
func (a *admin) changes(c echo.Context) error {
	f, err := changeFilter(c)
	if err != nil {
		return err
	}
	return a.changeList(c, f)
}

// providerHistory is one record's changes, newest first.
func (a *admin) providerHistory(c echo.Context) error {
	id, err := recordID(c)
	if err != nil {
		return err
	}
	if _, err := recorddb.ProviderByID(c.Request().Context(), a.db, id); err != nil {
		return err
	}
	limit, offset, err := param.Page(c)
	if err != nil {
		return err
	}
	return a.changeList(c, recorddb.ChangeFilter{RecordID: id, Limit: limit, Offset: offset})
}

func (a *admin) changeList(c echo.Context, f recorddb.ChangeFilter) error {
	page, err := recorddb.Changes(c.Request().Context(), a.db, f)
	if err != nil {
		return err
	}
	return reply.CountedList(c, page.Changes, page.Total.N, page.Total.More, f.Limit, f.Offset)
}

func changeFilter(c echo.Context) (recorddb.ChangeFilter, error) {
	var f recorddb.ChangeFilter
	var err error
	if f.Limit, f.Offset, err = param.Page(c); err != nil {
		return f, err
	}
	f.Actor = c.QueryParam("actor")
	if len(f.Actor) > 64 {
		return f, reply.BadParam("actor", "过长 / too long")
	}
	if f.Action = c.QueryParam("action"); f.Action != "" && !changeActions[f.Action] {
		return f, reply.BadParam("action", "须为 create、update、withdraw、restore 或 verify / want create, update, withdraw, restore or verify")
	}
	if s := c.QueryParam("record"); s != "" {
		u, err := uuid.Parse(s)
		if err != nil {
			return f, reply.BadParam("record", "须为记录编号 / want a record id")
		}
		f.RecordID = u.String()
	}
	if s := c.QueryParam("import_run"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			return f, reply.BadParam("import_run", "须为导入编号 / want an import run id")
		}
		f.ImportRunID = n
	}
	for _, p := range []struct {
		name string
		dst  **time.Time
	}{{"from", &f.From}, {"to", &f.To}} {
		if s := c.QueryParam(p.name); s != "" {
			t, err := parseInstant(s)
			if err != nil {
				return f, reply.BadParam(p.name, "须为日期 YYYY-MM-DD 或 RFC 3339 时间 / want YYYY-MM-DD or an RFC 3339 time")
			}
			*p.dst = &t
		}
	}
	if f.From != nil && f.To != nil && !f.From.Before(*f.To) {
		return f, reply.BadParam("to", "须晚于 from / must be after from")
	}
	return f, nil
}

var shanghai = func() *time.Location {
	l, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600) // China has kept +08:00 without daylight saving since 1991
	}
	return l
}()

func parseInstant(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.ParseInLocation("2006-01-02", s, shanghai)
}

func recordID(c echo.Context) (string, error) {
	u, err := uuid.Parse(c.Param("id"))
	if err != nil {
		return "", reply.NotFound
	}
	return u.String(), nil
}

func (a *admin) listImports(c echo.Context) error {
	limit, offset, err := param.Page(c)
	if err != nil {
		return err
	}
	list, total, err := recorddb.ImportRuns(c.Request().Context(), a.db, limit, offset)
	if err != nil {
		return err
	}
	return reply.List(c, list, total, limit, offset)
}

func (a *admin) importRun(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		return reply.NotFound
	}
	run, err := recorddb.ImportRunByID(c.Request().Context(), a.db, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, run)
}

func (a *admin) dashboard(c echo.Context) error {
	d, err := recorddb.DashboardFigures(c.Request().Context(), a.db)
	if err != nil {
		return err
	}
	years, err := vocabdb.HolidayYears(c.Request().Context(), a.db)
	if err != nil {
		return err
	}
	d.HolidaysMissing = directory.MissingCalendarYears(years, a.now())
	return c.JSON(http.StatusOK, d)
}
