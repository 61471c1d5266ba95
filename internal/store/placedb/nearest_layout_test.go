package placedb_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store/placedb"
	"legalmap/internal/store/storetest"
)

// The layout where ordering on the sphere and on the spheroid differ most, away from the other tests'
// places: clusters elongated east-west and north-south, and places on identical coordinates. At 60°N and
// at the equator one cluster lies east of the points asked about and one north, at the same ground
// distances, where the sphere's error runs in opposite directions (on the spheroid a degree of the
// meridian is shorter than the sphere's at the equator and longer towards the poles). One cluster far
// south, a few places by the North Pole, and places spread around cities at other latitudes: Harbin,
// Sanya, Urumqi, Reykjavik and Ushuaia.
var (
	eastWest   = orb.Point{120.60, 22.60} // 1,200 places along 2 km of a parallel, 100 m wide
	northSouth = orb.Point{120.50, 22.70} // 1,200 along 2 km of a meridian
	samePoint  = orb.Point{120.55, 22.65} // 60 places on the very same coordinates
	samePoint2 = orb.Point{120.62, 22.58} // 30 more
	north60    = orb.Point{30.00, 60.00}  // asked about within a km; 300 places 1-3 km east, 300 1-3 km north
	equator    = orb.Point{-50.00, 0.00}  // within a km; 300 places 4-8 km east, 300 4-8 km north
	farSouth   = orb.Point{-60.00, -75.00}
	nearPole   = orb.Point{0, 89.97}
	// cities at other latitudes, 300 places each within ~10 km
	cities = []orb.Point{{126.63, 45.75}, {109.51, 18.25}, {87.62, 43.83}, {-21.94, 64.15}, {-68.30, -54.80}}
)

const (
	nearestSource = "nearest-test"
	openMark      = "·开" // the names of the places the test's Keep accepts, one in ten
)

// nearestRows loads the layout once: clusters elongated east-west and north-south, places on identical
// coordinates, sparse outliers over 60 km, the pairs of clusters at 60°N and at the equator, a cluster
// at 75°S and places around the pole, with kinds, own practice areas, a practitioner's area, withdrawn
// places (never shown) and temporarily closed ones.
var nearestOnce sync.Once

