package importdb_test

import (
	"context"
	"strings"
	"testing"

	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
)

// The read of a source's places at the start of every import can be served by the unique key on (source,
// source_id) alone: an index-only scan, no pass over the wide rows of providers (sql/096). The test's rows
// are narrow, so a pass over the table costs the planner little; it is ruled out here to see that the key
// covers every column the statement reads (else the scan would be a plain index scan, which visits the
// rows). At scale, with rows as wide as a bureau's, the planner picks the index-only scan by itself.
func TestSourceIndexReadsTheKeyAlone(t *testing.T) {
	storetest.PlanRows(t) // 20,000 places of the source "plan", vacuumed
	ctx := context.Background()
	tx, err := storetest.Pool(t).Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck
	if _, err := tx.Exec(ctx, "SET LOCAL enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	text := storetest.ExplainIn(t, tx, importdb.SourceIndexQuery, "plan", "law_firm")
	if !strings.Contains(text, "Index Only Scan using providers_source_uq on providers") {
		t.Errorf("the source's places are not read from the key alone:\n%s", text)
	}
}
