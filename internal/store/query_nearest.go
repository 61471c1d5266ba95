package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

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
	n := firstRound(q)
	var top nearestK
	var plane knnPlane
	for {
		top = nearestK{q: q}
		read, last, err := nearestCandidates(ctx, db, &top, n)
		if err != nil {
			return nil, err
		}
		plane = last
		if read < n { // every matching place was read
			return top.kept, nil
		}
		if len(top.kept) >= k {
			break
		}
		if n >= maxNearestCandidates {
			return top.kept, nil
		}
		n = readRows(min(4*n, maxNearestCandidates))
	}
	d := top.kept[k-1].Metres
	if !(plane.scale > 0) || math.IsInf(plane.scale, 0) {
		return nil, fmt.Errorf("nearest: knn_scale() is %v, not a positive number", plane.scale)
	}
	if (plane.dist-planarSlack)*minMetresPerUnit(q.Point[1], d, plane.scale) > d {
		return top.kept, nil
	}
	area := radiusCover(q.Point, d, plane.dist, plane.scale)
	if len(area.boxes) == 0 {
		return top.kept, nil
	}
	limit := k
	if q.Keep != nil {
		limit = maxNearestCandidates
	}
	// The boxes may hold places the first round read too; nearestK takes each place once. Rows beyond d
	// (in the pole's box) or beyond the radius rank after the k found within d.
	if err := nearestInArea(ctx, db, &top, area, d, limit); err != nil {
		return nil, err
	}
	return top.kept, nil
}

// firstRound is how many places the first round reads: a few more than k. They make d the true k-th
// distance more often (a smaller second round) and spare the second round altogether for a third of the
// points asked about. On the benchmark's million places, n = k took 25% more database time per answer.
func firstRound(q NearestQuery) int {
	if q.Keep != nil {
		return readRows(3*q.Limit + 16)
	}
	return readRows(q.Limit + q.Limit/2 + 8)
}

// nearestK keeps the q.Limit nearest places offered to it that q.Keep accepts, in answer order: nearest
// first by geodesic distance, ties by id.
type nearestK struct {
	q    NearestQuery
	kept []Nearby
}

// wants tells whether the place at pt with that id would rank among the kept, and its distance. Once k
// are kept, the straight line through the earth (geo.Chord: never longer than the geodesic, a sixth of
// its cost) turns most rows past the k-th away before their geodesic is computed.
func (t *nearestK) wants(pt orb.Point, id string) (float64, bool) {
	if len(t.kept) < t.q.Limit {
		return geo.Distance(t.q.Point, pt), true
	}
	last := &t.kept[len(t.kept)-1]
	if geo.Chord(t.q.Point, pt) > last.Metres+chordSlack {
		return 0, false
	}
	metres := geo.Distance(t.q.Point, pt)
	return metres, metres < last.Metres || metres == last.Metres && id < last.ID
}

// chordSlack covers the rounding of geo.Chord and geo.Distance (micrometres) with room to spare.
const chordSlack = 1e-3

// add keeps pl (which wants accepted) unless it is kept already, dropping the farthest beyond q.Limit.
func (t *nearestK) add(pl Nearby) {
	i, found := slices.BinarySearchFunc(t.kept, pl, func(a, b Nearby) int {
		return cmp.Or(cmp.Compare(a.Metres, b.Metres), strings.Compare(a.ID, b.ID))
	})
	if found {
		return
	}
	t.kept = slices.Insert(t.kept, i, pl)
	if len(t.kept) > t.q.Limit {
		t.kept = t.kept[:t.q.Limit]
	}
}

// offer reads the rows of a statement selecting placeColumns and then extra columns (scanned from every
// row, so holding the last row's values at the end), and adds the nearest to top. A row is decoded whole
// only when it ranks among the kept so far (or Keep must see it): the first round reads more rows than
// it answers with (24 for ten places), and decoding all of them was a fifth of the server's work for a
// nearest answer. It returns the number of rows read and the point of the last.
func (t *nearestK) offer(ctx context.Context, db *pgxpool.Pool, sql string, args []any, extra ...any) (int, orb.Point, error) {
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return 0, orb.Point{}, readErr(err)
	}
	defer rows.Close()
	var pl Place
	full := append(placeFields(&pl), extra...)
	point := slices.Clone(full) // the id, the point and the extra columns; nil skips a column
	for i, f := range full[:len(full)-len(extra)] {
		if f != any(&pl.ID) && f != any(&pl.Lng) && f != any(&pl.Lat) {
			point[i] = nil
		}
	}
	read := 0
	var last orb.Point
	for rows.Next() {
		read++
		if t.q.Keep != nil {
			err = rows.Scan(full...)
		} else {
			err = rows.Scan(point...)
		}
		if err != nil {
			return 0, orb.Point{}, readErr(err)
		}
		last = orb.Point{pl.Lng, pl.Lat}
		metres, ok := t.wants(last, pl.ID)
		if !ok {
			continue
		}
		if t.q.Keep == nil {
			if err := rows.Scan(full...); err != nil {
				return 0, orb.Point{}, readErr(err)
			}
		} else if !t.q.Keep(&pl) {
			continue
		}
		t.add(Nearby{Place: pl, Metres: metres})
	}
	return read, last, readErr(rows.Err())
}

