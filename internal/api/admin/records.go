package admin

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/recorddb"
)

// recordAnswer is a record as the admin API answers it: every stored field, the hours as editable text,
// and the warnings of the write that produced it.
type recordAnswer struct {
	recorddb.Record
	HoursText string         `json:"hours_text"`
	Warnings  []fieldWarning `json:"warnings,omitempty"`
}

func answerOf(r recorddb.Record, warns []fieldWarning) recordAnswer {
	return recordAnswer{Record: r, HoursText: directory.HoursText(r.Hours), Warnings: warns}
}

func (a *admin) listRecords(c echo.Context) error {
	limit, offset, err := param.Page(c)
	if err != nil {
		return err
	}
	f := recorddb.RecordFilter{Text: strings.TrimSpace(c.QueryParam("q")), Kind: c.QueryParam("kind"), Status: c.QueryParam("status"),
		Stale: c.QueryParam("stale") == "1" || c.QueryParam("stale") == "true", Limit: limit, Offset: offset}
	if len([]rune(f.Text)) > 200 {
		return reply.BadParam("q", "最多 200 字 / at most 200 characters")
	}
	if f.Status != "" && !directory.ValidStatus(f.Status) {
		return reply.BadParam("status", "须为 active、temporarily_closed 或 closed / want active, temporarily_closed or closed")
	}
	page, err := recorddb.FindRecords(c.Request().Context(), a.db, f)
	if err != nil {
		return err
	}
	out := make([]recordAnswer, len(page.Records))
	for i, r := range page.Records {
		out[i] = answerOf(r, nil)
	}
	return reply.CountedList(c, out, page.Total.N, page.Total.More, limit, offset)
}

func (a *admin) getRecord(c echo.Context) error {
	id, err := recordID(c)
	if err != nil {
		return err
	}
	r, err := recorddb.ProviderByID(c.Request().Context(), a.db, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, answerOf(r, nil))
}

// createRecord adds a record by hand. Its source is "admin" unless given, and its source id is generated
// unless given, so it never collides with an imported list.
func (a *admin) createRecord(c echo.Context) error {
	fields, err := decodeFields(c)
	if err != nil {
		return err
	}
	cat, err := a.catalog(c.Request().Context())
	if err != nil {
		return err
	}
	var r recorddb.Record
	r.Status, r.Languages, r.Source, r.SourceID = directory.StatusActive, []string{"zh"}, "admin", uuid.NewString()
	var p recordProblems
	for _, name := range []string{"kind", "source", "source_id"} {
		raw, ok := fields[name]
		if !ok {
			continue
		}
		delete(fields, name)
		s, _ := value{name, raw}.text(&p)
		switch name {
		case "kind":
			r.Kind = s
		case "source":
			r.Source = s
		default:
			r.SourceID = s
		}
	}
	if !cat.KindSet[r.Kind] {
		p.refuse("kind", "须为已知的服务类型 / want a known kind of service")
	}
	if r.Source == "" || r.SourceID == "" {
		p.refuse("source_id", "来源和编号不能为空 / source and source id may not be empty")
	}
	if _, ok := fields["name"]; !ok {
		p.refuse("name", "名称不能为空 / the name is required")
	}
	if _, ok := fields["lat"]; !ok {
		p.refuse("lat", "缺少坐标 / coordinates missing")
	}
	a.applyFields(fields, &r, &p, cat)
	if len(p.errs) > 0 {
		return recordRefused(c, p)
	}
	rec, err := recorddb.CreateProvider(c.Request().Context(), a.db, r, a.edit(c, cat, "create", "", 0))
	if errors.Is(err, store.ErrConflict) {
		p.refuse("source_id", "同一来源中已有此编号 / this source already has a record with this id")
		return recordRefused(c, p)
	}
	if err != nil {
		return err
	}
	a.meiliPush(c.Request().Context(), cat, rec.ID)
	return c.JSON(http.StatusCreated, answerOf(rec, p.warns))
}

// patchRecord changes the fields given. "version" (the version read) is required: a stale one is a 409
// with the record as it is now, and nothing is written.
func (a *admin) patchRecord(c echo.Context) error {
	id, err := recordID(c)
	if err != nil {
		return err
	}
	fields, err := decodeFields(c)
	if err != nil {
		return err
	}
	raw, ok := fields["version"]
	version, valid := intOf(raw)
	if !ok || !valid || version < 1 {
		return reply.BadParam("version", "须提供读取时的版本号 / the version read is required")
	}
	delete(fields, "version")
	for _, fixed := range []string{"kind", "source", "source_id", "verified_at", "id"} {
		if _, ok := fields[fixed]; ok {
			return reply.BadParam(fixed, "此字段不能修改 / this field cannot be changed here")
		}
	}
	cat, err := a.catalog(c.Request().Context())
	if err != nil {
		return err
	}
	var p recordProblems
	rec, err := recorddb.UpdateProvider(c.Request().Context(), a.db, id, a.edit(c, cat, "update", "", version),
		func(cur recorddb.Record) (recorddb.Record, error) {
			a.applyFields(fields, &cur, &p, cat)
			if len(p.errs) > 0 {
				return cur, errRefused
			}
			return cur, nil
		})
	if err == nil {
		a.meiliPush(c.Request().Context(), cat, id)
	}
	return a.writeAnswer(c, rec, err, p)
}

