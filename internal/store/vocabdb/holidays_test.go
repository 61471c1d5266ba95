package vocabdb_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"legalmap/internal/store/storetest"
	"legalmap/internal/store/vocabdb"
)

// The loaded years are those with any dated row: 2026 from sql/004, then 2027 once its notice is loaded
// (through the same reader and writer as `legalmap holidays load`).
func TestHolidayYears(t *testing.T) {
	ctx := context.Background()
	pool := storetest.Pool(t)
	years, err := vocabdb.HolidayYears(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(years, 2027) || !slices.Contains(years, 2026) {
		t.Fatalf("before loading 2027: %v", years)
	}
	days, err := vocabdb.ReadHolidaysCSV(strings.NewReader("date,kind,festival\n2027-01-01,holiday,元旦\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vocabdb.UpsertHolidays(ctx, pool, days); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.Exec(context.Background(), "DELETE FROM holidays WHERE day = '2027-01-01'") }) //nolint:errcheck
	if years, err = vocabdb.HolidayYears(ctx, pool); err != nil || !slices.Contains(years, 2027) {
		t.Fatalf("after loading 2027: %v %v", years, err)
	}
}
