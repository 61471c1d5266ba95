package store_test

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// The plane of knn_point is (lng·knn_scale(), lat), the store's planar distances are PostGIS's, and the
// plane is isotropic at Shenzhen's middle latitude: a unit of it is as long on the ground east-west as
// north-south there (to 0.001%), which plain degrees miss by 7% and cos φ alone by 0.6%.
func TestKNNScaleIsShenzhens(t *testing.T) {
	var scale float64
	var x, y float64
	err := storetest.Pool(t).QueryRow(context.Background(),
		`SELECT knn_scale(), ST_X(knn_point(ST_MakePoint(114, 22.63))), ST_Y(knn_point(ST_MakePoint(114, 22.63)))`).Scan(&scale, &x, &y)
	if err != nil {
		t.Fatal(err)
	}
	if x != 114*scale || y != 22.63 {
		t.Errorf("knn_point(114, 22.63) = (%v, %v), want (114·%v, 22.63)", x, y, scale)
	}
	// The store computes planar distances itself, from knn_point's form: they must be PostGIS's.
	r := rand.New(rand.NewPCG(4, 4))
	for i := 0; i < 50; i++ {
		a := orb.Point{-180 + 360*r.Float64(), -90 + 180*r.Float64()}
		b := orb.Point{a[0] + math.Pow(10, -1-5*r.Float64())*(2*r.Float64()-1), a[1] + math.Pow(10, -1-5*r.Float64())*(2*r.Float64()-1)}
		var pg float64
		if err := storetest.Pool(t).QueryRow(context.Background(), `SELECT knn_point($1, $2) <-> knn_point(ST_MakePoint($3, $4))`,
			a[0], a[1], b[0], b[1]).Scan(&pg); err != nil {
			t.Fatal(err)
		}
		if got := store.PlanarDistanceForTest(a, b, scale); math.Abs(got-pg) > 1e-13 {
			t.Errorf("%v to %v: planar distance %v, PostGIS %v", a, b, got, pg)
		}
	}
	mid := (geo.Shenzhen.MinLat + geo.Shenzhen.MaxLat) / 2
	c, unit := orb.Point{114, mid}, 0.001
	east := geo.Distance(orb.Point{c[0] - unit/scale/2, c[1]}, orb.Point{c[0] + unit/scale/2, c[1]})
	north := geo.Distance(orb.Point{c[0], c[1] - unit/2}, orb.Point{c[0], c[1] + unit/2})
	if math.Abs(east/north-1) > 1e-5 {
		t.Errorf("knn_scale() %v at %.3f°N: a unit is %.4f m east-west, %.4f m north-south", scale, mid, east, north)
	}
}

// The first round is answered from the plane's index in distance order (KNN), with filters too, and with a
// radius the box is the scan's index condition.
func TestNearestPlanUsesKNNIndex(t *testing.T) {
	planRows(t)
	yes := true
	for _, f := range []store.Filter{
		{}, {Kinds: []string{"notary"}}, {PracticeAreas: []string{"labour"}}, {Languages: []string{"en"}, Free: &yes},
		{Kinds: []string{"law_firm"}, PracticeAreas: []string{"medical"}},
	} {
		q := store.NearestQuery{Point: orb.Point{114.05, 22.54}, Filter: f, Limit: 10}
		sql, args := store.NearestStatement(q)
		plans := map[string]string{"nearest": explain(t, sql, args...)}
		q.Radius = 2000
		sql, args = store.NearestStatement(q)
		plans["radius"] = explain(t, sql, args...)
		// One kind asked for: that kind's own index (051); otherwise the general one.
		index := "providers_knn_idx"
		if len(f.Kinds) == 1 {
			index = "providers_knn_" + f.Kinds[0] + "_idx"
		}
		for what, plan := range plans {
			if !strings.Contains(plan, "Index Scan using "+index+" ") || !strings.Contains(plan, "Order By: (st_makepoint((st_x(geom) * ") {
				t.Errorf("%s, filters %+v: not ordered by the KNN plane's index %s:\n%s", what, f, index, plan)
			}
			if what == "radius" && !strings.Contains(plan, "Index Cond: (st_makepoint((st_x(geom) * ") {
				t.Errorf("%s, filters %+v: the box is not the index condition:\n%s", what, f, plan)
			}
			if strings.Contains(plan, "Seq Scan on providers") || strings.Contains(plan, "Sort") {
				t.Errorf("%s, filters %+v: scans or sorts the table:\n%s", what, f, plan)
			}
		}
	}
}

