package api

import (
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/catalog"
	"legalmap/internal/api/param"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/vocabdb"
)

// placeHit is one answer of the "go to" lookup: an administrative unit or a provider, with where to go.
type placeHit struct {
	Type   string `json:"type"` // district, street, community or provider
	Code   string `json:"code,omitempty"`
	ID     string `json:"id,omitempty"`
	Kind   string `json:"kind,omitempty"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	Parent string `json:"parent,omitempty"` // the district of a street, the street of a community or a provider
	// Address is a provider's street address, so a suggestion says where it is.
	Address   string      `json:"address,omitempty"`
	Lat       float64     `json:"lat"`
	Lng       float64     `json:"lng"`
	DistanceM *float64    `json:"distance_m,omitempty"` // when the request gave a location
	BBox      *[4]float64 `json:"bbox,omitempty"`
}

// maxPlaceProviders is how many providers a lookup adds after the areas.
const maxPlaceProviders = 5

// places is GET /places?q=[&lat=&lng=]: districts, streets and communities by Chinese name, English name
// or pinyin (full or initials: "futian", "ft"), then providers as the keyword search ranks them (by name,
// or by the kind that solves a problem word such as 欠薪, nearer first when a location is given), each
// with its street and address.
func (q *publicAPI) places(c echo.Context) error {
	ctx := reqCtx(c)
	p, err := param.Parse(c.QueryParams())
	if err != nil {
		return err
	}
	text, err := p.Text("q", true)
	if err != nil {
		return err
	}
	crs, err := p.CRS()
	if err != nil {
		return err
	}
	pt, err := p.Point(crs)
	if err != nil {
		return err
	}
	limit, err := p.Limit()
	if err != nil {
		return err
	}
	cat, err := q.catalog(ctx)
	if err != nil {
		return err
	}
	if q.conditional(c, false) {
		return nil
	}
	out := matchAreas(cat, text, crs, limit, pt)
	if len(out) < limit {
		sq := cat.Analyzer.Query(text)
		res, err := q.engine.Search(ctx, search.Request{Query: sq, Near: pt, Within: cat.Extent(sq.Places),
			Limit: min(maxPlaceProviders, limit-len(out))})
		if err != nil {
			return err
		}
		ids := make([]string, len(res.Hits))
		for i, h := range res.Hits {
			ids[i] = h.ID
		}
		found, err := placedb.FoundPlaces(ctx, q.db, ids)
		if err != nil {
			return err
		}
		facts := found.Facts
		for _, pl := range found.Places {
			at := geo.FromWGS84(orb.Point{pl.Lng, pl.Lat}, crs)
			h := placeHit{Type: "provider", ID: pl.ID, Kind: pl.Kind, Name: pl.Name, NameEn: pl.NameEn,
				Parent: cat.StreetOf(facts[pl.ID].AreaCode), Address: pl.Address, Lat: round7(at[1]), Lng: round7(at[0])}
			if pt != nil {
				d := geo.Distance(*pt, orb.Point{pl.Lng, pl.Lat})
				h.DistanceM = &d
			}
			out = append(out, h)
		}
	}
	return c.JSON(http.StatusOK, listAnswer[placeHit]{Results: out, Total: len(out), Limit: limit})
}

// matchAreas finds areas by name or pinyin, best first: exact names, then names starting with the text,
// then names containing it; districts before streets before communities at equal quality, and nearer
// before farther when near is given (the 龙岗社区 of the citizen's own district first).
func matchAreas(cat *catalog.Catalog, text string, crs geo.CRS, limit int, near *orb.Point) []placeHit {
	t := search.Normalize(text)
	compact := strings.ReplaceAll(t, " ", "")
	if compact == "" {
		return []placeHit{}
	}
	type scoredArea struct {
		a     *vocabdb.Area
		score int
		dist  float64
	}
	var hits []scoredArea
	for i := range cat.Areas {
		a := &cat.Areas[i]
		if a.Level == "city" {
			continue
		}
		if s := areaScore(a, t, compact); s > 0 {
			h := scoredArea{a: a, score: s*10 + levelRank(a.Level)}
			if c := cat.Centre(a.Code); near != nil && c != nil {
				h.dist = geo.Distance(*near, orb.Point{c[0], c[1]})
			}
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].dist < hits[j].dist
	})
	out := []placeHit{}
	for _, h := range hits[:min(len(hits), limit)] {
		it := areaItemOf(cat, h.a, crs)
		ph := placeHit{Type: h.a.Level, Code: h.a.Code, Name: h.a.NameZh, NameEn: h.a.NameEn, BBox: it.BBox}
		if it.Lat != nil {
			ph.Lat, ph.Lng = *it.Lat, *it.Lng
		}
		if parent := cat.AreaByCode[h.a.ParentCode]; parent != nil && parent.Level != "city" {
			ph.Parent = parent.NameZh
		}
		out = append(out, ph)
	}
	return out
}

// areaScore: 3 an exact name, 2 a name starting with the text, 1 containing it, 0 no match. Pinyin is
// matched joined ("futian"), spaced ("fu tian") and by initials ("ft").
func areaScore(a *vocabdb.Area, t, compact string) int {
	py := strings.ToLower(a.Pinyin)
	pyJoined := strings.ReplaceAll(py, " ", "")
	var initials strings.Builder
	for _, syl := range strings.Fields(py) {
		initials.WriteByte(syl[0])
	}
	short := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(a.NameZh, "街道"), "社区"), "区")
	names := []string{search.Normalize(a.NameZh), search.Normalize(short), search.Normalize(a.NameEn), pyJoined, initials.String()}
	best := 0
	for i, n := range names {
		cand := t
		if i >= 3 {
			cand = compact // pinyin forms are compared without spaces
		}
		switch {
		case n == "":
		case n == cand:
			best = max(best, 3)
		case strings.HasPrefix(n, cand):
			best = max(best, 2)
		case i < 3 && strings.Contains(n, cand) && len([]rune(cand)) >= 2:
			best = max(best, 1)
		}
	}
	return best
}

func levelRank(level string) int {
	switch level {
	case "district":
		return 3
	case "street":
		return 2
	}
	return 1
}
