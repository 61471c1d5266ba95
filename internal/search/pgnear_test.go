package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// A broad query with a location ranks the matches near the citizen: with more matches in the city than
// are ranked for one answer, the first page must be the nearest matches (here all equally relevant, so
// exactly the nearest), found through the spatial index (an arbitrary thousand of the city's matches
// would not hold them).
func TestBroadQueryNearTheCitizen(t *testing.T) {
	ctx := context.Background()
	db := storetest.Pool(t)
	a := testAnalyzer(t)
	citizen := orb.Point{114.0579, 22.5431}
	// Across the city, more than MaxRanked, and a few around the citizen, up to ~600 m away.
	pts := firmsAround(citizen, 6000, 40)
	ids := loadFirms(t, db, a, pts)
	// A kind alone, and a word besides the kind: the nearest places.
	res, err := NewPG(db).Search(ctx, Request{Query: a.Query("律师事务所"), Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != MaxTotal {
		t.Errorf("total %d, want %d (more than %d match)", res.Total, MaxTotal, MaxRanked)
	}
	if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); !slices.Equal(got, want) {
		t.Errorf("first page %v, want the nearest %v", got, want)
	}
	res, err = NewPG(db).Search(ctx, Request{Query: a.Query("鹏城 律师事务所"), Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); !slices.Equal(got, want) {
		t.Errorf("鹏城 律师事务所: first page %v, want the nearest %v", got, want)
	}
	// A query naming a place the citizen is not in looks for the nearest matches from that place: with
	// the place's box far away, every hit is among the matches nearest the box's nearest corner (the window
	// ranked), none of those nearer the citizen outside it.
	far := orb.Point{113.0, 22.0}
	box := orb.Bound{Min: orb.Point{113.80, 22.45}, Max: orb.Point{113.90, 22.55}}
	res, err = NewPG(db).Search(ctx, Request{Query: a.Query("律师事务所"), Near: &far, Within: &box, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	win := map[string]bool{}
	for _, id := range nearestOf(box.Min, ids, pts, nearWindow) {
		win[id] = true
	}
	got := sourceIDs(t, db, res.Hits)
	for _, id := range got {
		if !win[id] {
			t.Errorf("from far away with a place named: %s is not among the matches nearest the place (%v)", id, got)
		}
	}
	if len(got) != 10 {
		t.Errorf("from far away with a place named: %d hits, want 10", len(got))
	}

	// Without a location the broad query is ranked among an arbitrary thousand of its matches: a full
	// page, a total of "more than MaxRanked", none twice.
	for _, offset := range []int{20, 60} {
		res, err = NewPG(db).Search(ctx, Request{Query: a.Query("律师事务所"), Limit: 20, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != MaxTotal || len(res.Hits) != 20 {
			t.Errorf("broad query without a location, offset %d: total %d, %d hits; want %d and 20", offset, res.Total, len(res.Hits), MaxTotal)
		}
		seen := map[string]bool{}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("offset %d: hit %s twice", offset, h.ID)
			}
			seen[h.ID] = true
		}
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

// A query just over the line (a few more matches than are ranked) with a location: ranked among its
// nearest matches.
func TestJustOverTheLineNearTheCitizen(t *testing.T) {
	db := storetest.Pool(t)
	a := testAnalyzer(t)
	citizen := orb.Point{113.93, 22.52}
	pts := firmsAround(citizen, MaxRanked+150, 30)
	ids := loadFirms(t, db, a, pts)
	res, err := NewPG(db).Search(context.Background(), Request{Query: a.Query("律师事务所"), Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); res.Total != MaxTotal || !slices.Equal(got, want) {
		t.Errorf("total %d, first page %v; want %d and the nearest %v", res.Total, got, MaxTotal, want)
	}
}

// firmsAround is city points at random, then near ones within ~600 m of c.
func firmsAround(c orb.Point, city, near int) []orb.Point {
	r := rand.New(rand.NewPCG(3, 5))
	var pts []orb.Point
	for range city {
		pts = append(pts, orb.Point{113.80 + r.Float64()*0.70, 22.45 + r.Float64()*0.35})
	}
	for range near {
		pts = append(pts, orb.Point{c[0] + (r.Float64()*2-1)*0.006, c[1] + (r.Float64()*2-1)*0.005})
	}
	return pts
}

// loadFirms stores a law firm at each point (source ids nf-0000…; the 17th is 海天律师事务所), indexes
// them for search, and returns their source ids. They are deleted when the test ends.
func loadFirms(t *testing.T, db *pgxpool.Pool, a *Analyzer, pts []orb.Point) []string {
	t.Helper()
	ctx := context.Background()
	ids := make([]string, len(pts))
	lngs, lats := make([]float64, len(pts)), make([]float64, len(pts))
	for i, p := range pts {
		ids[i], lngs[i], lats[i] = fmt.Sprintf("nf-%04d", i), p[0], p[1]
	}
	_, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		SELECT 'law_firm', CASE WHEN n = 17 THEN '海天律师事务所' ELSE '鹏城第' || n || '律师事务所' END, ST_SetSRID(ST_MakePoint(x, y), 4326), 'near-test', id
		FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS t(id, x, y, n)`, ids, lngs, lats)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(ctx, `DELETE FROM providers WHERE source = 'near-test'`); err != nil {
			t.Error(err)
		}
	})
	if _, _, err := RebuildPG(ctx, db, a, nil); err != nil {
		t.Fatal(err)
	}
	return ids
}

// nearestOf is the k places nearest to c by brute force, by source id.
func nearestOf(c orb.Point, ids []string, pts []orb.Point, k int) []string {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return geo.Distance(c, pts[order[i]]) < geo.Distance(c, pts[order[j]]) })
	var out []string
	for _, i := range order[:k] {
		out = append(out, ids[i])
	}
	return out
}

// sourceIDs is the source ids of hits, in order.
func sourceIDs(t *testing.T, db *pgxpool.Pool, hits []Hit) []string {
	t.Helper()
	var out []string
	for _, h := range hits {
		var sid string
		if err := db.QueryRow(context.Background(), `SELECT source_id FROM providers WHERE id = $1`, h.ID).Scan(&sid); err != nil {
			t.Fatal(err)
		}
		out = append(out, sid)
	}
	return out
}

// A query the statistics expect to match more places than are ranked is answered from its nearest matches
// without reading its match list: still the nearest, with a total of "more than".
func TestBroadByTheStatistics(t *testing.T) {
	ctx := context.Background()
	db := storetest.Pool(t)
	a := testAnalyzer(t)
	citizen := orb.Point{114.0579, 22.5431}
	pts := firmsAround(citizen, 2*MaxRanked+500, 40)
	ids := loadFirms(t, db, a, pts)
	if _, err := db.Exec(ctx, `ANALYZE providers`); err != nil {
		t.Fatal(err)
	}
	q := a.Query("律师事务所")
	if est, err := store.EstimateMatches(ctx, db, q.TSQuery(), store.Filter{}); err != nil || est.Matches <= MaxRanked {
		t.Fatalf("estimate %.0f (%v): the test does not reach the statistics' path", est.Matches, err)
	}
	res, err := NewPG(db).Search(ctx, Request{Query: q, Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); res.Total != MaxTotal || !slices.Equal(got, want) {
		t.Errorf("total %d, first page %v; want %d and the nearest %v", res.Total, got, MaxTotal, want)
	}
}

// A broad query naming another town, from a citizen whose own town has none of its matches: the walk
// around the citizen finds nothing, and the page comes from the named town's places, drawn as a sample.
func TestAnotherTownFromASample(t *testing.T) {
	ctx := context.Background()
	db := storetest.Pool(t)
	a := testAnalyzer(t)
	harbin := orb.Point{126.63, 45.75}
	ids := loadFirms(t, db, a, firmsAround(orb.Point{114.0579, 22.5431}, 2*MaxRanked, 0))
	_, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		SELECT 'law_firm', '冰城第' || n || '律师事务所', ST_SetSRID(ST_MakePoint($1 + (n % 50) * 0.002, $2 + (n / 50) * 0.002), 4326), 'near-test', 'hb-' || n
		FROM generate_series(1, $3::int) n`, harbin[0], harbin[1], 2*MaxRanked)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := RebuildPG(ctx, db, a, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ctx, `VACUUM ANALYZE providers`); err != nil {
		t.Fatal(err)
	}
	res, err := NewPG(db).Search(ctx, Request{Query: a.Query("鹏城 律师事务所"), Near: &harbin, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := sourceIDs(t, db, res.Hits)
	for _, id := range got {
		if !slices.Contains(ids, id) {
			t.Errorf("鹏城 律师事务所 from Harbin: %s is not a firm of 鹏城 (%v)", id, got)
		}
	}
	if len(got) != 10 || res.Total != MaxTotal {
		t.Errorf("鹏城 律师事务所 from Harbin: %d hits, total %d; want 10 and %d", len(got), res.Total, MaxTotal)
	}
}
