package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// TestCoordinateSystemsLandOnTheTruth imports one office written in GCJ-02 (Amap), BD-09 (Baidu) and a
// GeoJSON crs member, each computed from the same WGS84 point: each must be stored within half a metre of
// it.
func TestCoordinateSystemsLandOnTheTruth(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	truth := orb.Point{114.0579, 22.5431}
	for _, c := range []struct {
		file, kind, crs, id string
	}{
		{"firms-gcj02.csv", "law_firm", "gcj02", "G1"},
		{"firms-bd09.csv", "law_firm", "bd09", "H1"},
		{"legal-aid-gcj02.geojson", "legal_aid", "none", "GA1"}, // the file states its own
	} {
		mustApply(t, Options{Kind: c.kind, File: filepath.Join(dir, c.file), CRS: c.crs, Source: "positions"})
		var p orb.Point
		if err := pool.QueryRow(context.Background(), "SELECT ST_X(geom), ST_Y(geom) FROM providers WHERE source = 'positions' AND source_id = $1",
			c.id).Scan(&p[0], &p[1]); err != nil {
			t.Fatal(err)
		}
		if d := geo.Distance(p, truth); d > 0.5 {
			t.Errorf("%s: stored %v, %.2f m from the truth", c.file, p, d)
		}
	}
	// Undeclared, the same GCJ-02 numbers are taken as WGS84: hundreds of metres off, which is why --crs exists.
	emptyDirectory(t, pool)
	mustApply(t, Options{Kind: "law_firm", File: filepath.Join(dir, "firms-gcj02.csv"), Source: "positions"})
	var p orb.Point
	pool.QueryRow(context.Background(), "SELECT ST_X(geom), ST_Y(geom) FROM providers WHERE source_id = 'G1'").Scan(&p[0], &p[1])
	if d := geo.Distance(p, truth); d < 100 {
		t.Errorf("undeclared GCJ-02 stored %.1f m from the truth; the test's input is not GCJ-02", d)
	}
}
