package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"legalmap/internal/search"
	"legalmap/internal/store/placedb"
)

// runReindex rebuilds what search and the map derive from the directory: the PostgreSQL search documents
// (from the analyzer, with the vocabularies as they are now: run it after adding synonyms), the
// Meilisearch index when one is configured, and the map's cluster grid.
func runReindex(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	meili := fs.Bool("meilisearch", env.cfg.MeiliURL != "", "also push the directory into Meilisearch (MEILI_URL)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *meili && env.cfg.MeiliURL == "" {
		return fmt.Errorf("--meilisearch needs MEILI_URL")
	}
	db, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := search.LoadAnalyzer(ctx, db)
	if err != nil {
		return err
	}
	start := time.Now()
	progress := func(what string) func(int) {
		return func(done int) {
			env.log.Info("reindex", "what", what, "done", done, "elapsed", time.Since(start).Round(time.Second))
		}
	}
	np, nq, err := search.RebuildPG(ctx, db, a, progress("search documents"))
	if err != nil {
		return fmt.Errorf("search documents: %w", err)
	}
	fmt.Fprintf(env.stdout, "search documents: %d places and %d practitioners changed (%s)\n", np, nq, time.Since(start).Round(time.Millisecond))
	if *meili {
		m := search.NewMeili(env.cfg.MeiliURL, env.cfg.MeiliKey)
		n, err := search.RebuildMeili(ctx, db, a, m, progress("meilisearch"))
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "meilisearch: %d places indexed\n", n)
	}
	v, err := placedb.RefreshViewportGrid(ctx, db)
	if err != nil {
		return fmt.Errorf("map grid: %w", err)
	}
	fmt.Fprintf(env.stdout, "map grid: at directory version %d (%s in all)\n", v, time.Since(start).Round(time.Millisecond))
	return nil
}
