package main

import (
	"context"
	"flag"
	"fmt"

	"legalmap/internal/store"
)

func runMigrate(ctx context.Context, env *runEnv, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, true)
	if err != nil {
		return err
	}
	defer pool.Close()
	applied, err := store.Migrate(ctx, pool)
	for _, name := range applied {
		fmt.Fprintf(env.stdout, "applied %s\n", name)
	}
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(env.stdout, "schema is current; nothing to apply")
	}
	return nil
}
