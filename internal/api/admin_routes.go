package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"legalmap/internal/auth"
)

// admin is the bureau's side of the server: the admin API's handlers with the auth service they share.
type admin struct {
	s        *Server
	auth     *auth.Service
	catalogs *catalogs // vocabularies read from the primary, to check codes and build search documents
}

// adminRoute is one row of the admin route table: the least role that may call it ("" for the one route
// that needs no credentials, sign-in) and its handler.
type adminRoute struct {
	method, path string
	role         auth.Role
	handle       func(*admin, echo.Context) error
}

// adminTable is every /api/v1/admin route. Tests walk it together with Echo's own route list, so a route
// added here without a role, or registered elsewhere, fails the role-by-route test.
var adminTable = []adminRoute{
	{http.MethodPost, "/session", "", (*admin).signIn},
	{http.MethodGet, "/session", auth.Anyone, (*admin).session},
	{http.MethodDelete, "/session", auth.Anyone, (*admin).signOut},
	{http.MethodGet, "/dashboard", auth.Viewer, (*admin).dashboard},
	{http.MethodGet, "/attention", auth.Viewer, (*admin).attention},
	{http.MethodGet, "/kinds", auth.Viewer, (*admin).listKinds},
	{http.MethodPost, "/kinds", auth.Admin, (*admin).saveKind},
	{http.MethodPut, "/kinds/:code", auth.Admin, (*admin).saveKind},

	{http.MethodGet, "/imports", auth.Viewer, (*admin).listImports},
	{http.MethodGet, "/imports/:id", auth.Viewer, (*admin).importRun},
	{http.MethodPost, "/imports", auth.Importer, (*admin).importUpload},

	{http.MethodGet, "/providers", auth.Viewer, (*admin).listRecords},
	{http.MethodGet, "/providers/:id", auth.Viewer, (*admin).getRecord},
	{http.MethodPost, "/providers", auth.Editor, (*admin).createRecord},
	{http.MethodPatch, "/providers/:id", auth.Editor, (*admin).patchRecord},
	{http.MethodPost, "/providers/:id/withdraw", auth.Editor, recordAction("withdraw")},
	{http.MethodPost, "/providers/:id/restore", auth.Editor, recordAction("restore")},
	{http.MethodPost, "/providers/:id/verify", auth.Editor, recordAction("verify")},
	{http.MethodGet, "/providers/:id/history", auth.Viewer, (*admin).providerHistory},
	{http.MethodGet, "/changes", auth.Viewer, (*admin).changes},

	{http.MethodGet, "/accounts", auth.Admin, (*admin).listAccounts},
	{http.MethodPost, "/accounts", auth.Admin, (*admin).createAccount},
	{http.MethodPatch, "/accounts/:username", auth.Admin, (*admin).updateAccount},
	{http.MethodGet, "/tokens", auth.Admin, (*admin).listTokens},
	{http.MethodPost, "/tokens", auth.Admin, (*admin).createToken},
	{http.MethodDelete, "/tokens/:id", auth.Admin, (*admin).revokeToken},

	// Requests (业务办理, requests_staff.go): a place's staff handle their places' requests; the bureau sees
	// counts and sets which kinds take which types.
	{http.MethodGet, "/requests", auth.Staff, (*admin).staffRequests},
	{http.MethodGet, "/requests/places", auth.Staff, (*admin).staffPlaces},
	{http.MethodGet, "/requests/:code", auth.Staff, (*admin).staffRequest},
	{http.MethodPost, "/requests/:code/actions", auth.Staff, (*admin).staffAction},
	{http.MethodGet, "/request-counts", auth.Viewer, (*admin).requestCounts},
	{http.MethodGet, "/request-types", auth.Viewer, (*admin).listRequestTypes},
	{http.MethodPut, "/request-types/:kind", auth.Admin, (*admin).setRequestTypes},
	{http.MethodPut, "/providers/:id/request-settings", auth.Editor, (*admin).setRequestSettings},
}

// AdminRoute is a row of the admin route table as tests see it.
type AdminRoute struct {
	Method, Path string
	Role         string // least role; "" = no credentials needed
}

// AdminRoutes lists the admin route table with full paths.
func AdminRoutes() []AdminRoute {
	out := make([]AdminRoute, len(adminTable))
	for i, r := range adminTable {
		out[i] = AdminRoute{Method: r.method, Path: adminPrefix + r.path, Role: string(r.role)}
	}
	return out
}

// Routes is every route the server registered, for tests that check none escapes its guard.
func (s *Server) Routes() []*echo.Route { return s.echo.Routes() }

const adminPrefix = "/api/v1/admin"

// adminRoutes registers the admin API. No CORS headers are ever set here: only our own pages may call it
// from a browser.
func (s *Server) adminRoutes() {
	a := &admin{s: s, auth: auth.NewService(s.db), catalogs: &catalogs{db: s.db}}
	g := s.echo.Group(adminPrefix)
	jsonLimit := middleware.BodyLimit(bodyLimit(s.cfg.MaxBodyBytes))
	for _, r := range adminTable {
		h := func(c echo.Context) error { return r.handle(a, c) }
		if r.role == "" {
			g.Add(r.method, r.path, h, jsonLimit)
			continue
		}
		// Authentication and role first, the body limit after: credentials are checked before anything.
		// The upload sets its own limit (MAX_UPLOAD_BYTES).
		if r.method == http.MethodPost && r.path == "/imports" {
			g.Add(r.method, r.path, h, a.require(r.role))
			continue
		}
		g.Add(r.method, r.path, h, a.require(r.role), jsonLimit)
	}
}
