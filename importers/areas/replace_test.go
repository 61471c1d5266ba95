package areas_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"slices"
	"testing"

	"legalmap/importers/areas"
	"legalmap/importers/pipeline"
	"legalmap/internal/api"
	"legalmap/internal/config"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
)

// TestReplaceMakesAnotherCityTheOnlyOne: a second city's bureau starts from the product, which ships
// Shenzhen's areas. Loading its own districts with Replace removes Shenzhen's, so the service region, the
// map's opening view and the place lookup are the new city's alone; an area a record still lies in is kept
// and said, never deleted from under it.
func TestReplaceMakesAnotherCityTheOnlyOne(t *testing.T) {
	ctx := context.Background()
	pool := storetest.ExtraPool(t, "replace")
	shenzhen := func() (n int) {
		if err := pool.QueryRow(ctx, `SELECT count(*) FROM areas WHERE code LIKE '4403%'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if shenzhen() == 0 {
		t.Fatal("the migrations ship no Shenzhen areas: nothing to replace")
	}
	// One record already lies in Shenzhen (福田区): its district and city stay.
	list := write(t, "法援.csv", []byte("编号,名称,地址,经度,纬度\nS1,福田区法律援助处,深圳市福田区福华一路1号,114.0550,22.5410\n"))
	if rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: "legal_aid", File: list, CRS: "wgs84", Source: "sz", Workers: 1}); err != nil || rep.Created != 1 {
		t.Fatalf("import: %v\n%s", err, rep.JSON())
	}
	f, err := areas.Read(write(t, "330100_full.json", []byte(hangzhouDataV)), "gcj02")
	if err != nil {
		t.Fatal(err)
	}
	dry, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "杭州市", Actor: "test", DryRun: true, Replace: true, Refresh: refresh})
	if err != nil || len(dry.Removed) == 0 || shenzhen() == 0 {
		t.Fatalf("dry run: %v %+v (Shenzhen areas left: %d)", err, dry, shenzhen())
	}
	res, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "杭州市", Actor: "test", Replace: true, Refresh: refresh})
	if err != nil || res.Added != 3 {
		t.Fatalf("load: %v %+v", err, res)
	}
	if !slices.Equal(res.Kept, []string{"440300", "440304"}) || shenzhen() != 2 {
		t.Fatalf("kept %v, %d Shenzhen areas left; want the city and the district the record lies in", res.Kept, shenzhen())
	}
	if len(res.Removed) != len(dry.Removed) || slices.Contains(res.Removed, "330102") {
		t.Fatalf("removed %v (the dry run said %v)", res.Removed, dry.Removed)
	}

	// With the record withdrawn from Shenzhen's list, a second load leaves Hangzhou alone: the map opens
	// there and its region is Hangzhou's.
	if _, err := pool.Exec(ctx, `DELETE FROM providers WHERE source = 'sz'`); err != nil {
		t.Fatal(err)
	}
	if _, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{Actor: "test", Replace: true, Refresh: refresh}); err != nil || shenzhen() != 0 {
		t.Fatalf("second load: %v, %d Shenzhen areas left", err, shenzhen())
	}
	cfg, err := config.Load(func(k string) string { return map[string]string{"RATE_LIMIT": "0"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Deps{Config: cfg, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), DB: pool})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	var c struct {
		CityZh string        `json:"city_name_zh"`
		Bounds [2][2]float64 `json:"bounds"`
	}
	getJSON(t, ts.URL+"/api/v1/config", &c)
	if c.CityZh != "杭州市" && c.CityZh != "杭州" || c.Bounds[0][1] < 119 || c.Bounds[1][1] > 121 {
		t.Errorf("config %+v, want Hangzhou's name and region only", c)
	}
}
