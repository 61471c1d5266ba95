package importdb

import (
	"context"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// probeAtMost is how many points PointsHeldElsewhere looks up through the spatial index; more are hashed.
const probeAtMost = 5000

// HeldPoint is a point of an import's file that an open record of another list holds too. X and Y are the
// point's key as it was asked for: its longitude and latitude in units of 1e-7 degree (about a centimetre),
// rounded.
type HeldPoint struct {
	X, Y       int64
	Name, Kind string
}

// PointsHeldElsewhere finds, among the given points (an import's exact points, as keys in units of 1e-7
// degree), those an exactly placed open record outside the run's source and kind holds: one point shared by
// unrelated records is a copied coordinate more often than a shared building, and only the directory as a
// whole shows it. A record holds a point when its own rounds to the same key.
func (t *ImportTx) PointsHeldElsewhere(ctx context.Context, xs, ys []int64, kind string) ([]HeldPoint, error) {
	// A few points are looked up one by one in the spatial index; many are matched in one hash join over
	// the open records (a probe per point costs more than reading the table once beyond some thousands).
	same := `round(ST_X(o.geom) * 1e7)::int8 = f.x AND round(ST_Y(o.geom) * 1e7)::int8 = f.y`
	match := same
	if len(xs) <= probeAtMost {
		match = `o.geom && ST_Expand(ST_SetSRID(ST_MakePoint(f.x / 1e7, f.y / 1e7), 4326), 1e-7) AND ` + same
	}
	rows, err := t.tx.Query(ctx, `SELECT f.x, f.y, o.name, o.kind
		FROM unnest($1::int8[], $2::int8[]) AS f(x, y)
		JOIN providers o ON `+match+`
		WHERE o.status <> 'closed' AND o.placement = 'exact' AND NOT (o.source = $3 AND o.kind = $4)`,
		xs, ys, t.Run.Source, kind)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []HeldPoint
	var h HeldPoint
	_, err = pgx.ForEachRow(rows, []any{&h.X, &h.Y, &h.Name, &h.Kind}, func() error {
		out = append(out, h)
		return nil
	})
	return out, store.Classify(err)
}
