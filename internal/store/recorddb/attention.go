package recorddb

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// PositionItem is a record the bureau should place: approximate (at its area's centre) or unplaced.
type PositionItem struct {
	ID        string `json:"id"`
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	Address   string `json:"address"`
	AreaCode  string `json:"area_code"`
	Placement string `json:"position"`
}

// SharedPoint is one point several open records with different names hold.
type SharedPoint struct {
	Lng     float64           `json:"lng"`
	Lat     float64           `json:"lat"`
	Records []json.RawMessage `json:"records"` // {id, name, kind, source}
}

// Attention is what the bureau's dashboard lists for fixing: records needing a position and points shared
// by unrelated records, the first limit of each with their totals.
type Attention struct {
	NeedsPosition      []PositionItem `json:"needs_position"`
	NeedsPositionTotal int            `json:"needs_position_total"`
	SharedPoints       []SharedPoint  `json:"shared_points"`
}

// AttentionList reads the dashboard's lists of records to fix.
func AttentionList(ctx context.Context, db store.Querier, limit int) (Attention, error) {
	a := Attention{NeedsPosition: []PositionItem{}, SharedPoints: []SharedPoint{}}
	rows, err := db.Query(ctx, `SELECT id::text, kind, name, address, coalesce(area_code, ''), placement, count(*) OVER ()
		FROM providers WHERE placement <> 'exact' AND status <> 'closed'
		ORDER BY placement DESC, updated_at DESC, id LIMIT $1`, limit)
	if err != nil {
		return a, store.Classify(err)
	}
	var p PositionItem
	_, err = pgx.ForEachRow(rows, []any{&p.ID, &p.Kind, &p.Name, &p.Address, &p.AreaCode, &p.Placement, &a.NeedsPositionTotal}, func() error {
		a.NeedsPosition = append(a.NeedsPosition, p)
		return nil
	})
	if err != nil {
		return a, store.Classify(err)
	}
	rows, err = db.Query(ctx, `SELECT x, y, json_agg(json_build_object('id', id, 'name', name, 'kind', kind, 'source', source) ORDER BY name, id)
		FROM (SELECT ST_X(geom) AS x, ST_Y(geom) AS y, id, name, kind, source FROM providers
			WHERE status <> 'closed' AND placement = 'exact') p
		GROUP BY x, y HAVING count(DISTINCT name) > 1
		ORDER BY count(*) DESC, x, y LIMIT $1`, limit)
	if err != nil {
		return a, store.Classify(err)
	}
	var s SharedPoint
	var recs []byte
	_, err = pgx.ForEachRow(rows, []any{&s.Lng, &s.Lat, &recs}, func() error {
		s.Records = nil
		if err := json.Unmarshal(recs, &s.Records); err != nil {
			return err
		}
		a.SharedPoints = append(a.SharedPoints, s)
		return nil
	})
	return a, store.Classify(err)
}
