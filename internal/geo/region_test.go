package geo

import (
	"encoding/csv"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/paulmach/orb"
)

// TestShenzhenMatchesAreaFile recomputes the Shenzhen region from testdata/shenzhen-areas.csv (a copy of
// shared/data/shenzhen-areas.csv): the union of the district boxes, widened by 0.05 degree.
func TestShenzhenMatchesAreaFile(t *testing.T) {
	f, err := os.Open("testdata/shenzhen-areas.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := Region{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	districts := 0
	for _, row := range rows[1:] {
		if row[1] != "district" {
			continue
		}
		districts++
		var v [4]float64
		for i := range v {
			if v[i], err = strconv.ParseFloat(row[7+i], 64); err != nil {
				t.Fatalf("row %v: %v", row, err)
			}
		}
		want.MinLng, want.MinLat = math.Min(want.MinLng, v[0]), math.Min(want.MinLat, v[1])
		want.MaxLng, want.MaxLat = math.Max(want.MaxLng, v[2]), math.Max(want.MaxLat, v[3])
	}
	if districts != 9 {
		t.Fatalf("found %d districts, want 9", districts)
	}
	want = Region{want.MinLng - 0.05, want.MinLat - 0.05, want.MaxLng + 0.05, want.MaxLat + 0.05}
	for i, pair := range [][2]float64{{Shenzhen.MinLng, want.MinLng}, {Shenzhen.MinLat, want.MinLat},
		{Shenzhen.MaxLng, want.MaxLng}, {Shenzhen.MaxLat, want.MaxLat}} {
		if math.Abs(pair[0]-pair[1]) > 1e-9 {
			t.Errorf("Shenzhen edge %d = %v, the area file gives %v", i, pair[0], pair[1])
		}
	}
}

func TestRegionContains(t *testing.T) {
	for _, c := range []struct {
		p    orb.Point
		want bool
	}{
		{orb.Point{114.0579, 22.5431}, true},  // Futian civic centre
		{orb.Point{114.4770, 22.5950}, true},  // Dapeng
		{orb.Point{113.6963, 22.3493}, true},  // the corner itself
		{orb.Point{113.2644, 23.1291}, false}, // Guangzhou
		{orb.Point{22.5431, 114.0579}, false}, // swapped
		{orb.Point{0, 0}, false},
	} {
		if got := Shenzhen.Contains(c.p); got != c.want {
			t.Errorf("Shenzhen.Contains(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}

func TestParseRegion(t *testing.T) {
	r, err := ParseRegion("116.0,39.6,116.8,40.2")
	if err != nil || r != (Region{116.0, 39.6, 116.8, 40.2}) {
		t.Fatalf("ParseRegion = %+v, %v", r, err)
	}
	if back, err := ParseRegion(r.String()); err != nil || back != r {
		t.Errorf("ParseRegion(String()) = %+v, %v; want %+v", back, err, r)
	}
	if c := r.Center(); !near(c, orb.Point{116.4, 39.9}, 1e-9) {
		t.Errorf("Center = %v", c)
	}
	for _, bad := range []string{"", "1,2,3", "116,39.6,115,40.2", "116,39.6,116,40.2", "116,39.6,116.8,NaN", "a,b,c,d", "116,39.6,116.8,40.2,1"} {
		if _, err := ParseRegion(bad); err == nil {
			t.Errorf("ParseRegion(%q) accepted", bad)
		} else if fe, ok := err.(*FieldError); !ok || fe.FieldName() != "region" {
			t.Errorf("ParseRegion(%q) error %v does not name the region field", bad, err)
		}
	}
}

func TestSwappedLatLng(t *testing.T) {
	for _, c := range []struct {
		p    orb.Point
		want bool
	}{
		{orb.Point{22.5431, 114.0579}, true},  // [lat, lng] given as [lng, lat]
		{orb.Point{114.0579, 22.5431}, false}, // right way round
		{orb.Point{23.1291, 113.2644}, false}, // swapped Guangzhou: outside both ways
		{orb.Point{0, 0}, false},
	} {
		if got := SwappedLatLng(c.p, Shenzhen); got != c.want {
			t.Errorf("SwappedLatLng(%v) = %v, want %v", c.p, got, c.want)
		}
	}
}
