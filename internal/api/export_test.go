package api_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

const exportCanary = "CANARY-internal-7d1f"

var exportSeeded bool

// seedExport puts records whose names spreadsheets would run as formulas, with a private canary, and a
// withdrawn record, into the package's database (once).
func seedExport(t *testing.T) {
	t.Helper()
	if exportSeeded {
		return
	}
	exportSeeded = true
	ctx := context.Background()
	pool := storetest.Pool(t)
	for i, name := range []string{"=HYPERLINK(\"http://evil.example\",\"点我\")", "+86 公证处", "-1 律所", "@SUM(A1) 鉴定所", "普通的<b>援助</b>站"} {
		var r recorddb.Record
		r.Kind, r.Name, r.Source, r.SourceID = directory.KindNotary, name, "export-test", string(rune('a'+i))
		r.Lng, r.Lat, r.Status, r.InternalNote = 114.05+float64(i)/100, 22.54, directory.StatusActive, exportCanary
		r.Phones = []string{"+86 755 1234"}
		if _, err := recorddb.CreateProvider(ctx, pool, r, recorddb.Edit{Actor: "seed"}); err != nil {
			t.Fatal(err)
		}
	}
	var closed recorddb.Record
	closed.Kind, closed.Name, closed.Source, closed.SourceID = directory.KindNotary, "已撤下的公证处", "export-test", "closed"
	closed.Lng, closed.Lat, closed.Status = 114.1, 22.55, directory.StatusClosed
	if _, err := recorddb.CreateProvider(ctx, pool, closed, recorddb.Edit{Actor: "seed"}); err != nil {
		t.Fatal(err)
	}
}

func TestExportCSV(t *testing.T) {
	seedExport(t)
	_, ts := apitest.AdminServer(t, nil)
	resp, body := apitest.Get(t, ts.URL+"/api/v1/export.csv")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("export.csv: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if !bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		t.Fatal("no UTF-8 byte order mark: Excel would read the file as GBK")
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("the open data export is not readable from other origins")
	}
	rows, err := csv.NewReader(bytes.NewReader(body[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	names := map[string]bool{}
	for _, r := range rows[1:] {
		names[r[col["name"]]] = true
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
		if strings.Contains(r[col["phone"]], "+86") && r[col["phone"]] != "'+86 755 1234" {
			t.Errorf("phone cell %q", r[col["phone"]])
		}
	}
	for _, want := range []string{"'=HYPERLINK(\"http://evil.example\",\"点我\")", "'+86 公证处", "'-1 律所", "'@SUM(A1) 鉴定所", "普通的<b>援助</b>站"} {
		if !names[want] {
			t.Errorf("export lacks %q", want)
		}
	}
	if names["已撤下的公证处"] {
		t.Error("a withdrawn record is exported")
	}
	for _, private := range []string{exportCanary, "internal_note", "source_id", "export-test"} {
		if bytes.Contains(body, []byte(private)) {
			t.Errorf("the export holds the private %q", private)
		}
	}
	etag := resp.Header.Get("ETag")
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/v1/export.csv", nil)
	req.Header.Set("If-None-Match", etag)
	r2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if etag == "" || r2.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation with %q: %d, want 304", etag, r2.StatusCode)
	}
}

func TestExportGeoJSON(t *testing.T) {
	seedExport(t)
	_, ts := apitest.AdminServer(t, nil)
	resp, body := apitest.Get(t, ts.URL+"/api/v1/export.geojson")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/geo+json" {
		t.Fatalf("export.geojson: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var fc struct {
		Type     string
		Features []struct {
			Type     string
			ID       string
			Geometry struct {
				Type        string
				Coordinates []float64
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(body, &fc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) < 5 {
		t.Fatalf("%s with %d features", fc.Type, len(fc.Features))
	}
	for _, f := range fc.Features {
		if f.Geometry.Type != "Point" || len(f.Geometry.Coordinates) != 2 || f.Geometry.Coordinates[0] < 113 || f.Properties["name"] == "已撤下的公证处" {
			t.Errorf("feature %+v", f)
		}
		for _, private := range []string{"internal_note", "source", "source_id", "search_doc"} {
			if _, ok := f.Properties[private]; ok {
				t.Errorf("feature carries %s", private)
			}
		}
	}
	if bytes.Contains(body, []byte(exportCanary)) {
		t.Error("the private canary is in the GeoJSON export")
	}
}

// A download after a change gets the new data under a new ETag; the one before it still revalidates as
// stale. Downloads of one version read one file: the same bytes, with its length and ranges.
func TestExportFollowsTheData(t *testing.T) {
	seedExport(t)
	_, ts := apitest.AdminServer(t, nil)
	first, body1 := apitest.Get(t, ts.URL+"/api/v1/export.csv")
	again, body2 := apitest.Get(t, ts.URL+"/api/v1/export.csv")
	if first.StatusCode != http.StatusOK || !bytes.Equal(body1, body2) || first.Header.Get("ETag") != again.Header.Get("ETag") {
		t.Fatalf("two downloads of one version differ: %d, %q %q", first.StatusCode, first.Header.Get("ETag"), again.Header.Get("ETag"))
	}
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/v1/export.csv", nil)
	req.Header.Set("Range", "bytes=0-2")
	req.Header.Set("Accept-Encoding", "identity")
	part, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	head, _ := io.ReadAll(part.Body)
	part.Body.Close()
	if part.StatusCode != http.StatusPartialContent || string(head) != "\xef\xbb\xbf" {
		t.Errorf("a range of the file: %d %q", part.StatusCode, head)
	}

	ctx := context.Background()
	pool := storetest.Pool(t)
	var r recorddb.Record
	r.Kind, r.Name, r.Source, r.SourceID = directory.KindNotary, "改名前的公证处", "export-follow", "1"
	r.Lng, r.Lat, r.Status = 114.07, 22.54, directory.StatusActive
	rec, err := recorddb.CreateProvider(ctx, pool, r, recorddb.Edit{Actor: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := recorddb.UpdateProvider(ctx, pool, rec.ID, recorddb.Edit{Actor: "test", Action: "update", Version: rec.Version},
		func(cur recorddb.Record) (recorddb.Record, error) {
			cur.Name = "改名后的公证处"
			return cur, nil
		}); err != nil {
		t.Fatal(err)
	}
	req, _ = http.NewRequest(http.MethodGet, ts.URL+"/api/v1/export.csv", nil)
	req.Header.Set("If-None-Match", first.Header.Get("ETag"))
	later, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body3, _ := io.ReadAll(later.Body)
	later.Body.Close()
	if later.StatusCode != http.StatusOK || later.Header.Get("ETag") == first.Header.Get("ETag") ||
		!bytes.Contains(body3, []byte("改名后的公证处")) || bytes.Contains(body3, []byte("改名前的公证处")) {
		t.Fatalf("after a change: %d, ETag %q (was %q), new name in the file %v", later.StatusCode,
			later.Header.Get("ETag"), first.Header.Get("ETag"), bytes.Contains(body3, []byte("改名后的公证处")))
	}
}
