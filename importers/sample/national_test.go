package sample

import (
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"
)

// The national directory is mostly community advisers and law firms (with their lawyers), few notaries
// and forensic institutions, in cities from the far north to the far south, and the same for a seed.
func TestNationalDirectory(t *testing.T) {
	p := NationalPlan(10000)
	if p.Places() != 10000 || p.Advisers+p.LawFirms < 8000 || p.Notaries+p.Forensic > 500 || p.Advisers < p.LawFirms {
		t.Errorf("plan %+v: want mostly advisers and firms, few notaries and forensic institutions", p)
	}
	dir := t.TempDir()
	files, err := Write(Options{Out: dir, Scale: 3000, Seed: 7, National: true})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	cities := map[string]bool{}
	var minLat, maxLat float64 = 90, -90
	for _, f := range files {
		rows[f.Kind] = f.Rows
		if f.Kind != "law_firm" {
			continue
		}
		fh, err := os.Open(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(fh).ReadAll()
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			for _, c := range nationalCities {
				if strings.HasPrefix(r[7], c.Name) {
					cities[c.Name] = true
				}
			}
			var lat float64
			if _, err := fmt.Sscan(r[9], &lat); err != nil {
				t.Fatalf("latitude %q: %v", r[9], err)
			}
			minLat, maxLat = min(minLat, lat), max(maxLat, lat)
		}
	}
	if rows["lawyer"] < rows["law_firm"] || rows["community_adviser"] < rows["law_firm"] || rows["notary"] == 0 {
		t.Errorf("rows per kind %v", rows)
	}
	if len(cities) < 10 || minLat > 20 || maxLat < 45 {
		t.Errorf("firms in %d cities, latitudes %.1f to %.1f: want a country's spread", len(cities), minLat, maxLat)
	}
	again, err := Write(Options{Out: t.TempDir(), Scale: 3000, Seed: 7, National: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		a, _ := os.ReadFile(files[i].Path)
		b, _ := os.ReadFile(again[i].Path)
		if string(a) != string(b) {
			t.Errorf("%s differs between two runs of one seed", files[i].Kind)
		}
	}
}
