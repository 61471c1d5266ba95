package store_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

// A keyword's matches are found through the GIN index on the search documents, a rare one's and, with
// SearchMatches' settings, a common one's too (the planner would otherwise read the table until the
// limit, in its own order or in a partial index's).
func TestSearchPlanUsesGIN(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	for _, tsq := range []string{"'n12345'", "'k:law_firm'"} {
		tx, err := storetest.Pool(t).Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var plan string
		if _, err = tx.Exec(ctx, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`); err == nil {
			var rows pgx.Rows
			rows, err = tx.Query(ctx, "EXPLAIN "+store.SearchMatchesSQLForTest, pgx.QueryExecModeExec, tsq, []string{}, []string{}, []string{}, nil, 1001)
			if err == nil {
				var lines []string
				lines, err = pgx.CollectRows(rows, pgx.RowTo[string])
				plan = strings.Join(lines, "\n")
			}
		}
		tx.Rollback(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(plan, "providers_search_idx") || strings.Contains(plan, "Seq Scan on providers") {
			t.Errorf("%s without the GIN index:\n%s", tsq, plan)
		}
	}
}

// A broad query's nearest matches come from a walk outwards through the spatial index, in its order (no
// sort), bounded by the places it may read, for a common word and a rare one alike; with one kind asked
// for, through the (kind, geography) index.
func TestSearchNearestWalksTheSpatialIndex(t *testing.T) {
	storetest.PlanRows(t)
	for _, c := range []struct {
		tsq   string
		kinds []string
		index string
	}{
		{"'k:law_firm'", nil, "_geog_idx"},
		{"'n12345' | 'n777'", nil, "_geog_idx"},
		{"'计划'", []string{"notary"}, "providers_kind_geog_idx"},
	} {
		sql, args := store.SearchNearestMatchesStatementForTest(c.tsq, store.Filter{Kinds: c.kinds}, orb.Point{114.05, 22.54}, 1000, 100)
		plan := storetest.Explain(t, sql, args...)
		if !strings.Contains(plan, "Index Scan using ") || !strings.Contains(plan, c.index) ||
			!strings.Contains(plan, "Order By: ((geom)::geography <-> ") || strings.Contains(plan, "Sort") {
			t.Errorf("%s, kinds %v: not a walk through %s:\n%s", c.tsq, c.kinds, c.index, plan)
		}
	}
}

// EstimateMatches is the planner's estimate: near the truth for a kind a fifth of the places have, small
// for a word one place holds.
func TestEstimateMatches(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	common, err := store.EstimateMatches(ctx, storetest.Pool(t), "'k:law_firm'", store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	rare, err := store.EstimateMatches(ctx, storetest.Pool(t), "'n12345'", store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// The plan rows: 20,000 places, one in five a law firm, one in forty withdrawn.
	if common < 2500 || common > 6000 || rare > 200 {
		t.Errorf("estimates: law firms %.0f (want about 3,900), one place's word %.0f", common, rare)
	}
}
