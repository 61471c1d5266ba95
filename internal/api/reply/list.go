package reply

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// List is DESIGN.md's list shape.
func List[T any](c echo.Context, items []T, total, limit, offset int) error {
	if items == nil {
		items = []T{}
	}
	return c.JSON(http.StatusOK, map[string]any{"results": items, "total": total, "limit": limit, "offset": offset})
}
