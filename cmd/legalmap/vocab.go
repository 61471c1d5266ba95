package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"legalmap/internal/store/vocabdb"
)

// runVocab keeps the legal vocabulary (sql/080: 案由, 罪名, laws, remedies and the kinds that solve them):
// `vocab export` prints it as CSV, `vocab load --file F` adds or changes the file's terms as rows of a
// source (a bureau's own words), and with --replace drops that source's rows the file no longer has.
func runVocab(ctx context.Context, env *runEnv, args []string) error {
	usage := errors.New("usage: legalmap vocab export | vocab load --file FILE.csv [--source NAME] [--replace]")
	if len(args) == 0 {
		return usage
	}
	switch args[0] {
	case "export":
		pool, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
		if err != nil {
			return err
		}
		defer pool.Close()
		terms, err := vocabdb.LegalTerms(ctx, pool)
		if err != nil {
			return err
		}
		return vocabdb.WriteLegalTermsCSV(env.stdout, terms)
	case "load":
	default:
		return usage
	}
	fs := flag.NewFlagSet("vocab load", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	file := fs.String("file", "", "CSV with columns term,category,practice_areas,kinds,also_kinds,parent,hint")
	source := fs.String("source", "bureau", "whose terms these are; built-in terms are 'builtin'")
	replace := fs.Bool("replace", false, "delete the source's terms the file does not hold")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *file == "" || *source == "" {
		return errors.New("--file and --source are required")
	}
	f, err := os.Open(*file)
	if err != nil {
		return err
	}
	defer f.Close()
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
	if err != nil {
		return err
	}
	defer pool.Close()
	codes, err := vocabdb.PracticeAreas(ctx, pool)
	if err != nil {
		return err
	}
	areas := map[string]bool{}
	for _, a := range codes {
		areas[a.Code] = true
	}
	terms, err := vocabdb.ReadLegalTermsCSV(f, areas)
	if err != nil {
		return err
	}
	written, deleted, err := vocabdb.SaveLegalTerms(ctx, pool, *source, terms, *replace)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%d term(s) read, %d added or changed, %d deleted\n", len(terms), written, deleted)
	return nil
}
