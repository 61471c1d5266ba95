// Package api is legalmap's HTTP face: one route table, thin handlers, the middleware every request passes,
// and one error renderer. Handlers parse and check input, call the store or the search engine, and write JSON;
// they hold no SQL and no business rules.
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

	"legalmap/internal/config"
)

// Server holds what the handlers need. It keeps no state of its own between requests beyond caches and
// rate-limit buckets, so several can run behind a load balancer.
type Server struct {
	cfg  config.Config
	log  *slog.Logger
	db   *pgxpool.Pool // the primary: writes, and reads when there is no replica
	read *pgxpool.Pool // public reads (a replica when DATABASE_READ_URL is set)
	// search runs the keyword search's statements with generic plans (store.PoolConfig.GenericPlans), on
	// the database of public reads
	search *pgxpool.Pool
	echo   *echo.Echo
	now    func() time.Time
	desk   *requestDesk // citizens' requests (业务办理)
	// imports bounds the admin uploads that are parsed and applied at once
	imports *importGate
}

// Deps are the parts a Server is built from.
type Deps struct {
	Config config.Config
	Log    *slog.Logger
	DB     *pgxpool.Pool
	ReadDB *pgxpool.Pool // optional
	// SearchDB is optional: the keyword search uses ReadDB (or DB) without it.
	SearchDB *pgxpool.Pool
	// Now is the clock of open-now and of the dashboard's calendar warning; time.Now when nil (tests
	// inject one to stand on a given day), and of the request desk (slots, retention).
	Now func() time.Time
}

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	s := &Server{cfg: d.Config, log: d.Log, db: d.DB, read: d.ReadDB, search: d.SearchDB, now: d.Now,
		imports: newImportGate(1, 3)}
	if s.now == nil {
		s.now = time.Now
	}
	if s.read == nil {
		s.read = s.db
	}
	if s.search == nil {
		s.search = s.read
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.renderError
	extractor, err := ipExtractor(d.Config.TrustedProxies)
	if err != nil {
		return nil, err
	}
	e.IPExtractor = extractor
	s.echo = e
	if err := s.openRequestDesk(s.now); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// Handler is the server as an http.Handler, for tests and for http.Server.
func (s *Server) Handler() http.Handler { return s.echo }

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
