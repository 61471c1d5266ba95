package api

import (
	"context"
	"testing"
	"time"

	"legalmap/internal/store/storetest"
)

// A search never waits for the kind counts: the first asks for them and goes on without; the next ones get
// them once the background count is done, and a later version is counted while the older counts serve.
func TestRecentKindCounts(t *testing.T) {
	db := storetest.Pool(t)
	if _, err := db.Exec(context.Background(), `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('notary', '计数公证处', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'count-test', '1')`); err != nil {
		t.Fatal(err)
	}
	k := &kindCounts{db: db}
	if got := k.recent(1); got != nil {
		t.Fatalf("first call: %v, want nothing yet", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for k.recent(1) == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := k.recent(1); got["notary"] < 1 {
		t.Fatalf("after the count: %v, want the notary counted", got)
	}
	if got := k.recent(2); got["notary"] < 1 {
		t.Errorf("a newer version: %v, want the older counts meanwhile", got)
	}
	if got := commonKinds(map[string]int{"law_firm": 45, "community_adviser": 44, "notary": 2, "forensic": 9}); len(got) != 2 {
		t.Errorf("common kinds of 45/44/2/9: %v, want law_firm and community_adviser", got)
	}
}
