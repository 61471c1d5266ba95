package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/api"
	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
)

func runServe(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := checkSchema(ctx, env, db); err != nil {
		return err
	}
	failAbandonedRuns(ctx, env, db)
	var read *pgxpool.Pool
	if env.cfg.DatabaseReadURL != "" {
		if read, err = openDB(ctx, env, env.cfg.DatabaseReadURL, false); err != nil {
			return err
		}
		defer read.Close()
	}
	srv, err := api.New(api.Deps{Config: env.cfg, Log: env.log, DB: db, ReadDB: read})
	if err != nil {
		return err
	}
	// Personal fields of closed requests are erased after REQUEST_RETENTION: checked every hour.
	hourly := time.NewTicker(time.Hour)
	defer hourly.Stop()
	go srv.RunRequestPurge(ctx, hourly.C, nil)
	defer srv.WaitNotices()
	return srv.ListenAndServe(ctx)
}

// errSchemaBehind stops serve on a database whose schema is older than the binary.
var errSchemaBehind = errors.New("the database schema is behind this binary")

// checkSchema refuses to serve on a schema that is behind, saying what to run. A database that cannot be
// reached is waited for a while and then left to /readyz (which also checks the schema): the process starts,
// answers /healthz, and becomes ready on its own when the database comes.
func checkSchema(ctx context.Context, env *runEnv, db *pgxpool.Pool) error {
	deadline := time.Now().Add(15 * time.Second)
	for {
		cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		pending, err := store.SchemaStatus(cctx, db)
		cancel()
		if err == nil {
			if len(pending) > 0 {
				return fmt.Errorf("%w: %d migration(s) pending (%s); run `legalmap migrate` (or `make migrate`) first",
					errSchemaBehind, len(pending), strings.Join(pending, ", "))
			}
			return nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			env.log.Warn("database not reachable at start; serving anyway, /readyz stays 503 until it is", "err", err)
			return nil
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// failAbandonedRuns marks failed the imports a dead process or database left running, so the list of runs
// says how they ended. A database not reachable yet is no reason not to serve: the next import sweeps too.
func failAbandonedRuns(ctx context.Context, env *runEnv, db *pgxpool.Pool) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	n, err := importdb.FailAbandonedRuns(ctx, db)
	if err != nil {
		env.log.Warn("could not check for abandoned imports", "err", err)
		return
	}
	if n > 0 {
		env.log.Warn("imports left running by a process that stopped are marked failed", "runs", n)
	}
}
