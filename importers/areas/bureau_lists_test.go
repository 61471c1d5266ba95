package areas_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"legalmap/importers/pipeline"
	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/store/storetest"
)

func server(t *testing.T) *httptest.Server {
	t.Helper()
	cfg, err := config.Load(func(k string) string { return map[string]string{"RATE_LIMIT": "0"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: storetest.Pool(t)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

type answer struct {
	Results []struct {
		Name     string   `json:"name"`
		Status   string   `json:"status"`
		Position string   `json:"position"`
		Lat      *float64 `json:"lat"`
		Phones   []string `json:"phones"`
	} `json:"results"`
}

func getJSON(t *testing.T, u string, v any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || json.Unmarshal(b, v) != nil {
		t.Fatalf("%s: %d %s", u, resp.StatusCode, b)
	}
}

// TestForensicListAsBureausHaveIt: a forensic list in the form of a real one (em-dash phones, categories
// with 类 suffixes, an expired and a not-yet-valid licence, a duplicated address prefix, one row without
// coordinates): 亲子鉴定 finds the institutions doing 法医物证 and no others; licences outside their period are
// imported as not active and come after the active places; phones are stored as 0755-83001234.
func TestForensicListAsBureausHaveIt(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	f := write(t, "司法鉴定机构.csv", gb18030(t, "编号,机构名称,地址,经度,纬度,联系电话,鉴定业务范围,有效期起,有效期至\n"+
		"F1,深圳甲司法鉴定所,深圳市福田区华富街道深南中路1号,114.0700,22.5440,0755—83001234,法医物证类、法医临床,2020-01-01,2099-12-31\n"+
		"F2,深圳乙环境司法鉴定中心,深圳市深圳市南山区粤海街道科苑路2号,113.9500,22.5400,0755–26001234,环境损害,2020-01-01,2099-12-31\n"+
		"F3,深圳丙司法鉴定所,深圳市福田区莲花街道红荔路3号,114.0710,22.5450,0755－83005678,法医物证、法医精神病,2015-01-01,2020-12-31\n"+
		"F4,深圳丁司法鉴定所,深圳市罗湖区东门街道4号,,,0755——82001234,法医物证,2090-01-01,2099-12-31\n"+
		"F5,深圳戊司法鉴定所,深圳市福田区华强北街道5号,114.0720,22.5460,0755-83009999,文书、声像资料,2020-01-01,2099-12-31\n"))
	rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: "forensic", File: f, CRS: "wgs84", Source: "fx", Workers: 2,
		Now: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)})
	if err != nil || rep.Created != 5 {
		t.Fatalf("%v\n%s", err, rep.JSON())
	}
	warned := func(line int, field, word string) bool {
		for _, w := range rep.WarningList {
			if w.Line == line && w.Field == field && strings.Contains(w.Reason, word) {
				return true
			}
		}
		return false
	}
	if !warned(3, "address", "深圳市") || !warned(4, "valid_to", "2020-12-31") || !warned(5, "valid_from", "2090-01-01") || !warned(5, "address", "") {
		t.Fatalf("warnings: %+v", rep.WarningList)
	}
	ts := server(t)
	var a answer
	getJSON(t, ts.URL+"/api/v1/providers/search?q="+url.QueryEscape("亲子鉴定")+"&limit=50", &a)
	// The legal vocabulary meets 亲子鉴定 by the forensic institutions whose categories say 法医物证 (or whose
	// words, from the category table, say 亲子鉴定), and by no other: environmental damage (F2) and documents
	// (F5) are no answer. The places that are not active come after the active ones.
	var names []string
	for _, r := range a.Results {
		names = append(names, r.Name)
	}
	if len(a.Results) < 3 || a.Results[0].Name != "深圳甲司法鉴定所" || a.Results[0].Status != "active" {
		t.Fatalf("亲子鉴定 found %q, want the active 法医物证 institution first", names)
	}
	for _, want := range []string{"深圳丙司法鉴定所", "深圳丁司法鉴定所"} {
		if !slices.Contains(names, want) {
			t.Errorf("亲子鉴定 did not find %s (法医物证): %q", want, names)
		}
	}
	for _, not := range []string{"深圳乙环境司法鉴定中心", "深圳戊司法鉴定所"} {
		if slices.Contains(names, not) {
			t.Errorf("亲子鉴定 found %s, which does no 法医物证: %q", not, names)
		}
	}
	for i, r := range a.Results {
		if r.Status != "active" && i+1 < len(a.Results) && a.Results[i+1].Status == "active" {
			t.Errorf("a place that is not active (%s) before an active one: %q", r.Name, names)
		}
	}
	// Nearest: F3 (expired) is nearer to this point than F1, and comes after it; F4 has no point of its own.
	getJSON(t, ts.URL+"/api/v1/providers/nearest?lat=22.5452&lng=114.0711&kind=forensic&limit=10", &a)
	if len(a.Results) < 2 || a.Results[0].Name == "深圳丙司法鉴定所" || a.Results[0].Status != "active" {
		t.Errorf("nearest: %+v", a.Results)
	}
	for _, r := range a.Results {
		if r.Name == "深圳丙司法鉴定所" && r.Status == "active" {
			t.Error("an expired licence is active")
		}
	}
	var phones []string
	pool.QueryRow(ctx, `SELECT array_agg(phones[1] ORDER BY source_id) FROM providers WHERE source = 'fx'`).Scan(&phones)
	if !slices.Equal(phones, []string{"0755-83001234", "0755-26001234", "0755-83005678", "0755-82001234", "0755-83009999"}) {
		t.Errorf("phones %q", phones)
	}
}
