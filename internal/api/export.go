package api

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/reply"
	"legalmap/internal/directory"
	"legalmap/internal/store/placedb"
)

// The open data exports: the whole public directory (withdrawn records left out, public fields only) as
// CSV for spreadsheets and GeoJSON for GIS, for the bureau's open data portal. Both carry an ETag tied to
// the directory's data version, so a portal polling them costs one small query while nothing changed.

var exportColumns = []string{"id", "kind", "kind_name", "name", "name_en", "licence_no", "credit_code", "address",
	"area_code", "area_name", "lng", "lat", "phone", "email", "website", "hours", "languages", "practice_areas",
	"free", "fee_note", "accessibility", "description", "categories", "valid_from", "valid_to", "status",
	"verified_at", "updated_at"}

// exportCSV writes UTF-8 with a byte order mark (so Excel on Chinese Windows reads it as UTF-8, not GBK),
// with every text cell that a spreadsheet would take for a formula neutralised.
func (s *Server) exportCSV(c echo.Context) error {
	if done, err := s.exportETag(c, "csv"); done || err != nil {
		return err
	}
	w := c.Response()
	var cw *csv.Writer
	start := func() {
		w.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="legalmap-directory.csv"`)
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("\ufeff")) //nolint:errcheck
		cw = csv.NewWriter(w)
		cw.Write(exportColumns) //nolint:errcheck
	}
	err := placedb.ExportPublic(c.Request().Context(), s.read, func(r placedb.PublicRecord) error {
		if cw == nil {
			start()
		}
		return cw.Write(csvRow(r))
	})
	if err != nil && cw == nil {
		return err
	}
	if err != nil {
		s.log.Warn("export cut short", "request_id", reply.RequestID(c), "err", err)
		return nil // the status is sent; a truncated file is all that can be said now
	}
	if cw == nil {
		start()
	}
	cw.Flush()
	return cw.Error()
}

// csvRow writes a record as the importers read it, so an exported file imports again unchanged: hours as
// the Chinese text of the bureaus' lists (directory.HoursText), practice areas by name, lists separated by
// ";", times in Shanghai's zone (a date read from them is the date the bureau meant).
func csvRow(r placedb.PublicRecord) []string {
	text := func(s string) string { return cellText(s) }
	list := func(l []string) string { return cellText(strings.Join(l, ";")) }
	free := ""
	if r.Free != nil {
		free = strconv.FormatBool(*r.Free)
	}
	verified := ""
	if r.VerifiedAt != nil {
		verified = r.VerifiedAt.In(directory.Shanghai).Format(time.RFC3339)
	}
	hours := ""
	var h directory.Hours
	if len(r.Hours) > 0 && json.Unmarshal(r.Hours, &h) == nil {
		hours = directory.HoursText(h)
	}
	lng, lat := formatCoord(r.Lng), formatCoord(r.Lat)
	if r.Position == "unplaced" {
		lng, lat = "", "" // no position: never 0,0
	}
	return []string{r.ID, r.Kind, text(r.KindName), text(r.Name), text(r.NameEn), text(r.LicenceNo), text(r.CreditCode),
		text(r.Address), r.AreaCode, text(r.AreaName), lng, lat, list(r.Phones),
		text(r.Email), text(r.Website), text(hours), list(r.Languages), list(r.PracticeAreaNames), free,
		text(r.FeeNote), text(r.Accessibility), text(r.Description), list(r.Categories), r.ValidFrom, r.ValidTo,
		r.Status, verified, r.UpdatedAt.In(directory.Shanghai).Format(time.RFC3339)}
}

// formulaLeads are the first characters that make a spreadsheet run a cell as a formula: = + - @, their
// full-width forms (which spreadsheets on Chinese systems also take), and tab, carriage return and line
// feed, which some skip before looking.
const formulaLeads = "=+-@＝＋－＠\t\r\n"

// cellText neutralises a text cell a spreadsheet would run as a formula (CSV injection): a cell, or any part
// of it after a ";" (where a spreadsheet set to split on ";" starts a new cell, and where lists are joined),
// that begins, after spaces, with one of formulaLeads gets an apostrophe before that character, which
// spreadsheets read as "this is text".
func cellText(s string) string {
	if !strings.ContainsAny(s, formulaLeads) {
		return s
	}
	parts := strings.Split(s, ";")
	for i, p := range parts {
		body := strings.TrimLeft(p, " \u3000")
		if r, _ := utf8.DecodeRuneInString(body); body != "" && strings.ContainsRune(formulaLeads, r) {
			parts[i] = p[:len(p)-len(body)] + "'" + body
		}
	}
	return strings.Join(parts, ";")
}

func formatCoord(v float64) string { return strconv.FormatFloat(v, 'f', 6, 64) }

// exportGeoJSON writes a FeatureCollection of points, the record's public fields as properties.
func (s *Server) exportGeoJSON(c echo.Context) error {
	if done, err := s.exportETag(c, "geojson"); done || err != nil {
		return err
	}
	w := c.Response()
	n := 0
	start := func() {
		w.Header().Set(echo.HeaderContentType, "application/geo+json")
		w.Header().Set("Content-Disposition", `attachment; filename="legalmap-directory.geojson"`)
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"type":"FeatureCollection","features":[`)) //nolint:errcheck
	}
	err := placedb.ExportPublic(c.Request().Context(), s.read, func(r placedb.PublicRecord) error {
		if n == 0 {
			start()
		} else {
			w.Write([]byte(",\n")) //nolint:errcheck
		}
		n++
		var geometry any = map[string]any{"type": "Point", "coordinates": [2]float64{r.Lng, r.Lat}}
		if r.Position == "unplaced" {
			geometry = nil // GeoJSON's feature without a location
		}
		b, err := json.Marshal(map[string]any{"type": "Feature", "id": r.ID, "geometry": geometry, "properties": r})
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err != nil && n == 0 {
		return err
	}
	if err != nil {
		s.log.Warn("export cut short", "request_id", reply.RequestID(c), "err", err)
		return nil
	}
	if n == 0 {
		start()
	}
	_, err = w.Write([]byte("]}\n"))
	return err
}

// exportETag answers 304 when the client holds the current version of this export.
func (s *Server) exportETag(c echo.Context, format string) (bool, error) {
	v, err := placedb.ExportVersion(c.Request().Context(), s.read)
	if err != nil {
		return false, err
	}
	etag := `"export-` + format + `-` + strconv.FormatInt(v, 10) + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=300")
	for _, t := range strings.Split(c.Request().Header.Get("If-None-Match"), ",") {
		if strings.TrimSpace(t) == etag {
			return true, c.NoContent(http.StatusNotModified)
		}
	}
	return false, nil
}
