package placedb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"

	"legalmap/internal/store"
)

// AreaOutline is an area's outline for the map's base layer: its boundary simplified to about 50 m, or,
// for an area loaded without one, its bounding box (Approximate).
type AreaOutline struct {
	Code, Level, NameZh, NameEn string
	GeoJSON                     []byte // a Polygon or MultiPolygon, WGS84
	Approximate                 bool
}

// AreaOutlines returns the outlines of the areas of one level (district, street or community).
func AreaOutlines(ctx context.Context, db store.Querier, level string) ([]AreaOutline, error) {
	rows, err := db.Query(ctx, `SELECT code, level, name_zh, name_en,
			ST_AsGeoJSON(coalesce(ST_SimplifyPreserveTopology(boundary, 0.0005), bbox), 5)::bytea, boundary IS NULL
		FROM areas WHERE level = $1 AND coalesce(boundary, bbox) IS NOT NULL ORDER BY code`, level)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []AreaOutline
	var o AreaOutline
	_, err = pgx.ForEachRow(rows, []any{&o.Code, &o.Level, &o.NameZh, &o.NameEn, &o.GeoJSON, &o.Approximate}, func() error {
		o.GeoJSON = append([]byte(nil), o.GeoJSON...)
		out = append(out, o)
		return nil
	})
	return out, store.Classify(err)
}

// AreaBoundaries returns the loaded boundaries by area code (areas without one are left out).
func AreaBoundaries(ctx context.Context, db store.Querier) (map[string]orb.MultiPolygon, error) {
	rows, err := db.Query(ctx, `SELECT code, ST_AsBinary(boundary) FROM areas WHERE boundary IS NOT NULL`)
	if err != nil {
		return nil, store.Classify(err)
	}
	out := map[string]orb.MultiPolygon{}
	var code string
	var b []byte
	_, err = pgx.ForEachRow(rows, []any{&code, &b}, func() error {
		g, err := wkb.Unmarshal(b)
		if err != nil {
			return err
		}
		switch x := g.(type) {
		case orb.MultiPolygon:
			out[code] = x
		case orb.Polygon:
			out[code] = orb.MultiPolygon{x}
		}
		return nil
	})
	return out, store.Classify(err)
}
