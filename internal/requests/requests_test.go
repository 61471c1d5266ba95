package requests

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"legalmap/internal/directory"
)

func TestCodesAreReadableAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		c := NewCode()
		if len(c) != 14 || c[4] != '-' || c[9] != '-' || seen[c] {
			t.Fatalf("code %q malformed or repeated", c)
		}
		seen[c] = true
		if strings.ContainsAny(c, "01OILZ2S5B8") {
			t.Fatalf("code %q holds a look-alike", c)
		}
		typed := strings.ToLower(strings.ReplaceAll(c, "-", " "))
		if got, ok := ParseCode(typed); !ok || got != c {
			t.Fatalf("ParseCode(%q) = %q, %v", typed, got, ok)
		}
	}
	for _, bad := range []string{"", "ABCD", "0000-0000-0000", "7KMR-X3QD-94HTX", "7KMR-X3QD-94H<", "７KMR-X3QD-94HT"} {
		if _, ok := ParseCode(bad); ok {
			t.Errorf("ParseCode(%q) accepted", bad)
		}
	}
}

func TestSealOpensOnlyWithItsKeyAndCode(t *testing.T) {
	k1, k2 := NewKeyText(), NewKeyText()
	ring, err := NewKeyring(k1)
	if err != nil {
		t.Fatal(err)
	}
	p := Personal{Name: "张三", Phone: "13812345678", Message: "欠薪 <script>"}
	sealed, id := ring.SealPersonal(p, "AAAA-AAAA-AAAA")
	if bytes.Contains(sealed, []byte("13812345678")) || bytes.Contains(sealed, []byte("张三")) {
		t.Fatal("plain text in the sealed blob")
	}
	got, err := ring.OpenPersonal(sealed, id, "AAAA-AAAA-AAAA")
	if err != nil || got.Name != p.Name || got.Phone != p.Phone || got.Message != p.Message {
		t.Fatalf("open: %+v %v", got, err)
	}
	if _, err := ring.OpenPersonal(sealed, id, "CCCC-AAAA-AAAA"); err == nil {
		t.Fatal("a blob opened under another request's code")
	}
	// After a rotation the old key only opens; the new one seals.
	rotated, err := NewKeyring(k2, k1)
	if err != nil {
		t.Fatal(err)
	}
	if rotated.CurrentID() == id {
		t.Fatal("new key has the old id")
	}
	if _, err := rotated.OpenPersonal(sealed, id, "AAAA-AAAA-AAAA"); err != nil {
		t.Fatalf("old blob under rotated ring: %v", err)
	}
	fresh, _ := NewKeyring(k2)
	if _, err := fresh.OpenPersonal(sealed, id, "AAAA-AAAA-AAAA"); err != ErrUnknownKey {
		t.Fatalf("without the old key: %v", err)
	}
	if bytes.Equal(ring.PhoneMAC("13812345678"), rotated.PhoneMAC("13812345678")) {
		t.Fatal("phone MAC does not depend on the key")
	}
	for _, bad := range []string{"", "short", base64.StdEncoding.EncodeToString(make([]byte, 16)), "!!!!"} {
		if _, err := NewKeyring(bad); err == nil {
			t.Errorf("key %q accepted", bad)
		}
	}
}

func TestStateMachine(t *testing.T) {
	cases := []struct {
		from Status
		act  Action
		to   Status
		ok   bool
	}{
		{Submitted, ActAccept, Accepted, true}, {Submitted, ActSchedule, Scheduled, true},
		{Accepted, ActDone, Done, true}, {Scheduled, ActDone, Done, true}, {Scheduled, ActReschedule, Scheduled, true},
		{Submitted, ActDecline, Declined, true}, {Accepted, ActWithdraw, Withdrawn, true},
		{Submitted, ActDone, "", false}, {Submitted, ActReschedule, "", false},
		{Done, ActReply, "", false}, {Withdrawn, ActAccept, "", false}, {Declined, ActWithdraw, "", false},
	}
	for _, c := range cases {
		to, ok := Next(c.from, c.act)
		if ok != c.ok || (ok && to != c.to) {
			t.Errorf("%s --%s--> %s %v, want %s %v", c.from, c.act, to, ok, c.to, c.ok)
		}
	}
}

