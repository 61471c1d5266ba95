package admin

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/reply"
	"legalmap/internal/auth"
)

// principalKey is where the admin middleware leaves the authenticated principal for the handlers.
const principalKey = "admin.principal"

// Principal is who the admin middleware authenticated for this request.
func Principal(c echo.Context) auth.Principal {
	p, _ := c.Get(principalKey).(auth.Principal)
	return p
}

var (
	errUnauthorized = &reply.Error{Status: http.StatusUnauthorized, Code: "unauthorized", Message: "需要登录 / sign-in required"}
	errForbidden    = &reply.Error{Status: http.StatusForbidden, Code: "forbidden", Message: "无权限 / your role may not do this"}
	errCrossSite    = &reply.Error{Status: http.StatusForbidden, Code: "csrf", Message: "跨站请求被拒绝 / cross-site request refused"}
	errCSRFToken    = &reply.Error{Status: http.StatusForbidden, Code: "csrf", Message: "缺少或错误的 CSRF 令牌 / missing or wrong CSRF token"}
)

// require guards one admin route. The order is the contract: who you are first (401 without valid
// credentials, before any look at the body), then, for a browser session changing something, that the
// request came from our own page (403), then whether your role may do it (403). Only then does the handler
// run. Bearer tokens need no CSRF check: a browser never attaches them on its own.
func (a *admin) require(min auth.Role) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			c.Response().Header().Set("Cache-Control", "no-store")
			p, err := a.authenticate(c)
			if err != nil {
				return err
			}
			if p.Session && !safeMethod(c.Request().Method) {
				if !sameOrigin(c.Request()) {
					return errCrossSite
				}
				if !auth.CSRFMatch(p.CSRF, c.Request().Header.Get(auth.CSRFHeader)) {
					return errCSRFToken
				}
			}
			if !p.Role.AtLeast(min) {
				return errForbidden
			}
			c.Set(principalKey, p)
			return next(c)
		}
	}
}

// authenticate reads a bearer token, or else the session cookie. A malformed or unknown credential is
// 401 like a missing one; a database failure is not a 401 (it is the renderer's 503).
func (a *admin) authenticate(c echo.Context) (auth.Principal, error) {
	ctx := c.Request().Context()
	var p auth.Principal
	var err error
	if h := c.Request().Header.Get(echo.HeaderAuthorization); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return p, a.unauthorized(c)
		}
		p, err = a.auth.TokenPrincipal(ctx, strings.TrimSpace(token))
	} else if ck, cerr := c.Cookie(auth.SessionCookie); cerr == nil {
		p, err = a.auth.SessionPrincipal(ctx, ck.Value)
	} else {
		return p, a.unauthorized(c)
	}
	if errors.Is(err, auth.ErrNoCredentials) {
		return p, a.unauthorized(c)
	}
	return p, err
}

func (a *admin) unauthorized(c echo.Context) error {
	c.Response().Header().Set("WWW-Authenticate", `Bearer realm="legalmap admin"`)
	return errUnauthorized
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// sameOrigin is the browser-side half of the CSRF defence: a browser says where a request came from in
// Sec-Fetch-Site and Origin, and a page on another site cannot forge either. Requests that carry neither
// (command-line clients) are left to the CSRF token. The host is compared, not the scheme, because a
// TLS-terminating proxy makes the scheme we see differ from the browser's.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || origin == "null" {
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}

// sessionCookie is the cookie that carries a session id: HttpOnly (no script reads it), SameSite=Strict (no
// other site's page makes the browser send it), Secure over TLS or when configured, limited to the admin
// API's path, and without an expiry of its own (the browser forgets it when closed; the server's idle and
// absolute limits end it anyway).
func (a *admin) sessionCookie(c echo.Context, value string, maxAge int) *http.Cookie {
	secure := a.cfg.CookieSecure == "true" || (a.cfg.CookieSecure == "auto" && c.Scheme() == "https")
	return &http.Cookie{
		Name: auth.SessionCookie, Value: value, Path: "/api/v1/admin", MaxAge: maxAge,
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode,
	}
}
