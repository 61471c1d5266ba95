// Package api is legalmap's HTTP face: the server, the one route table, the middleware every request passes,
// and the public read handlers. The bureau's admin API is in admin, citizens' and staff's requests in desk;
// all of them read input through param and answer errors through reply's one renderer. Handlers parse and
// check input, call the store or the search engine, and write JSON; they hold no SQL and no business rules.
package api

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/admin"
	"legalmap/internal/api/desk"
	"legalmap/internal/api/reply"
	"legalmap/internal/config"
)

// Server holds what the handlers need. It keeps no state of its own between requests beyond caches and
// rate-limit buckets, so several can run behind a load balancer.
type Server struct {
	cfg  config.Config
	log  *slog.Logger
	db   *pgxpool.Pool // the primary: writes, and reads when there is no replica
	read *pgxpool.Pool // public reads (a replica when DATABASE_READ_URL is set)
	echo *echo.Echo
	now  func() time.Time
	// public holds what the public query routes share (caches, the search engine, the rate limiter)
	public *publicAPI
	desk   *desk.Desk // citizens' requests (业务办理)
	// exports are the open data export files, one per format, of the newest data version asked for
	exports exportFiles
	// adminTable is the admin routes as registered, with their roles
	adminTable []admin.Route
}

// Deps are the parts a Server is built from.
type Deps struct {
	Config config.Config
	Log    *slog.Logger
	DB     *pgxpool.Pool
	ReadDB *pgxpool.Pool // optional
	// Now is the clock of open-now and of the dashboard's calendar warning; time.Now when nil (tests
	// inject one to stand on a given day), and of the request desk (slots, retention).
	Now func() time.Time
}

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	s := &Server{cfg: d.Config, log: d.Log, db: d.DB, read: d.ReadDB, now: d.Now}
	if s.now == nil {
		s.now = time.Now
	}
	if s.read == nil {
		s.read = s.db
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = reply.Renderer(d.Log)
	extractor, err := ipExtractor(d.Config.TrustedProxies)
	if err != nil {
		return nil, err
	}
	e.IPExtractor = extractor
	s.echo = e
	s.public = s.newPublicAPI()
	if s.desk, err = desk.Open(desk.Deps{Config: d.Config, Log: d.Log, DB: d.DB, Catalog: s.public.catalog, Now: s.now}); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// Handler is the server as an http.Handler, for tests and for http.Server.
func (s *Server) Handler() http.Handler { return s.echo }

// RunRequestPurge erases the personal fields of closed requests at every tick until ctx ends, reporting each
// run to ran (may be nil).
func (s *Server) RunRequestPurge(ctx context.Context, ticks <-chan time.Time, ran func(n int64, err error)) {
	s.desk.RunPurge(ctx, ticks, ran)
}

// WaitNotices waits for the e-mail notices in flight (shutdown, tests).
func (s *Server) WaitNotices() { s.desk.WaitNotices() }

// ipExtractor decides where the client address comes from. Echo's default believes a client's own
// X-Forwarded-For, which would let anyone dodge the rate limit and the login throttle; here the connection's
// address is the client unless the request came through a configured proxy.
func ipExtractor(trusted []string) (echo.IPExtractor, error) {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect(), nil
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, cidr := range trusted {
		_, n, err := net.ParseCIDR(cidr)
		if err != nil {
			return nil, err
		}
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...), nil
}

// ListenAndServe serves until ctx is cancelled (SIGTERM), then lets requests in flight finish within the
// shutdown timeout.
func (s *Server) ListenAndServe(ctx context.Context) error {
	srv := &http.Server{
		Addr:              s.cfg.ListenAddr,
		Handler:           s.echo,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout, // cuts slow-loris clients
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	s.log.Info("serving", "addr", s.cfg.ListenAddr)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
