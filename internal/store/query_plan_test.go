package store_test

import (
	"context"
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// planRows fills the package database with enough places (20,000, with practitioners) that the planner
// chooses as it would at scale, once.
var planOnce sync.Once

func planRows(t *testing.T) {
	t.Helper()
	planOnce.Do(func() {
		ctx := context.Background()
		db := storetest.Pool(t)
		_, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, practice_areas, languages, free, status, source, source_id, search_doc)
			SELECT (ARRAY['law_firm','legal_aid','notary','forensic','community_adviser'])[1 + i % 5], '计划机构' || i,
				ST_SetSRID(ST_MakePoint(113.75 + (i * 7919 % 10000) / 11000.0, 22.45 + (i * 104729 % 10000) / 25000.0), 4326),
				ARRAY[(ARRAY['labour','debt','contract','marriage_family'])[1 + i % 4]],
				CASE WHEN i % 9 = 0 THEN '{zh,en}'::text[] ELSE '{zh}' END, CASE WHEN i % 4 = 0 THEN true END,
				CASE WHEN i % 40 = 0 THEN 'closed' ELSE 'active' END, 'plan', i::text,
				('''k:' || (ARRAY['law_firm','legal_aid','notary','forensic','community_adviser'])[1 + i % 5] || ''' ''计划'' ''n' || i || ''''
					|| CASE WHEN i % 128 = 0 THEN ' ''b:0''' ELSE '' END)::tsvector
			FROM generate_series(1, 20000) i`)
		if err == nil {
			_, err = db.Exec(ctx, `INSERT INTO practitioners (provider_id, role, name, licence_no, practice_areas, source, source_id)
				SELECT id, 'lawyer', '律师' || source_id, 'P' || source_id, '{medical}', 'plan', source_id
				FROM providers WHERE source = 'plan' AND kind = 'law_firm'`)
		}
		if err == nil {
			_, err = db.Exec(ctx, `ANALYZE providers; ANALYZE practitioners`)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}

// explain returns the text plan of sql with args, as PostgreSQL would run it.
func explain(t *testing.T, sql string, args ...any) string {
	t.Helper()
	rows, err := storetest.Pool(t).Query(context.Background(), "EXPLAIN "+sql, append([]any{pgx.QueryExecModeExec}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// A selective keyword is found through the GIN index on the search documents, not by reading every row.
func TestSearchPlanUsesGIN(t *testing.T) {
	planRows(t)
	plan := explain(t, store.SearchMatchesSQL(), "'n12345'", []string{}, []string{}, []string{}, nil, 1001)
	if !strings.Contains(plan, "providers_search_idx") || strings.Contains(plan, "Seq Scan on providers") {
		t.Errorf("search without the GIN index:\n%s", plan)
	}
}

// Every search's first question, its matches in the sample bucket, is answered from the bucket's own index
// (052): the statement's condition must be the index's predicate word for word, or the planner cannot use it.
func TestSearchSampleUsesItsIndex(t *testing.T) {
	planRows(t)
	for _, tsq := range []string{"'k:notary'", "'计划' & 'k:law_firm'", "'n12800'"} {
		plan := explain(t, store.SearchSampleSQL(), tsq, []string{}, []string{}, []string{}, nil, 100)
		if !strings.Contains(plan, "on providers_search_sample_idx") {
			t.Errorf("%s in the sample bucket, not from its index:\n%s", tsq, plan)
		}
	}
	hits, err := store.SearchSample(context.Background(), storetest.Pool(t), "'k:notary'", store.Filter{}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	// Places 1..20000 of the plan rows; notaries are i % 5 == 2, the bucket i % 128 == 0, closed i % 40 == 0.
	want := 0
	for i := 1; i <= 20000; i++ {
		if i%5 == 2 && i%128 == 0 && i%40 != 0 {
			want++
		}
	}
	if len(hits) != want {
		t.Errorf("notaries in the sample bucket: %d, want %d", len(hits), want)
	}
}

// On the server's search pool (generic plans, PoolConfig.GenericPlans) every search statement still runs on
// its index: a generic plan knows nothing of the tsquery and must not fall back to reading the table.
func TestSearchGenericPlans(t *testing.T) {
	planRows(t)
	ctx := context.Background()
	conn, err := storetest.Pool(t).Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SET plan_cache_mode = force_generic_plan"); err != nil {
		t.Fatal(err)
	}
	defer conn.Exec(ctx, "RESET plan_cache_mode; DEALLOCATE ALL")
	filters := "tsquery, text[], text[], text[], boolean, int"
	for _, c := range []struct{ name, sql, types, args, index string }{
		{"sample", store.SearchSampleSQL(), filters, `'''k:notary''', '{}', '{}', '{}', NULL, 100`, "providers_search_sample_idx"},
		{"matches", store.SearchMatchesSQL(), filters, `'''n12345''', '{}', '{}', '{}', NULL, 1001`, "providers_search_idx"},
		{"cells", store.SearchMatchesInSQLForTest, filters + ", tsquery, tsquery", `'''k:notary''', '{}', '{}', '{}', NULL, 100, '''n12345''', '''k:notary'''`, "providers_search_idx"},
		{"practitioners", store.MatchedPractitionersSQLForTest, "uuid[], tsquery", `ARRAY[gen_random_uuid()], '''律师'''`, "practitioners_"},
	} {
		if _, err := conn.Exec(ctx, "PREPARE generic_"+c.name+" ("+c.types+") AS "+c.sql); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		rows, err := conn.Query(ctx, "EXPLAIN EXECUTE generic_"+c.name+" ("+c.args+")", pgx.QueryExecModeExec)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		if !strings.Contains(plan, " on "+c.index) || strings.Contains(plan, "Seq Scan on providers") || strings.Contains(plan, "Seq Scan on practitioners") {
			t.Errorf("%s, generic plan: not through %s…:\n%s", c.name, c.index, plan)
		}
	}
}

// The map's point query reads the box through the spatial index.
func TestViewportPlanUsesBoxIndex(t *testing.T) {
	planRows(t)
	plan := explain(t, store.ViewportPointsSQL(), 114.0, 22.5, 114.01, 22.51, []string{}, []string{}, []string{}, nil, 301)
	if !strings.Contains(plan, "providers_geom_idx") {
		t.Errorf("viewport without the spatial index:\n%s", plan)
	}
}

// RadiusBox holds every point at the radius, in every direction, at the equator, in Shenzhen and far north.
func TestRadiusBoxHoldsTheCircle(t *testing.T) {
	for _, c := range []orb.Point{{114.05, 22.54}, {0, 0}, {20, 70}, {-70, -60}} {
		for _, r := range []float64{10, 1000, 50000} {
			b := store.RadiusBox(c, r)
			for deg := 0.0; deg < 360; deg += 5 {
				p := destination(c, deg, r)
				if !b.Contains(p) {
					t.Fatalf("centre %v, radius %v: point %v at bearing %v outside %v", c, r, p, deg, b)
				}
			}
		}
	}
}

// destination walks from c along bearing for d metres, by bisection on geo.Distance.
func destination(c orb.Point, bearing, d float64) orb.Point {
	rad := bearing * math.Pi / 180
	at := func(k float64) orb.Point {
		return orb.Point{c[0] + k*math.Sin(rad)/math.Cos(c[1]*math.Pi/180), c[1] + k*math.Cos(rad)}
	}
	lo, hi := 0.0, 2*d/100000+0.01
	for i := 0; i < 60; i++ {
		mid := (lo + hi) / 2
		if geo.Distance(c, at(mid)) < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	return at(lo)
}

// A search for a kind alone near a citizen walks that kind's own KNN index (051), filters and all.
func TestSearchNearestUsesTheKindsIndex(t *testing.T) {
	planRows(t)
	for _, f := range []store.Filter{{Kinds: []string{"legal_aid"}}, {Kinds: []string{"notary"}, Languages: []string{"en"}}} {
		sql, args := store.SearchNearestStatement("'k:"+f.Kinds[0]+"'", f, orb.Point{114.05, 22.54}, 100)
		plan := explain(t, sql, args...)
		if !strings.Contains(plan, "Index Scan using providers_knn_"+f.Kinds[0]+"_idx ") || strings.Contains(plan, "Sort") {
			t.Errorf("filters %+v: not ordered by the kind's KNN index:\n%s", f, plan)
		}
	}
}
