package api_test

import (
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/auth"
)

// A bureau adds a kind through the admin API (admins only); the public kinds list carries it at once, with
// its colour; a wrong colour or group is refused naming the field.
func TestAdminAddsAKind(t *testing.T) {
	_, ts := adminServer(t, nil)
	admin, viewer := newUser(t, auth.Admin), newUser(t, auth.Viewer)
	kind := map[string]any{"code": "veterans_service", "name_zh": "退役军人法律服务站", "name_en": "Veterans' legal service point",
		"group": "legal_services", "colour": "#0f766e", "symbol": "退", "synonyms": []string{"退役军人"}, "practice_areas": []string{"labour"}}
	if resp, _ := as(t, viewer, request{method: http.MethodPost, url: ts.URL + "/api/v1/admin/kinds", body: jsonBody(kind)}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("viewer: %d", resp.StatusCode)
	}
	if resp, b := as(t, admin, request{method: http.MethodPost, url: ts.URL + "/api/v1/admin/kinds", body: jsonBody(kind)}); resp.StatusCode != http.StatusCreated {
		t.Fatalf("admin: %d %s", resp.StatusCode, b)
	}
	if resp, _ := as(t, admin, request{method: http.MethodPost, url: ts.URL + "/api/v1/admin/kinds", body: jsonBody(kind)}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("twice: %d", resp.StatusCode)
	}
	for field, bad := range map[string]map[string]any{
		"colour":         {"name_zh": "甲", "name_en": "A", "colour": "red"},
		"group":          {"name_zh": "甲", "name_en": "A", "group": "nosuch"},
		"practice_areas": {"name_zh": "甲", "name_en": "A", "practice_areas": []string{"nosuch"}},
	} {
		resp, b := as(t, admin, request{method: http.MethodPut, url: ts.URL + "/api/v1/admin/kinds/veterans_service", body: jsonBody(bad)})
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"field":"`+field+`"`) {
			t.Errorf("%s: %d %s", field, resp.StatusCode, b)
		}
	}
	resp, b := get(t, ts.URL+"/api/v1/kinds")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"code":"veterans_service"`) || !strings.Contains(string(b), `"colour":"#0f766e"`) {
		t.Fatalf("public kinds: %s", b)
	}
	resp, b = as(t, viewer, request{method: http.MethodGet, url: ts.URL + "/api/v1/admin/kinds"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"code":"mediator"`) || !strings.Contains(string(b), "法医物证") {
		t.Fatalf("admin kinds: %d %s", resp.StatusCode, b)
	}
	resp, b = as(t, viewer, request{method: http.MethodGet, url: ts.URL + "/api/v1/admin/attention"})
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(b), `"needs_position"`) {
		t.Fatalf("attention: %d %s", resp.StatusCode, b)
	}
}