func TestCheckInput(t *testing.T) {
	areas := map[string]bool{"labour": true}
	isArea := func(s string) bool { return areas[s] }
	resolve := func(s string) string {
		if strings.Contains(s, "欠薪") {
			return "labour"
		}
		return ""
	}
	good := Input{Type: "consultation", Name: " 李四 ", Phone: "+86 138-1234-5678", Matter: "被欠薪了", Message: "老板不发工资\n怎么办", Consent: true}
	c, err := Check(good, isArea, resolve)
	if err != nil || c.Name != "李四" || c.Phone != "13812345678" || c.Matter != "labour" || c.MatterText != "被欠薪了" {
		t.Fatalf("%+v %v", c, err)
	}
	bad := []struct {
		field string
		edit  func(*Input)
	}{
		{"type", func(i *Input) { i.Type = "divorce" }},
		{"name", func(i *Input) { i.Name = "" }},
		{"name", func(i *Input) { i.Name = strings.Repeat("名", MaxName+1) }},
		{"name", func(i *Input) { i.Name = "a\x00b" }},
		{"name", func(i *Input) { i.Name = "a\nb" }},
		{"name", func(i *Input) { i.Name = "abc\u202Eevil" }},
		{"name", func(i *Input) { i.Name = string([]byte{0xff, 0xfe}) }},
		{"phone", func(i *Input) { i.Phone = "0755-83001234" }},
		{"phone", func(i *Input) { i.Phone = "1381234567' OR 1=1" }},
		{"phone", func(i *Input) { i.Phone = "12345678901" }},
		{"matter", func(i *Input) { i.Matter = strings.Repeat("x", MaxMatter+1) }},
		{"message", func(i *Input) { i.Message = "" }},
		{"message", func(i *Input) { i.Message = strings.Repeat("字", MaxMessage+1) }},
		{"slot", func(i *Input) { i.Slot = "2026-10-12T09:00:00+08:00" }},
		{"consent", func(i *Input) { i.Consent = false }},
		{"website", func(i *Input) { i.Website = "http://spam" }},
	}
	for _, b := range bad {
		in := good
		b.edit(&in)
		_, err := Check(in, isArea, resolve)
		fe, ok := err.(*FieldError)
		if !ok || fe.Field != b.field {
			t.Errorf("%+v: %v, want an error on %s", in, err, b.field)
		}
	}
	appt := good
	appt.Type, appt.Message = "appointment", ""
	if _, err := Check(appt, isArea, resolve); err == nil || err.(*FieldError).Field != "slot" {
		t.Errorf("appointment without a slot: %v", err)
	}
	appt.Slot = "tomorrow 9am"
	if _, err := Check(appt, isArea, resolve); err == nil || err.(*FieldError).Field != "slot" {
		t.Errorf("appointment with a bad slot: %v", err)
	}
	// Markup is text like any other: stored as received, escaped where shown.
	xss := good
	xss.Name = `<img src=x onerror=alert(1)>`
	if c, err := Check(xss, isArea, resolve); err != nil || c.Name != xss.Name {
		t.Errorf("markup in a name: %+v %v", c, err)
	}
}

func shanghai(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, directory.Shanghai)
	if err != nil {
		panic(err)
	}
	return t
}

// 2026: National Day holiday 1–7 October (Thu 1 Oct … Wed 7 Oct), make-up working days Sun 20 Sep and Sat
// 10 Oct; the calendar here is those rows as the holidays table holds them.
func TestSlotsFollowHolidaysAndMakeUpDays(t *testing.T) {
	weekday := []directory.Span{{Open: 9 * 60, Close: 12 * 60}, {Open: 14 * 60, Close: 17 * 60}}
	h := directory.Hours{Weekly: [7][]directory.Span{weekday, weekday, weekday, weekday, weekday, nil, nil}}
	cal := directory.Holidays{"2026-10-01": directory.Holiday, "2026-10-02": directory.Holiday, "2026-10-05": directory.Holiday,
		"2026-10-06": directory.Holiday, "2026-10-07": directory.Holiday, "2026-10-10": directory.Workday}
	s := Settings{SlotMinutes: 30, Capacity: 2}
	now := shanghai("2026-09-30 16:10")
	got := Slots(h, cal, s, shanghai("2026-09-30 00:00"), 12, now)
	perDay := map[string]int{}
	for _, x := range got {
		if !x.After(now) {
			t.Fatalf("slot %s is not after now", x)
		}
		perDay[x.In(directory.Shanghai).Format("2006-01-02")]++
	}
	want := map[string]int{
		"2026-09-30": 1,  // 16:30 only: 16:00 has begun
		"2026-10-08": 12, // Thursday after the holiday
		"2026-10-09": 12,
		"2026-10-10": 12, // Saturday, make-up working day
		"2026-10-12": 0,  // Monday, but beyond the 12 days asked for (30 Sep … 11 Oct)
	}
	for day, n := range want {
		if perDay[day] != n {
			t.Errorf("%s: %d slots, want %d", day, perDay[day], n)
		}
	}
	for _, closed := range []string{"2026-10-01", "2026-10-02", "2026-10-03", "2026-10-05", "2026-10-07", "2026-10-11"} {
		if perDay[closed] != 0 {
			t.Errorf("%s (holiday or weekend): %d slots", closed, perDay[closed])
		}
	}
	if !Offered(h, cal, s, shanghai("2026-10-10 09:30"), now) || Offered(h, cal, s, shanghai("2026-10-01 09:30"), now) ||
		Offered(h, cal, s, shanghai("2026-10-08 09:10"), now) || Offered(h, cal, s, shanghai("2026-09-30 16:00"), now) ||
		Offered(h, cal, s, shanghai("2026-10-08 11:45"), now) {
		t.Error("Offered disagrees with the calendar")
	}
	taken := map[time.Time]int{shanghai("2026-10-08 09:00").UTC(): 2, shanghai("2026-10-08 09:30").UTC(): 1}
	free := Free(Slots(h, cal, s, shanghai("2026-10-08 00:00"), 1, now), s, taken)
	if len(free) != 11 || !free[0].Start.Equal(shanghai("2026-10-08 09:30")) || free[0].Free != 1 || free[1].Free != 2 {
		t.Errorf("free slots: %+v", free[:2])
	}
}
