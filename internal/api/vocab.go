package api

import (
	"context"
	"net/http"
	"sync"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/geo"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/vocabdb"
)

// vocabItem is a kind or a practice area in both languages, with the everyday words that find it.
type vocabItem struct {
	Code     string   `json:"code"`
	NameZh   string   `json:"name_zh"`
	NameEn   string   `json:"name_en"`
	Synonyms []string `json:"synonyms"`
	Count    *int     `json:"count,omitempty"` // kinds: active records
}

// kindItem is a kind of place: its names, group, how the map draws it (colour #rrggbb and a one- or
// two-character symbol), the practice areas it helps with, the everyday words that find it, and how many
// active records it has.
type kindItem struct {
	Code          string   `json:"code"`
	NameZh        string   `json:"name_zh"`
	NameEn        string   `json:"name_en"`
	Group         string   `json:"group"`
	GroupZh       string   `json:"group_zh"`
	GroupEn       string   `json:"group_en"`
	Colour        string   `json:"colour"`
	Symbol        string   `json:"symbol"`
	Synonyms      []string `json:"synonyms"`
	PracticeAreas []string `json:"practice_areas"`
	Count         int      `json:"count"`
}

// areaItem is an administrative unit; lat/lng is its centre, or its district's when it has none.
type areaItem struct {
	Code       string      `json:"code"`
	Level      string      `json:"level"`
	ParentCode string      `json:"parent_code"`
	NameZh     string      `json:"name_zh"`
	NameEn     string      `json:"name_en"`
	Pinyin     string      `json:"pinyin"`
	Lat        *float64    `json:"lat"`
	Lng        *float64    `json:"lng"`
	BBox       *[4]float64 `json:"bbox"` // minLng,minLat,maxLng,maxLat when known
}

func (q *publicAPI) kinds(c echo.Context) error {
	if _, err := param.Parse(c.QueryParams()); err != nil {
		return err
	}
	cat, err := q.catalog(reqCtx(c))
	if err != nil {
		return err
	}
	if q.conditional(c, false) {
		return nil
	}
	counts, err := q.counts.get(reqCtx(c), cat.Version)
	if err != nil {
		return err
	}
	groups := map[string]vocabdb.KindGroup{}
	for _, g := range cat.KindGroups {
		groups[g.Code] = g
	}
	out := make([]kindItem, 0, len(cat.KindList))
	for _, k := range cat.KindList {
		g := groups[k.Group]
		out = append(out, kindItem{Code: k.Code, NameZh: k.NameZh, NameEn: k.NameEn, Synonyms: orEmpty(k.Synonyms),
			Count: counts[k.Code], Group: k.Group, GroupZh: g.NameZh, GroupEn: g.NameEn, Colour: k.Colour,
			Symbol: k.Symbol, PracticeAreas: orEmpty(k.PracticeAreas)})
	}
	return c.JSON(http.StatusOK, whole(out))
}

func (q *publicAPI) practiceAreas(c echo.Context) error {
	if _, err := param.Parse(c.QueryParams()); err != nil {
		return err
	}
	cat, err := q.catalog(reqCtx(c))
	if err != nil {
		return err
	}
	if q.conditional(c, false) {
		return nil
	}
	out := make([]vocabItem, 0, len(cat.PracticeAreas))
	for _, a := range cat.PracticeAreas {
		out = append(out, vocabItem{Code: a.Code, NameZh: a.NameZh, NameEn: a.NameEn, Synonyms: orEmpty(a.Synonyms)})
	}
	return c.JSON(http.StatusOK, whole(out))
}

func (q *publicAPI) areas(c echo.Context) error {
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	cat, err := q.catalog(reqCtx(c))
	if err != nil {
		return err
	}
	if q.conditional(c, false) {
		return nil
	}
	out := make([]areaItem, 0, len(cat.Areas))
	for _, a := range cat.Areas {
		if a.Level == "city" {
			continue
		}
		out = append(out, areaItemOf(cat, &a, crs))
	}
	return c.JSON(http.StatusOK, whole(out))
}

func areaItemOf(cat *catalog.Catalog, a *vocabdb.Area, crs geo.CRS) areaItem {
	it := areaItem{Code: a.Code, Level: a.Level, ParentCode: a.ParentCode, NameZh: a.NameZh, NameEn: a.NameEn,
		Pinyin: a.Pinyin, BBox: a.BBox}
	if ctr := cat.Centre(a.Code); ctr != nil {
		pt := geo.FromWGS84(orb.Point{ctr[0], ctr[1]}, crs)
		lat, lng := round7(pt[1]), round7(pt[0])
		it.Lat, it.Lng = &lat, &lng
	}
	if a.BBox != nil && crs != geo.WGS84 {
		lo := geo.FromWGS84(orb.Point{a.BBox[0], a.BBox[1]}, crs)
		hi := geo.FromWGS84(orb.Point{a.BBox[2], a.BBox[3]}, crs)
		it.BBox = &[4]float64{round7(lo[0]), round7(lo[1]), round7(hi[0]), round7(hi[1])}
	}
	return it
}

// whole is a complete (unpaged) list in the list envelope.
func whole[T any](items []T) listAnswer[T] {
	return listAnswer[T]{Results: items, Total: len(items), Limit: len(items), Offset: 0}
}

// kindCounts caches the active records per kind for one directory version: counting reads every row, so
// it happens once per version and never under the lock.
type kindCounts struct {
	db      *pgxpool.Pool
	mu      sync.Mutex
	version int64
	counts  map[string]int
}

// get returns the counts of version, counting them if the cache holds another version.
func (k *kindCounts) get(ctx context.Context, version int64) (map[string]int, error) {
	k.mu.Lock()
	if k.counts != nil && k.version == version {
		defer k.mu.Unlock()
		return k.counts, nil
	}
	k.mu.Unlock()
	counts, err := placedb.KindCounts(ctx, k.db)
	if err != nil {
		return nil, err
	}
	k.keep(counts, version)
	return counts, nil
}

// keep stores the counts of version unless newer ones are kept already.
func (k *kindCounts) keep(counts map[string]int, version int64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.counts == nil || version >= k.version {
		k.counts, k.version = counts, version
	}
}
