package api

import (
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/google/uuid"
	"github.com/labstack/echo/v4"

	"legalmap/internal/requests"
	"legalmap/internal/store"
	"legalmap/internal/store/accountdb"
	"legalmap/internal/store/requestdb"
)

// The place's side of requests: a staff account's queue (its places only), a request with its personal
// fields (each view recorded), and the moves on it. The bureau's side sees counts only.

func (a *admin) staffRequests(c echo.Context) error {
	limit, offset, err := page(c)
	if err != nil {
		return err
	}
	status := c.QueryParam("status")
	if status != "" && !requests.Status(status).Valid() {
		return BadParam("status", "未知状态 / unknown status")
	}
	list, total, err := requestdb.StaffRequests(reqCtx(c), a.s.db, principal(c).Account.ID, status, c.QueryParam("provider_id"), limit, offset)
	if err != nil {
		return err
	}
	return adminList(c, list, total, limit, offset)
}

func (a *admin) staffPlaces(c echo.Context) error {
	list, err := accountdb.AccountPlaces(reqCtx(c), a.s.db, principal(c).Account.ID)
	if err != nil {
		return err
	}
	return adminList(c, list, len(list), len(list), 0)
}

// ownRequest reads the request whose receipt code is in the path, among the signed-in staff member's
// places: store.ErrNotFound for a malformed code and for another place's request alike.
func (a *admin) ownRequest(c echo.Context) (requestdb.Request, error) {
	code, ok := requests.ParseCode(c.Param("code"))
	if !ok {
		return requestdb.Request{}, store.ErrNotFound
	}
	return requestdb.StaffRequest(reqCtx(c), a.s.db, principal(c).Account.ID, code)
}

// staffRequest shows one request of the staff member's places with its personal fields, and records the
// view before answering.
func (a *admin) staffRequest(c echo.Context) error {
	d := a.s.desk
	if d.ring == nil {
		return errRequestsOff
	}
	ctx := reqCtx(c)
	r, err := a.ownRequest(c)
	if err != nil {
		return err
	}
	var personal *requests.Personal
	if r.Sealed != nil {
		p, err := d.ring.OpenPersonal(r.Sealed, r.KeyID, r.Code)
		if err != nil {
			return sealError(err)
		}
		if err := requestdb.LogRequestEvent(ctx, a.s.db, r.ID, principal(c).Actor(), "view", r.Status, r.Status); err != nil {
			return err
		}
		personal = &p
	}
	events, err := requestdb.RequestEvents(ctx, a.s.db, r.ID)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"request": r, "personal": personal, "events": events})
}

