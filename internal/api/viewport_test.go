package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/storetest"
)

type geoJSON struct {
	Type     string `json:"type"`
	Features []struct {
		Geometry struct {
			Coordinates [2]float64 `json:"coordinates"`
		} `json:"geometry"`
		Properties struct {
			ID      string `json:"id"`
			Kind    string `json:"kind"`
			Cluster bool   `json:"cluster"`
			Count   int    `json:"count"`
		} `json:"properties"`
	} `json:"features"`
	Clustered bool `json:"clustered"`
}

func viewport(t *testing.T, base, query string) (geoJSON, int) {
	t.Helper()
	resp, body := apitest.Get(t, base+"/api/v1/providers?"+query)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %s", query, resp.StatusCode, body)
	}
	var g geoJSON
	if err := json.Unmarshal(body, &g); err != nil {
		t.Fatal(err)
	}
	return g, len(body)
}

// count is the features' places: a point is one, a cluster its count.
func (g geoJSON) count() int {
	n := 0
	for _, f := range g.Features {
		if f.Properties.Cluster {
			n += f.Properties.Count
		} else {
			n++
		}
	}
	return n
}

func placesInBox(t *testing.T, box string, extra string) int {
	t.Helper()
	var n int
	err := storetest.Pool(t).QueryRow(context.Background(), fmt.Sprintf(`SELECT count(*) FROM providers
		WHERE status <> 'closed' AND geom && ST_MakeEnvelope(%s, 4326) %s`, box, extra)).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// A small view answers points; a city-wide view clusters, from the grid and live alike, and the counts
// add up to the places in the box.
func TestViewportPointsAndClusters(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	refreshGrid(t) // other tests of the package may have changed the directory since

	small := "114.05,22.53,114.07,22.55"
	g, _ := viewport(t, ts.URL, "bbox="+small+"&zoom=16")
	if g.Type != "FeatureCollection" || g.Clustered || g.count() != placesInBox(t, "114.05,22.53,114.07,22.55", "") {
		t.Fatalf("small view: clustered=%v, %d places, want points of all %d", g.Clustered, g.count(), placesInBox(t, small, ""))
	}
	found := false
	for _, f := range g.Features {
		found = found || f.Properties.ID == ids[fxHuashang]
		if f.Properties.ID == ids[fxClosed] {
			t.Errorf("a withdrawn place is on the map")
		}
	}
	if !found {
		t.Errorf("华商 not among the points")
	}

	city := "113.70,22.35,114.67,22.91"
	want := placesInBox(t, city, "")
	if want <= 300 {
		t.Fatalf("fixture too small for clusters: %d places", want)
	}
	for _, z := range []string{"10", "12", "15", "18"} { // grid levels, and live beyond them
		g, size := viewport(t, ts.URL, "bbox="+city+"&zoom="+z)
		if !g.Clustered || g.count() != want {
			t.Errorf("zoom %s: clustered=%v, %d places, want %d", z, g.Clustered, g.count(), want)
		}
		if size > 100_000 {
			t.Errorf("zoom %s: %d bytes", z, size)
		}
	}
	// Filters the grid does not hold are counted live; kind is in the grid.
	if g, _ := viewport(t, ts.URL, "bbox="+city+"&zoom=11&kind=law_firm"); g.count() != placesInBox(t, city, "AND kind = 'law_firm'") {
		t.Errorf("kind=law_firm: %d places", g.count())
	}
	if g, _ := viewport(t, ts.URL, "bbox="+city+"&zoom=11&language=en"); g.count() != placesInBox(t, city, "AND 'en' = ANY (languages)") {
		t.Errorf("language=en: %d places", g.count())
	}
}

func refreshGrid(t *testing.T) {
	t.Helper()
	if _, err := placedb.RefreshViewportGrid(context.Background(), storetest.Pool(t)); err != nil {
		t.Fatal(err)
	}
}

// When the directory changes, the grid falls behind: the map still answers at once (with counts of a
// moment ago, marked not to be kept), rebuilds the grid in the background, and soon counts the change.
func TestViewportGridCatchesUp(t *testing.T) {
	qaFixtures(t)
	clock := apitest.NewClock()
	ts := apitest.NewServerAt(t, nil, nil, clock)
	refreshGrid(t)
	city := "113.70,22.35,114.67,22.91"
	before, _ := viewport(t, ts.URL, "bbox="+city+"&zoom=10")
	if _, err := storetest.Pool(t).Exec(context.Background(), `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('notary', '新设公证处', ST_SetSRID(ST_MakePoint(114.2, 22.7), 4326), 'qa-fixture', $1)`,
		fmt.Sprint("new-", time.Now().UnixNano())); err != nil {
		t.Fatal(err)
	}
	clock.Advance(1100 * time.Millisecond) // the version is cached for a second
	resp, _ := apitest.Get(t, ts.URL+"/api/v1/providers?bbox="+city+"&zoom=10")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("stale grid: %d, Cache-Control %q, want 200 not to be kept", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		g, _ := viewport(t, ts.URL, "bbox="+city+"&zoom=10")
		if g.count() == before.count()+1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("grid still counts %d, want %d", g.count(), before.count()+1)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// A box over the whole country at a close zoom still answers quickly with a bounded number of clusters.
func TestViewportHugeBox(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	g, size := viewport(t, ts.URL, "bbox=73,18,135,54&zoom=18")
	if len(g.Features) == 0 || len(g.Features) > 4096 || size > 500_000 {
		t.Errorf("country-wide box: %d features, %d bytes", len(g.Features), size)
	}
}
