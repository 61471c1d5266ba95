package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func requestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// logRequests writes one structured line per request, with its id, after the response.
func (s *Server) logRequests() echo.MiddlewareFunc {
	return middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRemoteIP: true,
		LogRequestID: true, LogResponseSize: true, LogError: true, HandleError: false,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("id", v.RequestID), slog.String("method", v.Method), slog.String("uri", v.URI),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency),
				slog.String("ip", v.RemoteIP), slog.Int64("bytes", v.ResponseSize))
			return nil
		},
	})
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
			switch f {
			case frameNone:
				h.Set("X-Frame-Options", "DENY")
			case frameSelf:
				h.Set("X-Frame-Options", "SAMEORIGIN")
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