// staffAction makes one move on a request: accept, schedule (with a slot for an appointment that has none,
// or to confirm the one booked), reschedule (a new slot), reply, done, decline. A reply text may go with any
// move and is sealed with the rest.
func (a *admin) staffAction(c echo.Context) error {
	d := a.s.desk
	if d.ring == nil {
		return errRequestsOff
	}
	var in struct {
		Action string `json:"action"`
		Reply  string `json:"reply"`
		Slot   string `json:"slot"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	act := requests.Action(in.Action)
	if !slices.Contains(actionNames(), in.Action) {
		return BadParam("action", "须为 accept、schedule、reschedule、reply、done 或 decline / want accept, schedule, reschedule, reply, done or decline")
	}
	reply := ""
	if in.Reply != "" || act == requests.ActReply {
		var err error
		if reply, err = requests.CheckReply(in.Reply); err != nil {
			return err
		}
	}
	ctx := reqCtx(c)
	r, err := a.ownRequest(c)
	if err != nil {
		return err
	}
	var slot *time.Time
	capacity := 1
	if in.Slot != "" {
		t, err := time.Parse(time.RFC3339, in.Slot)
		if err != nil {
			return BadParam("slot", "时段格式无效 / want a slot start such as 2026-10-12T09:00:00+08:00")
		}
		p, err := requestdb.PlaceForRequests(ctx, a.s.db, r.ProviderID)
		if err != nil {
			return err
		}
		capacity = p.Capacity
		cat, err := d.q.catalog(ctx)
		if err != nil {
			return err
		}
		if !requests.Offered(hoursOf(p.Hours), cat.calendar, settingsOf(p), t, d.now()) {
			return BadParam("slot", "不是机构的可预约时段 / not one of the place's slots")
		}
		slot = &t
	}
	if act == requests.ActReschedule && slot == nil {
		return BadParam("slot", "改期须给出新时段 / rescheduling needs a new slot")
	}
	out, err := requestdb.ChangeRequest(ctx, a.s.db, r.ID, func(cur requestdb.Request) (requestdb.RequestChange, error) {
		to, ok := requests.Next(requests.Status(cur.Status), act)
		if !ok || cur.Sealed == nil {
			return requestdb.RequestChange{}, &Error{Status: http.StatusConflict, Code: "invalid_transition", Field: "action",
				Message: "当前状态下不能这样处理 / not possible in status " + cur.Status}
		}
		if act == requests.ActSchedule && slot == nil && cur.SlotAt == nil && cur.Type == string(requests.Appointment) {
			return requestdb.RequestChange{}, BadParam("slot", "请给出预约时段 / give the appointment's slot")
		}
		ch := requestdb.RequestChange{Status: string(to), SlotAt: slot, Capacity: capacity, Actor: principal(c).Actor(),
			Action: string(act), Answered: true}
		if reply != "" {
			p, err := d.ring.OpenPersonal(cur.Sealed, cur.KeyID, cur.Code)
			if err != nil {
				return ch, sealError(err)
			}
			p.Replies = append(p.Replies, requests.Reply{At: d.now().UTC(), Text: reply})
			ch.Sealed, ch.KeyID = d.ring.SealPersonal(p, cur.Code)
		}
		return ch, nil
	})
	if err != nil {
		if errors.Is(err, requestdb.ErrSlotTaken) {
			return &Error{Status: http.StatusConflict, Code: "slot_taken", Field: "slot", Message: "该时段已约满 / this slot is full"}
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

// requestCounts is the bureau's view: counts and waiting times per place, kind, type and status.
func (a *admin) requestCounts(c echo.Context) error {
	list, err := requestdb.RequestCounts(reqCtx(c), a.s.db, a.s.desk.now())
	if err != nil {
		return err
	}
	return adminList(c, list, len(list), len(list), 0)
}

func (a *admin) listRequestTypes(c echo.Context) error {
	list, err := requestdb.AllRequestTypes(reqCtx(c), a.s.db)
	if err != nil {
		return err
	}
	return adminList(c, list, len(list), len(list), 0)
}

// setRequestTypes changes which request types a kind offers: data, no code change.
func (a *admin) setRequestTypes(c echo.Context) error {
	var in struct {
		Types []string `json:"types"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, t := range in.Types {
		if !requests.Type(t).Valid() || seen[t] {
			return BadParam("types", "须为不重复的 legal_aid_application、appointment、consultation / want distinct legal_aid_application, appointment, consultation")
		}
		seen[t] = true
	}
	kind := c.Param("kind")
	if err := requestdb.SetRequestTypes(reqCtx(c), a.s.db, kind, in.Types); err != nil {
		return err
	}
	a.s.log.Info("request types changed", "by", principal(c).Actor(), "kind", kind, "types", in.Types)
	if in.Types == nil {
		in.Types = []string{}
	}
	return c.JSON(http.StatusOK, requestdb.KindRequestTypes{Kind: kind, Types: in.Types})
}

// setRequestSettings sets a place's slot length and capacity.
func (a *admin) setRequestSettings(c echo.Context) error {
	var in struct {
		SlotMinutes int `json:"slot_minutes"`
		Capacity    int `json:"capacity"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if !slices.Contains([]string{"15", "20", "30", "45", "60", "90", "120"}, strconv.Itoa(in.SlotMinutes)) {
		return BadParam("slot_minutes", "须为 15、20、30、45、60、90 或 120 / want 15, 20, 30, 45, 60, 90 or 120")
	}
	if in.Capacity < 1 || in.Capacity > 50 {
		return BadParam("capacity", "须为 1 至 50 / want 1 to 50")
	}
	if _, err := uuid.Parse(c.Param("id")); err != nil {
		return BadParam("id", "须为机构编号 / want a place id")
	}
	if err := requestdb.SetRequestSettings(reqCtx(c), a.s.db, c.Param("id"), in.SlotMinutes, in.Capacity); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, in)
}
