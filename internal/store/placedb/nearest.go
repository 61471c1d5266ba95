package placedb

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
)

// Nearby is a place with its true ground distance from the point asked about.
type Nearby struct {
	Place
	Metres float64 // along the geodesic on the WGS84 spheroid, as PostGIS's ST_Distance reports it
}

// NearestQuery asks for the places closest to Point (WGS84).
type NearestQuery struct {
	Point  orb.Point
	Filter store.Filter
	Radius float64 // metres; 0: no limit
	Limit  int
	// Keep, when set, is a further condition decided in Go (open now: the weekly hours and the holiday
	// table are read by the domain, not by SQL). Candidates are fetched until enough are kept.
	Keep func(*Place) bool
}

// maxKeepCandidates bounds the rows read for a query with Keep. It is reached only when Keep rejects
// almost everything (open now at 3 a.m.); the answer is then the kept places among that many nearest.
const maxKeepCandidates = 4096

// sphereToSpheroid is a lower bound of the spheroid distance over the sphere distance between any two
// points, whatever their latitude.
//
// The spatial index orders places by geography's `<->`, the great-circle distance on a sphere of radius
// R = 6371008.77 m (PostGIS's mean radius) between the points of the same latitude and longitude. Map the
// sphere onto the WGS84 spheroid point for point: a step north-south is stretched by M(φ)/R, a step
// east-west by N(φ)/R, with M and N the spheroid's radii of curvature in the meridian and the prime
// vertical. Both lie between a(1-e²) = 6335439.3 m (M at the equator) and a/√(1-e²) = 6399593.6 m (at the
// poles), so every path, the geodesic included, is at least a(1-e²)/R = 0.994417 times as long on the
// spheroid as its image on the sphere, and the image is no shorter than the great circle. Hence spheroid
// distance ≥ 0.994417 × sphere distance; the constant is rounded down for the rounding of both.
const sphereToSpheroid = 0.9944

// Nearest returns up to q.Limit places closest first by the spheroid distance PostGIS computes (ties by
// id): the answer a full scan ordering every row by ST_Distance gives.
//
// The spatial index (sql/070) yields places in order of distance on the sphere, which differs from the
// spheroid's by up to half a per cent. So a statement reads the n places nearest on the sphere, a margin
// more than asked for, with their spheroid distances, and they are sorted by those. The k-th of them, at
// d metres, is an upper bound of the true k-th distance. Every place not read is at least s metres away on
// the sphere (s: the last one read) and so at least sphereToSpheroid·s on the spheroid: when that exceeds
// d, no place unread can beat or tie the k found and the answer is complete. Otherwise (places bunched at
// nearly the same distance, or Keep rejecting most) the statement is run again for four times as many.
func Nearest(ctx context.Context, db *pgxpool.Pool, q NearestQuery) ([]Nearby, error) {
	k := q.Limit
	if k <= 0 {
		return []Nearby{}, nil
	}
	n := firstRead(q)
	for {
		kept, read, lastSphere, err := nearestRead(ctx, db, q, n)
		if err != nil {
			return nil, err
		}
		switch {
		case read < n: // every matching place was read
			return kept, nil
		case len(kept) == k && sphereToSpheroid*lastSphere > kept[k-1].Metres:
			return kept, nil
		case q.Keep != nil && n >= maxKeepCandidates:
			return kept, nil
		}
		n *= 4
		if q.Keep != nil {
			n = min(n, maxKeepCandidates)
		}
	}
}

// firstRead is how many places the first statement reads: a margin over the limit, with which the bound
// holds at once for places spread as they are in a city; with Keep, enough for one in three to be kept.
func firstRead(q NearestQuery) int {
	if q.Keep != nil {
		return 3*q.Limit + 16
	}
	return q.Limit + q.Limit/2 + 8
}

// nearestRead reads the n matching places nearest to q.Point on the sphere and returns the q.Limit
// nearest on the spheroid of those q.Keep accepts (ties by id), how many rows it read, and the sphere
// distance of the last.
func nearestRead(ctx context.Context, db *pgxpool.Pool, q NearestQuery, n int) ([]Nearby, int, float64, error) {
	sql, args := nearestStatement(q, n)
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return nil, 0, 0, store.Classify(err)
	}
	defer rows.Close()
	var out []Nearby
	var nb Nearby
	var sphere float64
	fields := append(placeFields(&nb.Place), &nb.Metres, &sphere)
	read := 0
	for rows.Next() {
		read++
		if err := rows.Scan(fields...); err != nil {
			return nil, 0, 0, store.Classify(err)
		}
		if q.Keep == nil || q.Keep(&nb.Place) {
			out = append(out, nb)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, 0, store.Classify(err)
	}
	slices.SortFunc(out, func(a, b Nearby) int {
		return cmp.Or(cmp.Compare(a.Metres, b.Metres), strings.Compare(a.ID, b.ID))
	})
	return out[:min(len(out), q.Limit)], read, sphere, nil
}

// nearestStatement is the statement for the n places matching q nearest on the sphere (0: as many as
// Nearest reads first), with their spheroid and sphere distances, and its arguments ($1 and $2 are the
// point's longitude and latitude).
// The limit is written into the text rather than passed, so that the server's plan for the statement is
// made for it; n takes few values (a margin over the page sizes, times four). An unplaced record (no
// point) is never in nearest. The statement holds no SQL comment, so it stays one statement when written
// on one line (the benchmark's pgbench script).
func nearestStatement(q NearestQuery, n int) (string, []any) {
	if n == 0 {
		n = firstRead(q)
	}
	where, args := q.Filter.Where([]any{q.Point[0], q.Point[1]})
	if q.Radius > 0 {
		args = append(args, q.Radius)
		where += "\n\t\tAND ST_DWithin(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $" +
			strconv.Itoa(len(args)) + ", true)"
	}
	return `SELECT ` + placeColumns + `,
			ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, true),
			p.geom::geography <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography
		FROM providers p
		WHERE ` + where + `
		AND p.geom IS NOT NULL
		ORDER BY p.geom::geography <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography
		LIMIT ` + strconv.Itoa(n), args
}
