package areas_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"golang.org/x/text/encoding/simplifiedchinese"

	"legalmap/importers/areas"
	"legalmap/importers/pipeline"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
)

func TestMain(m *testing.M) { os.Exit(storetest.Main(m)) }

func write(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gb18030(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A second city as DataV / GeoAtlas publishes it: adcode, name, center, level, parent {adcode},
// MultiPolygons in GCJ-02 and no crs member. Two districts share the edge at GCJ-02 longitude 120.15.
const hangzhouDataV = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"adcode":330102,"name":"上城区","center":[120.17,30.25],"centroid":[120.175,30.25],"childrenNum":2,"level":"district","parent":{"adcode":330100},"subFeatureIndex":0,"acroutes":[100000,330000,330100]},
 "geometry":{"type":"MultiPolygon","coordinates":[[[[120.15,30.22],[120.20,30.22],[120.20,30.28],[120.15,30.28],[120.15,30.22]]]]}},
{"type":"Feature","properties":{"adcode":330106,"name":"西湖区","center":[120.10,30.26],"level":"district","parent":{"adcode":330100}},
 "geometry":{"type":"MultiPolygon","coordinates":[[[[120.05,30.22],[120.15,30.22],[120.15,30.30],[120.05,30.30],[120.05,30.22]]],[[[120.06,30.31],[120.07,30.31],[120.07,30.32],[120.06,30.32],[120.06,30.31]]]]}}
]}`

func refresh(ctx context.Context, q store.Querier, ids []string) error {
	a, err := search.LoadAnalyzer(ctx, q)
	if err != nil {
		return err
	}
	return search.RefreshPG(ctx, q, a, ids)
}

// TestSecondCityFromItsOwnFiles: a city other than Shenzhen loads its districts (DataV GCJ-02 boundaries,
// every vertex converted) and streets (a GB18030 CSV), then imports a list: places take the district
// whose boundary covers them (not the one their row names), address-only rows are placed at the centre
// of the area their address names.
func TestSecondCityFromItsOwnFiles(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	geoFile := write(t, "330100_full.json", []byte(hangzhouDataV))
	if _, err := areas.Read(geoFile, ""); !errors.Is(err, areas.ErrNoCRS) {
		t.Fatalf("DataV without --crs: %v, want ErrNoCRS", err)
	}
	f, err := areas.Read(geoFile, "gcj02")
	if err != nil || len(f.Areas) != 2 || len(f.Rejected) != 0 {
		t.Fatalf("read: %v %+v", err, f)
	}
	for _, a := range f.Areas {
		if a.Level != "district" || a.Parent != "330100" || len(a.Boundary) == 0 || a.Pinyin == "" {
			t.Fatalf("area %+v", a)
		}
	}
	want := geo.ToWGS84(orb.Point{120.15, 30.22}, geo.GCJ02)
	if got := f.Areas[0].Boundary[0][0][0]; got != want {
		t.Fatalf("vertex %v, want %v (converted from GCJ-02)", got, want)
	}
	res, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: false, Refresh: refresh})
	if err != nil || len(res.Rejected) != 2 {
		t.Fatalf("without a city name the districts have no parent: %v %+v", err, res)
	}
	res, err = importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "杭州市", Actor: "test", DryRun: false, Refresh: refresh})
	if err != nil || res.Added != 3 || res.Boundaries != 2 {
		t.Fatalf("load: %v %+v", err, res)
	}
	streets := write(t, "街道.csv", gb18030(t, "区划代码,名称,上级代码,级别,中心\n"+
		"330106001,北山街道,330106,街道,\"120.14,30.26\"\n"+
		"330102001,湖滨街道,330102,街道,\"120.17,30.25\"\n"+
		"330102002,无名,330199,街道,\"120.17,30.25\"\n"))
	if _, err := areas.Read(streets, ""); !errors.Is(err, areas.ErrNoCRS) {
		t.Fatalf("CSV with centres, no --crs: %v", err)
	}
	sf, err := areas.Read(streets, "gcj02")
	if err != nil || len(sf.Areas) != 3 {
		t.Fatalf("streets: %v %+v", err, sf)
	}
	res, err = importdb.LoadAreas(ctx, pool, sf.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: false, Refresh: refresh})
	if err != nil || res.Added != 2 || len(res.Rejected) != 1 || res.Rejected[0].Field != "parent" {
		t.Fatalf("streets load: %v %+v", err, res)
	}

	// A list of the second city, GCJ-02 as Amap gives it. H1 lies 300 m east of the shared edge (上城区)
	// although its row says 西湖区: had the boundaries not been converted, the converted point would lie
	// west of the edge, in 西湖区.
	list := write(t, "杭州公证处.csv", []byte("编号,名称,所属区,地址,经度,纬度\n"+
		"H1,杭州市某公证处,西湖区,杭州市上城区某路1号,120.1530,30.2500\n"+
		"H2,杭州市西湖公证处,,杭州市西湖区北山街道某路2号,,\n"+
		"H3,杭州市另一公证处,,某路3号,,\n"))
	rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: "notary", File: list, CRS: "gcj02", Source: "hz", Workers: 2})
	if err != nil || rep.Created != 3 {
		t.Fatalf("import: %v\n%s", err, rep.JSON())
	}
	area := func(id string) (code, placement string) {
		pool.QueryRow(ctx, `SELECT coalesce(area_code, ''), placement FROM providers WHERE source = 'hz' AND source_id = $1`, id).Scan(&code, &placement)
		return
	}
	if c, p := area("H1"); c != "330102" || p != "exact" {
		t.Errorf("H1 in %s (%s), want 330102 by its boundary", c, p)
	}
	warned := false
	for _, w := range rep.WarningList {
		warned = warned || (w.Line == 2 && w.Field == "district" && strings.Contains(w.Reason, "上城区"))
	}
	if !warned {
		t.Errorf("no warning that H1's row names another district: %+v", rep.WarningList)
	}
	if c, p := area("H2"); c != "330106001" || p != "approximate" {
		t.Errorf("H2 in %s (%s), want 北山街道, approximate", c, p)
	}
	if c, p := area("H3"); c != "" || p != "unplaced" {
		t.Errorf("H3 in %s (%s), want unplaced", c, p)
	}
}

// TestBoundariesMoveExistingPlaces: loading boundaries reassigns the places already in the directory, in
// the same transaction, with an audit row each, and says how many moved; a dry run moves nothing.
func TestBoundariesMoveExistingPlaces(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	var id string
	// Well inside what the outline below calls 宝安区, but filed under 南山区 (as the nearest-centre rule did).
	if err := pool.QueryRow(ctx, `INSERT INTO providers (kind, name, geom, area_code, source, source_id)
		VALUES ('law_firm', '宝安某律所', ST_SetSRID(ST_MakePoint(113.88, 22.58), 4326), '440305', 'mv', 'M1') RETURNING id::text`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	outline := `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
		{"type":"Feature","properties":{"adcode":"440306","name":"宝安区","parent":{"adcode":440300}},
		 "geometry":{"type":"Polygon","coordinates":[[[113.75,22.55],[113.95,22.55],[113.95,22.86],[113.75,22.86],[113.75,22.55]]]}}]}`
	f, err := areas.Read(write(t, "baoan.geojson", []byte(outline)), "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: true, Refresh: refresh})
	if err != nil || len(res.Moved) != 1 {
		t.Fatalf("dry run: %v %+v", err, res)
	}
	var code string
	pool.QueryRow(ctx, `SELECT area_code FROM providers WHERE id = $1`, id).Scan(&code)
	if code != "440305" {
		t.Fatalf("a dry run moved the place to %s", code)
	}
	res, err = importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: false, Refresh: refresh})
	if err != nil || len(res.Moved) != 1 || res.Moved[0].From != "440305" || res.Moved[0].To != "440306" || res.Updated != 1 {
		t.Fatalf("load: %v %+v", err, res)
	}
	var audits int
	pool.QueryRow(ctx, `SELECT count(*) FROM changes WHERE record_id = $1 AND diff ? 'area_code'`, id).Scan(&audits)
	pool.QueryRow(ctx, `SELECT area_code FROM providers WHERE id = $1`, id).Scan(&code)
	if code != "440306" || audits != 1 {
		t.Fatalf("after the load: area %s, %d audit rows", code, audits)
	}
	// Again: nothing moves.
	if res, err = importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: false, Refresh: refresh}); err != nil || len(res.Moved) != 0 {
		t.Fatalf("second load: %v %+v", err, res)
	}
}

// The shipped Shenzhen list reads as an area file too (code, level, name, parent_code, centroid).
func TestShenzhenListReads(t *testing.T) {
	f, err := areas.Read(filepath.Join("..", "sample", "shenzhen-areas.csv"), "wgs84")
	if err != nil || len(f.Areas) != 88 || len(f.Rejected) != 0 {
		t.Fatalf("%v: %d areas, rejected %+v", err, len(f.Areas), f.Rejected)
	}
	if f.Areas[0].Level != "district" || f.Areas[0].Centre == nil {
		t.Fatalf("first %+v", f.Areas[0])
	}
}
