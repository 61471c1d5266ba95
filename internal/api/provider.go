package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/directory"
	"legalmap/internal/store"
	"legalmap/internal/store/placedb"
)

// providerDetail is GET /providers/{id}: the list fields, and everything else public about the place.
type providerDetail struct {
	placeItem
	LicenceNo     string             `json:"licence_no"`
	Hours         directory.Hours    `json:"hours"`
	Today         []directory.Span   `json:"today"`       // today's opening spans; null when unknown
	NextChange    *nextChange        `json:"next_change"` // when it next opens or closes (within 14 days)
	Practitioners []practitionerItem `json:"practitioners"`
	Description   string             `json:"description"`
	FeeNote       string             `json:"fee_note"`
	Accessibility string             `json:"accessibility"`
	Website       string             `json:"website"` // only http(s) links; anything else is dropped
	Email         string             `json:"email"`
	Area          *areaRef           `json:"area"`
	Categories    []string           `json:"categories"`
	ValidFrom     *string            `json:"valid_from"`
	ValidTo       *string            `json:"valid_to"`
	Version       int                `json:"version"`

	// HolidayCalendar says what today and next_change reckoned holidays with: "official" (the State
	// Council's arrangement for those dates is loaded) or "statutory" (derived from the law: the public
	// holidays are known, make-up working days are not).
	HolidayCalendar string `json:"holiday_calendar"`
	// StatusReason says why a place is not active when its licence period does: licence_expired or
	// licence_not_yet_valid.
	StatusReason string `json:"status_reason,omitempty"`
}

type nextChange struct {
	At    time.Time `json:"at"`
	Opens bool      `json:"opens"`
}

type practitionerItem struct {
	ID            string          `json:"id"`
	Role          string          `json:"role"`
	Name          string          `json:"name"`
	LicenceNo     string          `json:"licence_no"`
	PracticeAreas []string        `json:"practice_areas"`
	Languages     []string        `json:"languages"`
	Status        string          `json:"status"`
	Assigned      bool            `json:"assigned"`            // serves here on a schedule
	FirmName      string          `json:"firm_name,omitempty"` // assigned: the firm that sends them
	Schedule      json.RawMessage `json:"schedule,omitempty"`  // assigned: when they serve
}

// areaRef names the administrative unit of a place and the units above it.
type areaRef struct {
	Code   string   `json:"code"`
	Level  string   `json:"level"`
	NameZh string   `json:"name_zh"`
	NameEn string   `json:"name_en"`
	Parent *areaRef `json:"parent,omitempty"`
}

func (q *publicAPI) provider(c echo.Context) error {
	ctx := reqCtx(c)
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	id, err := uuid.Parse(c.Param("id"))
	if err != nil {
		return store.ErrNotFound // not an id: no such record
	}
	cat, err := q.catalog(ctx)
	if err != nil {
		return err
	}
	if q.conditional(c, true) {
		return nil
	}
	d, err := placedb.Provider(ctx, q.db, id.String())
	if err != nil {
		return err
	}
	now := q.now()
	h := catalog.Hours(d.Hours)
	out := providerDetail{
		placeItem: item(&d.Place, -1, crs, now, cat.Calendar),
		LicenceNo: d.LicenceNo, Hours: h, Description: d.Description, FeeNote: d.FeeNote,
		Accessibility: d.Accessibility, Website: safeLink(d.Website), Email: d.Email,
		Area: areaRefOf(cat, d.AreaCode, 4), Categories: orEmpty(d.Categories),
		ValidFrom: date(d.ValidFrom), ValidTo: date(d.ValidTo), Version: d.Version,
		Practitioners: []practitionerItem{},
	}
	out.HolidayCalendar = "statutory"
	if cat.Calendar.OfficialBetween(now, now.Add(14*24*time.Hour)) {
		out.HolidayCalendar = "official"
	}
	if d.Status != directory.StatusActive {
		today := now.In(directory.Shanghai).Format(time.DateOnly)
		switch {
		case d.ValidTo != nil && d.ValidTo.Format(time.DateOnly) < today:
			out.StatusReason = "licence_expired"
		case d.ValidFrom != nil && d.ValidFrom.Format(time.DateOnly) > today:
			out.StatusReason = "licence_not_yet_valid"
		}
	}
	if h.Known() {
		out.Today = orEmptySpans(h.Today(now, cat.Calendar))
		if at, opens, ok := h.NextChange(now, cat.Calendar); ok && d.Status == directory.StatusActive {
			out.NextChange = &nextChange{At: at.In(directory.Shanghai), Opens: opens}
		}
	}
	for _, pr := range d.Practitioners {
		out.Practitioners = append(out.Practitioners, practitionerItem{
			ID: pr.ID, Role: pr.Role, Name: pr.Name, LicenceNo: pr.LicenceNo,
			PracticeAreas: orEmpty(pr.PracticeAreas), Languages: orEmpty(pr.Languages), Status: pr.Status,
			Assigned: pr.Assigned, FirmName: pr.FirmName, Schedule: schedule(pr.Schedule),
		})
	}
	return c.JSON(http.StatusOK, out)
}

// schedule is an assigned adviser's duty time in the form of opening hours (weekly spans, exceptions and
// the text kept as a note), so pages read it as they read hours; nil when the record has none.
func schedule(raw []byte) json.RawMessage {
	h := catalog.Hours(raw)
	if !h.Known() && h.Note == "" && len(h.Exceptions) == 0 {
		return nil
	}
	b, err := json.Marshal(h)
	if err != nil {
		return nil
	}
	return b
}

// safeLink keeps a website only when it is an absolute http(s) URL: a javascript: or data: link from a
// data file must never become something a page can click.
func safeLink(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return ""
	}
	return u.String()
}

func date(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

func orEmptySpans(s []directory.Span) []directory.Span {
	if s == nil {
		return []directory.Span{}
	}
	return s
}

// areaRef is the area and its ancestors up to the district (the city is implied). Depth is bounded, so a
// cycle in the parents, which the schema does not rule out, cannot loop.
func areaRefOf(cat *catalog.Catalog, code string, depth int) *areaRef {
	a := cat.AreaByCode[code]
	if a == nil || a.Level == "city" || depth == 0 {
		return nil
	}
	return &areaRef{Code: a.Code, Level: a.Level, NameZh: a.NameZh, NameEn: a.NameEn,
		Parent: areaRefOf(cat, a.ParentCode, depth-1)}
}
