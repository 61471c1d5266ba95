package api

import (
	"math"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/directory"
	"legalmap/internal/geo"
	"legalmap/internal/store/placedb"
)

const (
	// maxViewportPoints: a view holding more places than this is answered with clusters.
	maxViewportPoints = 300
	// maxClusterCells bounds the cells one view may span (a box over the whole country at a close zoom):
	// the level is coarsened until the box fits. A screen of 1920x1080 spans about a thousand.
	maxClusterCells = 4096
	// maxLivePoints: a close zoom over a box holding more places than this (a huge screen, a crafted
	// request) is answered from the grid's finest level instead of counting every place live.
	maxLivePoints = 20000
	// zoomToLevel: at zoom z a cell of level z-6 is about 45 screen pixels wide (256·2^6/360).
	zoomToLevel = 6
)

// viewport is GET /providers?bbox=&zoom=: what the map draws, as GeoJSON. Up to maxViewportPoints places
// come as points; beyond that, clusters with counts, computed in SQL: from the precomputed grid for the
// zooms it holds (a city-wide view of a million places reads a few thousand rows), live over the
// index-filtered box for closer zooms and for filters the grid does not hold (practice area, language,
// free: slow for a city-wide box of a large directory, but within the statement timeout).
func (q *publicAPI) viewport(c echo.Context) error {
	ctx := reqCtx(c)
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	box, err := p.Bbox(crs)
	if err != nil {
		return err
	}
	zoom, err := p.Zoom()
	if err != nil {
		return err
	}
	cat, err := q.catalog(ctx)
	if err != nil {
		return err
	}
	f, err := parseFilter(p, cat)
	if err != nil {
		return err
	}
	if q.conditional(c, true) {
		return nil
	}
	now := q.now()
	pts, more, err := placedb.ViewportPoints(ctx, q.db, box, f.Filter, maxViewportPoints)
	if err != nil {
		return err
	}
	fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
	if !more {
		for i := range pts {
			if !f.openNow || isOpen(pts[i].Hours, pts[i].Status, now, cat.Calendar) {
				fc.Features = append(fc.Features, pointFeature(&pts[i], crs, now, cat.Calendar))
			}
		}
		return c.JSON(http.StatusOK, fc)
	}
	clusters, err := q.clusters(c, box, zoom, f)
	if err != nil {
		return err
	}
	var singles []string
	for _, cl := range clusters {
		if cl.OneID != "" {
			singles = append(singles, cl.OneID)
			continue
		}
		pt := geo.FromWGS84(orb.Point{cl.Lng, cl.Lat}, crs)
		fc.Features = append(fc.Features, feature{Type: "Feature", Geometry: pointGeometry(pt),
			Properties: clusterProps{Cluster: true, Count: cl.Count}})
	}
	ones, err := placedb.MapPointsByID(ctx, q.db, singles)
	if err != nil {
		return err
	}
	for i := range ones {
		fc.Features = append(fc.Features, pointFeature(&ones[i], crs, now, cat.Calendar))
	}
	fc.Clustered = true
	return c.JSON(http.StatusOK, fc)
}

// clusters picks the grid when it can answer (open_now is not applied to clusters: counts are of all
// places shown on the map, and the grid knows no hours).
func (q *publicAPI) clusters(c echo.Context, box orb.Bound, zoom int, f listFilter) ([]placedb.Cluster, error) {
	ctx := reqCtx(c)
	level := max(placedb.GridMinLevel, zoom-zoomToLevel)
	for level > placedb.GridMinLevel && placedb.CellCount(box, level) > maxClusterCells {
		level--
	}
	gridFilter := len(f.PracticeAreas) == 0 && len(f.Languages) == 0 && f.Free == nil
	if !gridFilter {
		return placedb.LiveClusters(ctx, q.db, box, level, f.Filter)
	}
	gridLevel := min(level, placedb.GridMaxLevel)
	clusters, built, err := placedb.GridClusters(ctx, q.db, box, gridLevel, f.Kinds)
	if err != nil {
		return nil, err
	}
	current, err := q.versions.Get(ctx)
	if err != nil {
		return nil, err
	}
	if built < current {
		q.grid.kick()
		if built == 0 { // never built: count live this once
			return placedb.LiveClusters(ctx, q.db, box, level, f.Filter)
		}
		// Counts of a moment ago, while the grid is rebuilt: correct soon, so not to be kept.
		noStore(c)
	}
	if level > gridLevel && placesIn(clusters) <= maxLivePoints {
		return placedb.LiveClusters(ctx, q.db, box, level, f.Filter) // closer than the grid: count live
	}
	return clusters, nil
}

func placesIn(cs []placedb.Cluster) int {
	n := 0
	for _, c := range cs {
		n += c.Count
	}
	return n
}

type featureCollection struct {
	Type      string    `json:"type"`
	Features  []feature `json:"features"`
	Clustered bool      `json:"clustered"` // true when some features are clusters
}

type feature struct {
	Type       string   `json:"type"`
	Geometry   geometry `json:"geometry"`
	Properties any      `json:"properties"`
}

type geometry struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// pointProps are the cheap fields a marker needs; the popup asks /providers/{id} for the rest.
type pointProps struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	NameEn  string `json:"name_en,omitempty"` // the English page's tooltips
	OpenNow *bool  `json:"open_now"`
	// Approximate: placed at the centre of the area its address names, not at its door.
	Approximate bool `json:"approximate,omitempty"`
}

type clusterProps struct {
	Cluster bool `json:"cluster"`
	Count   int  `json:"count"`
}

func pointFeature(m *placedb.MapPoint, crs geo.CRS, now time.Time, cal directory.Calendar) feature {
	pt := geo.FromWGS84(orb.Point{m.Lng, m.Lat}, crs)
	return feature{Type: "Feature", Geometry: pointGeometry(pt),
		Properties: pointProps{ID: m.ID, Kind: m.Kind, Name: m.Name, NameEn: m.NameEn, OpenNow: openNow(catalog.Hours(m.Hours), m.Status, now, cal),
			Approximate: m.Approximate}}
}

// pointGeometry rounds to 6 decimals (about 10 cm): plenty for a marker, and a smaller answer.
func pointGeometry(p orb.Point) geometry {
	r := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	return geometry{Type: "Point", Coordinates: [2]float64{r(p[0]), r(p[1])}}
}
