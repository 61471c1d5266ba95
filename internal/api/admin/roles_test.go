package admin_test

import (
	"context"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/auth"
	"legalmap/internal/store/storetest"
)

// fixture builds, afresh for each call, a request to one route that succeeds for a role allowed to call it
// (making the records, runs, accounts and tokens it needs through a setup account).
type fixture func(t *testing.T, base string, setup apitest.User) apitest.Request

// recordSeq numbers the kinds and records the fixtures make.
var recordSeq int

// newRecordID makes a record for a fixture to work on.
func newRecordID(t *testing.T, base string, setup apitest.User) string {
	return apitest.CreateRecord(t, base, setup, nil).ID
}

var fixtures = map[string]fixture{
	"GET /api/v1/admin/session": getAt("/session"),
	"DELETE /api/v1/admin/session": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodDelete, URL: apitest.AdminURL(base, "/session")}
	},
	"GET /api/v1/admin/dashboard": getAt("/dashboard"),
	"GET /api/v1/admin/attention": getAt("/attention"),
	"GET /api/v1/admin/kinds":     getAt("/kinds"),
	"POST /api/v1/admin/kinds": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		recordSeq++
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/kinds"), Body: apitest.JSONBody(map[string]any{
			"code": fmt.Sprintf("role_test_kind_%c", 'a'+rune(recordSeq%26)) + strings.Repeat("x", recordSeq/26), "name_zh": "角色测试", "name_en": "Role test"})}
	},
	"PUT /api/v1/admin/kinds/:code": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodPut, URL: apitest.AdminURL(base, "/kinds/justice_office"), Body: apitest.JSONBody(map[string]any{
			"name_zh": "司法所", "name_en": "Justice office"})}
	},
	"GET /api/v1/admin/imports": getAt("/imports"),
	"GET /api/v1/admin/imports/:id": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		var id int64
		err := storetest.Pool(t).QueryRow(context.Background(), `INSERT INTO import_runs (importer, source, actor, mode, status)
			VALUES ('legal_aid', 'fixture', 'test', 'upsert', 'dry_run') RETURNING id`).Scan(&id)
		if err != nil {
			t.Fatal(err)
		}
		return apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(base, fmt.Sprintf("/imports/%d", id))}
	},
	"POST /api/v1/admin/imports": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		body, ctype := multipartBody(t, "a.csv", []byte(legalAidCSV), map[string]string{"kind": "legal_aid", "dry_run": "true", "source": "roles"})
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/imports"), Body: body, CType: ctype}
	},
	"GET /api/v1/admin/providers": getAt("/providers?q=援助"),
	"GET /api/v1/admin/providers/:id": func(t *testing.T, base string, s apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s))}
	},
	"POST /api/v1/admin/providers": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		recordSeq++
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/providers"), Body: apitest.JSONBody(map[string]any{
			"kind": "notary", "name": fmt.Sprintf("角色测试公证处%d", recordSeq), "lat": 22.54, "lng": 114.05})}
	},
	"PATCH /api/v1/admin/providers/:id": func(t *testing.T, base string, s apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodPatch, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s)), Body: apitest.JSONBody(map[string]any{"version": 1, "description": "changed"})}
	},
	"POST /api/v1/admin/providers/:id/withdraw": func(t *testing.T, base string, s apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s)+"/withdraw"), Body: apitest.JSONBody(map[string]string{"reason": "closed"})}
	},
	"POST /api/v1/admin/providers/:id/restore": func(t *testing.T, base string, s apitest.User) apitest.Request {
		id := newRecordID(t, base, s)
		if resp, _ := apitest.As(t, s, apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/providers/"+id+"/withdraw"), Body: apitest.JSONBody(map[string]string{"reason": "setup"})}); resp.StatusCode != http.StatusOK {
			t.Fatalf("setup withdraw: %d", resp.StatusCode)
		}
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/providers/"+id+"/restore"), Body: apitest.JSONBody(map[string]string{"reason": "reopened"})}
	},
	"POST /api/v1/admin/providers/:id/verify": func(t *testing.T, base string, s apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s)+"/verify"), Body: apitest.JSONBody(map[string]string{})}
	},
	"GET /api/v1/admin/providers/:id/history": func(t *testing.T, base string, s apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(base, "/providers/"+newRecordID(t, base, s)+"/history")}
	},
	"GET /api/v1/admin/changes":  getAt("/changes?action=create"),
	"GET /api/v1/admin/accounts": getAt("/accounts"),
	"POST /api/v1/admin/accounts": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/accounts"), Body: apitest.JSONBody(map[string]string{
			"username": apitest.FreshName("made"), "role": "viewer", "password": apitest.TestPassword})}
	},
	"PATCH /api/v1/admin/accounts/:username": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		u := apitest.NewUser(t, auth.Viewer)
		return apitest.Request{Method: http.MethodPatch, URL: apitest.AdminURL(base, "/accounts/"+u.Name), Body: apitest.JSONBody(map[string]any{"role": "editor"})}
	},
	"GET /api/v1/admin/tokens": getAt("/tokens"),
	"POST /api/v1/admin/tokens": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		u := apitest.NewUser(t, auth.Viewer)
		return apitest.Request{Method: http.MethodPost, URL: apitest.AdminURL(base, "/tokens"), Body: apitest.JSONBody(map[string]string{"username": u.Name, "name": "sync"})}
	},
	"DELETE /api/v1/admin/tokens/:id": func(t *testing.T, base string, _ apitest.User) apitest.Request {
		u := apitest.NewUser(t, auth.Viewer)
		var id int64
		storetest.Pool(t).QueryRow(context.Background(), "SELECT t.id FROM api_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.username = $1", u.Name).Scan(&id) //nolint:errcheck
		return apitest.Request{Method: http.MethodDelete, URL: apitest.AdminURL(base, fmt.Sprintf("/tokens/%d", id))}
	},
}

