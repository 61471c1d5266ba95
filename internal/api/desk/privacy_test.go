package desk_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/hex"
	"os/exec"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/requests"
	"legalmap/internal/store/requestdb"
	"legalmap/internal/store/storetest"
)

// encodings are the forms a personal value could hide in: as text, UTF-16, GB18030, hex and base64.
func encodings(s string) [][]byte {
	gb, _ := simplifiedchinese.GB18030.NewEncoder().String(s)
	u16 := utf16.Encode([]rune(s))
	le := make([]byte, 0, 2*len(u16))
	for _, c := range u16 {
		le = append(le, byte(c), byte(c>>8))
	}
	out := [][]byte{[]byte(s), []byte(gb), le, []byte(hex.EncodeToString([]byte(s))), []byte(strings.ToUpper(hex.EncodeToString([]byte(s))))}
	for _, e := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding} {
		out = append(out, []byte(e.EncodeToString([]byte(s))))
	}
	return out
}

// A dump of the database (pg_dump, and every column of the request tables read as text) holds no name, phone
// or message of a request in any of the encodings above; the staff reply neither.
func TestDatabaseDumpShowsNoPersonalFields(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "legal_aid")
	staff := apitest.NewUser(t, auth.Staff, place)
	const name, message, matter, reply = "欧阳娜娜Canary", "我的秘密留言QX7", "邻里纠纷私密Z9", "请周一带材料QZ8"
	phone := freshPhone()
	code, b, receipt := submit(t, d.URL, map[string]any{"provider_id": place, "type": "legal_aid_application", "name": name,
		"phone": phone, "matter": matter, "message": message, "consent": true})
	if code != 201 {
		t.Fatalf("create: %d %s", code, b)
	}
	for _, act := range []map[string]string{{"action": "accept"}, {"action": "reply", "reply": reply}} {
		if resp, body := apitest.As(t, staff, apitest.Request{Method: "POST", URL: apitest.AdminURL(d.URL, "/requests/"+receipt+"/actions"), Body: apitest.JSONBody(act)}); resp.StatusCode != 200 {
			t.Fatalf("%v: %d %s", act, resp.StatusCode, body)
		}
	}
	secrets := []string{name, phone, phone[3:], message, matter, reply}

	var raw bytes.Buffer
	for _, q := range []string{`SELECT r::text FROM requests r`, `SELECT e::text FROM request_events e`,
		`SELECT encode(sealed, 'escape') FROM requests WHERE sealed IS NOT NULL`} {
		rows, err := storetest.Pool(t).Query(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			raw.WriteString(s + "\n")
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	dump, err := exec.CommandContext(ctx, "pg_dump", "--data-only", "--table=requests", "--table=request_events", storetest.URL()).Output()
	if err != nil {
		t.Fatalf("pg_dump: %v", err)
	}
	if !bytes.Contains(dump, []byte(receipt)) || !strings.Contains(raw.String(), receipt) {
		t.Fatal("the dump does not hold the request at all: the test would prove nothing")
	}
	for _, s := range secrets {
		for _, enc := range encodings(s) {
			if bytes.Contains(dump, enc) || bytes.Contains(raw.Bytes(), enc) {
				t.Errorf("%q (as %q) appears in the database dump", s, enc)
			}
		}
	}
	for _, line := range strings.Split(string(dump), "\n") {
		if strings.Contains(line, receipt) {
			t.Logf("the request's row in the dump: %.300s…", line)
		}
	}
	t.Logf("pg_dump of requests + request_events: %d bytes, %d personal values × %d encodings searched, 0 found",
		len(dump), len(secrets), len(encodings(name)))
}

// Closed requests lose their personal fields after the retention period, by the server's periodic purge
// (its clock moved, its tick handed in) and the counts stay; open ones keep theirs.
func TestPurgeAfterRetention(t *testing.T) {
	d := deskServer(t, map[string]string{"REQUEST_RETENTION": "30d"}, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "community_adviser")
	phoneOld, phoneOpen := freshPhone(), freshPhone()
	_, _, closed := submit(t, d.URL, consultation(place, phoneOld))
	_, _, open := submit(t, d.URL, consultation(place, phoneOpen))
	if resp, body := citizen(t, d.URL, closed, "withdraw", phoneOld[7:]); resp.StatusCode != 200 {
		t.Fatalf("withdraw: %d %s", resp.StatusCode, body)
	}
	ticks := make(chan time.Time)
	ran := make(chan int64)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go d.srv.RunRequestPurge(ctx, ticks, func(n int64, err error) {
		if err != nil {
			t.Error(err)
		}
		ran <- n
	})
	purge := func(now time.Time) int64 {
		d.clock.Set(now)
		ticks <- now
		return <-ran
	}
	// The withdrawal was stamped by the database's clock (now); retention counts from there.
	if n := purge(time.Now().Add(29 * 24 * time.Hour)); n != 0 {
		t.Fatalf("before the retention ends: %d erased", n)
	}
	if n := purge(time.Now().Add(31 * 24 * time.Hour)); n < 1 {
		t.Fatalf("after the retention: %d erased", n)
	}
	var sealed []byte
	var erased *time.Time
	storetest.Pool(t).QueryRow(context.Background(), `SELECT sealed, erased_at FROM requests WHERE code = $1`, closed).Scan(&sealed, &erased) //nolint:errcheck
	if sealed != nil || erased == nil {
		t.Fatalf("closed request after purge: sealed %d bytes, erased %v", len(sealed), erased)
	}
	if resp, _ := citizen(t, d.URL, closed, "status", phoneOld[7:]); resp.StatusCode != 404 {
		t.Errorf("status of an erased request: %d", resp.StatusCode)
	}
	if resp, body := citizen(t, d.URL, open, "status", phoneOpen[7:]); resp.StatusCode != 200 {
		t.Errorf("open request after purge: %d %s", resp.StatusCode, body)
	}
	counts, err := requestdb.RequestCounts(context.Background(), storetest.Pool(t), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range counts {
		if c.ProviderID == place {
			n += c.Count
		}
	}
	if n != 2 {
		t.Errorf("counts of the place after purge: %d, want 2", n)
	}
}

// Rotating the key re-encrypts every request (of the package's database: all under testKey); afterwards
// the old key is no longer needed, and the per-phone cap finds the phone under the new key's MAC.
func TestRotateKey(t *testing.T) {
	d := deskServer(t, nil, at("2026-10-08 10:00"))
	place := newPlace(t, d.URL, "law_firm")
	phone := freshPhone()
	_, _, receipt := submit(t, d.URL, consultation(place, phone))
	newKey := requests.NewKeyText()
	ring, err := requests.NewKeyring(newKey, testKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := storetest.Pool(t)
	n, err := requestdb.Rekey(context.Background(), pool, ring.CurrentID(), func(r requestdb.SealedRow) ([]byte, []byte, error) {
		return ring.Reseal(r.Code, r.Sealed, r.KeyID)
	})
	if err != nil || n < 1 {
		t.Fatalf("rekey: %d %v", n, err)
	}
	var left int
	pool.QueryRow(context.Background(), `SELECT count(*) FROM requests WHERE sealed IS NOT NULL AND key_id <> $1`, ring.CurrentID()).Scan(&left) //nolint:errcheck
	if left != 0 {
		t.Fatalf("%d requests still under an old key", left)
	}
	only := deskServer(t, map[string]string{"REQUEST_KEY": newKey}, at("2026-10-08 10:00"))
	if resp, body := citizen(t, only.URL, receipt, "status", phone[7:]); resp.StatusCode != 200 {
		t.Fatalf("status under the new key alone: %d %s", resp.StatusCode, body)
	}
	if resp, body := citizen(t, d.URL, receipt, "status", phone[7:]); resp.StatusCode != 503 || apitest.ErrorCode(body) != "request_key" {
		t.Fatalf("the old key alone on a re-encrypted request: %d %s, want 503 request_key", resp.StatusCode, body)
	}
	for i := 0; i < 2; i++ {
		if code, b, _ := submit(t, only.URL, consultation(place, phone)); code != 201 {
			t.Fatalf("request %d: %d %s", i+2, code, b)
		}
	}
	if code, b, _ := submit(t, only.URL, consultation(place, phone)); code != 429 || !strings.Contains(string(b), "too_many_open") {
		t.Errorf("fourth open request of one phone: %d %s", code, b)
	}
}