// In Shenzhen the first round alone proves nine answers in ten complete (on the million-place benchmark
// 99.5%, where plain degrees managed 37%), and they are the brute force's.
func TestNearestOneRoundInShenzhen(t *testing.T) {
	planRows(t)
	db, count := countingPool(t)
	r := rand.New(rand.NewPCG(2, 3))
	one, total := 0, 100
	for i := 0; i < total; i++ {
		q := store.NearestQuery{Point: orb.Point{113.8 + 0.8*r.Float64(), 22.47 + 0.36*r.Float64()}, Limit: 10}
		before := count.n.Load()
		got, err := store.Nearest(context.Background(), db, q)
		if err != nil {
			t.Fatal(err)
		}
		if count.n.Load()-before == 1 {
			one++
		}
		sameAnswer(t, describe(q), got, bruteNearestOf(t, "", q, q.Limit))
	}
	t.Logf("answered in one statement: %d of %d", one, total)
	if one < total*9/10 {
		t.Errorf("only %d of %d answers in one statement", one, total)
	}
}

// An unfiltered nearest, the map's first question, is planned once per connection and not per call: after
// its first five calls the server keeps a generic plan (PostgreSQL counts them in pg_prepared_statements).
// With the limit as a parameter every call was planned afresh, half of the statement's cost. A filtered
// one is planned at every call: a generic plan does not know the kind, and would pass over its index.
func TestNearestPlannedOnce(t *testing.T) {
	planRows(t)
	db := oneSession(t)
	r := rand.New(rand.NewPCG(8, 8))
	for _, f := range []store.Filter{{}, {Kinds: []string{"notary"}}} {
		for i := 0; i < 12; i++ {
			q := store.NearestQuery{Point: orb.Point{113.8 + 0.8*r.Float64(), 22.47 + 0.36*r.Float64()}, Limit: 10, Filter: f}
			if _, err := store.Nearest(context.Background(), db, q); err != nil {
				t.Fatal(err)
			}
		}
	}
	var filtered int64
	err := db.QueryRow(context.Background(), `SELECT count(*) FROM pg_prepared_statements
		WHERE statement LIKE '%kind = ANY%' AND generic_plans > 0 AND statement NOT LIKE '%pg_prepared_statements%'`).Scan(&filtered)
	if err != nil || filtered > 0 {
		t.Errorf("a nearest with a kind filter ran on a generic plan (%d statements, %v)", filtered, err)
	}
	var generic, custom int64
	err = db.QueryRow(context.Background(), `SELECT generic_plans, custom_plans FROM pg_prepared_statements
		WHERE statement LIKE '%ORDER BY knn_point(p.geom) <-> knn_point($1, $2)%' AND statement NOT LIKE '%pg_prepared_statements%'`).Scan(&generic, &custom)
	if err != nil {
		t.Fatal(err)
	}
	if generic < 6 || custom > 5 {
		t.Errorf("the nearest statement ran %d times on a generic plan and was planned for %d calls; want the generic plan after five", generic, custom)
	}
}

// The map's statements over a box are planned for their box at every call (boxPlanned): not kept prepared,
// where the server may adopt a generic plan after five calls (it did on the benchmark's million places, and
// answered the whole city through the spatial index, a bitmap of every place: 340 ms instead of 2).
func TestViewportPlannedPerBox(t *testing.T) {
	planRows(t)
	db := oneSession(t)
	ctx := context.Background()
	for i := 0; i < 12; i++ {
		box := orb.Bound{Min: orb.Point{114 + 0.01*float64(i), 22.5}, Max: orb.Point{114.005 + 0.01*float64(i), 22.505}}
		if _, _, err := store.ViewportPoints(ctx, db, box, store.Filter{}, 300); err != nil {
			t.Fatal(err)
		}
		if _, err := store.LiveClusters(ctx, db, box, 12, store.Filter{}); err != nil {
			t.Fatal(err)
		}
	}
	city := orb.Bound{Min: orb.Point{113.7, 22.4}, Max: orb.Point{114.7, 22.9}}
	if _, _, err := store.ViewportPoints(ctx, db, city, store.Filter{}, 300); err != nil {
		t.Fatal(err)
	}
	var generic int64
	err := db.QueryRow(ctx, `SELECT count(*) FROM pg_prepared_statements
		WHERE statement LIKE '%ST_MakeEnvelope($1, $2, $3, $4, 4326)%'
		  AND statement NOT LIKE '%pg_prepared_statements%'`).Scan(&generic)
	if err != nil || generic > 0 {
		t.Errorf("%d statements over a box are kept prepared, open to a generic plan (%v)", generic, err)
	}
}

// oneSession is a pool of one connection to the package's database: one session, whose prepared
// statements a test reads in pg_prepared_statements after its calls.
func oneSession(t *testing.T) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = 1
	db, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	return db
}
