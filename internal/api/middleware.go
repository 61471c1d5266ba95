package api

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"legalmap/internal/api/admin"
	"legalmap/internal/api/reply"
)

// logRequests writes one structured line per request, with its id, after the response. Errors are
// rendered here (HandleError), before the line is written, so the line has the status and size that were
// sent, not the 200 and 0 of a response not yet written.
func (s *Server) logRequests() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRequestID: true, LogResponseSize: true, LogError: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("id", v.RequestID), slog.String("method", v.Method), slog.String("uri", redactURI(v.URI)),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency),
				slog.String("ip", v.RemoteIP), slog.Int64("bytes", v.ResponseSize))
			return nil
		},
	})
}

// secretParam names query parameters whose values are never logged: a token or password put in a URL by
// a careless client must not end up in the access log.
func secretParam(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"token", "password", "passwd", "secret", "session", "key", "code", "auth", "sig"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// redactURI replaces the values of secret query parameters with "REDACTED", keeping the rest of the URI
// as the client sent it.
func redactURI(uri string) string {
	path, query, ok := strings.Cut(uri, "?")
	if !ok {
		return uri
	}
	parts := strings.Split(query, "&")
	for i, p := range parts {
		name, _, _ := strings.Cut(p, "=")
		if n, err := url.QueryUnescape(name); err == nil {
			name = n
		}
		if secretParam(name) {
			parts[i] = name + "=REDACTED"
		}
	}
	return path + "?" + strings.Join(parts, "&")
}

type clientBody struct{ io.ReadCloser }

func (b clientBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		var mbe *http.MaxBytesError
		if !errors.As(err, &mbe) {
			err = &reply.ClientIOError{Err: err}
		}
	}
	return n, err
}

// markClientIO wraps the request body so that an error reading it is known to be the client's.
func markClientIO(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if r := c.Request(); r.Body != nil && r.Body != http.NoBody {
			r.Body = clientBody{r.Body}
		}
		return next(c)
	}
}

// headKey marks a HEAD request routed as a GET.
const headKey = "api.head"

// headAsGet routes HEAD like GET (Echo registers no HEAD routes of its own): before routing, a HEAD
// request is made a GET; restoreHead, the first middleware after routing, makes it a HEAD again, so
// handlers, the error renderer and the log see HEAD and net/http sends no body.
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if r := c.Request(); r.Method == http.MethodHead {
			r.Method = http.MethodGet
			c.Set(headKey, true)
		}
		return next(c)
	}
}

func restoreHead(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if head, _ := c.Get(headKey).(bool); head {
			c.Request().Method = http.MethodHead
		}
		return next(c)
	}
}

// deadline gives every request a context that ends after the request timeout; every query runs under it,
// and the database's statement_timeout (never longer) backs it up on the server side.
func deadline(d time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// Content-Security-Policy families. Pages get a strict policy without inline script; JSON gets none at all.
type framing int

const (
	frameNone framing = iota // admin pages and JSON: never framed
	frameSelf                // the citizen page: only by ourselves (the builder's preview)
	frameAny                 // the widget: by any site, or by the configured allowlist
)

// securityHeaders sets the headers every response carries, and the CSP that fits the route.
func (s *Server) securityHeaders(f framing) echo.MiddlewareFunc {
	csp := s.pageCSP(f)
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			h := c.Response().Header()
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
			h.Set("Content-Security-Policy", csp)
			h.Set("Cross-Origin-Opener-Policy", "same-origin")
			h.Set("Permissions-Policy", "geolocation=(self), camera=(), microphone=()")
			// X-Frame-Options for browsers without frame-ancestors. It has no "any site" value, so the
			// widget sends none (and drops the DENY the outer layer set).
			switch f {
			case frameNone:
				h.Set("X-Frame-Options", "DENY")
			case frameSelf:
				h.Set("X-Frame-Options", "SAMEORIGIN")
			case frameAny:
				h.Del("X-Frame-Options")
			}
			if c.Scheme() == "https" || s.cfg.CookieSecure == "true" {
				h.Set("Strict-Transport-Security", "max-age=31536000")
			}
			return next(c)
		}
	}
}

func (s *Server) pageCSP(f framing) string {
	ancestors := "'none'"
	switch f {
	case frameSelf:
		ancestors = "'self'"
	case frameAny:
		ancestors = s.cfg.EmbedAncestors
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data: " + tileSource(s.cfg.TileURL),
		"connect-src 'self'",
		"font-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + ancestors,
	}, "; ")
}

// tileSource turns the tile URL template into a CSP source: scheme and host, with a {s} subdomain as *.
func tileSource(tmpl string) string {
	u, err := url.Parse(strings.NewReplacer("{s}", "tiles", "{z}", "0", "{x}", "0", "{y}", "0", "{r}", "").Replace(tmpl))
	if err != nil || u.Host == "" {
		return ""
	}
	host := u.Host
	if strings.Contains(tmpl, "{s}.") {
		host = "*." + strings.SplitN(host, ".", 2)[1]
	}
	return u.Scheme + "://" + host
}

// publicCORS lets any origin read public GETs, never with credentials.
func publicCORS(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Expose-Headers", "ETag, Retry-After, X-Request-Id")
		if c.Request().Method == http.MethodOptions {
			h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "If-None-Match")
			h.Set("Access-Control-Max-Age", "86400")
			return c.NoContent(http.StatusNoContent)
		}
		return next(c)
	}
}

// publicAPICORS applies publicCORS to the public API's paths (/api/v1/… but not the admin API) by path,
// after routing. It replaces a group middleware, whose catch-all route answered every method on every
// path below /api/v1, admin ones included: OPTIONS with the public CORS grant, POST on a GET route with
// 404 instead of 405.
func publicAPICORS(next echo.HandlerFunc) echo.HandlerFunc {
	cors := publicCORS(next)
	return func(c echo.Context) error {
		p := c.Request().URL.Path
		if strings.HasPrefix(p, "/api/v1/") && p != admin.Prefix && !strings.HasPrefix(p, admin.Prefix+"/") {
			return cors(c)
		}
		return next(c)
	}
}
