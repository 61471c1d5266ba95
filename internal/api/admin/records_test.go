package admin_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

func audits(t *testing.T, id string) int {
	t.Helper()
	var n int
	if err := storetest.Pool(t).QueryRow(context.Background(), "SELECT count(*) FROM changes WHERE record_id = $1", id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func patch(t *testing.T, base string, u apitest.User, id string, fields map[string]any) (*http.Response, []byte) {
	t.Helper()
	return apitest.As(t, u, apitest.Request{Method: http.MethodPatch, URL: base + "/api/v1/admin/providers/" + id, Body: apitest.JSONBody(fields)})
}

func TestRecordEditValidatesAsImporters(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	ed := apitest.NewUser(t, auth.Editor)
	r := apitest.CreateRecord(t, ts.URL, ed, map[string]any{"credit_code": "91440300MA5XXXXXX1", "practice_areas": "离婚、劳动争议、奇怪的词",
		"hours": "周一至周五 9:00-12:00,14:00-17:30"})
	if r.Version != 1 || audits(t, r.ID) != 1 || r.HoursText != "周一至周五 09:00-12:00,14:00-17:30" {
		t.Fatalf("created %+v with %d audit rows", r, audits(t, r.ID))
	}
	if strings.Join(r.PracticeAreas, ",") != "marriage_family,labour" || strings.Join(r.PracticeNotes, ",") != "奇怪的词" {
		t.Errorf("practice areas %v notes %v", r.PracticeAreas, r.PracticeNotes)
	}
	warned := map[string]bool{}
	for _, w := range r.Warnings {
		warned[w.Field] = true
	}
	if !warned["credit_code"] || !warned["practice_areas"] {
		t.Errorf("warnings %+v: want credit_code and practice_areas, as an import would warn", r.Warnings)
	}

	// Refusals name their fields, and a refused write leaves no version and no audit row.
	for _, c := range []struct {
		fields map[string]any
		field  string
	}{
		{map[string]any{"status": "待定"}, "status"},
		{map[string]any{"name": "  "}, "name"},
		{map[string]any{"lat": 114.0579, "lng": 22.5431}, "lat"},   // swapped
		{map[string]any{"lat": 39.9, "lng": 116.4}, "lng"},         // Beijing: outside the region
		{map[string]any{"lat": "NaN", "lng": 114.05}, "lat"},       // not a number
		{map[string]any{"lat": 0, "lng": 0}, "lng"},                // placeholder
		{map[string]any{"area_code": "999999"}, "area_code"},       // unknown area
		{map[string]any{"valid_from": "2026-13-01"}, "valid_from"}, // impossible date
		{map[string]any{"free": "也许"}, "free"},                     // neither yes nor no
		{map[string]any{"colour": "red"}, "colour"},                // unknown field
		{map[string]any{"valid_from": "2026-05-01", "valid_to": "2026-01-01"}, "valid_to"},
	} {
		c.fields["version"] = 1
		resp, b := patch(t, ts.URL, ed, r.ID, c.fields)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"`+c.field+`"`) {
			t.Errorf("%v: %d %s, want 400 naming %s", c.fields, resp.StatusCode, b, c.field)
		}
	}
	if n := audits(t, r.ID); n != 1 {
		t.Fatalf("%d audit rows after refused writes, want 1", n)
	}

	// A good edit: phones read like an import cell, the point moved; one audit row.
	resp, b := patch(t, ts.URL, ed, r.ID, map[string]any{"version": 1, "phones": "0755 8321 0000、83210001", "lat": "22.55", "lng": "114.06"})
	var up apitest.Record
	apitest.Decode(t, b, &up)
	if resp.StatusCode != http.StatusOK || up.Version != 2 || strings.Join(up.Phones, ",") != "0755-83210000,0755-83210001" || up.Lat != 22.55 {
		t.Fatalf("edit: %d %s", resp.StatusCode, b)
	}
	if n := audits(t, r.ID); n != 2 {
		t.Fatalf("%d audit rows after one edit, want 2", n)
	}
	// Saving what is already there writes nothing.
	if resp, b := patch(t, ts.URL, ed, r.ID, map[string]any{"version": 2, "phones": "0755-83210000、0755-83210001"}); resp.StatusCode != http.StatusOK || audits(t, r.ID) != 2 {
		t.Fatalf("no-op edit: %d %s, %d audit rows", resp.StatusCode, b, audits(t, r.ID))
	}
	// The version is required, and kind and source cannot be changed here.
	for _, f := range []map[string]any{{"name": "x"}, {"version": 2, "kind": "notary"}, {"version": 2, "verified_at": "2026-01-01"}} {
		if resp, _ := patch(t, ts.URL, ed, r.ID, f); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("%v: %d, want 400", f, resp.StatusCode)
		}
	}
	// The search document follows the edit in the same transaction.
	var doc string
	storetest.Pool(t).QueryRow(context.Background(), "SELECT search_doc::text FROM providers WHERE id = $1", r.ID).Scan(&doc) //nolint:errcheck
	if !strings.Contains(doc, "援助") {
		t.Errorf("search document %q does not hold the name", doc)
	}
}

func TestStaleVersionGets409WithCurrentRecord(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	ed := apitest.NewUser(t, auth.Editor)
	r := apitest.CreateRecord(t, ts.URL, ed, nil)
	if resp, _ := patch(t, ts.URL, ed, r.ID, map[string]any{"version": 1, "description": "first"}); resp.StatusCode != http.StatusOK {
		t.Fatal("first edit failed")
	}
	resp, b := patch(t, ts.URL, ed, r.ID, map[string]any{"version": 1, "description": "second, from a stale form"})
	var out struct {
		Error  struct{ Code string }
		Record apitest.Record
	}
	apitest.Decode(t, b, &out)
	if resp.StatusCode != http.StatusConflict || out.Error.Code != "version_conflict" || out.Record.Version != 2 || out.Record.ID != r.ID {
		t.Fatalf("stale save: %d %s", resp.StatusCode, b)
	}
	if audits(t, r.ID) != 2 {
		t.Fatalf("%d audit rows, want create + first edit", audits(t, r.ID))
	}
}

// Two editors open the same record and save at once: exactly one save wins, the other gets 409.
func TestTwoEditorsOneRecord(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	a, b := apitest.NewUser(t, auth.Editor), apitest.NewUser(t, auth.Editor)
	r := apitest.CreateRecord(t, ts.URL, a, nil)
	for round := 0; round < 5; round++ {
		var wg sync.WaitGroup
		codes := make([]int, 2)
		start := make(chan struct{})
		for i, u := range []apitest.User{a, b} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				resp, _ := patch(t, ts.URL, u, r.ID, map[string]any{"version": 1 + round, "description": fmt.Sprintf("%s round %d", u.Name, round)})
				codes[i] = resp.StatusCode
			}()
		}
		close(start)
		wg.Wait()
		ok, conflict := 0, 0
		for _, c := range codes {
			switch c {
			case http.StatusOK:
				ok++
			case http.StatusConflict:
				conflict++
			}
		}
		if ok != 1 || conflict != 1 {
			t.Fatalf("round %d: statuses %v, want one 200 and one 409", round, codes)
		}
	}
	if n := audits(t, r.ID); n != 6 {
		t.Fatalf("%d audit rows, want create + 5 winning saves", n)
	}
}

func TestWithdrawRestoreVerify(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	ed := apitest.NewUser(t, auth.Editor)
	r := apitest.CreateRecord(t, ts.URL, ed, nil)
	act := func(action string, body map[string]any) (*http.Response, apitest.Record) {
		resp, b := apitest.As(t, ed, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/providers/" + r.ID + "/" + action, Body: apitest.JSONBody(body)})
		var out apitest.Record
		if resp.StatusCode == http.StatusOK {
			apitest.Decode(t, b, &out)
		}
		return resp, out
	}
	if resp, _ := act("withdraw", map[string]any{}); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("withdraw without a reason: %d", resp.StatusCode)
	}
	if resp, out := act("withdraw", map[string]any{"reason": "机构已注销"}); resp.StatusCode != http.StatusOK || out.Status != "closed" {
		t.Fatalf("withdraw: %d %+v", resp.StatusCode, out)
	}
	if resp, _ := act("withdraw", map[string]any{"reason": "again"}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("second withdraw: %d, want 409", resp.StatusCode)
	}
	if resp, out := act("restore", map[string]any{"reason": "误操作"}); resp.StatusCode != http.StatusOK || out.Status != "active" {
		t.Fatalf("restore: %d %+v", resp.StatusCode, out)
	}
	if resp, out := act("verify", map[string]any{}); resp.StatusCode != http.StatusOK || out.VerifiedAt == nil {
		t.Fatalf("verify: %d %+v", resp.StatusCode, out)
	}
	if resp, _ := act("verify", map[string]any{"version": 1}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("verify with a stale version: %d, want 409", resp.StatusCode)
	}
	if n := audits(t, r.ID); n != 4 {
		t.Fatalf("%d audit rows, want create, withdraw, restore, verify", n)
	}

	// The history answers newest first, with who, why and what.
	resp, b := apitest.As(t, ed, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/providers/" + r.ID + "/history"})
	var h struct {
		Results []struct {
			Action, Actor, Reason, Source string
			Diff                          map[string]struct{ Old, New any }
		}
		Total       int
		TotalCapped *bool `json:"total_capped"`
	}
	apitest.Decode(t, b, &h)
	if resp.StatusCode != http.StatusOK || h.Total != 4 || len(h.Results) != 4 || h.TotalCapped == nil || *h.TotalCapped {
		t.Fatalf("history: %d %s", resp.StatusCode, b)
	}
	got := []string{}
	for _, c := range h.Results {
		got = append(got, c.Action)
	}
	if strings.Join(got, ",") != "verify,restore,withdraw,create" {
		t.Fatalf("history order %v", got)
	}
	w := h.Results[2]
	if w.Actor != ed.Name || w.Reason != "机构已注销" || w.Source != "edit" || w.Diff["status"].Old != "active" || w.Diff["status"].New != "closed" {
		t.Fatalf("withdraw row %+v", w)
	}

	// The change log filters by actor, action and record.
	resp, b = apitest.As(t, ed, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes?action=withdraw&actor=" + ed.Name + "&record=" + r.ID})
	apitest.Decode(t, b, &h)
	if resp.StatusCode != http.StatusOK || h.Total != 1 || h.Results[0].Action != "withdraw" {
		t.Fatalf("filtered change log: %d %s", resp.StatusCode, b)
	}
	for _, bad := range []string{"action=delete", "record=nope", "from=yesterday", "from=2026-02-01&to=2026-01-01", "import_run=-1", "limit=0"} {
		if resp, _ := apitest.As(t, ed, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/changes?" + bad}); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("change log ?%s: %d, want 400", bad, resp.StatusCode)
		}
	}
}