var errRefused = errors.New("record refused")

// writeAnswer turns a write's outcome into the answer: the record, the refusals by field, or the 409.
func (a *admin) writeAnswer(c echo.Context, rec recorddb.Record, err error, p recordProblems) error {
	var vc *recorddb.VersionConflict
	switch {
	case errors.Is(err, errRefused):
		return recordRefused(c, p)
	case errors.As(err, &vc):
		e := &reply.Error{Status: http.StatusConflict, Code: "version_conflict",
			Message: fmt.Sprintf("记录已被他人修改（现为第 %d 版），未保存 / the record changed meanwhile (now version %d): nothing saved", vc.Current.Version, vc.Current.Version)}
		return c.JSON(http.StatusConflict, map[string]any{"error": e, "record": answerOf(vc.Current, nil)})
	case err != nil:
		return err
	}
	return c.JSON(http.StatusOK, answerOf(rec, p.warns))
}

// applyFields reads every given field into r by its rule; the point is read as a pair.
func (a *admin) applyFields(fields map[string]json.RawMessage, r *recorddb.Record, p *recordProblems, cat *catalog.Catalog) {
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "lat" || name == "lng" {
			continue
		}
		rule, ok := recordRules[name]
		if !ok {
			p.refuse(name, "未知字段 / unknown field")
			continue
		}
		rule(value{name, fields[name]}, r, p, cat)
	}
	latRaw, hasLat := fields["lat"]
	lngRaw, hasLng := fields["lng"]
	if hasLat || hasLng {
		lat, _ := value{"lat", latRaw}.text(p)
		lng, _ := value{"lng", lngRaw}.text(p)
		if pt, ok := a.readPoint(lat, lng, p, cat.Region(a.cfg.ServiceRegion)); ok {
			r.Lng, r.Lat = pt[0], pt[1]
		}
	}
	checkRecord(r, p, time.Now())
}

// readPoint applies the importers' point rules to a moved point: both numbers, strictly parsed, no
// placeholder (0), not swapped, inside the service region.
func (a *admin) readPoint(latS, lngS string, p *recordProblems, region geo.Region) (orb.Point, bool) {
	lng, err := geo.ParseCoord("lng", lngS, -180, 180)
	if err != nil {
		p.refuse("lng", err.Error())
		return orb.Point{}, false
	}
	lat, err := geo.ParseCoord("lat", latS, -180, 180)
	if err != nil {
		p.refuse("lat", err.Error())
		return orb.Point{}, false
	}
	pt := orb.Point{lng, lat}
	switch {
	case lng == 0 || lat == 0:
		p.refuse("lng", fmt.Sprintf("占位坐标 (%g, %g)，不是真实位置 / placeholder point, not a real place", lng, lat))
	case geo.SwappedLatLng(pt, region):
		p.refuse("lat", fmt.Sprintf("经纬度颠倒 / latitude and longitude swapped (lng %g, lat %g)", lng, lat))
	case lat < -90 || lat > 90:
		p.refuse("lat", fmt.Sprintf("纬度 %g 超出 -90 到 90 / latitude %g out of range -90..90", lat, lat))
	case !region.Contains(pt):
		p.refuse("lng", fmt.Sprintf("坐标 (%.6f, %.6f) 不在服务区域 %s 内 / point outside the service region %s", lng, lat, region, region))
	default:
		return pt, true
	}
	return orb.Point{}, false
}

// recordRefused is the 400 of a record with refused fields: every field's message, for the form to show
// next to each field, and the first one in DESIGN.md's error shape.
func recordRefused(c echo.Context, p recordProblems) error {
	names := make([]string, 0, len(p.errs))
	for n := range p.errs {
		names = append(names, n)
	}
	sort.Strings(names)
	return c.JSON(http.StatusBadRequest, map[string]any{"error": map[string]any{
		"code": "invalid_record", "field": names[0], "fields": p.errs,
		"message": "记录有误，未保存 / the record has errors and was not saved: " + names[0] + ": " + p.errs[names[0]],
	}})
}

// decodeFields reads a JSON object body as raw fields.
func decodeFields(c echo.Context) (map[string]json.RawMessage, error) {
	var fields map[string]json.RawMessage
	if err := param.JSON(c, &fields); err != nil {
		return nil, err
	}
	if fields == nil {
		return nil, reply.BadParam("body", "须为 JSON 对象 / want a JSON object")
	}
	return fields, nil
}

// catalog is the vocabularies as the primary has them now (a write must not check codes against a
// replica that lags).
func (a *admin) catalog(ctx context.Context) (*catalog.Catalog, error) {
	v, err := placedb.DirectoryVersion(ctx, a.db)
	if err != nil {
		return nil, err
	}
	return a.catalogs.Get(ctx, v)
}

// edit describes a write by the signed-in principal, refreshing the record's search document inside the
// write's transaction.
func (a *admin) edit(c echo.Context, cat *catalog.Catalog, action, reason string, version int) recorddb.Edit {
	return recorddb.Edit{Actor: Principal(c).Actor(), Action: action, Reason: reason, Version: version,
		Refresh: func(ctx context.Context, q store.Querier, id string) error {
			return search.RefreshPG(ctx, q, cat.Analyzer, []string{id})
		}}
}
