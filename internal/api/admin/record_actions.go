package admin

import (
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
)

// recordAction is withdraw, restore or verify: {"reason": "…", "version": n (optional)}. Withdrawing
// closes the record (it is never deleted) and restoring opens it again; both need a reason, which the
// audit keeps. Verifying sets verified_at to now. Withdrawing a withdrawn record (or restoring an open
// one) is a 409: someone else did it first.
func (a *admin) recordAction(action string) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := recordID(c)
		if err != nil {
			return err
		}
		var in struct {
			Reason  string `json:"reason"`
			Version int    `json:"version"`
		}
		if err := param.JSON(c, &in); err != nil {
			return err
		}
		in.Reason = strings.TrimSpace(in.Reason)
		if in.Reason == "" && action != "verify" {
			return reply.BadParam("reason", "请填写原因 / a reason is required")
		}
		if len([]rune(in.Reason)) > 1000 {
			return reply.BadParam("reason", "原因过长 / the reason is too long")
		}
		cat, err := a.catalog(c.Request().Context())
		if err != nil {
			return err
		}
		rec, err := recorddb.UpdateProvider(c.Request().Context(), a.db, id, a.edit(c, cat, action, in.Reason, in.Version),
			func(cur recorddb.Record) (recorddb.Record, error) {
				switch action {
				case "withdraw":
					if cur.Status == directory.StatusClosed {
						return cur, &reply.Error{Status: http.StatusConflict, Code: "conflict", Message: "记录已撤下 / the record is already withdrawn"}
					}
					cur.Status = directory.StatusClosed
				case "restore":
					if cur.Status != directory.StatusClosed {
						return cur, &reply.Error{Status: http.StatusConflict, Code: "conflict", Message: "记录未被撤下 / the record is not withdrawn"}
					}
					cur.Status = directory.StatusActive
				case "verify":
					now := time.Now()
					cur.VerifiedAt = &now
				}
				return cur, nil
			})
		if err == nil {
			a.meiliPush(c.Request().Context(), cat, id)
		}
		return a.writeAnswer(c, rec, err, recordProblems{})
	}
}
