package admin

import (
	"encoding/json"
	"testing"

	"legalmap/internal/api/catalog"
	"legalmap/internal/config"
	"legalmap/internal/geo"
	"legalmap/internal/store/recorddb"
	"legalmap/internal/store/vocabdb"
)

// FuzzRecordFields feeds arbitrary JSON objects to the admin form's field rules. Whatever comes in: no
// panic, every refusal names a field of the input (or the record rule's valid_to), and an accepted
// record keeps its point inside the service region.
func FuzzRecordFields(f *testing.F) {
	for _, seed := range []string{
		`{"name":"福田区法律援助处","phones":"0755-83210000、83210001","lat":22.54,"lng":114.05}`,
		`{"hours":"周一至周五 9:00-12:00,14:00-17:30","free":"是","valid_from":"2026/1/2","valid_to":"20261231"}`,
		`{"hours":{"weekly":[[{"open":"09:00","close":"08:00"}]]},"status":"注销","languages":["粤语","英文"]}`,
		`{"lat":"NaN","lng":"1e400","practice_areas":["离婚","劳动争议纠纷"],"area_code":"440304"}`,
		`{"name":null,"free":[1,2],"credit_code":12345,"website":"javascript:alert(1)"}`,
	} {
		f.Add([]byte(seed))
	}
	a := &admin{cfg: config.Config{ServiceRegion: geo.Shenzhen}}
	cat := &catalog.Catalog{AreaByCode: map[string]*vocabdb.Area{"440304": {Code: "440304"}},
		PracticeAreas: []vocabdb.VocabTerm{{Code: "labour", NameZh: "劳动争议", Synonyms: []string{"欠薪"}}, {Code: "marriage_family", NameZh: "婚姻家庭", Synonyms: []string{"离婚"}}}}
	f.Fuzz(func(t *testing.T, body []byte) {
		var fields map[string]json.RawMessage
		if json.Unmarshal(body, &fields) != nil {
			return
		}
		var r recorddb.Record
		r.Lng, r.Lat = 114.05, 22.54
		var p recordProblems
		a.applyFields(fields, &r, &p, cat)
		for name := range p.errs {
			if _, given := fields[name]; !given && name != "valid_to" && name != "lat" && name != "lng" {
				t.Fatalf("refusal of %q, a field not in the input %s", name, body)
			}
		}
		if len(p.errs) == 0 && !geo.Shenzhen.Contains([2]float64{r.Lng, r.Lat}) {
			t.Fatalf("accepted a point outside the region: %v,%v from %s", r.Lng, r.Lat, body)
		}
	})
}
