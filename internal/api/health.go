package api

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"legalmap/internal/store"
)

// healthz: the process is up. It never touches the database, so an orchestrator does not restart a healthy
// process because the database is away.
func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz: the database answers and its schema is current; 503 (with Retry-After) otherwise, so a load
// balancer sends no traffic here until both hold again. It recovers by itself: the pool reconnects.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), time.Second)
	defer cancel()
	pending, err := store.SchemaStatus(ctx, s.db)
	if err != nil {
		c.Response().Header().Set("Retry-After", "1")
		return c.JSON(http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "database": "unreachable"})
	}
	if len(pending) > 0 {
		c.Response().Header().Set("Retry-After", "30")
		return c.JSON(http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "database": "schema behind", "pending": pending})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}
