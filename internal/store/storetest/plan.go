package storetest

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

var planOnce sync.Once

// PlanRows fills the package database with enough places (20,000, with practitioners) that the planner
// chooses as it would at scale, once: for the tests that read a statement's plan.
func PlanRows(t *testing.T) {
	t.Helper()
	planOnce.Do(func() {
		ctx := context.Background()
		db := Pool(t)
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
		// Vacuumed as well: the search index's new entries wait in its pending list until a vacuum, and
		// a directory at scale has most of them in the index proper.
		if err == nil {
			_, err = db.Exec(ctx, `VACUUM ANALYZE providers`)
		}
		if err == nil {
			_, err = db.Exec(ctx, `ANALYZE practitioners`)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}

// Explain returns the text plan of sql with args, as PostgreSQL would run it.
func Explain(t *testing.T, sql string, args ...any) string {
	t.Helper()
	return ExplainIn(t, Pool(t), sql, args...)
}

// ExplainIn is Explain on a given connection or transaction (one whose settings the test has changed).
func ExplainIn(t *testing.T, db interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}, sql string, args ...any) string {
	t.Helper()
	rows, err := db.Query(context.Background(), "EXPLAIN "+sql, append([]any{pgx.QueryExecModeExec}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}
