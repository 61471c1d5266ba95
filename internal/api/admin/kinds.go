package admin

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/store"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/vocabdb"
)

// adminKinds is GET /api/v1/admin/kinds: the kinds of place with their groups, the kinds of people and the
// forensic categories, for the kinds page.
func (a *admin) listKinds(c echo.Context) error {
	ctx := c.Request().Context()
	kinds, err := vocabdb.KindList(ctx, a.db)
	if err != nil {
		return err
	}
	groups, err := vocabdb.KindGroups(ctx, a.db)
	if err != nil {
		return err
	}
	people, err := vocabdb.PractitionerKinds(ctx, a.db)
	if err != nil {
		return err
	}
	cats, err := vocabdb.ForensicCategories(ctx, a.db)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"kinds": kinds, "groups": groups, "practitioner_kinds": people,
		"forensic_categories": cats})
}

// saveKind is POST /api/v1/admin/kinds (a new kind) and PUT /api/v1/admin/kinds/:code (a changed one): a
// bureau adds a kind without a code change, then imports its list with that kind.
func (a *admin) saveKind(c echo.Context) error {
	var k vocabdb.Kind
	if err := param.JSON(c, &k); err != nil {
		return err
	}
	create := c.Request().Method == http.MethodPost
	if !create {
		k.Code = c.Param("code")
	}
	err := vocabdb.SaveKind(c.Request().Context(), a.db, k, create)
	var inv *vocabdb.InvalidError
	switch {
	case errors.As(err, &inv):
		return reply.BadParam(inv.Field, inv.Reason)
	case errors.Is(err, store.ErrConflict):
		return &reply.Error{Status: http.StatusConflict, Code: "conflict", Field: "code", Message: "该代码的类型已存在 / a kind with this code exists"}
	case err != nil:
		return err
	}
	if create {
		return c.JSON(http.StatusCreated, k)
	}
	return c.JSON(http.StatusOK, k)
}

// attention is GET /api/v1/admin/attention: the records the bureau should fix: those needing a position
// (approximate or unplaced) and the points unrelated records share.
func (a *admin) attention(c echo.Context) error {
	at, err := recorddb.AttentionList(c.Request().Context(), a.db, 50)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, at)
}
