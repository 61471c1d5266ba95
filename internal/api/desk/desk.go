// Package desk is the server's side of 业务办理 (online requests to a place): the citizen's form, status
// page, withdrawal and export, a place's staff's queue and moves, and the purge of personal fields after
// the retention period. The staff's routes are rows of the admin route table, behind its authentication.
package desk

import (
	"context"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"legalmap/internal/api/admin"
	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/api/reply"
	"legalmap/internal/auth"
	"legalmap/internal/config"
	"legalmap/internal/directory"
	"legalmap/internal/notify"
	"legalmap/internal/requests"
	"legalmap/internal/store"
	"legalmap/internal/store/requestdb"
)

// Desk is the server's side of 业务办理: the citizen's form, status page, withdrawal and export, and (in
// staff.go) the place's queue. Without a key (REQUEST_KEY or REQUEST_KEY_FILE) it answers that requests are
// off and stores nothing.
type Desk struct {
	cfg     config.Config
	log     *slog.Logger
	db      *pgxpool.Pool                                   // the primary: requests are written and read back at once
	catalog func(context.Context) (*catalog.Catalog, error) // holidays, practice areas, the analyzer of everyday words
	ring    *requests.Keyring
	mailer  *notify.Mailer
	checks  *auth.Throttle // wrong phone digits, per receipt code and per client address
	creates *auth.Throttle // submissions, per phone (its MAC) and per client address
	now     func() time.Time
	mail    sync.WaitGroup // notices in flight
}

// Deps are the parts a Desk is built from.
type Deps struct {
	Config config.Config
	Log    *slog.Logger
	DB     *pgxpool.Pool
	// Catalog is the current catalog, as the public answers see it.
	Catalog func(context.Context) (*catalog.Catalog, error)
	// Now is the clock of slots and retention; time.Now when nil.
	Now func() time.Time
}

// Limits of the citizen's side.
var (
	// createLimits: a phone may send 5 requests a day from one address, an address 20 (a community
	// centre's shared computer helps several people); past 5 a day from everywhere, each further one
	// waits an hour, doubled each time.
	createLimits = auth.Limits{
		Pair:    auth.Limit{Failures: 5, Per: 24 * time.Hour},
		Address: auth.Limit{Failures: 20, Per: 24 * time.Hour},
		Subject: auth.Backoff{Free: 5, Per: 24 * time.Hour, Base: time.Hour, Max: 24 * time.Hour},
	}
	// checkLimits: wrong phone digits for a receipt code, 5 per quarter hour from one address and 20 from
	// an address over all codes; from everywhere, past 5 an hour each further try waits up to a quarter
	// hour (never a lock: the citizen gets in, at once from an address that got in before).
	checkLimits = auth.Limits{
		Pair:     auth.Limit{Failures: 5, Per: 15 * time.Minute},
		Address:  auth.Limit{Failures: 20, Per: 15 * time.Minute},
		Subject:  auth.Backoff{Free: 5, Per: time.Hour, Base: time.Minute, Max: 15 * time.Minute},
		KnownFor: 30 * 24 * time.Hour,
	}
	// maxOpenPerPhone: open (not yet done, declined or withdrawn) requests one phone may have.
	maxOpenPerPhone = 3
)

// requestBodyLimit is the largest body of a citizen's request: the form's fields at their limits fit
// several times over.
const requestBodyLimit = "16K"

var errRequestsOff = &reply.Error{Status: http.StatusServiceUnavailable, Code: "requests_off",
	Message: "本站暂未开通网上办理 / online requests are not available on this site"}

// Open loads the request key and the mailer and opens the desk.
func Open(d Deps) (*Desk, error) {
	ring, err := requests.LoadKeyring(d.Config.RequestKey, d.Config.RequestOldKeys, d.Config.RequestKeyFile)
	if err != nil {
		return nil, err
	}
	mailer, err := notify.NewMailer(d.Config.SMTPURL, d.Config.MailFrom)
	if err != nil {
		return nil, err
	}
	now := d.Now
	if now == nil {
		now = time.Now
	}
	return &Desk{cfg: d.Config, log: d.Log, db: d.DB, catalog: d.Catalog, ring: ring, mailer: mailer, now: now,
		checks:  auth.NewThrottle(checkLimits).WithClock(now),
		creates: auth.NewThrottle(createLimits).WithClock(now)}, nil
}

// Routes registers the citizen's routes on the public API's group. Writes are rate limited like every public
// route (guard), and their bodies are small.
func (d *Desk) Routes(pub *echo.Group, guard []echo.MiddlewareFunc) {
	small := append([]echo.MiddlewareFunc{middleware.BodyLimit(requestBodyLimit)}, guard...)
	pub.GET("/providers/:id/request-types", d.requestTypes, guard...)
	pub.GET("/providers/:id/slots", d.slots, guard...)
	pub.POST("/requests", d.create, small...)
	pub.POST("/requests/:code/status", d.status, small...)
	pub.POST("/requests/:code/withdraw", d.withdraw, small...)
	pub.POST("/requests/:code/export", d.export, small...)
}

