package store

import (
	"encoding/json"
	"testing"
)

// The one audit diff: changed fields with old and new, empty values alike, the same value spaced as jsonb
// spaces it equal to Go's, and a creation (no old) listing only what is not empty.
func TestAuditDiff(t *testing.T) {
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	old := AuditValues{"name": raw(`"甲律所"`), "phones": raw(`["1", "2"]`), "email": raw(`""`), "hours": raw(`{}`),
		"free": raw(`null`), "geom": raw(`[114.05, 22.54]`), "status": raw(`"active"`)}
	next := AuditValues{"name": raw(`"乙律所"`), "phones": raw(`["1","2"]`), "email": raw(`null`), "hours": raw(`null`),
		"free": raw(`false`), "geom": raw(`[114.05,22.55]`), "status": raw(`"active"`), "website": raw(`[]`)}
	got, err := json.Marshal(AuditDiff(old, next))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"free":{"old":null,"new":false},"geom":{"old":[114.05,22.54],"new":[114.05,22.55]},"name":{"old":"甲律所","new":"乙律所"}}`
	if string(got) != want {
		t.Errorf("diff\n got %s\nwant %s", got, want)
	}
	created, _ := json.Marshal(AuditDiff(nil, next))
	want = `{"free":{"old":null,"new":false},"geom":{"old":null,"new":[114.05,22.55]},"name":{"old":null,"new":"乙律所"},"phones":{"old":null,"new":["1","2"]},"status":{"old":null,"new":"active"}}`
	if string(created) != want {
		t.Errorf("creation\n got %s\nwant %s", created, want)
	}
	if d := AuditDiff(next, next); len(d) != 0 {
		t.Errorf("a record against itself: %v", d)
	}
}
