package api

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
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

// exportCSV serves the directory as UTF-8 with a byte order mark (so Excel on Chinese Windows reads it as
// UTF-8, not GBK), with every text cell that a spreadsheet would take for a formula neutralised.
func (s *Server) exportCSV(c echo.Context) error {
	return s.serveExport(c, "csv", "text/csv; charset=utf-8", "legalmap-directory.csv", func(ctx context.Context, w io.Writer) (int64, error) {
		w.Write([]byte("\ufeff")) //nolint:errcheck // the file's errors come back from Flush
		cw := csv.NewWriter(w)
		cw.Write(exportColumns) //nolint:errcheck
		v, err := placedb.ExportSnapshot(ctx, s.read, s.cfg.ExportTimeout, func(r placedb.PublicRecord) error {
			return cw.Write(csvRow(r))
		})
		if err != nil {
			return 0, err
		}
		cw.Flush()
		return v, cw.Error()
	})
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

// exportGeoJSON serves a FeatureCollection of points, the record's public fields as properties.
func (s *Server) exportGeoJSON(c echo.Context) error {
	return s.serveExport(c, "geojson", "application/geo+json", "legalmap-directory.geojson", func(ctx context.Context, w io.Writer) (int64, error) {
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`); err != nil {
			return 0, err
		}
		sep := ""
		v, err := placedb.ExportSnapshot(ctx, s.read, s.cfg.ExportTimeout, func(r placedb.PublicRecord) error {
			var geometry any = map[string]any{"type": "Point", "coordinates": [2]float64{r.Lng, r.Lat}}
			if r.Position == "unplaced" {
				geometry = nil // GeoJSON's feature without a location
			}
			b, err := json.Marshal(map[string]any{"type": "Feature", "id": r.ID, "geometry": geometry, "properties": r})
			if err != nil {
				return err
			}
			io.WriteString(w, sep) //nolint:errcheck // the file's errors come back from Flush
			sep = ",\n"
			_, err = w.Write(b)
			return err
		})
		if err != nil {
			return 0, err
		}
		_, err = io.WriteString(w, "]}\n")
		return v, err
	})
}

// serveExport answers a download of an export: 304 when the client holds the current version, else the
// file of that version (exportFiles), written first if it is not there yet. Making it may take longer than
// a request's deadline, so this request waits up to EXPORT_TIMEOUT, and the connection's write deadline
// is moved as far.
func (s *Server) serveExport(c echo.Context, format, contentType, fileName string, write writeExport) error {
	v, done, err := s.exportETag(c, format)
	if done || err != nil {
		return err
	}
	_ = http.NewResponseController(c.Response()).SetWriteDeadline(time.Now().Add(s.cfg.ExportTimeout + time.Minute))
	f, release, err := s.exports.file(format, v, s.cfg.ExportTimeout, write)
	if errors.Is(err, errExportWait) {
		c.Response().Header().Set("Retry-After", "60")
		return &reply.Error{Status: http.StatusServiceUnavailable, Code: "export_pending",
			Message: "导出文件仍在生成，请稍后再试 / the export is still being written, try again shortly"}
	}
	if err != nil {
		return err
	}
	defer release()
	h := c.Response().Header()
	h.Set("ETag", exportTag(format, f.version))
	h.Set(echo.HeaderContentType, contentType)
	h.Set("Content-Disposition", `attachment; filename="`+fileName+`"`)
	http.ServeContent(c.Response(), c.Request(), fileName, f.made, io.NewSectionReader(f.f, 0, f.size))
	return nil
}

// exportETag reads the directory's data version and answers 304 when the client holds that version of
// this export.
func (s *Server) exportETag(c echo.Context, format string) (int64, bool, error) {
	v, err := placedb.ExportVersion(c.Request().Context(), s.read)
	if err != nil {
		return 0, false, err
	}
	etag := exportTag(format, v)
	h := c.Response().Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "public, max-age=300")
	for _, t := range strings.Split(c.Request().Header.Get("If-None-Match"), ",") {
		if strings.TrimSpace(t) == etag {
			return v, true, c.NoContent(http.StatusNotModified)
		}
	}
	return v, false, nil
}

func exportTag(format string, v int64) string {
	return `"export-` + format + `-` + strconv.FormatInt(v, 10) + `"`
}
