package api

import (
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"legalmap/internal/api/admin"
	"legalmap/internal/api/param"
	"legalmap/static"
)

// routes is the one route table: every path the server answers, with the middleware that guards it.
func (s *Server) routes() {
	e := s.echo
	e.Pre(middleware.RemoveTrailingSlash(), headAsGet)
	e.Use(
		restoreHead,
		middleware.RequestID(),
		s.securityHeaders(frameNone), // routes below that may be framed or are pages set their own
		s.logRequests(),
		middleware.Recover(),
		deadline(s.cfg.RequestTimeout),
		markClientIO, // before the body limits, so it wraps the connection's body and not their refusals
		// Pages, scripts and JSON compress three or four to one. Admin answers are left alone: they carry
		// the CSRF token next to reflected input, the shape BREACH attacks.
		compress(1024, func(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, admin.Prefix+"/") }),
		// Admin routes set their own limits after the credentials are checked (an upload is larger than
		// a JSON body, and a stranger gets 401 before anything else).
		middleware.BodyLimitWithConfig(middleware.BodyLimitConfig{
			Limit:   param.BodyLimit(s.cfg.MaxBodyBytes),
			Skipper: func(c echo.Context) bool { return strings.HasPrefix(c.Request().URL.Path, admin.Prefix+"/") },
		}),
		publicAPICORS,
	)

	e.GET("/healthz", s.healthz)
	e.GET("/readyz", s.readyz)

	site, err := loadAssets(static.Site())
	if err != nil {
		panic(err) // the embedded tree is part of the binary: unreadable means a broken build
	}
	e.GET("/", site.page("index.html"), s.securityHeaders(frameSelf))
	e.GET("/embed", site.page("embed.html"), s.securityHeaders(frameAny))
	e.GET("/embed/builder", site.page("builder.html"), s.securityHeaders(frameSelf))
	e.GET("/static/*", site.static) // never framed: only /embed is the widget

	// Public API: read-only, open to any origin without credentials.
	pub := e.Group("/api/v1") // CORS: publicAPICORS above
	// --- public query routes ---
	qa := s.public
	guard := qa.guard() // per-client rate limit; errors never cached
	pub.GET("/config", s.clientConfig(qa))
	pub.GET("/areas/outlines", qa.outlines, guard...)
	pub.GET("/providers/nearest", qa.nearest, guard...)
	pub.GET("/providers/search", qa.search, guard...)
	pub.GET("/providers", qa.viewport, guard...)
	pub.GET("/providers/:id", qa.provider, guard...)
	pub.GET("/kinds", qa.kinds, guard...)
	pub.GET("/practice-areas", qa.practiceAreas, guard...)
	pub.GET("/areas", qa.areas, guard...)
	pub.GET("/places", qa.places, guard...)
	e.GET("/api/openapi.json", qa.openapi, publicCORS)
	s.desk.Routes(pub, guard) // 业务办理: the citizen's side (desk package)
	e.GET("/r/:code", site.page("request.html"), s.securityHeaders(frameSelf))

	// --- open data exports and admin routes ---
	pub.GET("/export.csv", s.exportCSV, guard...)
	pub.GET("/export.geojson", s.exportGeoJSON, guard...)
	e.GET("/admin", site.page("admin.html"), s.securityHeaders(frameNone))
	// /api/v1/admin/…: the table in admin/routes.go, each route behind its role, with the staff's routes of
	// requests from the desk package.
	s.adminTable = admin.Routes(e, admin.Deps{Config: s.cfg, Log: s.log, DB: s.db, Read: s.read, Now: s.now},
		s.desk.StaffRoutes()...)
}

// AdminRoute is a row of the admin route table as tests see it.
type AdminRoute struct {
	Method, Path string
	Role         string // least role; "" = no credentials needed
}

// AdminRoutes lists the admin route table with full paths.
func (s *Server) AdminRoutes() []AdminRoute {
	out := make([]AdminRoute, len(s.adminTable))
	for i, r := range s.adminTable {
		out[i] = AdminRoute{Method: r.Method, Path: admin.Prefix + r.Path, Role: string(r.Role)}
	}
	return out
}

// Routes is every route the server registered, for tests that check none escapes its guard.
func (s *Server) Routes() []*echo.Route { return s.echo.Routes() }
