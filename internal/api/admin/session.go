package admin

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/auth"
	"legalmap/internal/store/accountdb"
)

// sessionAnswer is what the admin page learns about who is signed in, and the CSRF token it must send.
type sessionAnswer struct {
	Account   accountdb.Account `json:"account"`
	CSRFToken string            `json:"csrf_token,omitempty"`
	IdleSecs  int               `json:"idle_seconds"`
}

// signIn checks a password and opens a browser session. It is the one admin route without credentials;
// it still refuses cross-site requests (login CSRF) and is throttled per account and per address.
func (a *admin) signIn(c echo.Context) error {
	c.Response().Header().Set("Cache-Control", "no-store")
	if !sameOrigin(c.Request()) {
		return errCrossSite
	}
	var in struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	if in.Username == "" {
		return reply.BadParam("username", "必填 / required")
	}
	if in.Password == "" {
		return reply.BadParam("password", "必填 / required")
	}
	p, id, err := a.auth.SignIn(c.Request().Context(), in.Username, in.Password, c.RealIP())
	var te *auth.ThrottledError
	switch {
	case errors.As(err, &te):
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(te.Wait.Seconds())))
		return &reply.Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
			Message: "登录失败次数过多，请稍后再试 / too many failed sign-ins, try again later"}
	case errors.Is(err, auth.ErrBadPassword):
		return &reply.Error{Status: http.StatusUnauthorized, Code: "bad_credentials", Message: "用户名或密码错误 / wrong username or password"}
	case err != nil:
		return err
	}
	c.SetCookie(a.sessionCookie(c, id, 0))
	a.log.Info("signed in", "user", p.Account.Username, "ip", c.RealIP())
	return c.JSON(http.StatusOK, sessionAnswer{Account: p.Account, CSRFToken: p.CSRF, IdleSecs: int(a.auth.Policy().Idle.Seconds())})
}

// session says who is signed in (and gives a browser session its CSRF token again after a reload).
func (a *admin) session(c echo.Context) error {
	p := Principal(c)
	return c.JSON(http.StatusOK, sessionAnswer{Account: p.Account, CSRFToken: p.CSRF, IdleSecs: int(a.auth.Policy().Idle.Seconds())})
}

// signOut ends the browser session and clears its cookie. With a bearer token there is nothing to end.
func (a *admin) signOut(c echo.Context) error {
	if ck, err := c.Cookie(auth.SessionCookie); err == nil && Principal(c).Session {
		if err := a.auth.SignOut(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	c.SetCookie(a.sessionCookie(c, "", -1))
	return c.NoContent(http.StatusNoContent)
}
