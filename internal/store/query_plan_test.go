package store_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

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
				('''k:' || (ARRAY['law_firm','legal_aid','notary','forensic','community_adviser'])[1 + i % 5] || ''' ''计划'' ''n' || i || '''')::tsvector
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
	plan := explain(t, store.SearchMatchesSQLForTest, "'n12345'", []string{}, []string{}, []string{}, nil, 1001)
	if !strings.Contains(plan, "providers_search_idx") || strings.Contains(plan, "Seq Scan on providers") {
		t.Errorf("search without the GIN index:\n%s", plan)
	}
}

// The nearest matches of a query are planned for its tsquery: a common one (a fifth of the places)
// walks the spatial index outwards and tests the rows on the way, a rare one finds its few matches
// within the distance (through the indexes) and sorts them.
func TestSearchNearestPlanFollowsTheQuery(t *testing.T) {
	planRows(t)
	args := func(tsq string) []any {
		return []any{tsq, []string{}, []string{}, []string{}, nil, 100, 114.05, 22.54, 50000.0}
	}
	plan := explain(t, store.SearchNearestMatchesSQLForTest, args("'k:law_firm'")...)
	if !strings.Contains(plan, "Index Scan using providers_geog_idx") || strings.Contains(plan, "Sort") {
		t.Errorf("a common kind's nearest matches, not by walking the spatial index:\n%s", plan)
	}
	plan = explain(t, store.SearchNearestMatchesSQLForTest, args("'n12345' | 'n777'")...)
	if !strings.Contains(plan, "Sort") || strings.Contains(plan, "Index Scan using") {
		t.Errorf("a rare word's nearest matches, by walking the spatial index:\n%s", plan)
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
