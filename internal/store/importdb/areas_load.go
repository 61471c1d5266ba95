package importdb

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// AreaRow is one administrative area to load, in WGS84. Boundary is a GeoJSON Polygon or MultiPolygon,
// nil when the file gives none (the stored one is then kept).
type AreaRow struct {
	Line                   int
	Code, Level, Parent    string
	NameZh, NameEn, Pinyin string
	Centre                 *[2]float64
	Boundary               json.RawMessage
}

// AreaMove is a place whose area changed because of loaded boundaries.
type AreaMove struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	From string `json:"from"`
	To   string `json:"to"`
}

// AreaLoad is what LoadAreas did.
type AreaLoad struct {
	Added      int         `json:"added"`
	Updated    int         `json:"updated"`
	Boundaries int         `json:"boundaries"`        // areas that got a boundary from the file
	Removed    []string    `json:"removed,omitempty"` // with Replace: areas the file does not name, gone
	Kept       []string    `json:"kept,omitempty"`    // with Replace: areas the file does not name, kept for the records in them
	Rejected   []RowReject `json:"rejected,omitempty"`
	Moved      []AreaMove  `json:"moved"` // places given another area by the boundaries
}

// AreaLoadOptions say how LoadAreas loads.
type AreaLoadOptions struct {
	CityName string // the city a district's missing parent is created as ("": such districts are rejected)
	Actor    string
	DryRun   bool // report what would change, write nothing
	// Replace makes the file the whole set of areas: those it does not name (another city's, such as the
	// Shenzhen areas the product ships with) are removed, except the ancestors of the file's areas and
	// the areas records still lie in, which are kept and listed.
	Replace bool
	// Refresh rebuilds the search documents of the moved records inside the transaction.
	Refresh func(ctx context.Context, q store.Querier, ids []string) error
}

// LoadAreas writes areas (parents first) and, in the same transaction, gives every exactly placed record
// the smallest area whose boundary covers its point (ReassignAreas), with an audit row per moved record.
// An area whose parent is neither in the table nor among rows before it is rejected, except that a
// district's missing city is created under opt.CityName when one is given. A dry run rolls everything
// back.
func LoadAreas(ctx context.Context, db *pgxpool.Pool, rows []AreaRow, opt AreaLoadOptions) (AreaLoad, error) {
	cityName, actor, dryRun, refresh := opt.CityName, opt.Actor, opt.DryRun, opt.Refresh
	var res AreaLoad
	var loaded []string // the codes written, with any city made for them
	tx, err := db.Begin(ctx)
	if err != nil {
		return res, store.Classify(err)
	}
	defer tx.Rollback(ctx)
	// One loader at a time, and none while an import classes points against the old areas.
	if _, err := tx.Exec(ctx, `LOCK TABLE areas IN SHARE ROW EXCLUSIVE MODE`); err != nil {
		return res, store.Classify(err)
	}
	for _, a := range rows {
		var known bool
		if a.Parent != "" {
			if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM areas WHERE code = $1)`, a.Parent).Scan(&known); err != nil {
				return res, store.Classify(err)
			}
		}
		if a.Level != "city" && !known {
			if a.Level != "district" || cityName == "" || a.Parent == "" {
				res.Rejected = append(res.Rejected, RowReject{Line: a.Line, SourceID: a.Code, Field: "parent",
					Reason: fmt.Sprintf("上级 %q 未知（先载入上级，或为区给出 --city-name）/ parent %q unknown (load it first, or give --city-name for districts)", a.Parent, a.Parent)})
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO areas (code, level, name_zh) VALUES ($1, 'city', $2) ON CONFLICT (code) DO NOTHING`,
				a.Parent, cityName); err != nil {
				return res, store.Classify(err)
			}
			res.Added++
			loaded = append(loaded, a.Parent)
		}
		var lng, lat *float64
		if a.Centre != nil {
			lng, lat = &a.Centre[0], &a.Centre[1]
		}
		var parent *string
		if a.Level != "city" {
			parent = &a.Parent
		}
		var boundary *string
		if len(a.Boundary) > 0 {
			s := string(a.Boundary)
			boundary = &s
			res.Boundaries++
		}
		var inserted bool
		err := tx.QueryRow(ctx, `WITH b AS (
				SELECT CASE WHEN $8::text IS NULL THEN NULL
					ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON($8), 4326)), 3)) END AS g)
			INSERT INTO areas AS o (code, level, parent_code, name_zh, name_en, pinyin, centre, bbox, boundary)
			SELECT $1, $2, $3, $4, $5, $6,
				coalesce(CASE WHEN $7::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($7, $9), 4326) END, ST_PointOnSurface(b.g)),
				ST_Envelope(b.g), b.g
			FROM b
			ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
				name_zh = EXCLUDED.name_zh, name_en = coalesce(nullif(EXCLUDED.name_en, ''), o.name_en),
				pinyin = coalesce(nullif(EXCLUDED.pinyin, ''), o.pinyin), centre = coalesce(EXCLUDED.centre, o.centre),
				bbox = coalesce(EXCLUDED.bbox, o.bbox), boundary = coalesce(EXCLUDED.boundary, o.boundary)
			RETURNING (xmax = 0)`,
			a.Code, a.Level, parent, a.NameZh, a.NameEn, a.Pinyin, lng, boundary, lat).Scan(&inserted)
		if err != nil {
			return res, fmt.Errorf("area %s (line %d): %w", a.Code, a.Line, store.Classify(err))
		}
		if inserted {
			res.Added++
		} else {
			res.Updated++
		}
		loaded = append(loaded, a.Code)
	}
	if res.Moved, err = ReassignAreas(ctx, tx, nil, actor); err != nil {
		return res, err
	}
	if opt.Replace && len(loaded) > 0 {
		if res.Removed, res.Kept, err = removeOtherAreas(ctx, tx, loaded); err != nil {
			return res, err
		}
	}
	if len(res.Moved) > 0 && refresh != nil {
		ids := make([]string, len(res.Moved))
		for i, m := range res.Moved {
			ids[i] = m.ID
		}
		if err := refresh(ctx, tx, ids); err != nil {
			return res, err
		}
	}
	// The place lookup, the map's outlines and the search vocabulary read the areas: a new version.
	if _, err := tx.Exec(ctx, `UPDATE directory_state SET version = version + 1, changed_at = now()`); err != nil {
		return res, store.Classify(err)
	}
	if dryRun {
		return res, nil
	}
	return res, store.Classify(tx.Commit(ctx))
}

