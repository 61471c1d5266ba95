package store

import (
	"context"
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

// maxNearestCandidates bounds the rows one answer may read. It is reached only when Keep rejects almost
// everything (open now at 3 a.m.); the answer is then the kept places among that many nearest.
const maxNearestCandidates = 4096

// Nearest returns up to q.Limit places closest first by true ground distance, the answer a brute-force
// computation over every row gives (ties within millimetres aside).
//
// The GiST index orders candidates by planar distance in degrees (KNN, `<->`), which misorders places by
// several per cent at Shenzhen's latitude (a degree of longitude is 7% shorter than one of latitude). So
// the candidates are re-ranked by geodesic distance, and the search widens until it is provably complete:
// every place not fetched is at least dLast degrees away in the plane, hence at least dLast·minMetres
// metres away on the ground; once that is no less than the k-th best distance found, nothing unseen can
// beat it.
func Nearest(ctx context.Context, db *pgxpool.Pool, q NearestQuery) ([]Nearby, error) {
	n := q.Limit + q.Limit/2 + 8
	if q.Keep != nil {
		n = 3*q.Limit + 16
	}
	for {
		cands, planar, err := nearestCandidates(ctx, db, q, n)
		if err != nil {
			return nil, err
		}
		kept := make([]Nearby, 0, len(cands))
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
		complete := len(cands) < n // every matching row was read
		if !complete && len(kept) >= q.Limit {
			d := kept[q.Limit-1].Metres
			complete = planar*minMetresPerDegree(q.Point[1], d) >= d
		}
		if complete || n >= maxNearestCandidates {
			if len(kept) > q.Limit {
				kept = kept[:q.Limit]
			}
			return kept, nil
		}
		n = min(4*n, maxNearestCandidates)
	}
}

// The two statements differ only in the radius condition: with a radius, the box around the circle is an
// index condition (the scan stops at its edge) and ST_DWithin on the spheroid is the exact test.
var (
	nearestSQL = `SELECT ` + placeColumns + `, p.geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)
		FROM providers p
		WHERE ` + filterSQL(3) + `
		ORDER BY p.geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)
		LIMIT $7`
	nearestRadiusSQL = `SELECT ` + placeColumns + `, p.geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)
		FROM providers p
		WHERE ` + filterSQL(3) + `
		  AND p.geom && ST_MakeEnvelope($8, $9, $10, $11, 4326)
		  AND ST_DWithin(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $12)
		ORDER BY p.geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326)
		LIMIT $7`
)

// NearestSQL is the statement Nearest runs without a radius, for the benchmark's pgbench comparison:
// parameters lng, lat, kinds, practice areas, languages, free, limit.
func NearestSQL() string { return nearestSQL }

// nearestCandidates returns up to n matching places in planar KNN order and the planar distance of the last.
func nearestCandidates(ctx context.Context, db *pgxpool.Pool, q NearestQuery, n int) ([]Place, float64, error) {
	args := append([]any{q.Point[0], q.Point[1]}, q.Filter.args()...)
	args = append(args, n)
	sql := nearestSQL
	if q.Radius > 0 {
		b := RadiusBox(q.Point, q.Radius)
		args = append(args, b.Min[0], b.Min[1], b.Max[0], b.Max[1], q.Radius)
		sql = nearestRadiusSQL
	}
	rows, err := db.Query(ctx, sql, args...)
	if err != nil {
		return nil, 0, readErr(err)
	}
	var out []Place
	var pl Place
	var planar float64
	_, err = pgx.ForEachRow(rows, append(placeFields(&pl), &planar), func() error {
		out = append(out, pl)
		return nil
	})
	return out, planar, readErr(err)
}

// WGS84 figures for the bounds below.
const (
	wgs84A  = 6378137.0
	wgs84E2 = 0.00669437999014 // first eccentricity squared
	// meridianMinDeg is the shortest degree of latitude (at the equator): a(1-e²)·π/180 metres.
	meridianMinDeg = wgs84A * (1 - wgs84E2) * math.Pi / 180
	// safety absorbs rounding: bounds are meant to be conservative, never tight.
	safety = 0.999
)

// minMetresPerDegree is a lower bound on the ground length of one degree, in any direction, anywhere a
// geodesic of length d starting at latitude lat can reach: it stays within d metres, so within
// d/meridianMinDeg degrees of latitude of its start.
func minMetresPerDegree(lat, d float64) float64 {
	phi := math.Min(90, math.Abs(lat)+d/meridianMinDeg) * math.Pi / 180
	s := math.Sin(phi)
	parallel := wgs84A / math.Sqrt(1-wgs84E2*s*s) * math.Cos(phi) * math.Pi / 180
	return safety * math.Min(meridianMinDeg, parallel)
}

// RadiusBox is a box in degrees holding every point within r metres of p on the spheroid (conservatively
// larger), for an index condition ahead of the exact ST_DWithin test.
func RadiusBox(p orb.Point, r float64) orb.Bound {
	dLat := r / (safety * meridianMinDeg)
	minLat, maxLat := math.Max(-90, p[1]-dLat), math.Min(90, p[1]+dLat)
	k := minMetresPerDegree(p[1], r)
	if k < 1 || maxLat >= 90 || minLat <= -90 { // a pole is inside: every longitude
		return orb.Bound{Min: orb.Point{-180, minLat}, Max: orb.Point{180, maxLat}}
	}
	dLng := r / k
	return orb.Bound{Min: orb.Point{math.Max(-180, p[0]-dLng), minLat}, Max: orb.Point{math.Min(180, p[0]+dLng), maxLat}}
}
