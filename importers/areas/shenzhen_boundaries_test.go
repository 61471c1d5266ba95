package areas_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"legalmap/importers/areas"
	"legalmap/importers/pipeline"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
)

// The Shenzhen boundary files in data/areas read as the loader reads any bureau's file: WGS84 stated,
// the national codes of the shipped area list, a boundary each.
func TestShenzhenBoundaryFilesRead(t *testing.T) {
	codes := map[string]string{} // code -> parent
	rows := readCSV(t, filepath.Join("..", "sample", "shenzhen-areas.csv"))
	for _, r := range rows[1:] {
		codes[r[0]] = r[3]
	}
	for _, c := range []struct {
		file, level string
		n           int
	}{{"shenzhen-districts.geojson", "district", 9}, {"shenzhen-streets.geojson", "street", 74}} {
		f, err := areas.Read(filepath.Join("..", "..", "data", "areas", c.file), "")
		if err != nil || f.CRS != "wgs84" || len(f.Areas) != c.n || len(f.Rejected) != 0 {
			t.Fatalf("%s: %v, crs %q, %d areas, rejected %+v", c.file, err, f.CRS, len(f.Areas), f.Rejected)
		}
		for _, a := range f.Areas {
			if a.Level != c.level || codes[a.Code] != a.Parent || len(a.Boundary) == 0 {
				t.Errorf("%s: %s %s level %s parent %s (list: %q), %d polygons", c.file, a.Code, a.NameZh, a.Level, a.Parent, codes[a.Code], len(a.Boundary))
			}
		}
	}
}

// TestShenzhenPlacesFiledByBoundary: on a freshly migrated database (Shenzhen's districts ship with it) a
// list of places at the 540 land anchors, with coordinates and no district, is filed by the import under
// each place's own district; with the optional street file loaded, under a street of that district (or the
// district where no street covers the point).
func TestShenzhenPlacesFiledByBoundary(t *testing.T) {
	ctx := context.Background()
	pool := storetest.ExtraPool(t, "shenzhen")
	rows := readCSV(t, filepath.Join("..", "sample", "shenzhen-land-anchors.csv"))[1:]
	var list strings.Builder
	list.WriteString("编号,名称,地址,经度,纬度\n")
	want := map[string]string{}
	for i, r := range rows {
		id := fmt.Sprintf("A%03d", i)
		want[id] = r[0]
		if r[2] == "113.99215" && r[3] == "22.52174" {
			want[id] = "440305" // in Shenzhen Bay, which OpenStreetMap gives to 南山区 (see internal/store)
		}
		fmt.Fprintf(&list, "%s,深圳市测试公证处%03d,深圳市某路%d号,%s,%s\n", id, i, i, r[2], r[3])
	}
	file := write(t, "anchors.csv", []byte(list.String()))
	check := func(stage string) int {
		t.Helper()
		rs, err := pool.Query(ctx, `SELECT source_id, coalesce(area_code, '') FROM providers WHERE source = 'anchors'`)
		if err != nil {
			t.Fatal(err)
		}
		defer rs.Close()
		right, n := 0, 0
		for rs.Next() {
			var id, code string
			if err := rs.Scan(&id, &code); err != nil {
				t.Fatal(err)
			}
			n++
			var in bool
			if err := pool.QueryRow(ctx, `SELECT area_within($1, $2)`, code, want[id]).Scan(&in); err != nil {
				t.Fatal(err)
			}
			if !in {
				t.Errorf("%s: %s filed under %q, want in %s", stage, id, code, want[id])
				continue
			}
			right++
		}
		if n != len(rows) {
			t.Fatalf("%s: %d places, want %d", stage, n, len(rows))
		}
		return right
	}
	rep, err := pipeline.Run(ctx, pool, pipeline.Options{Kind: "notary", File: file, CRS: "wgs84", Source: "anchors", Workers: 2})
	if err != nil || rep.Created != len(rows) {
		t.Fatalf("import: %v\n%s", err, rep.JSON())
	}
	var streets int
	pool.QueryRow(ctx, `SELECT count(*) FROM providers WHERE source = 'anchors' AND length(area_code) > 6`).Scan(&streets)
	if n := check("districts"); n != len(rows) || streets != 0 {
		t.Fatalf("districts: %d right, %d filed under streets", n, streets)
	}

	f, err := areas.Read(filepath.Join("..", "..", "data", "areas", "shenzhen-streets.geojson"), "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := importdb.LoadAreas(ctx, pool, f.Rows(), importdb.AreaLoadOptions{CityName: "", Actor: "test", DryRun: false, Refresh: refresh})
	if err != nil || res.Updated != 74 || res.Boundaries != 74 || len(res.Rejected) != 0 {
		t.Fatalf("streets: %v %+v", err, res)
	}
	pool.QueryRow(ctx, `SELECT count(*) FROM providers WHERE source = 'anchors' AND length(area_code) = 9`).Scan(&streets)
	if n := check("streets"); n != len(rows) || len(res.Moved) != streets || streets < 500 {
		t.Fatalf("streets: %d right, %d moved, %d under a street", n, len(res.Moved), streets)
	}
	t.Logf("%d of %d places under a street of their district", streets, len(rows))
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
