package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"legalmap/internal/api/apitest"
	"legalmap/internal/store/storetest"
)

func TestKindsWithCounts(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	resp, body := apitest.Get(t, ts.URL+"/api/v1/kinds")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var l struct {
		Results []struct {
			Code   string `json:"code"`
			NameZh string `json:"name_zh"`
			NameEn string `json:"name_en"`
			Group  string `json:"group"`
			Colour string `json:"colour"`
			Symbol string `json:"symbol"`
			Count  *int   `json:"count"`
		} `json:"results"`
		Total int `json:"total"`
	}
	json.Unmarshal(body, &l)
	var inTable int
	storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM kinds`).Scan(&inTable)
	if inTable < 15 || l.Total != inTable || len(l.Results) != inTable || l.Results[0].Code != "law_firm" {
		t.Fatalf("kinds (%d in the table): %s", inTable, body)
	}
	groups := map[string]bool{}
	for _, k := range l.Results {
		groups[k.Group] = true
		if k.Colour == "" || k.Symbol == "" || k.NameZh == "" || k.NameEn == "" {
			t.Errorf("%s: colour %q symbol %q", k.Code, k.Colour, k.Symbol)
		}
	}
	if !groups["legal_services"] || !groups["dispute_resolution"] || !groups["political_legal"] {
		t.Errorf("groups %v", groups)
	}
	for _, k := range l.Results {
		var want int
		storetest.Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM providers WHERE kind = $1 AND status = 'active'`, k.Code).Scan(&want)
		if k.Count == nil || *k.Count != want {
			t.Errorf("%s: count %v, want %d", k.Code, k.Count, want)
		}
	}
	resp, body = apitest.Get(t, ts.URL+"/api/v1/practice-areas")
	if resp.StatusCode != http.StatusOK || !json.Valid(body) {
		t.Fatalf("practice-areas: %d", resp.StatusCode)
	}
}

// Every street has a centre: its own, or its district's.
func TestAreasWithCentres(t *testing.T) {
	ts := apitest.NewServer(t, nil, nil)
	_, body := apitest.Get(t, ts.URL+"/api/v1/areas")
	var l struct {
		Results []struct {
			Code, Level, ParentCode string
			Lat, Lng                *float64
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &l); err != nil {
		t.Fatal(err)
	}
	districts, streets := 0, 0
	centre := map[string][2]float64{}
	for _, a := range l.Results {
		if a.Lat == nil || a.Lng == nil {
			t.Fatalf("%s has no centre", a.Code)
		}
		switch a.Level {
		case "district":
			districts++
			centre[a.Code] = [2]float64{*a.Lat, *a.Lng}
		case "street":
			streets++
		}
	}
	if districts < 9 || streets < 50 {
		t.Errorf("%d districts, %d streets", districts, streets)
	}
}

// "Go to": districts and streets by Chinese name, pinyin and initials, then providers by name.
func TestPlacesLookup(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	first := func(q string) (string, string) {
		_, body := apitest.Get(t, ts.URL+"/api/v1/places?q="+url.QueryEscape(q))
		var l struct {
			Results []struct{ Type, Code, ID string } `json:"results"`
		}
		json.Unmarshal(body, &l)
		if len(l.Results) == 0 {
			return "", ""
		}
		return l.Results[0].Type, l.Results[0].Code + l.Results[0].ID
	}
	for q, want := range map[string]string{"福田": "440304", "福田区": "440304", "futian": "440304", "fu tian": "440304",
		"ft": "440304", "Nanshan": "440305", "粤海": "440305007", "华商律师事务所": ids[fxHuashang]} {
		if _, got := first(q); got != want {
			t.Errorf("places %q: first %q, want %q", q, got, want)
		}
	}
}
