package store_test

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// A concept left to the rows finds what the whole query read through the index finds, ranked alike.
func TestSearchRowsPartFindsAsTheWhole(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	db := storetest.Pool(t)
	for _, c := range []struct{ index, rows string }{
		{"'计划'", "'k:notary'"},
		{"'计划'", "'k:notary' | 'k:forensic'"},
		{"'k:law_firm'", "'计划'"},
	} {
		split, all, err := store.SearchMatches(ctx, db, c.index, c.rows, store.Filter{}, 10000)
		if err != nil || !all {
			t.Fatalf("%s / %s: all %v, %v", c.index, c.rows, all, err)
		}
		whole, _, err := store.SearchMatches(ctx, db, "("+c.index+") & ("+c.rows+")", "", store.Filter{}, 10000)
		if err != nil {
			t.Fatal(err)
		}
		if len(split) == 0 || len(split) != len(whole) {
			t.Fatalf("%s / %s: %d places, the whole query %d", c.index, c.rows, len(split), len(whole))
		}
		rank := map[string]float64{}
		for _, h := range whole {
			rank[h.ID] = h.Rank
		}
		for _, h := range split {
			if r, ok := rank[h.ID]; !ok || math.Abs(r-h.Rank) > 1e-6 || h.Status == "closed" {
				t.Fatalf("%s / %s: %s (%s) rank %v, the whole query's %v (found %v)", c.index, c.rows, h.ID, h.Status, h.Rank, r, ok)
			}
		}
	}
}

// Several kinds are walked one by one and merged: the places found are the nearest of those kinds, as a
// scan of every place orders them.
func TestSearchNearestOfSeveralKinds(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	db := storetest.Pool(t)
	for _, at := range []orb.Point{{114.05, 22.54}, {113.80, 22.46}, {114.60, 22.80}} {
		for _, tsq := range []string{"", "'计划'"} {
			kinds := []string{"notary", "forensic"}
			hits, err := store.SearchNearestMatches(ctx, db, tsq, store.Filter{Kinds: kinds}, at, 1000, 50)
			if err != nil {
				t.Fatal(err)
			}
			ids := make([]string, len(hits))
			for i, h := range hits {
				if !slices.Contains(kinds, h.Kind) {
					t.Fatalf("%v: a place of kind %s", at, h.Kind)
				}
				ids[i] = h.ID
			}
			got := distances(t, db, at, `p.id::text = ANY ($3)`, ids)
			want := distances(t, db, at, `p.kind = ANY ($3) AND p.status <> 'closed'`, kinds)
			if len(got) != 50 || !slices.Equal(got, want[:len(got)]) {
				t.Errorf("%v %q: distances %v, a scan's %v", at, tsq, got, want[:min(len(want), 50)])
			}
		}
	}
}

// distances are the distances (to the centimetre) from at of the places that cond (reading $3) admits,
// nearest first, as a scan of every place finds them.
func distances(t *testing.T, db *pgxpool.Pool, at orb.Point, cond string, arg any) []float64 {
	t.Helper()
	ctx := context.Background()
	var out []float64
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT round((p.geom::geography <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)::numeric, 2)::float8
			FROM providers p WHERE `+cond+` ORDER BY 1 LIMIT 50`, at[0], at[1], arg)
		if err != nil {
			return err
		}
		out, err = pgx.CollectRows(rows, pgx.RowTo[float64])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A sample reads one bucket of the places holding its lexemes: the matches of the whole query there, and
// no place of another bucket.
func TestSearchSampleReadsOneBucket(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	db := storetest.Pool(t)
	all, _, err := store.SearchMatches(ctx, db, "'计划'", "'k:notary'", store.Filter{}, 100000)
	if err != nil {
		t.Fatal(err)
	}
	var bucket int
	if err := db.QueryRow(ctx, `SELECT (uuid_hash(id) & 63)::int FROM providers WHERE name = '计划机构777'`).Scan(&bucket); err != nil {
		t.Fatal(err)
	}
	sample, err := store.SearchSample(ctx, db, []string{"'计划'"}, "'k:notary' & '计划'", store.Filter{}, bucket, 100000)
	if err != nil {
		t.Fatal(err)
	}
	if len(sample) == 0 || len(sample) > 4*len(all)/store.SampleBuckets {
		t.Fatalf("one bucket of the places: %d notaries, of %d in all", len(sample), len(all))
	}
	ids := make([]string, len(sample))
	for i, h := range sample {
		if h.Kind != "notary" || h.Status == "closed" {
			t.Fatalf("sampled %s: a %s, %s", h.ID, h.Kind, h.Status)
		}
		ids[i] = h.ID
	}
	var others int
	if err := db.QueryRow(ctx, `SELECT count(*) FROM providers WHERE id::text = ANY ($1) AND (uuid_hash(id) & 63) <> $2`, ids, bucket).Scan(&others); err != nil || others > 0 {
		t.Fatalf("%d sampled places of another bucket (%v)", others, err)
	}
	// Several lexemes: the places of the bucket holding any of them.
	two, err := store.SearchSample(ctx, db, []string{"'n777'", "'k:forensic'"}, "'n777' | 'k:forensic'", store.Filter{}, bucket, 100000)
	if err != nil {
		t.Fatal(err)
	}
	one := false
	for _, h := range two {
		one = one || h.Name == "计划机构777"
	}
	if !one || len(two) < 2 {
		t.Fatalf("n777 and the forensic places of its bucket: %d places, n777 among them %v", len(two), one)
	}
}
