package placedb

import (
	"strings"
	"testing"

	"legalmap/internal/store/storetest"
)

// The map's point query reads the box through the spatial index.
func TestViewportPlanUsesBoxIndex(t *testing.T) {
	storetest.PlanRows(t)
	plan := storetest.Explain(t, viewportPointsSQL, 114.0, 22.5, 114.01, 22.51, []string{}, []string{}, []string{}, nil, 301)
	if !strings.Contains(plan, "providers_geom_idx") {
		t.Errorf("viewport without the spatial index:\n%s", plan)
	}
}
