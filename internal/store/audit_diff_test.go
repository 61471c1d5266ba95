package store

import (
	"encoding/json"
	"testing"
)

// The one audit diff: changed fields with old and new, empty values alike, the same value spaced as jsonb
// spaces it equal to Go's, and a creation (no old) listing only what is not empty.
func TestAuditDiff(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	old := auditValues{"name": raw(`"甲律所"`), "phones": raw(`["1", "2"]`), "email": raw(`""`), "hours": raw(`{}`),
		"free": raw(`null`), "geom": raw(`[114.05, 22.54]`), "status": raw(`"active"`)}
	next := auditValues{"name": raw(`"乙律所"`), "phones": raw(`["1","2"]`), "email": raw(`null`), "hours": raw(`null`),
		"free": raw(`false`), "geom": raw(`[114.05,22.55]`), "status": raw(`"active"`), "website": raw(`[]`)}
	got, err := json.Marshal(auditDiff(old, next))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"free":{"old":null,"new":false},"geom":{"old":[114.05,22.54],"new":[114.05,22.55]},"name":{"old":"甲律所","new":"乙律所"}}`
	if string(got) != want {
		t.Errorf("diff\n got %s\nwant %s", got, want)
	}
	created, _ := json.Marshal(auditDiff(nil, next))
	want = `{"free":{"old":null,"new":false},"geom":{"old":null,"new":[114.05,22.55]},"name":{"old":null,"new":"乙律所"},"phones":{"old":null,"new":["1","2"]},"status":{"old":null,"new":"active"}}`
	if string(created) != want {
		t.Errorf("creation\n got %s\nwant %s", created, want)
	}
	if d := auditDiff(next, next); len(d) != 0 {
		t.Errorf("a record against itself: %v", d)
	}
}

// A staged place's creation diff is auditDiff's: its non-empty fields, old null.
func TestStagedProviderCreateDiff(t *testing.T) {
	yes := true
	p := StagedProvider{Name: "甲律所", Lng: 114.05, Lat: 22.54, Phones: []string{"0755"}, Hours: []byte(`{}`), Free: &yes, Status: "active"}
	p.Prepare()
	var d map[string]FieldChange
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