// knnStatement is the first round's statement for q and its arguments: the n nearest matching places in
// the KNN plane, n rounded up to the ladder of readRows. With a radius, the box around the circle (its
// corners carried into the plane) is an index condition (the scan stops at its edge) and ST_DWithin on the
// spheroid is the exact test. It returns the plane's scale (the migration's constant, folded by the
// planner) for Nearest's completeness bound, but not the planar distance of each row: Nearest computes
// the one it needs from the last row's coordinates. Computed in SQL it cost a third of the statement's
// time (pgbench at concurrency 1: 1,540 statements per second with it, 2,380 without).
//
// The limit is written into the text, not passed: with LIMIT $n, and with the filters' "any" tests, the
// server's generic plan is costed for an unknown limit (a tenth of the table) and never chosen, so every
// call was planned afresh, half of the statement's cost. With a constant limit and only the filters set
// (Filter.where), an unfiltered statement is planned once per connection; a filtered one is still
// planned at every call (nearestCandidates), for its kind's own index.
func knnStatement(q NearestQuery, n int) (string, []any) {
	args := []any{q.Point[0], q.Point[1]}
	radius := ""
	if q.Radius > 0 {
		b := RadiusBox(q.Point, q.Radius)
		args = append(args, b.Min[0], b.Min[1], b.Max[0], b.Max[1], q.Radius)
		radius = `
		AND knn_point(p.geom) && ST_MakeBox2D(knn_point($3, $4), knn_point($5, $6))
		AND ST_DWithin(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $7)`
	}
	where, args := q.Filter.where(args)
	return `SELECT ` + placeColumns + `, knn_scale()
		FROM providers p
		WHERE ` + where + radius + `
		ORDER BY knn_point(p.geom) <-> knn_point($1, $2)
		LIMIT ` + strconv.Itoa(readRows(n)), args
}

// readRows rounds n up to the ladder 16, 24, 32, 48, 64, 96, … (each step a half or a third more), so
// that the limits written into statements are few.
func readRows(n int) int {
	r := 16
	for r < n {
		if r&(r-1) == 0 {
			r += r / 2
		} else {
			r = r / 3 * 4
		}
	}
	return r
}

// nearestAreaSQL is the second round (see missedArea), with the filters' condition for %s: the boxes
// ($4..$7: their west, south, east and north edges) are one index condition, which a bitmap scan ORs so
// that only the rows inside them are read from the table; the ellipse ($8 metres, $9 and $10 metres per
// degree of longitude and latitude) is plain arithmetic that spares the spheroid distance for the rows
// beyond it; only the nearest $3 travel back. OFFSET 0 keeps the filters out of the scan: left to itself,
// the planner ANDs the box bitmap with one over the kind index, a scan of a whole kind (450,000 law
// firms) to narrow down a few hundred rows.
const nearestAreaSQL = `SELECT ` + placeColumns + `
		FROM (SELECT * FROM providers p
			WHERE p.geom && ANY (ARRAY(SELECT ST_MakeEnvelope(b.w, b.s, b.e, b.n, 4326)
				FROM unnest($4::float8[], $5::float8[], $6::float8[], $7::float8[]) AS b (w, s, e, n)))
			  AND ($9::float8 * (ST_X(p.geom) - $1)) ^ 2 + ($10::float8 * (ST_Y(p.geom) - $2)) ^ 2 <= $8::float8 ^ 2
			OFFSET 0) p
		WHERE %s
		ORDER BY ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, true), p.id
		LIMIT $3`

// NearestStatement is the first round's statement Nearest runs for q and its arguments ($1 and $2 are the
// point's longitude and latitude), for the benchmark's pgbench comparison and the plan tests.
func NearestStatement(q NearestQuery) (string, []any) { return knnStatement(q, firstRound(q)) }

// knnPlane is what the first round learns of the index's plane: the planar distance of the last place it
// read, and the scale of longitude in that plane.
type knnPlane struct{ dist, scale float64 }

// nearestCandidates reads the n nearest matching places in planar KNN order into top. It returns how many
// it read and the plane as seen from the last.
func nearestCandidates(ctx context.Context, db *pgxpool.Pool, top *nearestK, n int) (int, knnPlane, error) {
	sql, args := knnStatement(top.q, n)
	if top.q.Filter.set() {
		// Planned for its filters at every call: a kind's own KNN index (051) serves only a plan that
		// knows the kind, and the server's generic plan, which it adopts after five calls, does not.
		args = append([]any{pgx.QueryExecModeExec}, args...)
	}
	var plane knnPlane
	read, last, err := top.offer(ctx, db, sql, args, &plane.scale)
	if read > 0 {
		plane.dist = planarDistance(top.q.Point, last, plane.scale)
	}
	return read, plane, err
}

// nearestInArea offers top up to limit matching places in the area (within metres of the point, the
// ellipse's size), nearest first.
func nearestInArea(ctx context.Context, db *pgxpool.Pool, top *nearestK, area missedArea, metres float64, limit int) error {
	sql, args := areaStatement(top.q, area, metres, limit)
	_, _, err := top.offer(ctx, db, sql, args)
	return err
}

func areaStatement(q NearestQuery, area missedArea, metres float64, limit int) (string, []any) {
	n := len(area.boxes)
	w, s, e, nn := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, b := range area.boxes {
		w[i], s[i], e[i], nn[i] = b.Min[0], b.Min[1], b.Max[0], b.Max[1]
	}
	where, args := q.Filter.where([]any{q.Point[0], q.Point[1], limit, w, s, e, nn, metres, area.beta, area.alpha})
	return fmt.Sprintf(nearestAreaSQL, where), args
}