// StaffRoutes are a place's staff's routes, rows of the admin route table (below admin.Prefix).
func (d *Desk) StaffRoutes() []admin.Route {
	return []admin.Route{
		{Method: http.MethodGet, Path: "/requests", Role: auth.Staff, Handle: d.staffRequests},
		{Method: http.MethodGet, Path: "/requests/places", Role: auth.Staff, Handle: d.staffPlaces},
		{Method: http.MethodGet, Path: "/requests/:code", Role: auth.Staff, Handle: d.staffRequest},
		{Method: http.MethodPost, Path: "/requests/:code/actions", Role: auth.Staff, Handle: d.staffAction},
	}
}

// typeFields says which fields each request type's form has and needs.
func typeFields(t requests.Type) []map[string]any {
	f := func(name string, required bool) map[string]any {
		return map[string]any{"name": name, "required": required}
	}
	out := []map[string]any{f("name", true), f("phone", true), f("matter", false), f("message", t == requests.Consultation)}
	if t.NeedsSlot() {
		out = append(out, f("slot", true))
	}
	return append(out, f("consent", true))
}

// place reads the place of a path id; 404 when there is none.
func (d *Desk) place(c echo.Context, id, field string) (requestdb.RequestPlace, error) {
	if _, err := uuid.Parse(id); err != nil {
		return requestdb.RequestPlace{}, reply.BadParam(field, "须为机构编号 / want a place id")
	}
	return requestdb.PlaceForRequests(c.Request().Context(), d.db, id)
}

// offered is the types a place takes requests of now: those of its kind, while it is active.
func offered(p requestdb.RequestPlace) []string {
	if p.Status != "active" {
		return []string{}
	}
	return p.Types
}

func (d *Desk) requestTypes(c echo.Context) error {
	p, err := d.place(c, c.Param("id"), "id")
	if err != nil {
		return err
	}
	types := []map[string]any{}
	for _, t := range offered(p) {
		types = append(types, map[string]any{"type": t, "needs_slot": requests.Type(t).NeedsSlot(), "fields": typeFields(requests.Type(t))})
	}
	return c.JSON(http.StatusOK, map[string]any{
		"provider_id": p.ID, "enabled": d.ring != nil, "types": types,
		"retention_days": int(d.cfg.RequestRetention.Hours() / 24),
	})
}

func settingsOf(p requestdb.RequestPlace) requests.Settings {
	return requests.Settings{SlotMinutes: p.SlotMinutes, Capacity: p.Capacity}
}

// freeSlots lists a place's free slots from a Shanghai date for some days.
func (d *Desk) freeSlots(ctx context.Context, p requestdb.RequestPlace, from time.Time, days int) ([]requests.Slot, error) {
	cat, err := d.catalog(ctx)
	if err != nil {
		return nil, err
	}
	set := settingsOf(p)
	starts := requests.Slots(catalog.Hours(p.Hours), cat.Calendar, set, from, days, d.now())
	if len(starts) == 0 {
		return []requests.Slot{}, nil
	}
	taken, err := requestdb.TakenSeats(ctx, d.db, p.ID, starts[0], starts[len(starts)-1].Add(time.Minute))
	if err != nil {
		return nil, err
	}
	return requests.Free(starts, set, taken), nil
}

func (d *Desk) slots(c echo.Context) error {
	p, err := d.place(c, c.Param("id"), "id")
	if err != nil {
		return err
	}
	today := d.now().In(directory.Shanghai)
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, directory.Shanghai)
	from := today
	if s := c.QueryParam("from"); s != "" {
		if from, err = time.ParseInLocation(time.DateOnly, s, directory.Shanghai); err != nil {
			return reply.BadParam("from", "须为 YYYY-MM-DD / want a date YYYY-MM-DD")
		}
		if from.Before(today) {
			from = today
		}
		if from.After(today.AddDate(0, 0, requests.MaxDays)) {
			return reply.BadParam("from", "最多可预约 30 天内 / at most 30 days ahead")
		}
	}
	days := 14
	if s := c.QueryParam("days"); s != "" {
		if days, err = strconv.Atoi(s); err != nil || days < 1 {
			return reply.BadParam("days", "须为 1 至 30 的整数 / want a whole number from 1 to 30")
		}
		days = min(days, requests.MaxDays)
	}
	if !slices.Contains(offered(p), string(requests.Appointment)) {
		return &reply.Error{Status: http.StatusNotFound, Code: "not_found", Message: "此机构不接受网上预约 / this place takes no appointments online"}
	}
	list, err := d.freeSlots(c.Request().Context(), p, from, days)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"results": list, "total": len(list), "limit": len(list), "offset": 0})
}

