package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store/storetest"
)

// A broad query with a location ranks the matches near the citizen: with more matches in the city than
// are ranked for one answer, the first page must be the nearest matches (here all equally relevant, so
// exactly the nearest), found through the cell lexemes (the fallback, a sample of the city's matches,
// would not hold them).
func TestBroadQueryNearTheCitizen(t *testing.T) {
	ctx := context.Background()
	db := storetest.Pool(t)
	a := testAnalyzer(t)
	citizen := orb.Point{114.0579, 22.5431}
	r := rand.New(rand.NewPCG(3, 5))
	var ids []string
	var lngs, lats []float64
	add := func(p orb.Point) {
		ids = append(ids, fmt.Sprintf("nf-%04d", len(ids)))
		lngs, lats = append(lngs, p[0]), append(lats, p[1])
	}
	for range 6000 { // across the city: bucket 0 alone holds enough to call the query broad (~47 > broadSample)
		add(orb.Point{113.80 + r.Float64()*0.70, 22.45 + r.Float64()*0.35})
	}
	for range 40 { // and a few around the citizen, up to ~600 m away
		add(orb.Point{citizen[0] + (r.Float64()*2-1)*0.006, citizen[1] + (r.Float64()*2-1)*0.005})
	}
	_, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		SELECT 'law_firm', CASE WHEN n = 17 THEN '海天律师事务所' ELSE '鹏城第' || n || '律师事务所' END, ST_SetSRID(ST_MakePoint(x, y), 4326), 'near-test', id
		FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS t(id, x, y, n)`, ids, lngs, lats)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := RebuildPG(ctx, db, a, nil); err != nil {
		t.Fatal(err)
	}

	// The nearest by brute force, by source id.
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	dist := func(i int) float64 { return geo.Distance(citizen, orb.Point{lngs[i], lats[i]}) }
	sort.Slice(order, func(i, j int) bool { return dist(order[i]) < dist(order[j]) })
	var want []string
	for _, i := range order[:10] {
		want = append(want, ids[i])
	}

	res, err := NewPG(db).Search(ctx, Request{Query: a.Query("律师事务所"), Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != MaxTotal {
		t.Errorf("total %d, want %d (more than %d match)", res.Total, MaxTotal, MaxRanked)
	}
	var got []string
	for _, h := range res.Hits {
		var sid string
		if err := db.QueryRow(ctx, `SELECT source_id FROM providers WHERE id = $1`, h.ID).Scan(&sid); err != nil {
			t.Fatal(err)
		}
		got = append(got, sid)
	}
	if !slices.Equal(got, want) {
		t.Errorf("first page %v, want the nearest %v", got, want)
	}

	// Without a location the broad query is ranked among a sample of its matches: a full page, a total of
	// "more than MaxRanked", every hit a match, none twice.
	res, err = NewPG(db).Search(ctx, Request{Query: a.Query("律师事务所"), Limit: 20, Offset: 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != MaxTotal || len(res.Hits) != 20 {
		t.Errorf("broad query without a location: total %d, %d hits; want %d and 20", res.Total, len(res.Hits), MaxTotal)
	}
	seen := map[string]bool{}
	for _, h := range res.Hits {
		if seen[h.ID] {
			t.Errorf("hit %s twice", h.ID)
		}
		seen[h.ID] = true
	}

	// A narrow query is read whole: its exact total.
	res, err = NewPG(db).Search(ctx, Request{Query: a.Query("海天律师事务所"), Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 {
		t.Errorf("a single firm's name: total %d, hits %d; want exactly 1", res.Total, len(res.Hits))
	}
}

// Places are dealt evenly into the buckets (the sample's share is what makes "broad" a safe call).
func TestBucketsEven(t *testing.T) {
	counts := make([]int, sampleBuckets)
	for i := range 128000 {
		counts[bucketOf(fmt.Sprintf("深圳%d律师事务所", i), fmt.Sprintf("福田区%d号", i*7))]++
	}
	for b, n := range counts {
		if n < 800 || n > 1200 {
			t.Errorf("bucket %d holds %d of 128000 places, want about 1000", b, n)
		}
	}
}
