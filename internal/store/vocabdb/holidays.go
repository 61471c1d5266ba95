package vocabdb

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Holiday is one dated exception to the working week, in Asia/Shanghai dates.
type Holiday struct {
	Day  string // YYYY-MM-DD
	Kind string // holiday or workday
	Name string
}

// ReadHolidaysCSV reads date,kind[,festival] rows (a header row is recognised); every bad row is an error
// naming its line, and nothing is returned unless every row is good.
func ReadHolidaysCSV(r io.Reader) ([]Holiday, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	var days []Holiday
	var errs []error
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		if len(rec) > 0 && strings.EqualFold(strings.TrimPrefix(strings.TrimSpace(rec[0]), "\ufeff"), "date") {
			continue
		}
		if len(rec) < 2 {
			errs = append(errs, fmt.Errorf("line %d: want date,kind[,festival]", line))
			continue
		}
		d := Holiday{Day: strings.TrimSpace(rec[0]), Kind: strings.TrimSpace(rec[1])}
		if len(rec) > 2 {
			d.Name = strings.TrimSpace(rec[2])
		}
		if _, err := time.Parse("2006-01-02", d.Day); err != nil {
			errs = append(errs, fmt.Errorf("line %d, field date: %q is not YYYY-MM-DD", line, d.Day))
			continue
		}
		if d.Kind != "holiday" && d.Kind != "workday" {
			errs = append(errs, fmt.Errorf("line %d, field kind: %q is neither holiday nor workday", line, d.Kind))
			continue
		}
		days = append(days, d)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return days, nil
}

// UpsertHolidays writes the days in one transaction and returns how many rows were added or changed.
func UpsertHolidays(ctx context.Context, pool *pgxpool.Pool, days []Holiday) (int64, error) {
	var n int64
	err := pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		for _, d := range days {
			tag, err := tx.Exec(ctx, `INSERT INTO holidays (day, kind, name) VALUES ($1, $2, $3)
				ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name
				WHERE (holidays.kind, holidays.name) IS DISTINCT FROM (excluded.kind, excluded.name)`,
				d.Day, d.Kind, d.Name)
			if err != nil {
				return err
			}
			n += tag.RowsAffected()
		}
		return nil
	})
	return n, store.Classify(err)
}

// Holidays returns the calendar's dated days, YYYY-MM-DD -> holiday or workday.
func Holidays(ctx context.Context, db *pgxpool.Pool) (map[string]string, error) {
	rows, err := db.Query(ctx, "SELECT to_char(day, 'YYYY-MM-DD'), kind FROM holidays")
	if err != nil {
		return nil, store.Classify(err)
	}
	out := map[string]string{}
	var day, kind string
	_, err = pgx.ForEachRow(rows, []any{&day, &kind}, func() error {
		out[day] = kind
		return nil
	})
	return out, store.Classify(err)
}

// HolidayYears is the years for which an official arrangement is loaded (any dated row), in order.
func HolidayYears(ctx context.Context, db *pgxpool.Pool) ([]int, error) {
	rows, err := db.Query(ctx, "SELECT DISTINCT extract(year FROM day)::int AS y FROM holidays ORDER BY y")
	if err != nil {
		return nil, store.Classify(err)
	}
	years, err := pgx.CollectRows(rows, pgx.RowTo[int])
	return years, store.Classify(err)
}