func (d *Desk) create(c echo.Context) error {
	if d.ring == nil {
		return errRequestsOff
	}
	var in requests.Input
	if err := param.JSON(c, &in); err != nil {
		return err
	}
	ctx := c.Request().Context()
	cat, err := d.catalog(ctx)
	if err != nil {
		return err
	}
	resolve := func(s string) string {
		if q := cat.Analyzer.Query(s); len(q.Areas) > 0 {
			return q.Areas[0]
		}
		return ""
	}
	ch, err := requests.Check(in, func(s string) bool { return cat.PracticeAreaSet[s] }, resolve)
	if errors.Is(err, requests.ErrHoneypot) {
		// A robot: it is told what a person would be told, and nothing is stored.
		return c.JSON(http.StatusCreated, map[string]string{"code": requests.NewCode(), "status": string(requests.Submitted)})
	}
	if err != nil {
		return err
	}
	p, err := d.place(c, in.ProviderID, "provider_id")
	if errors.Is(err, store.ErrNotFound) {
		return reply.BadParam("provider_id", "没有这个机构 / no such place")
	}
	if err != nil {
		return err
	}
	if !slices.Contains(offered(p), string(ch.Type)) {
		return reply.BadParam("type", "此机构不受理这类申请 / this place takes no requests of this type")
	}
	var slot *time.Time
	if ch.Type.NeedsSlot() {
		if ch.Slot.After(d.now().AddDate(0, 0, requests.MaxDays+1)) {
			return reply.BadParam("slot", "最多可预约 30 天内 / at most 30 days ahead")
		}
		cal := cat.Calendar
		if !requests.Offered(catalog.Hours(p.Hours), cal, settingsOf(p), ch.Slot, d.now()) {
			return reply.BadParam("slot", "不是可预约的时段 / not one of the place's free slots")
		}
		slot = &ch.Slot
	}
	mac := d.ring.PhoneMAC(ch.Phone)
	phoneKey, addr := hex.EncodeToString(mac), c.RealIP()
	submission, err := d.creates.Reserve(phoneKey, addr)
	var te *auth.ThrottledError
	if errors.As(err, &te) {
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(te.Wait.Seconds())))
		return &reply.Error{Status: http.StatusTooManyRequests, Code: "rate_limited", Field: "phone",
			Message: "提交过于频繁，请稍后再试 / too many requests from this phone or address, try again later"}
	}
	personal := requests.Personal{Name: ch.Name, Phone: ch.Phone, MatterText: ch.MatterText, Message: ch.Message}
	if err != nil {
		return err
	}
	var code string
	for attempt := 0; ; attempt++ {
		code = requests.NewCode()
		sealed, keyID := d.ring.SealPersonal(personal, code)
		err = requestdb.CreateRequest(ctx, d.db, requestdb.NewRequest{Code: code, ProviderID: p.ID, Kind: p.Kind, Type: string(ch.Type),
			Matter: ch.Matter, SlotAt: slot, Capacity: p.Capacity, Sealed: sealed, KeyID: keyID, PhoneMAC: mac, MaxOpen: maxOpenPerPhone})
		if !errors.Is(err, store.ErrConflict) || attempt > 2 {
			break // a conflict is a receipt code drawn twice: draw again
		}
	}
	if err != nil {
		submission.Cancel() // only a submission made counts
	}
	switch {
	case errors.Is(err, requestdb.ErrTooMany):
		return &reply.Error{Status: http.StatusTooManyRequests, Code: "too_many_open", Field: "phone",
			Message: "此手机号未办结的申请已达上限 / this phone already has " + strconv.Itoa(maxOpenPerPhone) + " open requests"}
	case errors.Is(err, requestdb.ErrSlotTaken):
		return &reply.Error{Status: http.StatusConflict, Code: "slot_taken", Field: "slot",
			Message: "该时段已约满，请另选 / this slot was just taken, choose another"}
	case err != nil:
		return err
	}
	submission.Failed() // counts the submission against the phone and the address
	d.notifyPlace(p, string(ch.Type), code)
	return c.JSON(http.StatusCreated, map[string]string{"code": code, "status": string(requests.Submitted), "status_url": "/r/" + code})
}

// notifyPlace mails the place that a request arrived, when mail is configured and the place has an address.
// The notice names no one: the type, the code and where to read it.
func (d *Desk) notifyPlace(p requestdb.RequestPlace, typ, code string) {
	if d.mailer == nil || p.Email == "" {
		return
	}
	msg := notify.Message{To: p.Email,
		Subject: "新的网上申请 / New request " + code,
		Body: "您的机构收到一条新的网上申请。\nA new request has arrived for your place.\n\n" +
			"类型 / type: " + typ + "\n回执编号 / code: " + code + "\n\n" +
			"请登录查看 / sign in to read it: " + d.cfg.PublicURL + "/admin#/requests/" + code + "\n"}
	d.mail.Add(1)
	go func() {
		defer d.mail.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := d.mailer.Send(ctx, msg); err != nil {
			d.log.Warn("request notice not sent", "code", code, "err", err)
		}
	}()
}
