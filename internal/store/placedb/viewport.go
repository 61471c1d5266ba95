package placedb

import (
	"context"
	"math"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
)

// MapPoint is a place as the map draws it: only what a marker and its popup title need.
type MapPoint struct {
	ID, Kind, Name, NameEn, Status string
	Lng, Lat                       float64
	Hours                          []byte
	Approximate                    bool // placed at the centre of the area its address names
}

// Cluster is a group of places drawn as one marker with a count, at the centroid of its members.
type Cluster struct {
	Lng, Lat float64
	Count    int
	OneID    string // set when the cluster holds exactly one place: draw that place instead
}

// GridLevels are the levels viewport_grid holds: a cell of level L is 1/2^L degree square.
const (
	GridMinLevel = 1
	GridMaxLevel = 8
)

const mapPointColumns = `p.id::text, p.kind, p.name, p.name_en, p.status, ST_X(p.geom), ST_Y(p.geom), p.hours,
	p.placement = 'approximate'`

func mapPointFields(m *MapPoint) []any {
	return []any{&m.ID, &m.Kind, &m.Name, &m.NameEn, &m.Status, &m.Lng, &m.Lat, &m.Hours, &m.Approximate}
}

// viewportPointsSQL is the statement of ViewportPoints: parameters minLng, minLat, maxLng, maxLat, kinds,
// practice areas, languages, free, limit.
var viewportPointsSQL = `SELECT ` + mapPointColumns + `
		FROM providers p
		WHERE p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) AND ` + store.FilterSQL(5) + `
		LIMIT $9`

// boxPlanned makes a statement over a box planned for that box at every call. The best plan depends on the
// box: the spatial index for a street, a plain scan that stops at its limit for the whole city. Left to
// itself, the server adopted a generic plan after five calls (the index, costed for a box of unknown
// size), and a city-wide view then built a bitmap of every place instead of reading its first rows.
const boxPlanned = pgx.QueryExecModeExec

// ViewportPoints returns up to max places in box matching f, and whether there were more. The GiST index
// finds them; the scan stops after max+1 rows, so a box over the whole country costs no more than a small one.
func ViewportPoints(ctx context.Context, db *pgxpool.Pool, box orb.Bound, f store.Filter, max int) ([]MapPoint, bool, error) {
	args := append([]any{boxPlanned, box.Min[0], box.Min[1], box.Max[0], box.Max[1]}, f.Args()...)
	rows, err := db.Query(ctx, viewportPointsSQL, append(args, max+1)...)
	if err != nil {
		return nil, false, store.Classify(err)
	}
	pts, err := collectMapPoints(rows)
	if len(pts) > max {
		return pts[:max], true, err
	}
	return pts, false, err
}

// MapPointsByID returns the visible places among ids as map points (for clusters of one).
func MapPointsByID(ctx context.Context, db *pgxpool.Pool, ids []string) ([]MapPoint, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, err := db.Query(ctx, `SELECT `+mapPointColumns+` FROM providers p
		WHERE p.id = ANY ($1::uuid[]) AND p.status <> 'closed'`, ids)
	if err != nil {
		return nil, store.Classify(err)
	}
	return collectMapPoints(rows)
}

func collectMapPoints(rows pgx.Rows) ([]MapPoint, error) {
	var out []MapPoint
	var m MapPoint
	_, err := pgx.ForEachRow(rows, mapPointFields(&m), func() error {
		out = append(out, m)
		return nil
	})
	return out, store.Classify(err)
}

