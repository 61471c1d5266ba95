package admin_test

import (
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
)

// A bureau adds a kind through the admin API (admins only); the public kinds list carries it at once, with
// its colour; a wrong colour or group is refused naming the field.
func TestAdminAddsAKind(t *testing.T) {
	_, ts := apitest.AdminServer(t, nil)
	admin, viewer := apitest.NewUser(t, auth.Admin), apitest.NewUser(t, auth.Viewer)
	kind := map[string]any{"code": "veterans_service", "name_zh": "退役军人法律服务站", "name_en": "Veterans' legal service point",
		"group": "legal_services", "colour": "#0f766e", "symbol": "退", "synonyms": []string{"退役军人"}, "practice_areas": []string{"labour"}}
	if resp, _ := apitest.As(t, viewer, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/kinds", Body: apitest.JSONBody(kind)}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("viewer: %d", resp.StatusCode)
	}
	if resp, b := apitest.As(t, admin, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/kinds", Body: apitest.JSONBody(kind)}); resp.StatusCode != http.StatusCreated {
		t.Fatalf("admin: %d %s", resp.StatusCode, b)
	}
	if resp, _ := apitest.As(t, admin, apitest.Request{Method: http.MethodPost, URL: ts.URL + "/api/v1/admin/kinds", Body: apitest.JSONBody(kind)}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("twice: %d", resp.StatusCode)
	}
	for field, bad := range map[string]map[string]any{
		"colour":         {"name_zh": "甲", "name_en": "A", "colour": "red"},
		"group":          {"name_zh": "甲", "name_en": "A", "group": "nosuch"},
		"practice_areas": {"name_zh": "甲", "name_en": "A", "practice_areas": []string{"nosuch"}},
	} {
		resp, b := apitest.As(t, admin, apitest.Request{Method: http.MethodPut, URL: ts.URL + "/api/v1/admin/kinds/veterans_service", Body: apitest.JSONBody(bad)})
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s", field, resp.StatusCode, b)
		}
	}
	resp, b := apitest.Get(t, ts.URL+"/api/v1/kinds")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"code":"veterans_service"`) || !strings.Contains(string(b), `"colour":"#0f766e"`) {
		t.Fatalf("public kinds: %s", b)
	}
	resp, b = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/kinds"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"code":"mediator"`) || !strings.Contains(string(b), "法医物证") {
		t.Fatalf("admin kinds: %d %s", resp.StatusCode, b)
	}
	resp, b = apitest.As(t, viewer, apitest.Request{Method: http.MethodGet, URL: ts.URL + "/api/v1/admin/attention"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"needs_position"`) {
		t.Fatalf("attention: %d %s", resp.StatusCode, b)
	}
}