// policy is the table of who may do what, written out here independently of the route table, so
// a route whose role is loosened in the code fails this test.
var policy = map[string]auth.Role{
	"GET /api/v1/admin/session":                 auth.Anyone,
	"DELETE /api/v1/admin/session":              auth.Anyone,
	"GET /api/v1/admin/dashboard":               auth.Viewer,
	"GET /api/v1/admin/attention":               auth.Viewer,
	"GET /api/v1/admin/kinds":                   auth.Viewer,
	"POST /api/v1/admin/kinds":                  auth.Admin,
	"PUT /api/v1/admin/kinds/:code":             auth.Admin,
	"GET /api/v1/admin/imports":                 auth.Viewer,
	"GET /api/v1/admin/imports/:id":             auth.Viewer,
	"POST /api/v1/admin/imports":                auth.Importer,
	"GET /api/v1/admin/providers":               auth.Viewer,
	"GET /api/v1/admin/providers/:id":           auth.Viewer,
	"POST /api/v1/admin/providers":              auth.Editor,
	"PATCH /api/v1/admin/providers/:id":         auth.Editor,
	"POST /api/v1/admin/providers/:id/withdraw": auth.Editor,
	"POST /api/v1/admin/providers/:id/restore":  auth.Editor,
	"POST /api/v1/admin/providers/:id/verify":   auth.Editor,
	"GET /api/v1/admin/providers/:id/history":   auth.Viewer,
	"GET /api/v1/admin/changes":                 auth.Viewer,
	"GET /api/v1/admin/accounts":                auth.Admin,
	"POST /api/v1/admin/accounts":               auth.Admin,
	"PATCH /api/v1/admin/accounts/:username":    auth.Admin,
	"GET /api/v1/admin/tokens":                  auth.Admin,
	"POST /api/v1/admin/tokens":                 auth.Admin,
	"DELETE /api/v1/admin/tokens/:id":           auth.Admin,
}

func getAt(path string) fixture {
	return func(t *testing.T, base string, _ apitest.User) apitest.Request {
		return apitest.Request{Method: http.MethodGet, URL: apitest.AdminURL(base, path)}
	}
}

