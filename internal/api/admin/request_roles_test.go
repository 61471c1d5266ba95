package admin_test

import (
	"net/http"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
)

// The request routes join the role-by-route test of roles_test.go: staff routes refuse every bureau
// role (403), the bureau's routes refuse staff.
func init() {
	for k, v := range map[string]fixture{
		"GET /api/v1/admin/requests":        getAt("/requests"),
		"GET /api/v1/admin/requests/places": getAt("/requests/places"),
		"GET /api/v1/admin/requests/:code":  getAt("/requests/QQQQ-QQQQ-QQQQ"),
		"POST /api/v1/admin/requests/:code/actions": func(t *testing.T, base string, _ apitest.User) apitest.Request {
			return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/requests/QQQQ-QQQQ-QQQQ/actions"), Body: apitest.JSONBody(map[string]string{"action": "accept"})}
		},
		"GET /api/v1/admin/request-counts": getAt("/request-counts"),
		"GET /api/v1/admin/request-types":  getAt("/request-types"),
		"PUT /api/v1/admin/request-types/:kind": func(t *testing.T, base string, _ apitest.User) apitest.Request {
			// law_firm's seeded types, set again: the other tests of the package see no change
			return apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(base, "/request-types/law_firm"), Body: apitest.JSONBody(map[string]any{"types": []string{"consultation"}})}
		},
		"PUT /api/v1/admin/providers/:id/request-settings": func(t *testing.T, base string, s apitest.User) apitest.Request {
			return apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s)+"/request-settings"),
				Body: apitest.JSONBody(map[string]int{"slot_minutes": 30, "capacity": 1})}
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
