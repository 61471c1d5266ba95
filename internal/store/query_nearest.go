package store

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// Nearby is a place with its true ground distance from the point asked about.
type Nearby struct {
	Place
	Metres float64 // along the geodesic on the WGS84 spheroid
}

// NearestQuery asks for the places closest to Point (WGS84).
type NearestQuery struct {
	Point  orb.Point
	Filter Filter
	Radius float64 // metres; 0: no limit
	Limit  int
	// Keep, when set, is a further condition decided in Go (open now: the weekly hours and the holiday
	// table are read by the domain, not by SQL). Candidates are fetched until enough are kept.
	Keep func(*Place) bool
}

// maxNearestCandidates bounds the rows the first round reads with Keep, and the rows the second returns
// with Keep. It is reached only when Keep rejects almost everything (open now at 3 a.m.); the answer is
// then the kept places among that many nearest.
const maxNearestCandidates = 4096

// Nearest returns up to q.Limit places closest first by true ground distance (ties by id), the answer a
// brute-force computation over every row gives (ties within millimetres aside).
//
// The GiST index providers_knn_idx orders candidates by planar distance (KNN, `<->`) in the plane of
// knn_point (sql/050_nearest_knn.sql): degrees with longitude scaled by knn_scale(), so that a unit is
// about as long on the ground east-west as north-south in Shenzhen. The planar order is then the ground
// order within a fraction of a per cent there (in plain degrees it was 7% off), but not exactly, and not
// at all far away. So the answer takes two statements at most:
//
//  1. KNN: the n nearest in the plane, re-ranked by geodesic distance. The k-th of them, at d metres, is
//     an upper bound of the true k-th distance (those k places exist). Every place not read is at least
//     p units away in the plane (p: the last one read), so at least p·minMetresPerUnit on the ground;
//     when that exceeds d (strictly: an unseen place at d itself might have the smaller id), nothing
//     unseen can beat or tie the k found, and the answer is complete. In Shenzhen this is the rule:
//     the second round is left for clusters of places on nearly the same spot.
//  2. Otherwise one exact radius query for the places within d metres that the first round may have
//     missed (radiusCover: beyond the planar circle p, inside an ellipse holding the ground circle),
//     nearest first by spheroid distance, k of them. With the first round's places they hold the answer
//     by construction: no widening loop, and work bounded by the places near the circle.
//
// With Keep, the first round widens until k places are kept (or maxNearestCandidates are read), and the
// second applies Keep to its rows.
func Nearest(ctx context.Context, db *pgxpool.Pool, q NearestQuery) ([]Nearby, error) {
	k := q.Limit
	if k <= 0 {
		return []Nearby{}, nil
	}
	// A few more than k: they make d the true k-th distance more often (a smaller second round) and
	// spare the second round altogether for a third of the points asked about. On the benchmark's
	// million places, n = k took 25% more database time per answer.
	n := k + k/2 + 8
	if q.Keep != nil {
		n = 3*k + 16
	}
	var kept []Nearby
	var plane knnPlane
	for {
		cands, last, err := nearestCandidates(ctx, db, q, n)
		if err != nil {
			return nil, err
		}
		kept, plane = q.rank(kept[:0], cands), last
		if len(cands) < n { // every matching place was read
			return firstK(kept, k), nil
		}
		if len(kept) >= k {
			break
		}
		if n >= maxNearestCandidates {
			return kept, nil
		}
		n = min(4*n, maxNearestCandidates)
	}
	d := kept[k-1].Metres
	if !(plane.scale > 0) || math.IsInf(plane.scale, 0) {
		return nil, fmt.Errorf("nearest: knn_scale() is %v, not a positive number", plane.scale)
	}
	if (plane.dist-planarSlack)*minMetresPerUnit(q.Point[1], d, plane.scale) > d {
		return firstK(kept, k), nil
	}
	area := radiusCover(q.Point, d, plane.dist, plane.scale)
	if len(area.boxes) == 0 {
		return firstK(kept, k), nil
	}
	limit := k
	if q.Keep != nil {
		limit = maxNearestCandidates
	}
	more, err := nearestInArea(ctx, db, q, area, d, limit)
	if err != nil {
		return nil, err
	}
	// The boxes may hold places the first round read too.
	seen := make(map[string]bool, len(kept))
	for i := range kept {
		seen[kept[i].ID] = true
	}
	fresh := more[:0]
	for _, pl := range more {
		if !seen[pl.ID] {
			fresh = append(fresh, pl)
		}
	}
	// Rows beyond d (in the pole's box) or beyond the radius rank after the k found within d.
	return firstK(q.rank(kept, fresh), k), nil
}

// rank appends to kept the places of cands that Keep accepts, with their geodesic distance, and returns
// all of kept in answer order: nearest first, ties by id.
func (q NearestQuery) rank(kept []Nearby, cands []Place) []Nearby {
	for i := range cands {
		if q.Keep == nil || q.Keep(&cands[i]) {
			kept = append(kept, Nearby{Place: cands[i], Metres: geo.Distance(q.Point, orb.Point{cands[i].Lng, cands[i].Lat})})
		}
	}
	sort.SliceStable(kept, func(i, j int) bool {
		if kept[i].Metres != kept[j].Metres {
			return kept[i].Metres < kept[j].Metres
		}
		return kept[i].ID < kept[j].ID
	})
	return kept
}

