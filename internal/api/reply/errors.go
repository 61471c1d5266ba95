// Package reply is how the server answers: the one error renderer that maps every error to a status and
// DESIGN.md's JSON error shape, the errors handlers return for the client to read, and the list envelope.
package reply

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"legalmap/internal/store"
)

// Error is an answer the client is meant to read: DESIGN.md's error shape
// {"error": {"code": "invalid_parameter", "message": "…", "field": "lat"}}.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// BadParam is the 400 for a query parameter or body field that cannot be used.
func BadParam(field, message string) *Error {
	return &Error{Status: http.StatusBadRequest, Code: "invalid_parameter", Field: field,
		Message: "参数无效 / invalid parameter " + field + ": " + message}
}

// fieldError is any domain error that names the input field at fault (geo.FieldError, parse errors).
type fieldError interface {
	error
	FieldName() string
}

// Renderer is Echo's one error handler: it maps every error to a status and the JSON shape, logs the
// unexpected ones with the request id, and never puts a stack trace or SQL text in a body.
func Renderer(log *slog.Logger) echo.HTTPErrorHandler {
	r := renderer{log: log}
	return r.render
}

type renderer struct{ log *slog.Logger }

func (s renderer) render(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	e := s.classify(err, c)
	if e.Status == http.StatusServiceUnavailable || e.Status == http.StatusTooManyRequests {
		if c.Response().Header().Get("Retry-After") == "" {
			c.Response().Header().Set("Retry-After", "1")
		}
	}
	var werr error
	if c.Request().Method == http.MethodHead {
		werr = c.NoContent(e.Status)
	} else {
		werr = c.JSON(e.Status, map[string]*Error{"error": e})
	}
	if werr != nil {
		s.log.Debug("write error response", "err", werr)
	}
}

// statusClientClosed is nginx's status for a request its client abandoned.
const statusClientClosed = 499

func (s renderer) classify(err error, c echo.Context) *Error {
	var apiErr *Error
	var fe fieldError
	var he *echo.HTTPError
	var cio *ClientIOError
	switch {
	case errors.As(err, &apiErr):
		return apiErr
	case errors.As(err, &cio):
		// Before the database's cases: a broken or stalled body is the client's, not an outage.
		if ne, ok := errors.AsType[net.Error](err); (ok && ne.Timeout()) || errors.Is(err, os.ErrDeadlineExceeded) {
			return &Error{Status: http.StatusRequestTimeout, Code: "request_timeout", Message: "请求体发送超时 / the request body came too slowly"}
		}
		return &Error{Status: http.StatusBadRequest, Code: "bad_request", Message: "请求体不完整 / the request body broke off"}
	case errors.Is(err, context.Canceled) && c.Request().Context().Err() != nil:
		// The client went away before the answer (a closed tab, a load generator ending its run): no one
		// reads what is written, and nothing is wrong here. 499 is what proxies log for it.
		s.log.Debug("client gone", "request_id", RequestID(c), "path", c.Path())
		return &Error{Status: statusClientClosed, Code: "client_closed", Message: "请求已取消 / the request was cancelled"}
	case errors.As(err, &fe):
		return BadParam(fe.FieldName(), strings.TrimPrefix(fe.Error(), fe.FieldName()+": "))
	case errors.Is(err, store.ErrNotFound):
		return NotFound
	case errors.Is(err, store.ErrConflict):
		return &Error{Status: http.StatusConflict, Code: "conflict", Message: "记录已被他人修改或重复 / the record changed meanwhile or already exists"}
	case errors.Is(err, store.ErrUnavailable), errors.Is(err, context.DeadlineExceeded), errors.Is(store.Classify(err), store.ErrUnavailable):
		s.log.Warn("database unavailable", "request_id", RequestID(c), "err", err)
		return &Error{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: "服务暂时不可用，请稍后再试 / temporarily unavailable, try again shortly"}
	case errors.As(err, &he):
		return fromEchoError(he)
	}
	s.log.Error("unexpected error", "request_id", RequestID(c), "method", c.Request().Method, "path", c.Path(), "err", err)
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "内部错误 / internal error (request " + RequestID(c) + ")"}
}

func fromEchoError(he *echo.HTTPError) *Error {
	switch he.Code {
	case http.StatusNotFound:
		return NotFound
	case http.StatusMethodNotAllowed:
		return &Error{Status: he.Code, Code: "method_not_allowed", Message: "不支持的请求方法 / method not allowed"}
	case http.StatusRequestEntityTooLarge:
		return &Error{Status: he.Code, Code: "too_large", Message: "请求体过大 / request body too large"}
	case http.StatusTooManyRequests:
		return &Error{Status: he.Code, Code: "rate_limited", Message: "请求过于频繁 / too many requests"}
	case http.StatusUnauthorized:
		return &Error{Status: he.Code, Code: "unauthorized", Message: "需要登录 / sign-in required"}
	case http.StatusForbidden:
		return &Error{Status: he.Code, Code: "forbidden", Message: "无权限 / not allowed"}
	case http.StatusBadRequest:
		return &Error{Status: he.Code, Code: "bad_request", Message: "请求无效 / bad request"}
	}
	if he.Code >= 400 && he.Code < 500 {
		return &Error{Status: he.Code, Code: "http_" + strconv.Itoa(he.Code), Message: http.StatusText(he.Code)}
	}
	return &Error{Status: http.StatusInternalServerError, Code: "internal", Message: "内部错误 / internal error"}
}

// RequestID is the id the request-id middleware gave this request, for logs and error answers.
func RequestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// ClientIOError is a failure to read the request body: the client stopped sending it, closed the
// connection or was too slow. It is the client's doing (400, or 408 for a timeout), never an outage.
type ClientIOError struct{ Err error }

func (e *ClientIOError) Error() string { return "reading the request body: " + e.Err.Error() }
func (e *ClientIOError) Unwrap() error { return e.Err }

// NotFound is the 404 of a path naming nothing (a malformed id included).
var NotFound = &Error{Status: http.StatusNotFound, Code: "not_found", Message: "未找到 / not found"}
