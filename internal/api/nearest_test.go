package api_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"sort"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/api/apitest"
	"legalmap/internal/geo"
	"legalmap/internal/store/storetest"
)

// row is one visible place as the brute force sees it.
type row struct {
	id, kind string
	pt       orb.Point
	active   bool
}

// visible reads every place the public may see, straight from the table.
func visible(t *testing.T) []row {
	t.Helper()
	rows, err := storetest.Pool(t).Query(context.Background(),
		`SELECT id::text, kind, ST_X(geom), ST_Y(geom), status = 'active' FROM providers WHERE status <> 'closed' AND geom IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.kind, &r.pt[0], &r.pt[1], &r.active); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	return out
}

// bruteNearest is the answer computed the slow way: every place's geodesic distance, sorted, the k
// nearest with the places that are not active after the active ones.
func bruteNearest(all []row, p orb.Point, kind string, radius float64, k int) ([]string, []float64) {
	type cand struct {
		id     string
		d      float64
		active bool
	}
	var cs []cand
	for _, r := range all {
		d := geo.Distance(p, r.pt)
		if (kind == "" || r.kind == kind) && (radius == 0 || d <= radius) {
			cs = append(cs, cand{r.id, d, r.active})
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	cs = cs[:min(k, len(cs))]
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].active && !cs[j].active })
	var ids []string
	var ds []float64
	for _, c := range cs {
		ids = append(ids, c.id)
		ds = append(ds, c.d)
	}
	return ids, ds
}

// Nearest equals a brute-force geodesic computation over the whole table for random points in the city,
// with and without a kind filter and a radius; ties within a metre may come in either order.
func TestNearestMatchesBruteForce(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	all := visible(t)
	r := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 60; i++ {
		p := orb.Point{113.75 + r.Float64()*0.85, 22.45 + r.Float64()*0.4}
		kind, radius, k := "", 0.0, 1+r.IntN(20)
		switch i % 3 {
		case 1:
			kind = []string{"law_firm", "notary", "legal_aid", "forensic", "community_adviser"}[i%5]
		case 2:
			radius = 2000 + float64(r.IntN(8000))
		}
		v := url.Values{"lat": {fmt.Sprint(p[1])}, "lng": {fmt.Sprint(p[0])}, "limit": {fmt.Sprint(k)}}
		if kind != "" {
			v.Set("kind", kind)
		}
		if radius > 0 {
			v.Set("radius", fmt.Sprint(radius))
		}
		got := getList(t, ts.URL+"/api/v1/providers/nearest?"+v.Encode())
		want, dists := bruteNearest(all, p, kind, radius, k)
		if len(got.Results) != len(want) {
			t.Fatalf("%v: %d results, brute force %d", v, len(got.Results), len(want))
		}
		for j, res := range got.Results {
			if res.DistanceM == nil || math.Abs(*res.DistanceM-dists[j]) > 1 {
				t.Fatalf("%v #%d: distance %v, brute force %.1f", v, j, res.DistanceM, dists[j])
			}
			if res.ID != want[j] && math.Abs(*res.DistanceM-dists[j]) > 1 {
				t.Fatalf("%v #%d: %s, brute force %s", v, j, res.ID, want[j])
			}
			if kind != "" && res.Kind != kind {
				t.Fatalf("%v: kind %s in answer", v, res.Kind)
			}
		}
	}
}

// The filters: a practice area met through a practitioner (belonging or assigned, not withdrawn),
// language, free; withdrawn places never appear, even next door.
func TestNearestFilters(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	base := ts.URL + "/api/v1/providers/nearest?lat=22.5401&lng=114.0570&limit=50"

	labour := getList(t, base+"&practice_area=labour&kind=law_firm")
	if !has(labour.ids(), ids[fxHuashang]) {
		t.Errorf("华商 (whose lawyer does labour) missing from practice_area=labour")
	}
	inh := getList(t, base+"&practice_area=inheritance")
	if !has(inh.ids(), ids[fxAdviser]) || !has(inh.ids(), ids[fxHuashang]) {
		t.Errorf("practice_area=inheritance: want 华商 (own lawyer) and the adviser point (assigned lawyer)")
	}
	if has(getList(t, base+"&practice_area=medical").ids(), ids[fxHuashang]) {
		t.Errorf("a withdrawn lawyer's practice area made 华商 match")
	}
	for _, res := range getList(t, base+"&language=yue").Results {
		if !has(res.Languages, "yue") {
			t.Errorf("language=yue gave %s with %v", res.Name, res.Languages)
		}
	}
	for _, res := range getList(t, base+"&free=true").Results {
		if res.Free == nil || !*res.Free {
			t.Errorf("free=true gave %s with free=%v", res.Name, res.Free)
		}
	}
	everything := getList(t, base)
	if has(everything.ids(), ids[fxClosed]) {
		t.Errorf("a withdrawn place was shown")
	}
	for _, res := range everything.Results {
		if res.Status == "closed" {
			t.Errorf("status closed in an answer: %s", res.Name)
		}
	}
}

// crs=gcj02 takes the point in GCJ-02 and answers in GCJ-02: the same places as the WGS84 point, with
// each place's coordinates shifted by the GCJ-02 offset.
func TestNearestGCJ02(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	w := orb.Point{114.0570, 22.5401}
	g := geo.FromWGS84(w, geo.GCJ02)
	a := getList(t, fmt.Sprintf("%s/api/v1/providers/nearest?lat=%v&lng=%v&limit=5", ts.URL, w[1], w[0]))
	b := getList(t, fmt.Sprintf("%s/api/v1/providers/nearest?lat=%v&lng=%v&limit=5&crs=gcj02", ts.URL, g[1], g[0]))
	for i := range a.Results {
		if a.Results[i].ID != b.Results[i].ID {
			t.Fatalf("#%d: %s (wgs84) vs %s (gcj02)", i, a.Results[i].ID, b.Results[i].ID)
		}
		want := geo.FromWGS84(orb.Point{a.Results[i].Lng, a.Results[i].Lat}, geo.GCJ02)
		if geo.Distance(want, orb.Point{b.Results[i].Lng, b.Results[i].Lat}) > 0.05 {
			t.Errorf("#%d: gcj02 answer at %v,%v, want %v", i, b.Results[i].Lat, b.Results[i].Lng, want)
		}
		if math.Abs(*a.Results[i].DistanceM-*b.Results[i].DistanceM) > 0.5 {
			t.Errorf("#%d: distances %v and %v differ", i, *a.Results[i].DistanceM, *b.Results[i].DistanceM)
		}
	}
	if geo.Distance(orb.Point{a.Results[0].Lng, a.Results[0].Lat}, orb.Point{b.Results[0].Lng, b.Results[0].Lat}) < 100 {
		t.Errorf("gcj02 coordinates were not shifted")
	}
}
