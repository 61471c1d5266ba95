package importdb

import (
	"context"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// probeAtMost is how many points PointsHeldElsewhere looks up through the spatial index; more are hashed.
const probeAtMost = 5000

// HeldPoint is a point of an import's file that an open record of another list holds too.
type HeldPoint struct {
	Lng, Lat   float64
	Name, Kind string
}

// PointsHeldElsewhere finds, among the given points (an import's exact points), those an exactly placed
// open record outside the run's source and kind holds: one point shared by unrelated records is a copied
// coordinate more often than a shared building, and only the directory as a whole shows it.
func (t *ImportTx) PointsHeldElsewhere(ctx context.Context, lngs, lats []float64, kind string) ([]HeldPoint, error) {
	// A few points are looked up one by one in the spatial index; many are matched in one hash join over
	// the open records (a probe per point costs more than reading the table once beyond some thousands).
	match := `o.geom && ST_SetSRID(ST_MakePoint(f.lng, f.lat), 4326) AND ST_X(o.geom) = f.lng AND ST_Y(o.geom) = f.lat`
	if len(lngs) > probeAtMost {
		match = `ST_X(o.geom) = f.lng AND ST_Y(o.geom) = f.lat`
	}
	rows, err := t.tx.Query(ctx, `SELECT f.lng, f.lat, o.name, o.kind
		FROM unnest($1::float8[], $2::float8[]) AS f(lng, lat)
		JOIN providers o ON `+match+`
		WHERE o.status <> 'closed' AND o.placement = 'exact' AND NOT (o.source = $3 AND o.kind = $4)`,
		lngs, lats, t.Run.Source, kind)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []HeldPoint
	var h HeldPoint
	_, err = pgx.ForEachRow(rows, []any{&h.Lng, &h.Lat, &h.Name, &h.Kind}, func() error {
		out = append(out, h)
		return nil
	})
	return out, store.Classify(err)
}
