package api

import (
	"context"
	"slices"
	"testing"
	"time"

	"legalmap/internal/store/storetest"
)

// A search never waits for the common kinds: the first asks for them and goes on without; the next ones
// get them once the background read of the planner's statistics is done.
func TestCommonKindShares(t *testing.T) {
	ctx := context.Background()
	db := storetest.Pool(t)
	if _, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		SELECT CASE WHEN i % 10 < 6 THEN 'law_firm' WHEN i % 10 < 9 THEN 'community_adviser' ELSE 'notary' END,
			'份额' || i, ST_SetSRID(ST_MakePoint(113.80, 22.75), 4326), 'share-test', i::text
		FROM generate_series(1, 500) i`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // the package's other tests count places in boxes
		if _, err := db.Exec(ctx, `DELETE FROM providers WHERE source = 'share-test'`); err != nil {
			t.Error(err)
		}
	})
	if _, err := db.Exec(ctx, `ANALYZE providers`); err != nil {
		t.Fatal(err)
	}
	k := &kindShares{db: db}
	if got := k.get(); got != nil {
		t.Fatalf("first call: %v, want nothing yet", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for k.get() == nil && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	// The package's other tests may have added places: law firms and community advisers stay common here.
	if got := k.get(); !slices.Contains(got, "law_firm") || !slices.Contains(got, "community_adviser") || slices.Contains(got, "notary") {
		t.Fatalf("after the read: %v, want law_firm and community_adviser (60%% and 30%% of the places), not notary", got)
	}
	if got := commonKinds(map[string]float64{"law_firm": 0.45, "community_adviser": 0.44, "notary": 0.02, "forensic": 0.09}); !slices.Equal(got, []string{"community_adviser", "law_firm"}) {
		t.Errorf("common kinds of 45/44/2/9%%: %v, want community_adviser and law_firm", got)
	}
}
