package api

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/catalog"
	"legalmap/internal/search"
)

// publicAPI holds what the public query endpoints share: the read pool, the caches tied to the data
// version, the search engine and the rate limiter. It is state of the process only as caches; every
// answer is computed from the database, so several processes can serve side by side.
type publicAPI struct {
	log      *slog.Logger
	db       *pgxpool.Pool
	versions *catalog.Versions
	catalogs *catalog.Cache
	engine   search.Engine
	limiter  *rateLimiter
	grid     *gridRefresher
	counts   *kindCounts
	now      func() time.Time
}

func (s *Server) newPublicAPI() *publicAPI {
	q := &publicAPI{
		log:      s.log,
		db:       s.read,
		versions: catalog.NewVersions(s.read, time.Second, s.now),
		catalogs: catalog.NewCache(s.read),
		limiter:  newRateLimiter(s.cfg.RateLimit, s.cfg.RateBurst, s.now),
		counts:   &kindCounts{db: s.read},
		now:      s.now,
	}
	// The grid is rebuilt on the primary: a replica is read-only.
	q.grid = &gridRefresher{db: s.db, log: s.log}
	if s.cfg.SearchEngine == "meilisearch" {
		q.engine = search.NewMeili(s.cfg.MeiliURL, s.cfg.MeiliKey)
	} else {
		q.engine = search.NewPG(s.read)
	}
	return q
}

// catalog returns the vocabularies, areas, calendar and analyzer current for the directory's version.
func (q *publicAPI) catalog(ctx context.Context) (*catalog.Catalog, error) {
	cat, _, err := q.versionedCatalog(ctx)
	return cat, err
}

// versionedCatalog is catalog with the directory version it was asked for (the catalog's own may lag
// while another request reloads it).
func (q *publicAPI) versionedCatalog(ctx context.Context) (*catalog.Catalog, int64, error) {
	v, err := q.versions.Get(ctx)
	if err != nil {
		return nil, 0, err
	}
	cat, err := q.catalogs.Get(ctx, v)
	return cat, v, err
}

func reqCtx(c echo.Context) context.Context { return c.Request().Context() }

// guard is the middleware of every public query route: the per-client rate limit (off when RATE_LIMIT
// is 0), and no caching of error answers.
func (q *publicAPI) guard() []echo.MiddlewareFunc {
	return []echo.MiddlewareFunc{q.limiter.middleware, uncacheErrors}
}
