package placedb_test

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/storetest"
)

// In a city nine answers in ten take one statement (the margin read covers the sphere's error), and
// they are the brute force's.
func TestNearestOneRoundInACity(t *testing.T) {
	storetest.PlanRows(t)
	db, count := countingPool(t)
	r := rand.New(rand.NewPCG(2, 3))
	one, total := 0, 100
	for i := 0; i < total; i++ {
		q := placedb.NearestQuery{Point: orb.Point{113.8 + 0.8*r.Float64(), 22.47 + 0.36*r.Float64()}, Limit: 10}
		before := count.n.Load()
		got, err := placedb.Nearest(context.Background(), db, q)
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

// The map's statements over a box are planned for their box at every call (boxPlanned): not kept prepared,
// where the server may adopt a generic plan after five calls and answer the whole city through the spatial
// index, a bitmap of every place.
func TestViewportPlannedPerBox(t *testing.T) {
	storetest.PlanRows(t)
	db := oneSession(t)
	ctx := context.Background()
	for i := 0; i < 12; i++ {
		box := orb.Bound{Min: orb.Point{114 + 0.01*float64(i), 22.5}, Max: orb.Point{114.005 + 0.01*float64(i), 22.505}}
		if _, _, err := placedb.ViewportPoints(ctx, db, box, store.Filter{}, 300); err != nil {
			t.Fatal(err)
		}
		if _, err := placedb.LiveClusters(ctx, db, box, 12, store.Filter{}); err != nil {
			t.Fatal(err)
		}
	}
	city := orb.Bound{Min: orb.Point{113.7, 22.4}, Max: orb.Point{114.7, 22.9}}
	if _, _, err := placedb.ViewportPoints(ctx, db, city, store.Filter{}, 300); err != nil {
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