// removeOtherAreas removes the areas that are not among loaded, nor an ancestor of one of them, nor hold a
// record (in themselves or an area inside them): those are kept and returned. It runs after the places
// were reassigned, so a record the new boundaries cover no longer holds an old area.
func removeOtherAreas(ctx context.Context, tx pgx.Tx, loaded []string) (removed, kept []string, err error) {
	rows, err := tx.Query(ctx, `WITH others AS (
			SELECT a.code FROM areas a
			WHERE a.code <> ALL ($1::text[])
				AND NOT EXISTS (SELECT 1 FROM unnest($1::text[]) f(code) WHERE area_within(f.code, a.code))
		), used AS (
			SELECT DISTINCT area_code AS code FROM providers WHERE area_code IS NOT NULL
		)
		SELECT o.code, EXISTS (SELECT 1 FROM used u WHERE area_within(u.code, o.code)) FROM others o ORDER BY o.code`, loaded)
	if err != nil {
		return nil, nil, store.Classify(err)
	}
	var code string
	var holds bool
	if _, err = pgx.ForEachRow(rows, []any{&code, &holds}, func() error {
		if holds {
			kept = append(kept, code)
		} else {
			removed = append(removed, code)
		}
		return nil
	}); err != nil {
		return nil, nil, store.Classify(err)
	}
	// One statement, so a parent and its children go together under the parent_code foreign key.
	if _, err := tx.Exec(ctx, `DELETE FROM areas WHERE code = ANY ($1::text[])`, removed); err != nil {
		return nil, nil, store.Classify(err)
	}
	return removed, kept, nil
}

// ReassignAreas gives each exactly placed open record among ids (all when ids is nil) the smallest area
// whose boundary covers its point, unless its area already lies inside that one (a community without a
// boundary of its own), and writes an audit row for each record moved. Records no boundary covers keep
// their area.
func ReassignAreas(ctx context.Context, tx pgx.Tx, ids []string, actor string) ([]AreaMove, error) {
	rows, err := tx.Query(ctx, `WITH found AS (
			SELECT p.id, p.area_code AS old, area_at(p.geom) AS new
			FROM providers p
			WHERE p.geom IS NOT NULL AND p.placement = 'exact' AND ($1::uuid[] IS NULL OR p.id = ANY ($1))
		), moved AS (
			UPDATE providers p SET area_code = f.new, version = p.version + 1, updated_at = now()
			FROM found f
			WHERE p.id = f.id AND f.new IS NOT NULL AND f.new IS DISTINCT FROM f.old
				AND (f.old IS NULL OR NOT area_within(f.old, f.new))
			RETURNING p.id, f.old, f.new, p.name
		), audit AS (
			INSERT INTO changes (record_type, record_id, action, actor, reason, diff)
			SELECT 'provider', id, 'update', $2, 'areas load',
				jsonb_build_object('area_code', jsonb_build_object('old', old, 'new', new)) FROM moved
		)
		SELECT id::text, name, coalesce(old, ''), new FROM moved ORDER BY name, id`, ids, actor)
	if err != nil {
		return nil, store.Classify(err)
	}
	out := []AreaMove{}
	var m AreaMove
	_, err = pgx.ForEachRow(rows, []any{&m.ID, &m.Name, &m.From, &m.To}, func() error {
		out = append(out, m)
		return nil
	})
	return out, store.Classify(err)
}