// GridClusters answers a view from the precomputed grid at level (GridMinLevel..GridMaxLevel): one cluster
// per cell meeting box, summed over the kinds asked for (all when kinds is empty). It returns the
// directory version the grid was built from; the caller compares it with the current one.
func GridClusters(ctx context.Context, db *pgxpool.Pool, box orb.Bound, level int, kinds []string) ([]Cluster, int64, error) {
	x0, y0, x1, y1 := cellRange(box, level)
	if kinds == nil {
		kinds = []string{} // cardinality(NULL) is NULL, not 0
	}
	rows, err := db.Query(ctx, `SELECT sum(g.sum_lng) / sum(g.n), sum(g.sum_lat) / sum(g.n), sum(g.n)::int,
			CASE WHEN sum(g.n) = 1 THEN min(g.one_id) ELSE '' END, min(s.version)
		FROM viewport_grid g CROSS JOIN viewport_grid_state s
		WHERE g.level = $1 AND g.cx BETWEEN $2 AND $3 AND g.cy BETWEEN $4 AND $5
		  AND (cardinality($6::text[]) = 0 OR g.kind = ANY ($6::text[]))
		GROUP BY g.cx, g.cy`, level, x0, x1, y0, y1, kinds)
	if err != nil {
		return nil, 0, store.Classify(err)
	}
	var out []Cluster
	var c Cluster
	var version int64
	_, err = pgx.ForEachRow(rows, []any{&c.Lng, &c.Lat, &c.Count, &c.OneID, &version}, func() error {
		out = append(out, c)
		return nil
	})
	if err == nil && len(out) == 0 {
		err = db.QueryRow(ctx, `SELECT version FROM viewport_grid_state`).Scan(&version)
	}
	return out, version, store.Classify(err)
}

// LiveClusters groups the places in box matching f into cells of 1/2^level degree, straight from
// providers. Its cost grows with the places in the box: the caller uses it for small boxes, for filters
// the grid does not hold, and while the grid is being rebuilt.
func LiveClusters(ctx context.Context, db *pgxpool.Pool, box orb.Bound, level int, f store.Filter) ([]Cluster, error) {
	args := append([]any{boxPlanned, box.Min[0], box.Min[1], box.Max[0], box.Max[1]}, f.Args()...)
	rows, err := db.Query(ctx, `SELECT avg(ST_X(p.geom)), avg(ST_Y(p.geom)), count(*)::int,
			CASE WHEN count(*) = 1 THEN min(p.id::text) ELSE '' END
		FROM providers p
		WHERE p.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) AND `+store.FilterSetSQL(5)+`
		GROUP BY floor(ST_X(p.geom) * $9), floor(ST_Y(p.geom) * $9)`, append(args, math.Ldexp(1, level))...)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []Cluster
	var c Cluster
	_, err = pgx.ForEachRow(rows, []any{&c.Lng, &c.Lat, &c.Count, &c.OneID}, func() error {
		out = append(out, c)
		return nil
	})
	return out, store.Classify(err)
}

// CellCount is how many cells of level the box spans, so a caller can coarsen a level that would
// return too many clusters.
func CellCount(box orb.Bound, level int) float64 {
	x0, y0, x1, y1 := cellRange(box, level)
	return float64(x1-x0+1) * float64(y1-y0+1)
}

func cellRange(box orb.Bound, level int) (x0, y0, x1, y1 int) {
	s := math.Ldexp(1, level)
	return int(math.Floor(box.Min[0] * s)), int(math.Floor(box.Min[1] * s)),
		int(math.Floor(box.Max[0] * s)), int(math.Floor(box.Max[1] * s))
}

// GridVersions returns the directory version the grid shows and the directory's current version.
func GridVersions(ctx context.Context, db *pgxpool.Pool) (grid, current int64, err error) {
	err = db.QueryRow(ctx, `SELECT g.version, d.version FROM viewport_grid_state g, directory_state d`).Scan(&grid, &current)
	return grid, current, store.Classify(err)
}

// RefreshViewportGrid rebuilds the grid if it is behind the directory and returns the version it shows
// (-1 when another session is rebuilding it). It may take seconds at a million places, so it runs with its
// own statement timeout rather than a request's.
func RefreshViewportGrid(ctx context.Context, db *pgxpool.Pool) (int64, error) {
	var v int64
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SET LOCAL statement_timeout = '300s'"); err != nil {
			return err
		}
		return tx.QueryRow(ctx, "SELECT refresh_viewport_grid()").Scan(&v)
	})
	return v, store.Classify(err)
}
