package api

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store/placedb"
)

// gridRefresher rebuilds the viewport grid in the background when a request finds it behind the
// directory. One rebuild at a time per process (and per database: the SQL function takes an advisory
// lock); requests never wait for it.
type gridRefresher struct {
	db      *pgxpool.Pool
	log     *slog.Logger
	running atomic.Bool
}

// gridRebuildTimeout bounds one rebuild, with room for a directory many times the size of a city's.
const gridRebuildTimeout = 5 * time.Minute

func (g *gridRefresher) kick() {
	if !g.running.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer g.running.Store(false)
		// Not the request's context: the rebuild serves the requests after this one, and must not be
		// cancelled when this one ends.
		ctx, cancel := context.WithTimeout(context.Background(), gridRebuildTimeout)
		defer cancel()
		start := time.Now()
		v, err := placedb.RefreshViewportGrid(ctx, g.db)
		if err != nil {
			g.log.Warn("viewport grid rebuild failed", "err", err)
			return
		}
		g.log.Info("viewport grid rebuilt", "version", v, "took", time.Since(start))
	}()
}