func firstK(kept []Nearby, k int) []Nearby {
	return kept[:min(k, len(kept))]
}

// The KNN statements differ only in the radius condition: with a radius, the box around the circle (its
// corners carried into the plane, $8..$11) is an index condition (the scan stops at its edge) and
// ST_DWithin on the spheroid is the exact test. Both return the plane's scale (the migration's constant,
// folded by the planner) for Nearest's completeness bound, but not the planar distance of each row:
// Nearest computes the one it needs from the last row's coordinates. Computed in SQL it cost a third of
// the statement's time (pgbench at concurrency 1: 1,540 statements per second with it, 2,380 without).
var (
	nearestSQL = `SELECT ` + placeColumns + `, knn_scale()
		FROM providers p
		WHERE ` + filterSQL(3) + `
		ORDER BY knn_point(p.geom) <-> knn_point($1, $2)
		LIMIT $7`
	nearestRadiusSQL = `SELECT ` + placeColumns + `, knn_scale()
		FROM providers p
		WHERE ` + filterSQL(3) + `
		  AND knn_point(p.geom) && ST_MakeBox2D(knn_point($8, $9), knn_point($10, $11))
		  AND ST_DWithin(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $12)
		ORDER BY knn_point(p.geom) <-> knn_point($1, $2)
		LIMIT $7`
	// nearestAreaSQL is the second round (see missedArea): the boxes ($8..$11: their west, south, east
	// and north edges) are one index condition, which a bitmap scan ORs so that only the rows inside
	// them are read from the table; the ellipse ($12 metres, $13 and $14 metres per degree of longitude
	// and latitude) is plain arithmetic that spares the spheroid distance for the rows beyond it; only
	// the nearest $7 travel back. OFFSET 0 keeps the filters out of the scan: left to itself, the planner
	// ANDs the box bitmap with one over the kind index, a scan of a whole kind (450,000 law firms) to
	// narrow down a few hundred rows.
	nearestAreaSQL = `SELECT ` + placeColumns + `
		FROM (SELECT * FROM providers p
			WHERE p.geom && ANY (ARRAY(SELECT ST_MakeEnvelope(b.w, b.s, b.e, b.n, 4326)
				FROM unnest($8::float8[], $9::float8[], $10::float8[], $11::float8[]) AS b (w, s, e, n)))
			  AND ($13::float8 * (ST_X(p.geom) - $1)) ^ 2 + ($14::float8 * (ST_Y(p.geom) - $2)) ^ 2 <= $12::float8 ^ 2
			OFFSET 0) p
		WHERE ` + filterSQL(3) + `
		ORDER BY ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, true), p.id
		LIMIT $7`
)

// NearestSQL is the statement Nearest runs without a radius, for the benchmark's pgbench comparison:
// parameters lng, lat, kinds, practice areas, languages, free, limit.
func NearestSQL() string { return nearestSQL }

// knnPlane is what the first round learns of the index's plane: the planar distance of the last place it
// read, and the scale of longitude in that plane.
type knnPlane struct{ dist, scale float64 }

// nearestCandidates returns up to n matching places in planar KNN order, and the plane as seen from the last.
func nearestCandidates(ctx context.Context, db *pgxpool.Pool, q NearestQuery, n int) ([]Place, knnPlane, error) {
	args := append([]any{q.Point[0], q.Point[1]}, q.Filter.args()...)
	args = append(args, n)
	sql := nearestSQL
	if q.Radius > 0 {
		b := RadiusBox(q.Point, q.Radius)
		args = append(args, b.Min[0], b.Min[1], b.Max[0], b.Max[1], q.Radius)
		sql = nearestRadiusSQL
	}
	var plane knnPlane
	out, err := scanPlaces(ctx, db, sql, args, &plane.scale)
	if len(out) > 0 {
		last := out[len(out)-1]
		plane.dist = planarDistance(q.Point, orb.Point{last.Lng, last.Lat}, plane.scale)
	}
	return out, plane, err
}

// nearestInArea returns up to limit matching places in the area (within metres of the point, the
// ellipse's size), nearest first.
func nearestInArea(ctx context.Context, db *pgxpool.Pool, q NearestQuery, area missedArea, metres float64, limit int) ([]Place, error) {
	n := len(area.boxes)
	w, s, e, nn := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, b := range area.boxes {
		w[i], s[i], e[i], nn[i] = b.Min[0], b.Min[1], b.Max[0], b.Max[1]
	}
	args := append([]any{q.Point[0], q.Point[1]}, q.Filter.args()...)
	args = append(args, limit, w, s, e, nn, metres, area.beta, area.alpha)
	return scanPlaces(ctx, db, nearestAreaSQL, args)
}

// scanPlaces runs a statement selecting placeColumns and then the extra columns, kept from the last row.
func scanPlaces(ctx context.Context, db *pgxpool.Pool, sql string, args []any, extra ...any) ([]Place, error) {
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return nil, readErr(err)
	}
	var out []Place
	var pl Place
	_, err = pgx.ForEachRow(rows, append(placeFields(&pl), extra...), func() error {
		out = append(out, pl)
		return nil
	})
	return out, readErr(err)
}
