package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/auth"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
)

func (a *admin) listAccounts(c echo.Context) error {
	list, err := accountdb.Accounts(c.Request().Context(), a.db)
	if err != nil {
		return err
	}
	return reply.List(c, list, len(list), len(list), 0)
}

// createAccount adds an account. Without a password one is generated and returned in this answer only.
func (a *admin) createAccount(c echo.Context) error {
	var in struct {
		Username  string   `json:"username"`
		Role      string   `json:"role"`
		Password  string   `json:"password"`
		Providers []string `json:"providers"` // the places of a staff account
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	generated := in.Password == ""
	if generated {
		in.Password = auth.GeneratePassword()
	}
	for _, id := range in.Providers {
		if _, err := uuid.Parse(id); err != nil {
			return reply.BadParam("providers", "须为机构编号 / want place ids")
		}
	}
	acct, err := a.auth.CreateAccount(c.Request().Context(), in.Username, in.Password, auth.Role(in.Role), in.Providers...)
	if errors.Is(err, store.ErrNotFound) {
		return reply.BadParam("providers", "没有这个机构 / no such place")
	}
	if err != nil {
		return err
	}
	a.log.Info("account created", "by", Principal(c).Actor(), "username", acct.Username, "role", acct.Role)
	out := map[string]any{"account": acct}
	if generated {
		out["password"] = in.Password
	}
	return c.JSON(http.StatusCreated, out)
}

// updateAccount changes an account's role, disables or enables it, or sets a new password. An admin may not
// disable or demote their own account: the last admin would otherwise lock everyone out.
func (a *admin) updateAccount(c echo.Context) error {
	var in struct {
		Role     *string `json:"role"`
		Disabled *bool   `json:"disabled"`
		Password *string `json:"password"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	username := c.Param("username")
	self := username == Principal(c).Account.Username
	var ch accountdb.AccountChange
	if in.Role != nil {
		if _, err := auth.ParseRole(*in.Role); err != nil {
			return reply.BadParam("role", "须为 viewer、editor、importer 或 admin / want viewer, editor, importer or admin")
		}
		if *in.Role == string(auth.Staff) {
			return reply.BadParam("role", "员工账号须新建并指定机构 / make a staff account anew, with its places")
		}
		if self && *in.Role != string(auth.Admin) {
			return reply.BadParam("role", "不能降低自己的角色 / you cannot demote yourself")
		}
		ch.Role = in.Role
	}
	if in.Disabled != nil {
		if self && *in.Disabled {
			return reply.BadParam("disabled", "不能停用自己的账号 / you cannot disable yourself")
		}
		ch.Disabled = in.Disabled
	}
	if in.Password != nil {
		if err := auth.CheckPassword(*in.Password, username); err != nil {
			return err
		}
		h, err := auth.HashPassword(*in.Password)
		if err != nil {
			return err
		}
		ch.PasswordHash = &h
	}
	acct, err := accountdb.UpdateAccount(c.Request().Context(), a.db, username, ch)
	if err != nil {
		return err
	}
	a.log.Info("account changed", "by", Principal(c).Actor(), "username", acct.Username, "role", acct.Role, "disabled", acct.Disabled)
	return c.JSON(http.StatusOK, acct)
}

func (a *admin) listTokens(c echo.Context) error {
	list, err := accountdb.Tokens(c.Request().Context(), a.db)
	if err != nil {
		return err
	}
	return reply.List(c, list, len(list), len(list), 0)
}

// createToken makes an API token for an account; the token is in this answer and never again.
func (a *admin) createToken(c echo.Context) error {
	var in struct {
		Username string `json:"username"`
		Name     string `json:"name"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	if err := auth.CheckUsername(in.Username); err != nil {
		return err
	}
	plain, t, err := a.auth.CreateToken(c.Request().Context(), in.Username, in.Name)
	if err != nil {
		return err
	}
	a.log.Info("token created", "by", Principal(c).Actor(), "for", t.Username, "token_id", t.ID)
	return c.JSON(http.StatusCreated, map[string]any{"token": plain, "meta": t})
}

func (a *admin) revokeToken(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		return reply.BadParam("id", "须为令牌编号 / want a token id")
	}
	t, err := accountdb.RevokeToken(c.Request().Context(), a.db, id)
	if err != nil {
		return err
	}
	a.log.Info("token revoked", "by", Principal(c).Actor(), "token_id", t.ID)
	return c.JSON(http.StatusOK, t)
}
