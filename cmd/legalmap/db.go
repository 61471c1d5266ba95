package main

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// openDB opens the primary pool with the configured timeouts. Command-line jobs (imports, migrations) pass
// their own statement timeout: a million-row import is not a web request.
func openDB(ctx context.Context, env *runEnv, url string, statementTimeoutOff bool) (*pgxpool.Pool, error) {
	return store.OpenPool(ctx, poolConfig(env, url, statementTimeoutOff))
}

func poolConfig(env *runEnv, url string, statementTimeoutOff bool) store.PoolConfig {
	pc := store.PoolConfig{
		URL:              url,
		MaxConns:         env.cfg.DBMaxConns,
		ConnectTimeout:   env.cfg.DBConnectTimeout,
		StatementTimeout: env.cfg.StatementTimeout,
		AppName:          "legalmap",
	}
	if statementTimeoutOff {
		pc.StatementTimeout = 0
	} else {
		pc.Interactive = true // the server's pool
	}
	return pc
}
