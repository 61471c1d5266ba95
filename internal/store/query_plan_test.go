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
// limit, in its own order or in a partial index's). The part of a query left to the rows and the filter
// are tested on the places the index yields: no other index joins in. A sample's bucket is read in the
// same index scan.
func TestSearchPlanUsesGIN(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	for _, c := range []struct {
		sql  string
		args []any
	}{
		{store.SearchMatchesSQLForTest, []any{"'n12345'", "'n12345'", []string{}, []string{}, []string{}, nil, 1001}},
		{store.SearchMatchesSQLForTest, []any{"'k:law_firm'", "'k:law_firm'", []string{"law_firm"}, []string{}, []string{}, nil, 1001}},
		{store.SearchMatchesRowsSQLForTest, []any{"'n12345' & 'k:law_firm'", "'n12345'", "'k:law_firm'", []string{"law_firm"}, []string{}, []string{}, nil, 1001}},
		{store.SearchSampleSQLForTest, []any{"'计划' & 'k:law_firm'", "'计划'", 7, []string{}, []string{}, []string{}, nil, 100}},
	} {
		tx, err := storetest.Pool(t).Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var plan string
		if _, err = tx.Exec(ctx, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`); err == nil {
			var rows pgx.Rows
			rows, err = tx.Query(ctx, "EXPLAIN "+c.sql, append([]any{pgx.QueryExecModeExec}, c.args...)...)
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
		if !strings.Contains(plan, "providers_search_idx") || strings.Contains(plan, "Seq Scan on providers") ||
			strings.Contains(plan, "BitmapAnd") || strings.Count(plan, "Index Scan") != 1 ||
			c.sql == store.SearchSampleSQLForTest && !strings.Contains(plan, "(uuid_hash(id) & 63))::smallint = ") {
			t.Errorf("%v not through the GIN index alone:\n%s", c.args[:3], plan)
		}
	}
}

// A broad query's nearest matches come from a walk outwards through the planar spatial index, in its order
// (no sort), bounded by the places it may read, for a common word and a rare one alike; with one kind
// asked for, through the (kind, geography) index.
func TestSearchNearestWalksTheSpatialIndex(t *testing.T) {
	storetest.PlanRows(t)
	for _, c := range []struct {
		tsq          string
		kinds        []string
		index, order string
	}{
		{"'k:law_firm'", nil, "providers_geom_idx", "Order By: (geom <-> "},
		{"'n12345' | 'n777'", nil, "providers_geom_idx", "Order By: (geom <-> "},
		{"'计划'", []string{"notary"}, "providers_kind_geog_idx", "Order By: ((geom)::geography <-> "},
		{"", []string{"notary"}, "providers_kind_geog_idx", "Order By: ((geom)::geography <-> "},
	} {
		sql, args := store.SearchNearestMatchesStatementForTest(c.tsq, store.Filter{Kinds: c.kinds}, orb.Point{114.05, 22.54}, 1000, 100)
		plan := storetest.Explain(t, sql, args...)
		if !strings.Contains(plan, "Index Scan using ") || !strings.Contains(plan, c.index) ||
			!strings.Contains(plan, c.order) || strings.Contains(plan, "Sort") {
			t.Errorf("%s, kinds %v: not a walk through %s:\n%s", c.tsq, c.kinds, c.index, plan)
		}
	}
}

// With several kinds, each kind is walked through the (kind, geography) index on its own, bounded.
func TestSearchNearestWalksEachKind(t *testing.T) {
	storetest.PlanRows(t)
	sql, args := store.SearchNearestMatchesStatementForTest("'计划'", store.Filter{Kinds: []string{"notary", "legal_aid"}}, orb.Point{114.05, 22.54}, 1000, 100)
	plan := storetest.Explain(t, sql, args...)
	if !strings.Contains(plan, "providers_kind_geog_idx") || !strings.Contains(plan, "(kind = k.kind)") ||
		!strings.Contains(plan, "Order By: ((geom)::geography <-> ") || strings.Contains(plan, "Seq Scan on providers") {
		t.Errorf("not a walk per kind:\n%s", plan)
	}
}

// EstimateMatches is the planner's estimate: near the truth for a kind a fifth of the places have, small
// for a word one place holds; and of the places a walk goes through.
func TestEstimateMatches(t *testing.T) {
	storetest.PlanRows(t)
	ctx := context.Background()
	est, err := store.EstimateMatches(ctx, storetest.Pool(t), "'k:law_firm'", store.Filter{}, "'n12345'", "'k:law_firm'")
	if err != nil {
		t.Fatal(err)
	}
	rare, err := store.EstimateMatches(ctx, storetest.Pool(t), "'n12345'", store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	// A lexeme's estimate counts documents, of withdrawn places too: a little above its query's.
	if est.Lexemes[0] < rare.Matches || est.Lexemes[0] > 200 || est.Lexemes[1] < est.Matches || est.Lexemes[1] > 1.1*est.Matches {
		t.Errorf("each lexeme's estimate %v, against their queries' %.0f and %.0f", est.Lexemes, rare.Matches, est.Matches)
	}
	common := est.Matches
	// The plan rows: 20,000 places, one in five a law firm, one in forty withdrawn.
	if common < 2500 || common > 6000 || rare.Matches > 200 {
		t.Errorf("estimates: law firms %.0f (want about 3,900), one place's word %.0f", common, rare.Matches)
	}
	notaries, err := store.EstimateMatches(ctx, storetest.Pool(t), "", store.Filter{Kinds: []string{"notary"}})
	if err != nil {
		t.Fatal(err)
	}
	// The places a walk goes through: with no filter every open place; the notaries, a fifth, who are
	// all the matches of a query naming nothing else.
	if rare.Among < 15000 || rare.Documents < rare.Among || notaries.Among < 2500 || notaries.Among > 6000 || notaries.Matches != notaries.Among {
		t.Errorf("places a walk goes through: all %.0f of %.0f documents (want about 19,500 of 20,000), notaries %.0f of %.0f (want about 3,900)", rare.Among, rare.Documents, notaries.Matches, notaries.Among)
	}
}