func nearestRows(t *testing.T) {
	t.Helper()
	nearestOnce.Do(func() {
		r := rand.New(rand.NewPCG(7, 21))
		var lng, lat []float64
		add := func(c orb.Point, dx, dy float64, n int) {
			for i := 0; i < n; i++ {
				lng, lat = append(lng, c[0]+dx*(2*r.Float64()-1)), append(lat, c[1]+dy*(2*r.Float64()-1))
			}
		}
		add(eastWest, 0.01, 0.0005, 1200)
		add(northSouth, 0.0005, 0.01, 1200)
		add(samePoint, 0, 0, 60)
		add(samePoint2, 0, 0, 30)
		add(orb.Point{120.6, 22.65}, 0.3, 0.3, 400)
		// A km is 0.0179° of longitude at 60°N, 0.0090° at the equator, and 0.0090° of latitude.
		add(orb.Point{north60[0] + 0.0358, north60[1]}, 0.0179, 0.0005, 300)
		add(orb.Point{north60[0], north60[1] + 0.018}, 0.001, 0.009, 300)
		add(orb.Point{equator[0] + 0.054, equator[1]}, 0.018, 0.0002, 300)
		add(orb.Point{equator[0], equator[1] + 0.054}, 0.0002, 0.018, 300)
		add(farSouth, 0.05, 0.01, 300)
		add(nearPole, 180, 0.029, 60)
		for _, c := range cities {
			add(c, 0.1, 0.1, 300)
		}
		var kind, name, status []string
		var areas [][]string
		for i := range lng {
			kind = append(kind, []string{"law_firm", "law_firm", "legal_aid", "law_firm", "notary"}[r.IntN(5)])
			areas = append(areas, [][]string{{}, {"labour"}, {"debt"}, {"debt", "contract"}, {}, {}}[r.IntN(6)])
			name = append(name, fmt.Sprintf("近邻测试%d", i))
			if r.IntN(10) == 0 {
				name[i] += openMark
			}
			status = append(status, []string{"active", "active", "active", "active", "active", "active", "active",
				"active", "closed", "temporarily_closed"}[r.IntN(10)])
		}
		ctx := context.Background()
		db := storetest.Pool(t)
		_, err := db.Exec(ctx, `INSERT INTO providers (kind, name, geom, practice_areas, status, source, source_id)
			SELECT v.kind, v.name, ST_SetSRID(ST_MakePoint(v.lng, v.lat), 4326),
				ARRAY(SELECT jsonb_array_elements_text(v.areas)), v.status, $7, 'n' || v.i
			FROM unnest($1::float8[], $2::float8[], $3::text[], $4::text[], $5::jsonb[], $6::text[])
				WITH ORDINALITY AS v (lng, lat, kind, name, areas, status, i)`,
			lng, lat, kind, name, jsonArrays(areas), status, nearestSource)
		if err == nil {
			// A practice area met only through a practitioner (a withdrawn one does not count).
			_, err = db.Exec(ctx, `INSERT INTO practitioners (provider_id, role, name, practice_areas, status, source, source_id)
				SELECT id, 'lawyer', '律师' || source_id, '{medical}',
					CASE WHEN length(source_id) % 3 = 0 THEN 'closed' ELSE 'active' END, $1, source_id
				FROM providers WHERE source = $1 AND kind = 'law_firm' AND substr(md5(source_id), 1, 1) < '6'`, nearestSource)
		}
		if err == nil {
			_, err = db.Exec(ctx, `ANALYZE providers; ANALYZE practitioners`)
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}

func jsonArrays(v [][]string) []string {
	out := make([]string, len(v))
	for i, a := range v {
		out[i] = `["` + strings.Join(a, `","`) + `"]`
		if len(a) == 0 {
			out[i] = "[]"
		}
	}
	return out
}

// brute is one place as the brute force ranks it.
type brute struct {
	id, name string
	metres   float64
}

// bruteNearest ranks every visible matching place of the layout (nearestSource) by its spheroid distance,
// computed by PostGIS with conditions written out here, not taken from the store: the answer Nearest
// must give for a point near the layout. (The plan tests' places, thousands of kilometres away, are left
// out: ranking them too took most of the test's time. Were one of them ever in an answer, the answer
// would differ from this one and the test fail.)
func bruteNearest(t *testing.T, q placedb.NearestQuery, limit int) []brute {
	t.Helper()
	return bruteNearestOf(t, nearestSource, q, limit)
}

// bruteNearestOf is bruteNearest over the places of one source, or of all with "".
func bruteNearestOf(t *testing.T, source string, q placedb.NearestQuery, limit int) []brute {
	t.Helper()
	rows, err := storetest.Pool(t).Query(context.Background(), `
		SELECT id::text, name, metres FROM (
			SELECT p.id, p.name, ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, true) AS metres
			FROM providers p
			WHERE p.status <> 'closed' AND ($7 = '' OR p.source = $7)
			  AND (cardinality($3::text[]) = 0 OR p.kind = ANY ($3))
			  AND (cardinality($4::text[]) = 0 OR p.practice_areas && $4
				OR p.id IN (SELECT provider_id FROM practitioners WHERE status <> 'closed' AND practice_areas && $4)
				OR p.id IN (SELECT a.provider_id FROM assignments a JOIN practitioners pr ON pr.id = a.practitioner_id
					WHERE pr.status <> 'closed' AND pr.practice_areas && $4))) s
		WHERE $5 = 0 OR metres <= $5
		ORDER BY metres, id
		LIMIT $6`,
		q.Point[0], q.Point[1], nonNil(q.Filter.Kinds), nonNil(q.Filter.PracticeAreas), q.Radius, limit, source)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (brute, error) {
		var b brute
		return b, row.Scan(&b.id, &b.name, &b.metres)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// statements counts the statements a pool runs.
type statements struct{ n atomic.Int64 }

func (s *statements) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	s.n.Add(1)
	return ctx
}

func (s *statements) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

// countingPool is a pool on the package's database whose statements are counted.
func countingPool(t *testing.T) (*pgxpool.Pool, *statements) {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	count := &statements{}
	cfg.ConnConfig.Tracer = count
	cfg.ConnConfig.DefaultQueryExecMode = pgx.QueryExecModeCacheStatement
	cfg.MaxConns = 2
	db, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)
	return db, count
}

func keepOpen(p *placedb.Place) bool { return strings.HasSuffix(p.Name, openMark) }
