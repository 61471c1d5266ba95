package desk

import (
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"legalmap/internal/api/admin"
	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/requests"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
	"legalmap/internal/store/requestdb"
)

// The place's side of requests: a staff account's queue (its places only), a request with its personal
// fields (each view recorded), and the moves on it. The bureau's side sees counts only.

func (d *Desk) staffRequests(c echo.Context) error {
	limit, offset, err := param.Page(c)
	if err != nil {
		return err
	}
	status := c.QueryParam("status")
	if status != "" && !requests.Status(status).Valid() {
		return reply.BadParam("status", "未知状态 / unknown status")
	}
	list, total, err := requestdb.StaffRequests(c.Request().Context(), d.db, admin.Principal(c).Account.ID, status, c.QueryParam("provider_id"), limit, offset)
	if err != nil {
		return err
	}
	return reply.List(c, list, total, limit, offset)
}

func (d *Desk) staffPlaces(c echo.Context) error {
	list, err := accountdb.AccountPlaces(c.Request().Context(), d.db, admin.Principal(c).Account.ID)
	if err != nil {
		return err
	}
	return reply.List(c, list, len(list), len(list), 0)
}

// ownRequest reads the request whose receipt code is in the path, among the signed-in staff member's
// places: store.ErrNotFound for a malformed code and for another place's request alike.
func (d *Desk) ownRequest(c echo.Context) (requestdb.Request, error) {
	code, ok := requests.ParseCode(c.Param("code"))
	if !ok {
		return requestdb.Request{}, store.ErrNotFound
	}
	return requestdb.StaffRequest(c.Request().Context(), d.db, admin.Principal(c).Account.ID, code)
}

// staffRequest shows one request of the staff member's places with its personal fields, and records the
// view before answering.
func (d *Desk) staffRequest(c echo.Context) error {
	if d.ring == nil {
		return errRequestsOff
	}
	ctx := c.Request().Context()
	r, err := d.ownRequest(c)
	if err != nil {
		return err
	}
	var personal *requests.Personal
	if r.Sealed != nil {
		p, err := d.ring.OpenPersonal(r.Sealed, r.KeyID, r.Code)
		if err != nil {
			return sealError(err)
		}
		if err := requestdb.LogRequestEvent(ctx, d.db, r.ID, admin.Principal(c).Actor(), "view", r.Status, r.Status); err != nil {
			return err
		}
		personal = &p
	}
	events, err := requestdb.RequestEvents(ctx, d.db, r.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"request": r, "personal": personal, "events": events})
}

// staffAction makes one move on a request: accept, schedule (with a slot for an appointment that has none,
// or to confirm the one booked), reschedule (a new slot), reply, done, decline. A reply text may go with any
// move and is sealed with the rest.
func (d *Desk) staffAction(c echo.Context) error {
	if d.ring == nil {
		return errRequestsOff
	}
	var in struct {
		Action string `json:"action"`
		Reply  string `json:"reply"`
		Slot   string `json:"slot"`
	}
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	act := requests.Action(in.Action)
	if !slices.Contains(actionNames(), in.Action) {
		return reply.BadParam("action", "须为 accept、schedule、reschedule、reply、done 或 decline / want accept, schedule, reschedule, reply, done or decline")
	}
	replyText := ""
	if in.Reply != "" || act == requests.ActReply {
		var err error
		if replyText, err = requests.CheckReply(in.Reply); err != nil {
			return err
		}
	}
	ctx := c.Request().Context()
	r, err := d.ownRequest(c)
	if err != nil {
		return err
	}
	var slot *time.Time
	capacity := 1
	if in.Slot != "" {
		t, err := time.Parse(time.RFC3339, in.Slot)
		if err != nil {
			return reply.BadParam("slot", "时段格式无效 / want a slot start such as 2026-10-12T09:00:00+08:00")
		}
		p, err := requestdb.PlaceForRequests(ctx, d.db, r.ProviderID)
		if err != nil {
			return err
		}
		capacity = p.Capacity
		cat, err := d.catalog(ctx)
		if err != nil {
			return err
		}
		if !requests.Offered(catalog.Hours(p.Hours), cat.Calendar, settingsOf(p), t, d.now()) {
			return reply.BadParam("slot", "不是机构的可预约时段 / not one of the place's slots")
		}
		slot = &t
	}
	if act == requests.ActReschedule && slot == nil {
		return reply.BadParam("slot", "改期须给出新时段 / rescheduling needs a new slot")
	}
	out, err := requestdb.ChangeRequest(ctx, d.db, r.ID, func(cur requestdb.Request) (requestdb.RequestChange, error) {
		to, ok := requests.Next(requests.Status(cur.Status), act)
		if !ok || cur.Sealed == nil {
			return requestdb.RequestChange{}, &reply.Error{Status: http.StatusConflict, Code: "invalid_transition", Field: "action",
				Message: "当前状态下不能这样处理 / not possible in status " + cur.Status}
		}
		if act == requests.ActSchedule && slot == nil && cur.SlotAt == nil && cur.Type == string(requests.Appointment) {
			return requestdb.RequestChange{}, reply.BadParam("slot", "请给出预约时段 / give the appointment's slot")
		}
		ch := requestdb.RequestChange{Status: string(to), SlotAt: slot, Capacity: capacity, Actor: admin.Principal(c).Actor(),
			Action: string(act), Answered: true}
		if replyText != "" {
			p, err := d.ring.OpenPersonal(cur.Sealed, cur.KeyID, cur.Code)
			if err != nil {
				return ch, sealError(err)
			}
			p.Replies = append(p.Replies, requests.Reply{At: d.now().UTC(), Text: replyText})
			ch.Sealed, ch.KeyID = d.ring.SealPersonal(p, cur.Code)
		}
		return ch, nil
	})
	if err != nil {
		if errors.Is(err, requestdb.ErrSlotTaken) {
			return &reply.Error{Status: http.StatusConflict, Code: "slot_taken", Field: "slot", Message: "该时段已约满 / this slot is full"}
		}
		return err
	}
	out.Sealed = nil
	return c.JSON(http.StatusOK, out)
}

func actionNames() []string {
	out := make([]string, len(requests.StaffActions))
	for i, a := range requests.StaffActions {
		out[i] = string(a)
	}
	return out
}
