package api_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"legalmap/internal/api/apitest"
)

// TestCityIsConfiguration: the city's name and region come from the loaded areas unless configured, and
// the outlines of the loaded districts are served for the map's base layer.
func TestCityIsConfiguration(t *testing.T) {
	var cfg struct {
		CityZh string        `json:"city_name_zh"`
		CityEn string        `json:"city_name_en"`
		Bounds [2][2]float64 `json:"bounds"`
		Center [2]float64    `json:"center"`
	}
	_, body := apitest.Get(t, apitest.NewServer(t, nil, nil).URL+"/api/v1/config")
	if err := json.Unmarshal(body, &cfg); err != nil {
		t.Fatal(err)
	}
	// The seeded areas are Shenzhen's: the region is around its districts, the name its city area's.
	if cfg.CityZh != "深圳市" || cfg.CityEn != "Shenzhen" || cfg.Bounds[0][0] > 22.40 || cfg.Bounds[1][1] < 114.62 ||
		!(cfg.Bounds[0][0] < cfg.Center[0] && cfg.Center[0] < cfg.Bounds[1][0]) {
		t.Fatalf("config from the areas: %s", body)
	}
	_, body = apitest.Get(t, apitest.NewServer(t, nil, map[string]string{"CITY_NAME_ZH": "杭州市", "CITY_NAME_EN": "Hangzhou",
		"SERVICE_REGION": "119.9,30.0,120.5,30.5"}).URL+"/api/v1/config")
	if err := json.Unmarshal(body, &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.CityZh != "杭州市" || cfg.CityEn != "Hangzhou" || cfg.Bounds[0][0] != 30.0 || cfg.Center[1] < 119.9 {
		t.Fatalf("configured city: %s", body)
	}

	resp, body := apitest.Get(t, apitest.NewServer(t, nil, nil).URL+"/api/v1/areas/outlines")
	var fc struct {
		Features []struct {
			Properties struct {
				Code        string `json:"code"`
				Approximate bool   `json:"approximate"`
			} `json:"properties"`
		} `json:"features"`
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &fc) != nil || len(fc.Features) != 9 {
		t.Fatalf("outlines: %d %s", resp.StatusCode, body)
	}
	for _, f := range fc.Features {
		if f.Properties.Approximate { // the districts' boundaries ship with the migrations (086), not only boxes
			t.Errorf("%s: marked approximate", f.Properties.Code)
		}
	}
	if resp, _ := apitest.Get(t, apitest.NewServer(t, nil, nil).URL+"/api/v1/areas/outlines?level=province"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("level=province: %d", resp.StatusCode)
	}
}
