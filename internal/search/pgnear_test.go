package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store"
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
	// Across the city: bucket 0 alone holds enough to call the query broad (~47 > broadSample), and a few
	// around the citizen, up to ~600 m away.
	pts := firmsAround(citizen, 6000, 40)
	ids := loadFirms(t, db, a, pts)
	// A kind alone: its nearest places, from the kind's KNN index (store.SearchNearest).
	if kind, ok := a.Query("律师事务所").OnlyKind(); !ok || kind != "law_firm" {
		t.Fatalf("律师事务所 asks for %q alone: %v; want law_firm", kind, ok)
	}
	res, err := NewPG(db, db, 0).Search(ctx, Request{Query: a.Query("律师事务所"), Near: &citizen, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != MaxTotal {
		t.Errorf("total %d, want %d (more than %d match)", res.Total, MaxTotal, MaxRanked)
	}
	if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); !slices.Equal(got, want) {
		t.Errorf("first page %v, want the nearest %v", got, want)
	}
	// With a word besides the kind, and law firms tested on the rows (cellLookup) or in the index: the same.
	for _, common := range [][]string{nil, {"law_firm"}} {
		res, err := NewPG(db, db, 0).Search(ctx, Request{Query: a.Query("鹏城 律师事务所"), Near: &citizen, Limit: 10, CommonKinds: common})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sourceIDs(t, db, res.Hits), nearestOf(citizen, ids, pts, 10); !slices.Equal(got, want) {
			t.Errorf("common kinds %v: first page %v, want the nearest %v", common, got, want)
		}
	}

	// Without a location the broad query is ranked among a sample of its matches: a full page, a total of
	// "more than MaxRanked", every hit a match, none twice; from bucket 0 alone (~47 matches) for the second
	// page, from more buckets for the fourth.
	for _, offset := range []int{20, 60} {
		res, err = NewPG(db, db, 0).Search(ctx, Request{Query: a.Query("律师事务所"), Limit: 20, Offset: offset})
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
	res, err = NewPG(db, db, 0).Search(ctx, Request{Query: a.Query("海天律师事务所"), Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || len(res.Hits) != 1 {
		t.Errorf("a single firm's name: total %d, hits %d; want exactly 1", res.Total, len(res.Hits))
	}
}

// A query just over the line (a few more matches than are ranked, too few in the sample bucket to call it
// broad) with a location: its thousand matches read are the fill, and the cells give the nearest.
func TestJustOverTheLineNearTheCitizen(t *testing.T) {
	db := storetest.ExtraPool(t, "overline")
	a := testAnalyzer(t)
	citizen := orb.Point{113.93, 22.52}
	pts := firmsAround(citizen, MaxRanked+150, 30)
	ids := loadFirms(t, db, a, pts)
	res, err := NewPG(db, db, 0).Search(context.Background(), Request{Query: a.Query("律师事务所"), Near: &citizen, Limit: 10})
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
// them for search, and returns their source ids.
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

// A common kind is tested on the rows only for the strict query with more than the kind in it, and only
// as far as the request's own kind filter allows.
func TestCellLookup(t *testing.T) {
	a := testAnalyzer(t)
	law := []string{"law_firm"}
	for _, c := range []struct {
		query, tsq    string
		common, kinds []string
		moved         bool
		want          []string
	}{
		{"福田 律师事务所", "", law, nil, true, law},
		{"福田 律师事务所", "", nil, nil, false, nil},
		{"福田 律师事务所", "", law, []string{"notary"}, false, []string{"notary"}},
		{"福田 律师事务所", "", law, []string{"notary", "law_firm"}, true, law},
		{"律师事务所", "", law, nil, false, nil},
		{"福田 律师事务所", "relaxed", law, nil, false, nil},
	} {
		q := a.Query(c.query)
		tsq := q.TSQuery()
		if c.tsq == "relaxed" {
			tsq = q.TSQueryAny()
		}
		match, f := cellLookup(Request{Query: q, CommonKinds: c.common, Filter: store.Filter{Kinds: c.kinds}}, tsq)
		moved := match != tsq
		if moved != c.moved || !slices.Equal(f.Kinds, c.want) || moved && strings.Contains(match, "k:") {
			t.Errorf("%q (%s) common %v filter %v: index answers %s with kinds %v; want moved %v, kinds %v",
				c.query, c.tsq, c.common, c.kinds, match, f.Kinds, c.moved, c.want)
		}
	}
}
