package pipeline

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store/storetest"
)

// liveTables are the tables an import writes to; a refused run must leave each byte-for-byte as it was.
var liveTables = []string{"providers", "practitioners", "assignments", "changes", "areas"}

// checksums returns md5 of every live table's rows, in a stable order.
func checksums(t *testing.T, pool *pgxpool.Pool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, tbl := range liveTables {
		var sum string
		// tbl comes from the fixed list above.
		err := pool.QueryRow(context.Background(),
			"SELECT coalesce(md5(string_agg(t::text, '' ORDER BY t::text)), '') FROM "+tbl+" t").Scan(&sum)
		if err != nil {
			t.Fatal(err)
		}
		out[tbl] = sum
	}
	return out
}

// emptyDirectory removes the directory's records (the audit stays: it is append-only), so a case starts
// from nothing and does not meet the ids and licences of another.
func emptyDirectory(t *testing.T, pool *pgxpool.Pool) {
	t.Helper()
	for _, sql := range []string{"DELETE FROM assignments", "DELETE FROM practitioners", "DELETE FROM providers",
		"DELETE FROM areas WHERE level = 'community'"} {
		if _, err := pool.Exec(context.Background(), sql); err != nil {
			t.Fatal(err)
		}
	}
}

func testPool(t testing.TB) *pgxpool.Pool { return storetest.Pool(t) }

// run imports a file and returns the report and the error.
func run(t *testing.T, opt Options) (*Report, error) {
	t.Helper()
	if opt.Workers == 0 {
		opt.Workers = 2
	}
	// The hand-written test files are WGS84; "none" runs a file as given, stating no system.
	switch opt.CRS {
	case "":
		opt.CRS = "wgs84"
	case "none":
		opt.CRS = ""
	}
	rep, err := Run(context.Background(), testPool(t), opt)
	if rep == nil {
		t.Fatalf("%s: no report: %v", opt.File, err)
	}
	return rep, err
}

// mustApply imports a file that must commit.
func mustApply(t *testing.T, opt Options) *Report {
	t.Helper()
	rep, err := run(t, opt)
	if err != nil {
		t.Fatalf("%s: %v\n%s", opt.File, err, rep.JSON())
	}
	return rep
}

func isRefused(err error) bool {
	var r *RefusedError
	return errors.As(err, &r)
}

func queryInt(t *testing.T, sql string, args ...any) int {
	t.Helper()
	var n int
	if err := testPool(t).QueryRow(context.Background(), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}
