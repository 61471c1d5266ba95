package placedb

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/store"
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

// Nearest is answered from a spatial index in distance order (KNN), with filters too; with one kind asked
// for, from the (kind, geography) index, which walks only that kind. With a radius the planner may as well
// take the places within it from the index and sort them: either way through an index of the geography.
func TestNearestPlanUsesTheSpatialIndex(t *testing.T) {
	storetest.PlanRows(t)
	yes := true
	for _, f := range []store.Filter{
		{}, {Kinds: []string{"notary"}}, {PracticeAreas: []string{"labour"}}, {Languages: []string{"en"}, Free: &yes},
		{Kinds: []string{"law_firm"}, PracticeAreas: []string{"medical"}}, {Kinds: []string{"notary", "forensic"}},
	} {
		q := NearestQuery{Point: orb.Point{114.05, 22.54}, Filter: f, Limit: 10}
		sql, args := nearestStatement(q, 23)
		plan := storetest.Explain(t, sql, args...)
		index := "_geog_idx "
		if len(f.Kinds) == 1 {
			index = "providers_kind_geog_idx "
		}
		if !strings.Contains(plan, "Index Scan using ") || !strings.Contains(plan, index) ||
			!strings.Contains(plan, "Order By: ((geom)::geography <-> ") || strings.Contains(plan, "Sort") {
			t.Errorf("filters %+v: not ordered by the index (%s):\n%s", f, index, plan)
		}
		q.Radius = 2000
		sql, args = nearestStatement(q, 23)
		plan = storetest.Explain(t, sql, args...)
		if !strings.Contains(plan, "_geog_idx") || strings.Contains(plan, "Seq Scan on providers") {
			t.Errorf("radius, filters %+v: not through a geography index:\n%s", f, plan)
		}
	}
}