// Every admin route the server registered, against no credentials and each role: 401 without
// credentials, success for the roles the table allows, 403 for the rest. The routes are Echo's own list,
// so a route added anywhere under /api/v1/admin without a table row or a fixture fails here.
func TestEveryAdminRouteByRole(t *testing.T) {
	srv, ts := apitest.AdminServer(t, nil)
	table := map[string]string{}
	for _, r := range srv.AdminRoutes() {
		table[r.Method+" "+r.Path] = r.Role
	}
	var keys []string
	for _, r := range srv.Routes() {
		if !strings.HasPrefix(r.Path, "/api/v1/admin") {
			continue
		}
		key := r.Method + " " + r.Path
		if _, ok := table[key]; !ok {
			t.Errorf("%s is registered but not in the admin route table (it has no role)", key)
			continue
		}
		keys = append(keys, key)
	}
	sort.Strings(keys)
	if len(keys) != len(table) {
		t.Fatalf("%d admin routes registered, %d in the table", len(keys), len(table))
	}
	setup := apitest.NewUser(t, auth.Editor)
	users := map[auth.Role]apitest.User{}
	for _, r := range auth.Roles {
		users[r] = apitest.NewUser(t, r)
	}
	cells := 0
	for _, key := range keys {
		if table[key] == "" {
			continue // sign-in: tested on its own
		}
		min, ok := policy[key]
		if !ok {
			t.Errorf("%s has no role in the test's policy", key)
			continue
		}
		if string(min) != table[key] {
			t.Errorf("%s: the route table says %s, the policy %s", key, table[key], min)
		}
		fx, ok := fixtures[key]
		if !ok {
			t.Errorf("%s has no fixture in roles_test.go", key)
			continue
		}
		if resp, body := apitest.Do(t, fx(t, ts.URL, setup)); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s without credentials: %d %s, want 401", key, resp.StatusCode, body)
		}
		for _, role := range auth.Roles {
			resp, body := apitest.As(t, users[role], fx(t, ts.URL, setup))
			cells++
			allowed := role.AtLeast(min)
			switch {
			case allowed && (resp.StatusCode < 200 || resp.StatusCode > 299):
				t.Errorf("%s as %s: %d %s, want success", key, role, resp.StatusCode, body)
			case !allowed && resp.StatusCode != http.StatusForbidden:
				t.Errorf("%s as %s: %d %s, want 403", key, role, resp.StatusCode, body)
			}
		}
	}
	if cells < 4*20 {
		t.Fatalf("only %d route×role cells checked", cells)
	}
}

// The same routes from a browser session: a change without the CSRF token is refused even for an admin;
// reads need none.
func TestSessionChangesNeedCSRF(t *testing.T) {
	srv, ts := apitest.AdminServer(t, nil)
	setup := apitest.NewUser(t, auth.Editor)
	admin := apitest.NewUser(t, auth.Admin)
	b := apitest.SignIn(t, ts.URL, admin)
	for _, r := range srv.AdminRoutes() {
		key := r.Method + " " + r.Path
		if r.Role == "" || r.Role == string(auth.Staff) || key == "DELETE /api/v1/admin/session" {
			continue // staff routes: the admin may not use them; the desk's TestStaffSessionNeedsCSRF checks their CSRF
		}
		req := fixtures[key](t, ts.URL, setup)
		req.Cookies = []*http.Cookie{b.Cookie}
		req.Header = map[string]string{"Origin": ts.URL, "Sec-Fetch-Site": "same-origin"}
		resp, body := apitest.Do(t, req)
		if r.Method == http.MethodGet {
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s with the session: %d %s", key, resp.StatusCode, body)
			}
			continue
		}
		if resp.StatusCode != http.StatusForbidden || apitest.ErrorCode(body) != "csrf" {
			t.Errorf("%s with the session but no CSRF token: %d %s, want 403 csrf", key, resp.StatusCode, body)
		}
		if resp, body := b.In(t, ts.URL, fixtures[key](t, ts.URL, setup)); resp.StatusCode < 200 || resp.StatusCode > 299 {
			t.Errorf("%s with the session and its token: %d %s", key, resp.StatusCode, body)
		}
	}
}
