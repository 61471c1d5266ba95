package importdb_test

import (
	"encoding/json"
	"testing"

	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
)

// A staged place's creation diff is store.AuditDiff's: its non-empty fields, old null.
func TestStagedProviderCreateDiff(t *testing.T) {
	yes := true
	p := importdb.StagedProvider{Name: "甲律所", Lng: 114.05, Lat: 22.54, Phones: []string{"0755"}, Hours: []byte(`{}`), Free: &yes, Status: "active"}
	p.Prepare()
	var d map[string]store.FieldChange
	if err := json.Unmarshal(p.CreateDiff, &d); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"name", "geom", "phones", "free", "status"} {
		if c, ok := d[f]; !ok || string(c.Old) != "null" {
			t.Errorf("%s: %+v (in diff: %v), want old null", f, c, ok)
		}
	}
	if len(d) != 5 {
		t.Errorf("diff has %d fields, want 5 (empty ones left out): %s", len(d), p.CreateDiff)
	}
}
