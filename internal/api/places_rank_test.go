package api_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"legalmap/internal/api/apitest"
)

type placeAnswer struct {
	Results []struct {
		Type      string   `json:"type"`
		ID        string   `json:"id"`
		Kind      string   `json:"kind"`
		Name      string   `json:"name"`
		Parent    string   `json:"parent"`
		Address   string   `json:"address"`
		DistanceM *float64 `json:"distance_m"`
	} `json:"results"`
}

func getPlaces(t *testing.T, base string, v url.Values) placeAnswer {
	t.Helper()
	resp, body := apitest.Get(t, base+"/api/v1/places?"+v.Encode())
	var a placeAnswer
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &a) != nil {
		t.Fatalf("/places?%s: %d %s", v.Encode(), resp.StatusCode, body)
	}
	return a
}

// Suggestions for a problem word come from the kinds that solve it, nearer first when a location is given,
// each with its street and address: 欠薪 typed in 福田 suggests legal aid and labour lawyers there, not five
// community advisers in name order across the city.
func TestPlaceSuggestionsRankAndShowTheStreet(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	a := getPlaces(t, ts.URL, url.Values{"q": {"欠薪"}, "lat": {"22.5402"}, "lng": {"114.0569"}})
	if len(a.Results) == 0 {
		t.Fatal("欠薪: no suggestion")
	}
	for i, r := range a.Results {
		if r.Type != "provider" || r.Address == "" || r.DistanceM == nil {
			t.Errorf("欠薪 suggestion %d: %+v: want a provider with its address and distance", i, r)
		}
		if (r.ID == ids[fxAlwaysOpen] || r.ID == ids[fxHuashang]) && r.Parent == "" {
			t.Errorf("欠薪 suggestion %d: %s lies in a known street, not shown", i, r.Name)
		}
		if r.Kind != "legal_aid" && r.Kind != "law_firm" {
			t.Errorf("欠薪 suggestion %d is a %s (%s): the kinds that solve it come first", i, r.Kind, r.Name)
		}
	}
	if a.Results[0].ID != ids[fxAlwaysOpen] && a.Results[0].ID != ids[fxHuashang] {
		t.Errorf("欠薪 from 福田: first %s, want the legal aid centre or the labour firm next door", a.Results[0].Name)
	}
	// A name: the place itself, with its street.
	a = getPlaces(t, ts.URL, url.Values{"q": {"华商"}})
	found := false
	for _, r := range a.Results {
		if r.ID == ids[fxHuashang] {
			found = true
			if r.Parent == "" || r.Address != "深圳市福田区深南大道4011号" {
				t.Errorf("华商: street %q, address %q", r.Parent, r.Address)
			}
		}
	}
	if !found {
		t.Errorf("华商: not suggested: %+v", a.Results)
	}
}
