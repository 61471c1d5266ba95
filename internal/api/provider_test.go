package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
)

type detail struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Website    string `json:"website"`
	OpenNow    *bool  `json:"open_now"`
	Today      []any  `json:"today"`
	NextChange *struct {
		At    string `json:"at"`
		Opens bool   `json:"opens"`
	} `json:"next_change"`
	Hours struct {
		Weekly [][]any `json:"weekly"`
	} `json:"hours"`
	Practitioners []struct {
		Name     string `json:"name"`
		Assigned bool   `json:"assigned"`
		FirmName string `json:"firm_name"`
		Schedule *struct {
			Weekly [][]any `json:"weekly"`
			Note   string  `json:"note"`
		} `json:"schedule"`
	} `json:"practitioners"`
	Area *struct {
		Code   string `json:"code"`
		Parent *struct {
			Code string `json:"code"`
		} `json:"parent"`
	} `json:"area"`
	Version int `json:"version"`

	HolidayCalendar string `json:"holiday_calendar"`
}

func getDetail(t *testing.T, base, id string) (detail, *http.Response, []byte) {
	t.Helper()
	resp, body := apitest.Get(t, base+"/api/v1/providers/"+id)
	var d detail
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal(body, &d); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(string(body), canary) {
		t.Fatalf("%s: the private canary leaked", id)
	}
	return d, resp, body
}

func TestProviderDetail(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	d, resp, body := getDetail(t, ts.URL, ids[fxHuashang])
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	if d.Name != "广东华商律师事务所" || d.Website != "https://www.huashang.example/" || len(d.Hours.Weekly) != 7 || d.Version < 1 {
		t.Errorf("detail: %+v", d)
	}
	if d.Area == nil || d.Area.Code != "440304008" || d.Area.Parent == nil || d.Area.Parent.Code != "440304" {
		t.Errorf("area: %+v", d.Area)
	}
	var names []string
	for _, p := range d.Practitioners {
		names = append(names, p.Name)
	}
	if strings.Join(names, ",") != "张伟,李明律" {
		t.Errorf("practitioners %v: want the two active ones, not the withdrawn one", names)
	}
	if d.OpenNow == nil || d.Today == nil || d.NextChange == nil {
		t.Errorf("office hours known: open_now %v, today %v, next_change %v", d.OpenNow, d.Today, d.NextChange)
	}

	adviser, _, _ := getDetail(t, ts.URL, ids[fxAdviser])
	if len(adviser.Practitioners) != 1 || !adviser.Practitioners[0].Assigned || adviser.Practitioners[0].FirmName != "广东华商律师事务所" {
		t.Errorf("adviser point: %+v, want the assigned lawyer and the firm that sends them", adviser.Practitioners)
	} else if s := adviser.Practitioners[0].Schedule; s == nil || s.Note != "每周三下午" || len(s.Weekly) != 7 {
		t.Errorf("the adviser's schedule is not sent in the form of hours: %+v", s)
	}
	if d.HolidayCalendar != "official" && d.HolidayCalendar != "statutory" {
		t.Errorf("holiday_calendar %q", d.HolidayCalendar)
	}

	bad, _, _ := getDetail(t, ts.URL, ids[fxBadLink])
	if bad.Website != "" || bad.Name != "广东<b>测试</b>律师事务所" {
		t.Errorf("javascript: link kept (%q) or name altered (%q)", bad.Website, bad.Name)
	}

	unknown, _, _ := getDetail(t, ts.URL, ids[fxNoHours])
	if unknown.OpenNow != nil || unknown.Today != nil || unknown.NextChange != nil {
		t.Errorf("hours unknown: open_now %v, today %v, next_change %v, want null", unknown.OpenNow, unknown.Today, unknown.NextChange)
	}

	for _, id := range []string{ids[fxClosed], "00000000-0000-0000-0000-000000000000", "not-an-id", "1%27%20OR%201=1"} {
		if _, resp, body := getDetail(t, ts.URL, id); resp.StatusCode != http.StatusNotFound || !strings.Contains(string(body), `"not_found"`) {
			t.Errorf("%s: %d %s, want 404", id, resp.StatusCode, body)
		}
	}
}

// No public answer carries a private field: the canary in internal_note never shows, on any endpoint.
func TestNoPrivateFieldsInPublicAnswers(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	paths := []string{
		"/api/v1/providers/nearest?lat=22.54&lng=114.05&limit=50",
		"/api/v1/providers/search?q=" + "%E5%BE%8B%E5%B8%88&limit=50", // 律师
		"/api/v1/providers/search?q=CANARY",
		"/api/v1/providers/search?q=internal",
		"/api/v1/providers?bbox=114.0,22.5,114.1,22.6&zoom=16",
		"/api/v1/providers?bbox=113.7,22.35,114.67,22.91&zoom=10",
		"/api/v1/kinds", "/api/v1/practice-areas", "/api/v1/areas", "/api/v1/places?q=futian",
	}
	for _, id := range ids {
		paths = append(paths, "/api/v1/providers/"+id)
	}
	for _, p := range paths {
		resp, body := apitest.Get(t, ts.URL+p)
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
		for _, private := range []string{canary, "internal_note", "source_id", "search_doc"} {
			if strings.Contains(string(body), private) {
				t.Errorf("%s: %q in a public answer", p, private)
			}
		}
	}
}
