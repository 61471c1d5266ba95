package reply

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/labstack/echo/v4"
)

// A request its client abandoned is no server error: 499, and nothing logged above debug. The same
// cancellation while the client still waits is not mistaken for it.
func TestClientGoneIsNoError(t *testing.T) {
	var logs bytes.Buffer
	s := renderer{log: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	e := echo.New()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/providers/nearest", nil).WithContext(ctx)
	err := fmt.Errorf("nearest: %w", context.Canceled)
	if got := s.classify(err, e.NewContext(req, httptest.NewRecorder())); got.Status != statusClientClosed {
		t.Errorf("client gone: status %d, want %d", got.Status, statusClientClosed)
	}
	if logs.Len() > 0 {
		t.Errorf("client gone logged: %s", logs.String())
	}
	live := httptest.NewRequest(http.MethodGet, "/api/v1/providers/nearest", nil)
	if got := s.classify(err, e.NewContext(live, httptest.NewRecorder())); got.Status == statusClientClosed {
		t.Errorf("a cancellation with the client still there counted as the client gone")
	}
}

// A request body that comes too slowly (the server's read deadline) is 408; one cut off is 400. Neither
// is the 503 of a database error, though both are network errors.
func TestClientBodyErrorsAreTheClients(t *testing.T) {
	s := renderer{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	e := echo.New()
	c := e.NewContext(httptest.NewRequest(http.MethodPost, "/api/v1/admin/session", nil), httptest.NewRecorder())
	timeout := &net.OpError{Op: "read", Net: "tcp", Err: os.ErrDeadlineExceeded}
	if got := s.classify(fmt.Errorf("decode: %w", &ClientIOError{timeout}), c); got.Status != http.StatusRequestTimeout {
		t.Errorf("stalled body: %d, want 408", got.Status)
	}
	if got := s.classify(&ClientIOError{io.ErrUnexpectedEOF}, c); got.Status != http.StatusBadRequest {
		t.Errorf("body cut off: %d, want 400", got.Status)
	}
}
