package desk

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/auth"
	"legalmap/internal/requests"
	"legalmap/internal/store"
	"legalmap/internal/store/requestdb"
)

// The citizen's side after a request is made: the status page, withdrawal and the download of what is held,
// each after the phone's last four digits.

// errNoRequest is the one answer for a code that does not exist and for wrong digits: the caller learns
// nothing about which it was.
var errNoRequest = &reply.Error{Status: http.StatusNotFound, Code: "not_found",
	Message: "未找到：请核对回执编号和手机号后四位 / not found: check the receipt code and the last four digits"}

// proven reads a request by code after the citizen proved it theirs with the phone's last four digits.
// Wrong digits, unknown codes and malformed ones count against the code and the client address, like wrong
// passwords; past the limit the caller waits (429) before any look at the digits.
func (d *Desk) proven(c echo.Context) (requestdb.Request, requests.Personal, error) {
	var none requestdb.Request
	if d.ring == nil {
		return none, requests.Personal{}, errRequestsOff
	}
	var in struct {
		PhoneLast4 string `json:"phone_last4"`
	}
	if err := param.JSON(c, &in); err != nil {
		return none, requests.Personal{}, err
	}
	code, codeOK := requests.ParseCode(c.Param("code"))
	key, addr := code, c.RealIP()
	if !codeOK {
		key = "bad"
	}
	attempt, err := d.checks.Reserve(key, addr)
	var te *auth.ThrottledError
	if errors.As(err, &te) {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(te.Wait.Seconds())))
		return none, requests.Personal{}, &reply.Error{Status: http.StatusTooManyRequests, Code: "rate_limited",
			Message: "尝试次数过多，请稍后再试 / too many attempts, try again later"}
	}
	if err != nil {
		return none, requests.Personal{}, err
	}
	// Anything but a wrong guess or a right one (bad digits, a failed read) costs nothing: Cancel does
	// nothing after Failed or Succeeded.
	defer attempt.Cancel()
	last4, digitsOK := requests.Last4(in.PhoneLast4)
	if !digitsOK {
		return none, requests.Personal{}, reply.BadParam("phone_last4", "须为 4 位数字 / want four digits")
	}
	fail := func() (requestdb.Request, requests.Personal, error) {
		attempt.Failed()
		return none, requests.Personal{}, errNoRequest
	}
	if !codeOK {
		return fail()
	}
	r, err := requestdb.RequestByCode(c.Request().Context(), d.db, code)
	if errors.Is(err, store.ErrNotFound) {
		return fail()
	}
	if err != nil {
		return none, requests.Personal{}, err
	}
	p, err := d.ring.OpenPersonal(r.Sealed, r.KeyID, r.Code)
	if err != nil {
		return none, requests.Personal{}, sealError(err)
	}
	if subtle.ConstantTimeCompare([]byte(p.Phone[len(p.Phone)-4:]), []byte(last4)) != 1 {
		return fail()
	}
	attempt.Succeeded()
	return r, p, nil
}

// sealError: personal fields that do not open mean the key configured is not the one that sealed them (a
// rotation half done, a key file swapped): the desk is unavailable until an operator fixes it.
func sealError(err error) error {
	return &reply.Error{Status: http.StatusServiceUnavailable, Code: "request_key",
		Message: "网上办理暂时不可用 / requests are unavailable: the request key does not open this request (" + err.Error() + ")"}
}

// statusView is what the status page shows: no name, no phone, no message; the place's replies.
func statusView(r requestdb.Request, p requests.Personal) map[string]any {
	replies := p.Replies
	if replies == nil {
		replies = []requests.Reply{}
	}
	return map[string]any{"code": r.Code, "status": r.Status, "type": r.Type, "provider_id": r.ProviderID,
		"provider_name": r.ProviderName, "matter": r.Matter, "slot": r.SlotAt, "created_at": r.CreatedAt,
		"updated_at": r.UpdatedAt, "replies": replies}
}

func (d *Desk) status(c echo.Context) error {
	r, p, err := d.proven(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.JSON(http.StatusOK, statusView(r, p))
}

func (d *Desk) withdraw(c echo.Context) error {
	r, _, err := d.proven(c)
	if err != nil {
		return err
	}
	out, err := requestdb.ChangeRequest(c.Request().Context(), d.db, r.ID, func(cur requestdb.Request) (requestdb.RequestChange, error) {
		to, ok := requests.Next(requests.Status(cur.Status), requests.ActWithdraw)
		if !ok {
			return requestdb.RequestChange{}, &reply.Error{Status: http.StatusConflict, Code: "invalid_transition",
				Message: "此申请已办结，无法撤回 / this request is closed and cannot be withdrawn"}
		}
		return requestdb.RequestChange{Status: string(to), Actor: "citizen", Action: string(requests.ActWithdraw)}, nil
	})
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	p, err := d.ring.OpenPersonal(out.Sealed, out.KeyID, out.Code)
	if err != nil {
		return sealError(err)
	}
	return c.JSON(http.StatusOK, statusView(out, p))
}

// export is everything held about the request, for the citizen to keep (PIPL: a copy of one's data).
func (d *Desk) export(c echo.Context) error {
	r, p, err := d.proven(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if err := requestdb.LogRequestEvent(ctx, d.db, r.ID, "citizen", "export", r.Status, r.Status); err != nil {
		return err
	}
	events, err := requestdb.RequestEvents(ctx, d.db, r.ID)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", `attachment; filename="request-`+r.Code+`.json"`)
	return c.JSON(http.StatusOK, map[string]any{"request": r, "personal": p, "events": events,
		"retention": "个人信息在办结后 " + strconv.Itoa(int(d.cfg.RequestRetention.Hours()/24)) + " 天删除 / personal fields are erased " +
			strconv.Itoa(int(d.cfg.RequestRetention.Hours()/24)) + " days after the request is closed"})
}
