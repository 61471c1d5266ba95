// Package admin is the bureau's side of the server: the admin API's handlers (records, imports, history,
// kinds, accounts and tokens, sessions, request types and counts) behind one authentication middleware, and
// the table that gives every /api/v1/admin route its least role.
package admin

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/auth"
	"legalmap/internal/config"
)

// Prefix is where the admin API lives. No CORS headers are ever set below it: only our own pages may call
// it from a browser.
const Prefix = "/api/v1/admin"

// Deps are the parts the admin API is built from.
type Deps struct {
	Config config.Config
	Log    *slog.Logger
	DB     *pgxpool.Pool // the primary: every admin read and write
	Read   *pgxpool.Pool // the public reads' pool (the import kinds a form may choose)
	Now    func() time.Time
}

// admin holds what the admin handlers share.
type admin struct {
	cfg      config.Config
	log      *slog.Logger
	db       *pgxpool.Pool
	read     *pgxpool.Pool
	now      func() time.Time
	auth     *auth.Service
	catalogs *catalog.Cache // vocabularies read from the primary, to check codes and build search documents
	// imports bounds the uploads that are parsed and applied at once
	imports *importGate
}

// Route is one row of the admin route table: the least role that may call it ("" for the one route that
// needs no credentials, sign-in) and its handler. Path is below Prefix.
type Route struct {
	Method, Path string
	Role         auth.Role
	Handle       echo.HandlerFunc
}

// table is every admin route of this package. Tests walk the registered table together with Echo's own
// route list, so a route added here without a role, or registered elsewhere, fails the role-by-route test.
func (a *admin) table() []Route {
	return []Route{
		{http.MethodPost, "/session", "", a.signIn},
		{http.MethodGet, "/session", auth.Anyone, a.session},
		{http.MethodDelete, "/session", auth.Anyone, a.signOut},
		{http.MethodGet, "/dashboard", auth.Viewer, a.dashboard},
		{http.MethodGet, "/attention", auth.Viewer, a.attention},
		{http.MethodGet, "/kinds", auth.Viewer, a.listKinds},
		{http.MethodPost, "/kinds", auth.Admin, a.saveKind},
		{http.MethodPut, "/kinds/:code", auth.Admin, a.saveKind},

		{http.MethodGet, "/imports", auth.Viewer, a.listImports},
		{http.MethodGet, "/imports/:id", auth.Viewer, a.importRun},
		{http.MethodPost, "/imports", auth.Importer, a.importUpload},

		{http.MethodGet, "/providers", auth.Viewer, a.listRecords},
		{http.MethodGet, "/providers/:id", auth.Viewer, a.getRecord},
		{http.MethodPost, "/providers", auth.Editor, a.createRecord},
		{http.MethodPatch, "/providers/:id", auth.Editor, a.patchRecord},
		{http.MethodPost, "/providers/:id/withdraw", auth.Editor, a.recordAction("withdraw")},
		{http.MethodPost, "/providers/:id/restore", auth.Editor, a.recordAction("restore")},
		{http.MethodPost, "/providers/:id/verify", auth.Editor, a.recordAction("verify")},
		{http.MethodGet, "/providers/:id/history", auth.Viewer, a.providerHistory},
		{http.MethodGet, "/changes", auth.Viewer, a.changes},

		{http.MethodGet, "/accounts", auth.Admin, a.listAccounts},
		{http.MethodPost, "/accounts", auth.Admin, a.createAccount},
		{http.MethodPatch, "/accounts/:username", auth.Admin, a.updateAccount},
		{http.MethodGet, "/tokens", auth.Admin, a.listTokens},
		{http.MethodPost, "/tokens", auth.Admin, a.createToken},
		{http.MethodDelete, "/tokens/:id", auth.Admin, a.revokeToken},

		// Requests (业务办理): the bureau sees counts and sets which kinds take which types; the staff's own
		// routes come from the requests package.
		{http.MethodGet, "/request-counts", auth.Viewer, a.requestCounts},
		{http.MethodGet, "/request-types", auth.Viewer, a.listRequestTypes},
		{http.MethodPut, "/request-types/:kind", auth.Admin, a.setRequestTypes},
		{http.MethodPut, "/providers/:id/request-settings", auth.Editor, a.setRequestSettings},
	}
}

// Routes registers the admin API on e with more rows from other packages (a place's staff handling its
// requests), each behind its role, and returns the whole table as registered.
func Routes(e *echo.Echo, d Deps, more ...Route) []Route {
	a := &admin{cfg: d.Config, log: d.Log, db: d.DB, read: d.Read, now: d.Now, auth: auth.NewService(d.DB),
		catalogs: catalog.NewCache(d.DB), imports: newImportGate(1, 3)}
	g := e.Group(Prefix)
	jsonLimit := middleware.BodyLimit(param.BodyLimit(d.Config.MaxBodyBytes))
	rows := append(a.table(), more...)
	for _, r := range rows {
		if r.Role == "" {
			g.Add(r.Method, r.Path, r.Handle, jsonLimit)
			continue
		}
		// Authentication and role first, the body limit after: credentials are checked before anything.
		// The upload sets its own limit (MAX_UPLOAD_BYTES).
		if r.Method == http.MethodPost && r.Path == "/imports" {
			g.Add(r.Method, r.Path, r.Handle, a.require(r.Role))
			continue
		}
		g.Add(r.Method, r.Path, r.Handle, a.require(r.Role), jsonLimit)
	}
	return rows
}
