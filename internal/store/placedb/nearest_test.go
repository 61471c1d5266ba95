package placedb_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/store/placedb"
	"legalmap/internal/store/storetest"
)

// Nearest gives the brute force's answer, ids in order (ties within a metre in either order), for query
// points all over the layout and next to its traps, with kind and practice-area filters, radii, and a
// Keep that rejects nine places in ten; without Keep mostly in one statement.
func TestNearestMatchesBruteForce(t *testing.T) {
	nearestRows(t)
	db, count := countingPool(t)
	r := rand.New(rand.NewPCG(5, 8))
	perAnswer := map[int64]int{}
	for i := 0; i < 540; i++ {
		q := placedb.NearestQuery{Point: queryPoint(r, i), Limit: 1 + r.IntN(50)}
		switch i % 6 {
		case 1:
			q.Filter.Kinds = []string{"notary"}
		case 2:
			q.Filter.PracticeAreas = []string{[]string{"labour", "medical"}[r.IntN(2)]}
			q.Filter.Kinds = []string{"law_firm"}
		case 3:
			q.Radius = math.Exp(math.Log(100) + r.Float64()*math.Log(300)) // 100 m to 30 km
		case 4:
			q.Keep = keepOpen
		case 5:
			q.Keep, q.Radius = keepOpen, 200+r.Float64()*5000
		}
		before := count.n.Load()
		got, err := placedb.Nearest(context.Background(), db, q)
		if err != nil {
			t.Fatal(err)
		}
		if q.Keep == nil {
			n := count.n.Load() - before
			perAnswer[n]++
			if n > 3 {
				t.Errorf("%s: %d statements for one answer", describe(q), n)
			}
		}
		want := bruteNearest(t, q, 10000)
		if q.Keep != nil {
			kept := want[:0]
			for _, b := range want {
				if strings.HasSuffix(b.name, openMark) {
					kept = append(kept, b)
				}
			}
			want = kept
		}
		want = want[:min(q.Limit, len(want))]
		sameAnswer(t, describe(q), got, want)
	}
	t.Logf("statements per answer without Keep: %v", perAnswer)
	if perAnswer[1] < 300 || perAnswer[2] < 5 {
		t.Errorf("statements per answer %v: most answers should take one, and the places bunched at one distance a second", perAnswer)
	}
}

// queryPoint spreads the query points over the layout, and puts over half next to a trap: west of the
// east-west cluster and south of the north-south one, on and near the shared coordinates, between the
// clusters at 60°N and at the equator, in the far south, by the pole, and in the cities at other latitudes.
func queryPoint(r *rand.Rand, i int) orb.Point {
	jitter := func(c orb.Point, d float64) orb.Point {
		return orb.Point{c[0] + d*(2*r.Float64()-1), c[1] + d*(2*r.Float64()-1)}
	}
	switch i % 9 {
	case 0:
		return jitter(orb.Point{eastWest[0] - 0.03, eastWest[1]}, 0.02)
	case 1:
		return jitter(orb.Point{northSouth[0], northSouth[1] - 0.025}, 0.02)
	case 2:
		if r.IntN(2) == 0 {
			return samePoint
		}
		return jitter(samePoint2, 0.002)
	case 3:
		return jitter(farSouth, 0.2)
	case 4:
		if r.IntN(3) == 0 {
			return jitter(nearPole, 0.02)
		}
	case 5:
		c := jitter(north60, 0.01)
		return orb.Point{north60[0] + 2*(c[0]-north60[0]), c[1]} // ±1.1 km either way
	case 6:
		return jitter(equator, 0.009)
	case 7:
		return jitter(cities[r.IntN(len(cities))], 0.12)
	}
	return jitter(orb.Point{120.6, 22.65}, 0.35)
}

func describe(q placedb.NearestQuery) string {
	return fmt.Sprintf("point %v limit %d kinds %v areas %v radius %.0f keep %v",
		q.Point, q.Limit, q.Filter.Kinds, q.Filter.PracticeAreas, q.Radius, q.Keep != nil)
}

// sameAnswer compares an answer with the brute force's: the same length, the same distances (to the
// centimetre: the two compute the same geodesic) and the same ids in order, where two places within a
// metre of each other may come in either order.
func sameAnswer(t *testing.T, what string, got []placedb.Nearby, want []brute) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d places, brute force %d", what, len(got), len(want))
	}
	seen := map[string]bool{}
	for j := range got {
		if seen[got[j].ID] {
			t.Fatalf("%s: %s twice", what, got[j].ID)
		}
		seen[got[j].ID] = true
		if math.Abs(got[j].Metres-want[j].metres) > 0.01 {
			t.Fatalf("%s #%d: %s at %.3f m, brute force %s at %.3f m", what, j, got[j].ID, got[j].Metres, want[j].id, want[j].metres)
		}
		if got[j].ID == want[j].id {
			continue
		}
		tie := false
		for _, w := range want {
			tie = tie || (w.id == got[j].ID && math.Abs(w.metres-want[j].metres) <= 1)
		}
		if !tie {
			t.Fatalf("%s #%d: %s at %.3f m, brute force %s", what, j, got[j].ID, got[j].Metres, want[j].id)
		}
	}
}

// Places on the same coordinates are the same distance away: the answer takes those with the smallest
// ids, in order, exactly as the brute force does, whether the point asked about is on them or beside
// them, although the index meets them in no particular order.
func TestNearestTiesByID(t *testing.T) {
	nearestRows(t)
	db := storetest.Pool(t)
	for _, p := range []orb.Point{samePoint, {samePoint[0] - 0.0003, samePoint[1]}, {samePoint[0], samePoint[1] + 0.0003}} {
		for _, k := range []int{1, 7, 25} {
			q := placedb.NearestQuery{Point: p, Limit: k}
			got, err := placedb.Nearest(context.Background(), db, q)
			if err != nil {
				t.Fatal(err)
			}
			want := bruteNearest(t, q, k)
			if len(got) != len(want) {
				t.Fatalf("%v k %d: %d places, brute force %d", p, k, len(got), len(want))
			}
			for j := range got {
				if got[j].ID != want[j].id || math.Abs(got[j].Metres-want[j].metres) > 0.01 {
					t.Fatalf("%v k %d #%d: %s at %.3f m, brute force %s at %.3f m", p, k, j, got[j].ID, got[j].Metres, want[j].id, want[j].metres)
				}
			}
		}
	}
}
