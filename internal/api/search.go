package api

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/paulmach/orb"

	"legalmap/internal/api/param"
	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store/placedb"
)

// openNowWindow is how many ranked hits a search reads when it keeps only places open now (the open test
// is made in Go on the hours); the answer pages through the open ones among them.
const openNowWindow = 500

// search is GET /providers/search: keyword search (Chinese, pinyin, everyday words, English names,
// practitioners by name or licence), nearer places ranking higher when lat/lng is given.
func (q *publicAPI) search(c echo.Context) error {
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
	offset, err := p.Offset()
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
	sq := cat.Analyzer.Query(text)
	req := search.Request{Query: sq, Filter: f.Filter, Near: pt, Within: cat.Extent(sq.Places), Limit: limit, Offset: offset}
	if f.openNow {
		req.Limit, req.Offset = openNowWindow, 0
	}
	res, ran, err := search.SearchOrHelp(ctx, q.engine, cat.Analyzer, req)
	if err != nil {
		return err
	}
	sq = ran
	ids := make([]string, len(res.Hits))
	named := map[string][]string{}
	for i, h := range res.Hits {
		ids[i] = h.ID
		named[h.ID] = h.MatchedPractitioners
	}
	found, err := placedb.FoundPlaces(ctx, q.db, ids)
	if err != nil {
		return err
	}
	places, people, facts := found.Places, found.People, found.Facts
	if f.openNow {
		open := places[:0]
		for _, pl := range places {
			if isOpen(pl.Hours, pl.Status, now, cat.Calendar) {
				open = append(open, pl)
			}
		}
		res.Total = len(open)
		places = open[min(offset, len(open)):min(offset+limit, len(open))]
	}
	out := listAnswer[placeItem]{Results: make([]placeItem, 0, len(places)), Total: res.Total, Limit: limit, Offset: offset}
	for i := range places {
		d := -1.0
		if pt != nil {
			d = geo.Distance(*pt, orb.Point{places[i].Lng, places[i].Lat})
		}
		it := item(&places[i], d, crs, now, cat.Calendar)
		it.MatchedPractitioners = named[places[i].ID]
		it.Matched = cat.Analyzer.Reasons(sq, reasonPlace(&places[i], people[places[i].ID], facts[places[i].ID], it.MatchedPractitioners))
		out.Results = append(out.Results, it)
	}
	activeFirst(out.Results)
	return c.JSON(http.StatusOK, out)
}

// reasonPlace is a found place as search.Reasons reads it.
func reasonPlace(p *placedb.Place, people []placedb.PlacePerson, facts placedb.PlaceFact, named []string) search.ReasonPlace {
	r := search.ReasonPlace{Kind: p.Kind, Name: p.Name, Address: p.Address, PracticeAreas: p.PracticeAreas,
		Categories: facts.Categories, Named: named}
	for _, x := range people {
		r.People = append(r.People, search.ReasonPerson{Role: x.Role, Name: x.Name, PracticeAreas: x.PracticeAreas})
	}
	return r
}
