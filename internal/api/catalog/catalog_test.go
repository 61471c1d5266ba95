package catalog

import (
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/store/vocabdb"
)

// areas is a city with a district that has a box and a centre, a street without either, and a district
// without a box.
func areas() *Catalog {
	c := &Catalog{AreaByCode: map[string]*vocabdb.Area{}, region: geo.Region{MinLng: 113.8, MinLat: 22.4, MaxLng: 114.3, MaxLat: 22.7},
		cityZh: "深圳市", cityEn: "Shenzhen"}
	for _, a := range []vocabdb.Area{
		{Code: "440300", Level: "city", NameZh: "深圳市", Centre: &[2]float64{114.06, 22.54}},
		{Code: "440304", Level: "district", ParentCode: "440300", NameZh: "福田区",
			BBox: &[4]float64{113.98, 22.50, 114.10, 22.59}},
		{Code: "440304001", Level: "street", ParentCode: "440304", NameZh: "园岭街道"},
		{Code: "440304001001", Level: "community", ParentCode: "440304001", NameZh: "红荔社区"},
		{Code: "440305", Level: "district", ParentCode: "440300", NameZh: "南山区",
			BBox: &[4]float64{113.85, 22.45, 114.00, 22.65}},
		{Code: "440399", Level: "district", ParentCode: "", NameZh: "无范围区"},
	} {
		c.AreaByCode[a.Code] = &a
	}
	return c
}

// A street and a community take their district's box; two areas make one box around both; an area whose
// chain holds no box makes no box at all (the search is then not limited by place).
func TestExtent(t *testing.T) {
	c := areas()
	if b := c.Extent([]string{"440304001001"}); b == nil || *b != (orb.Bound{Min: orb.Point{113.98, 22.50}, Max: orb.Point{114.10, 22.59}}) {
		t.Errorf("community: %v, want Futian's box", b)
	}
	if b := c.Extent([]string{"440304", "440305"}); b == nil || *b != (orb.Bound{Min: orb.Point{113.85, 22.45}, Max: orb.Point{114.10, 22.65}}) {
		t.Errorf("two districts: %v, want the box around both", b)
	}
	if b := c.Extent([]string{"440304", "440399"}); b != nil {
		t.Errorf("with an area without a box: %v, want none", b)
	}
	if b := c.Extent(nil); b != nil {
		t.Errorf("no areas: %v, want none", b)
	}
}

// The street is named when known, else the district; an unknown code has neither.
func TestStreetOf(t *testing.T) {
	c := areas()
	for code, want := range map[string]string{"440304001001": "园岭街道", "440304001": "园岭街道", "440304": "福田区", "999": ""} {
		if got := c.StreetOf(code); got != want {
			t.Errorf("StreetOf(%s) = %q, want %q", code, got, want)
		}
	}
}

// A configured region and names win over the loaded ones; a nil catalog (not loaded) gives what is configured.
func TestRegionAndCityNames(t *testing.T) {
	c := areas()
	if got := c.Region(geo.Region{}); got != c.region {
		t.Errorf("unconfigured region: %v, want the loaded %v", got, c.region)
	}
	if got := c.Region(geo.Shenzhen); got != geo.Shenzhen {
		t.Errorf("configured region: %v, want %v", got, geo.Shenzhen)
	}
	if zh, en := c.CityNames("", "Pengcheng"); zh != "深圳市" || en != "Pengcheng" {
		t.Errorf("names: %q %q", zh, en)
	}
	var none *Catalog
	if got := none.Region(geo.Shenzhen); got != geo.Shenzhen {
		t.Errorf("no catalog: %v", got)
	}
	if zh, en := none.CityNames("某市", ""); zh != "某市" || en != "" {
		t.Errorf("no catalog: names %q %q", zh, en)
	}
}

// A centre comes from the area or its nearest ancestor that has one.
func TestCentre(t *testing.T) {
	c := areas()
	if got := c.Centre("440304001"); got == nil || *got != [2]float64{114.06, 22.54} {
		t.Errorf("street: %v, want the city's centre", got)
	}
	if got := c.Centre("nowhere"); got != nil {
		t.Errorf("unknown: %v", got)
	}
}

// Stored hours are read as the importer wrote them, the same text alike each time; unreadable hours are
// unknown (no spans), never an error.
func TestHours(t *testing.T) {
	raw := []byte(`{"weekly":[[{"open":"09:00","close":"12:00"}],[],[],[],[],[],[]]}`)
	want := directory.Span{Open: 9 * 60, Close: 12 * 60}
	for range 2 {
		if h := Hours(raw); len(h.Weekly[0]) != 1 || h.Weekly[0][0] != want || len(h.Weekly[1]) != 0 {
			t.Fatalf("hours read as %+v", h)
		}
	}
	for _, bad := range []string{`{"weekly":"nonsense"}`, `{"weekly":[[{"open":"12:00","close":"09:00"}]]}`, `not json`} {
		h := Hours([]byte(bad))
		for d, spans := range h.Weekly {
			if len(spans) != 0 {
				t.Errorf("unreadable %s: day %d has %v, want unknown", bad, d, spans)
			}
		}
	}
}
