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
	// "Outside the run's source and kind" is written as ranges of source and a list of kinds (every other
	// kind of the kinds table, which providers.kind references), not as NOT (source = … AND kind = …): the
	// source's unique index and the kind indexes answer it, so a directory that holds little besides the
	// run's own list is not read whole. When no such record is open, the points are not sent at all.
	var others []string
	if err := t.tx.QueryRow(ctx, `SELECT coalesce(array_agg(code), '{}') FROM kinds WHERE code <> $1`, kind).Scan(&others); err != nil {
		return nil, store.Classify(err)
	}
	elsewhere := `o.status <> 'closed' AND o.placement = 'exact' AND (o.source < $1 OR o.source > $1 OR o.kind = ANY($2))`
	var held bool
	if err := t.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM providers o WHERE `+elsewhere+`)`, t.Run.Source, others).Scan(&held); err != nil {
		return nil, store.Classify(err)
	}
	if !held {
		return nil, nil
	}
	// A few points are looked up one by one in the spatial index; many are matched in one hash join over
	// the open records (a probe per point costs more than reading the table once beyond some thousands).
	same := `round(ST_X(o.geom) * 1e7)::int8 = f.x AND round(ST_Y(o.geom) * 1e7)::int8 = f.y`
	match := same
	if len(xs) <= probeAtMost {
		match = `o.geom && ST_Expand(ST_SetSRID(ST_MakePoint(f.x / 1e7, f.y / 1e7), 4326), 1e-7) AND ` + same
	}
	rows, err := t.tx.Query(ctx, `SELECT f.x, f.y, o.name, o.kind
		FROM unnest($3::int8[], $4::int8[]) AS f(x, y)
		JOIN providers o ON `+match+`
		WHERE `+elsewhere, t.Run.Source, others, xs, ys)
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
