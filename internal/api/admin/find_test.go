package admin_test

import (
	"net/http"
	"net/url"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
)

// Staff find a record by its phone number, written as people write it, in the admin list.
func TestAdminListFindsByPhone(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	ed := apitest.NewUser(t, auth.Editor)
	landline := apitest.CreateRecord(t, ts.URL, ed, map[string]any{"name": "电话查找测试援助站甲", "phones": "0755-83917265"})
	mobile := apitest.CreateRecord(t, ts.URL, ed, map[string]any{"name": "电话查找测试援助站乙", "phones": "13926081735"})
	find := func(q string) []string {
		t.Helper()
		resp, b := apitest.As(t, ed, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/providers?q=" + url.QueryEscape(q)})
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("q=%q: %d %s", q, resp.StatusCode, b)
		}
		var out struct{ Results []apitest.Record }
		apitest.Decode(t, b, &out)
		var ids []string
		for _, r := range out.Results {
			ids = append(ids, r.ID)
		}
		return ids
	}
	for q, want := range map[string]string{
		"0755-83917265": landline.ID, "0755 8391 7265": landline.ID, "(0755)83917265": landline.ID, "83917265": landline.ID,
		"+86 755 8391 7265": landline.ID, "13926081735": mobile.ID, "139-2608-1735": mobile.ID, "+86 139 2608 1735": mobile.ID,
		"2608 1735": mobile.ID,
	} {
		if ids := find(q); len(ids) != 1 || ids[0] != want {
			t.Errorf("q=%q finds %v, want only %s", q, ids, want)
		}
	}
	// Too few digits to be a phone, or not a phone at all: no phone match.
	for _, q := range []string{"7265", "83917265 号"} {
		if ids := find(q); len(ids) != 0 {
			t.Errorf("q=%q finds %v, want none", q, ids)
		}
	}
}
