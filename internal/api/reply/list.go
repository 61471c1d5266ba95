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

// CountedList is List for a total that stops counting: total_capped says there are more than total.
func CountedList[T any](c echo.Context, items []T, total int, capped bool, limit, offset int) error {
	if items == nil {
		items = []T{}
	}
	return c.JSON(http.StatusOK, map[string]any{"results": items, "total": total, "total_capped": capped,
		"limit": limit, "offset": offset})
}
