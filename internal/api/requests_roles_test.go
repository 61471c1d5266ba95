package api_test

import (
	"net/http"
	"testing"

	"legalmap/internal/auth"
)

// The request routes join the role-by-route test of admin_roles_test.go: staff routes refuse every bureau
// role (403), the bureau's routes refuse staff.
func init() {
	for k, v := range map[string]fixture{
		"GET /api/v1/admin/requests":        getAt("/requests"),
		"GET /api/v1/admin/requests/places": getAt("/requests/places"),
		"GET /api/v1/admin/requests/:code":  getAt("/requests/QQQQ-QQQQ-QQQQ"),
		"POST /api/v1/admin/requests/:code/actions": func(t *testing.T, base string, _ user) request {
			return request{method: http.MethodPost, url: adminURL(base, "/requests/QQQQ-QQQQ-QQQQ/actions"), body: jsonBody(map[string]string{"action": "accept"})}
		},
		"GET /api/v1/admin/request-counts": getAt("/request-counts"),
		"GET /api/v1/admin/request-types":  getAt("/request-types"),
		"PUT /api/v1/admin/request-types/:kind": func(t *testing.T, base string, _ user) request {
			// law_firm's seeded types, set again: the other tests of the package see no change
			return request{method: http.MethodPut, url: adminURL(base, "/request-types/law_firm"), body: jsonBody(map[string]any{"types": []string{"consultation"}})}
		},
		"PUT /api/v1/admin/providers/:id/request-settings": func(t *testing.T, base string, s user) request {
			return request{method: http.MethodPut, url: adminURL(base, "/providers/"+newRecordID(t, base, s)+"/request-settings"),
				body: jsonBody(map[string]int{"slot_minutes": 30, "capacity": 1})}
		},
	} {
		fixtures[k] = v
	}
	for k, v := range map[string]auth.Role{
		"GET /api/v1/admin/requests":                       auth.Staff,
		"GET /api/v1/admin/requests/places":                auth.Staff,
		"GET /api/v1/admin/requests/:code":                 auth.Staff,
		"POST /api/v1/admin/requests/:code/actions":        auth.Staff,
		"GET /api/v1/admin/request-counts":                 auth.Viewer,
		"GET /api/v1/admin/request-types":                  auth.Viewer,
		"PUT /api/v1/admin/request-types/:kind":            auth.Admin,
		"PUT /api/v1/admin/providers/:id/request-settings": auth.Editor,
	} {
		policy[k] = v
	}
}
