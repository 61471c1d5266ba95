package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/auth"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
)

const tokenUsage = `usage: legalmap token create --username U --name N   (prints the token once, on the last line)
       legalmap token revoke ID
       legalmap token list`

// runToken manages API tokens for the bureau's systems. A token acts with its account's role.
func runToken(ctx context.Context, env *runEnv, args []string) error {
	if len(args) == 0 {
		return errors.New(tokenUsage)
	}
	switch args[0] {
	case "create":
		fs := flag.NewFlagSet("token create", flag.ContinueOnError)
		fs.SetOutput(env.stderr)
		username := fs.String("username", "", "the account the token acts for")
		name := fs.String("name", "", "what the token is for, e.g. nightly-sync")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
			plain, t, err := svc.CreateToken(ctx, *username, *name)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no account %q", *username)
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(env.stdout, "token %d %q for %s created; it is shown once, on the next line:\n", t.ID, t.Name, t.Username)
			fmt.Fprintln(env.stdout, plain)
			return nil
		})
	case "revoke":
		if len(args) != 2 {
			return errors.New(tokenUsage)
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil || id < 1 {
			return fmt.Errorf("token id %q: want a number from `legalmap token list`", args[1])
		}
		return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
			t, err := accountdb.RevokeToken(ctx, db.pool, id)
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no token %d", id)
			}
			if err == nil {
				fmt.Fprintf(env.stdout, "token %d %q of %s revoked\n", t.ID, t.Name, t.Username)
			}
			return err
		})
	case "list":
		return withDB(ctx, env, func(svc *auth.Service, db *storeDB) error {
			list, err := accountdb.Tokens(ctx, db.pool)
			for _, t := range list {
				state := "live"
				if t.RevokedAt != nil {
					state = "revoked"
				}
				fmt.Fprintf(env.stdout, "%6d  %-20s %-30q %s\n", t.ID, t.Username, t.Name, state)
			}
			return err
		})
	}
	return errors.New(tokenUsage)
}

// storeDB is the open pool handed to account and token jobs.
type storeDB struct{ pool *pgxpool.Pool }

// withDB opens the database for one account or token job and closes it afterwards.
func withDB(ctx context.Context, env *runEnv, fn func(*auth.Service, *storeDB) error) error {
	pool, err := openDB(ctx, env, env.cfg.DatabaseURL, false)
	if err != nil {
		return err
	}
	defer pool.Close()
	return fn(auth.NewService(pool), &storeDB{pool: pool})
}
