package recorddb_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/storetest"
)

// bulkRows is how many audit rows bulkRun writes in its one transaction: enough that the planner reads
// the log as it would after a city's first import.
const bulkRows = 30000

var (
	bulkOnce sync.Once
	bulkRun  int64
)

// bulkRun writes an import run's audit rows as an import does: all in one transaction, so they share
// their time, and only their ids order them. Then a few edits by hand, after it.
func bulkLog(t *testing.T) int64 {
	t.Helper()
	bulkOnce.Do(func() {
		ctx := context.Background()
		db := storetest.Pool(t)
		err := db.QueryRow(ctx, `INSERT INTO import_runs (importer, source, actor, mode, status)
			VALUES ('law_firm', 'bulk', 'bulk', 'upsert', 'applied') RETURNING id`).Scan(&bulkRun)
		if err == nil {
			_, err = db.Exec(ctx, `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
				SELECT 'provider', gen_random_uuid(), 'create', 'bulk', $1, jsonb_build_object('name', jsonb_build_object('new', i))
				FROM generate_series(1, $2) i`, bulkRun, bulkRows)
		}
		if err == nil {
			_, err = db.Exec(ctx, `INSERT INTO changes (record_type, record_id, action, actor, diff)
				SELECT 'provider', gen_random_uuid(), 'verify', 'clerk', '{}' FROM generate_series(1, 3)`)
		}
		if err == nil {
			_, err = db.Exec(ctx, `ANALYZE changes`)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
	return bulkRun
}

// A page of the log, unfiltered or by any one filter, is the first rows of an index in the log's order:
// no sort of the rows an import wrote in one transaction, however many.
func TestChangeLogPagesFromItsIndex(t *testing.T) {
	run := bulkLog(t)
	for _, f := range []recorddb.ChangeFilter{{}, {Actor: "bulk"}, {Action: "create"}, {ImportRunID: run}} {
		f.Limit, f.Offset = 50, 100
		sql, args := recorddb.ChangePageSQL(f)
		text := storetest.Explain(t, sql, args...)
		if !strings.Contains(text, "Index Scan using changes_") || strings.Contains(text, "Sort") {
			t.Errorf("%+v: the page is not read in order from an index:\n%s", f, text)
		}
	}
}

// The log is newest first, the rows of one transaction by id; its count stops at the limit and says so.
func TestChangeLogCountStops(t *testing.T) {
	bulkLog(t)
	defer recorddb.SetCountLimitForTest(1000)()
	ctx := context.Background()
	pool := storetest.Pool(t)

	page, err := recorddb.Changes(ctx, pool, recorddb.ChangeFilter{Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 50 || page.Total != (recorddb.Total{N: 1000, More: true}) {
		t.Fatalf("first page: %d rows of %+v", len(page.Changes), page.Total)
	}
	// The hand edits came after the import: they come before its rows, which follow newest first.
	clerk, lastImport := 0, int64(0)
	for i, c := range page.Changes {
		switch c.Actor {
		case "clerk":
			if lastImport != 0 {
				t.Errorf("row %d: the clerk's edit after the import's rows", i)
			}
			clerk++
		case "bulk":
			if c.Source != "import" || (lastImport != 0 && c.ID >= lastImport) {
				t.Errorf("row %d: import row %d (%s) out of order after %d", i, c.ID, c.Source, lastImport)
			}
			lastImport = c.ID
		}
	}
	if clerk != 3 || lastImport == 0 {
		t.Errorf("first page: %d of the clerk's edits, import rows %v", clerk, lastImport != 0)
	}

	// The last page of a filter is counted where it ends, past the limit too.
	page, err = recorddb.Changes(ctx, pool, recorddb.ChangeFilter{Actor: "bulk", Limit: 50, Offset: bulkRows - 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 20 || page.Total != (recorddb.Total{N: bulkRows}) {
		t.Errorf("last page: %d rows of %+v", len(page.Changes), page.Total)
	}
	// A full page of a filter with more rows than the limit: counted to the limit.
	page, err = recorddb.Changes(ctx, pool, recorddb.ChangeFilter{Actor: "bulk", Limit: 50, Offset: 2000})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 50 || page.Total != (recorddb.Total{N: 2050, More: true}) {
		t.Errorf("deep page: %d rows of %+v", len(page.Changes), page.Total)
	}
	// Few rows: the exact count.
	page, err = recorddb.Changes(ctx, pool, recorddb.ChangeFilter{Actor: "clerk", Action: "verify", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 2 || page.Total != (recorddb.Total{N: 3}) {
		t.Errorf("the clerk's verifications: %d rows of %+v", len(page.Changes), page.Total)
	}
	// Past the end: no rows, and the count.
	page, err = recorddb.Changes(ctx, pool, recorddb.ChangeFilter{Actor: "clerk", Limit: 2, Offset: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Changes) != 0 || page.Total != (recorddb.Total{N: 3}) {
		t.Errorf("past the end: %d rows of %+v", len(page.Changes), page.Total)
	}
}

// The records list counts the same way, whichever of its two plans serves the filter: a page that is not
// full gives the total, a full one is counted up to the limit, or to the page's end when that is further.
func TestRecordListCountStops(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	if _, err := pool.Exec(ctx, `INSERT INTO providers (kind, name, geom, status, source, source_id, search_doc)
		SELECT 'law_firm', '计数律师事务所' || lpad(i::text, 2, '0'), ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326),
			'active', 'count', i::text, ''::tsvector
		FROM generate_series(1, 30) i`); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		countLimit, limit, offset, rows int
		total                           recorddb.Total
	}{
		// More matches than the limit: the name order of the index, counted as far as needed.
		{10, 5, 0, 5, recorddb.Total{N: 10, More: true}},  // counted up to the limit
		{10, 50, 0, 30, recorddb.Total{N: 30}},            // the page ends the list
		{10, 5, 10, 5, recorddb.Total{N: 15, More: true}}, // counted to the page's end
		{10, 5, 25, 5, recorddb.Total{N: 30}},             // a full last page: counted, exactly
		{10, 5, 40, 0, recorddb.Total{N: 30}},             // past the end
		// Fewer: all read at once, counted and ordered.
		{100, 5, 0, 5, recorddb.Total{N: 30}},
		{100, 5, 25, 5, recorddb.Total{N: 30}},
		{100, 5, 40, 0, recorddb.Total{N: 30}},
	} {
		restore := recorddb.SetCountLimitForTest(c.countLimit)
		page, err := recorddb.FindRecords(ctx, pool, recorddb.RecordFilter{Text: "计数律师", Limit: c.limit, Offset: c.offset})
		restore()
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Records) != c.rows || page.Total != c.total {
			t.Errorf("%+v: %d rows of %+v", c, len(page.Records), page.Total)
		}
		for i, r := range page.Records {
			if want := fmt.Sprintf("计数律师事务所%02d", c.offset+i+1); r.Name != want {
				t.Errorf("%+v: row %d is %s, want %s", c, i, r.Name, want)
			}
		}
	}
}
