package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"legalmap/internal/store/vocabdb"
)

// runHolidays loads a year's holidays and make-up working days (date,kind[,festival]) as data: the State
// Council publishes next year's arrangement each November.
func runHolidays(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 || args[0] != "load" {
		return errors.New("usage: legalmap holidays load --file FILE.csv")
	}
	fs := flag.NewFlagSet("holidays load", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	file := fs.String("file", "", "CSV with columns date,kind,festival (kind: holiday or workday)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *file == "" {
		return errors.New("--file is required")
	}
	f, err := os.Open(*file)
	if err != nil {
		return err
	}
	defer f.Close()
	days, err := vocabdb.ReadHolidaysCSV(f)
	if err != nil {
		return err
	}
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
	if err != nil {
		return err
	}
	defer pool.Close()
	n, err := vocabdb.UpsertHolidays(ctx, pool, days)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%d day(s) read, %d added or changed\n", len(days), n)
	return nil
}
