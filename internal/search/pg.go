package search

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
)

// PG searches the search documents PostgreSQL keeps in providers.search_doc and practitioners.search_doc
// (tsvectors written from Analyzer.DocumentTokens, GIN-indexed), with pg_trgm on English names for typos.
type PG struct {
	db *pgxpool.Pool
}

// NewPG returns the PostgreSQL engine on a pool.
func NewPG(db *pgxpool.Pool) *PG { return &PG{db: db} }

// Search runs the strict query (every concept met); when that finds nothing, it tries English names by
// trigram similarity (the query had Latin words: perhaps a misspelt name), then the relaxed query (any
// concept met, ranked by how much is met): citizens describe trouble with words no record holds. The
// matches are ranked by Rank and the page asked for is cut out.
func (e *PG) Search(ctx context.Context, r Request) (Result, error) {
	strict := r.Query.TSQuery()
	if strict == "" {
		return Result{}, nil
	}
	hits, total, err := e.matches(ctx, r, strict)
	if err == nil && len(hits) == 0 && len(r.Query.Latin) > 0 {
		hits, err = store.SearchEnglishNames(ctx, e.db, strings.Join(r.Query.Latin, " "), r.Filter, MaxRanked)
		total = len(hits)
	}
	if relaxed := r.Query.TSQueryAny(); err == nil && len(hits) == 0 && relaxed != strict {
		hits, total, err = e.matches(ctx, r, relaxed)
	}
	if err != nil {
		return Result{}, err
	}
	cands := make([]Candidate, len(hits))
	for i, h := range hits {
		cands[i] = Candidate{ID: h.ID, Name: h.Name, Text: h.Rank, AreaCode: h.AreaCode, Kind: h.Kind, Status: h.Status, At: orb.Point{h.Lng, h.Lat}}
	}
	shown := page(Rank(cands, r.Query, r.Near), r.Offset, r.Limit)
	ids := make([]string, len(shown))
	for i, s := range shown {
		ids[i] = s.ID
	}
	named, err := store.MatchedPractitioners(ctx, e.db, ids, r.Query.TSQueryAny())
	if err != nil {
		return Result{}, err
	}
	res := Result{Total: total, Hits: make([]Hit, len(shown))}
	for i, s := range shown {
		res.Hits[i] = Hit{ID: s.ID, Score: s.Score, MatchedPractitioners: named[s.ID]}
	}
	return res, nil
}

// matches returns the matches of tsq to rank and their total. A query matching at most MaxRanked places
// (most: a name, a kind in a district) has them all ranked. A broader one counts as "more than
// MaxRanked". Without a location it is ranked among the first MaxRanked the database yields (an
// arbitrary but complete page); with one, among its nearest matches: those among the walkFactor×window
// places nearest the citizen. Where matches are too few around the citizen to fill the window (a query
// naming another town), the window is filled from the first matches, which the ranking's nearness then
// orders.
//
// Reading a query's first matches costs the GIN index's whole list of them, most of a search's time for
// one that matches a large part of the directory ("律师"). So with a location, a query PostgreSQL's
// statistics expect to match manyTimes×MaxRanked places or more is taken to be broad without that read,
// when its nearest matches fill the window.
func (e *PG) matches(ctx context.Context, r Request, tsq string) ([]store.SearchHit, int, error) {
	var near []store.SearchHit
	walked := false
	if r.Near != nil {
		est, err := store.EstimateMatches(ctx, e.db, tsq, r.Filter)
		if err != nil {
			return nil, 0, err
		}
		if est >= manyTimes*MaxRanked {
			walked = true
			if near, err = e.nearest(ctx, r, tsq); err != nil || len(near) >= window(r) {
				return near, MaxTotal, err
			}
		}
	}
	hits, all, err := store.SearchMatches(ctx, e.db, tsq, r.Filter, MaxRanked+1)
	if err != nil || all && len(hits) <= MaxRanked {
		return hits, len(hits), err
	}
	hits = hits[:min(len(hits), MaxRanked)]
	if r.Near == nil {
		return hits, MaxTotal, nil
	}
	if !walked {
		if near, err = e.nearest(ctx, r, tsq); err != nil {
			return nil, 0, err
		}
	}
	if len(near) >= window(r) {
		return near, MaxTotal, nil
	}
	return union(near, hits), MaxTotal, nil
}

// manyTimes is how many times MaxRanked places a query must be expected to match to be taken as broad
// unread: far enough above the line that the statistics' error does not cross it.
const manyTimes = 20

// nearest is the window of a broad query's matches nearest the citizen (or the place the query names).
func (e *PG) nearest(ctx context.Context, r Request, tsq string) ([]store.SearchHit, error) {
	from := *r.Near
	if r.Within != nil {
		from = nearestIn(*r.Within, from)
	}
	w := window(r)
	return store.SearchNearestMatches(ctx, e.db, tsq, r.Filter, from, walkFactor*w, w)
}

// walkFactor is how many places per window entry the walk outwards from the citizen reads at most: a
// query that a tenth of the places around match fills its window.
const walkFactor = 10

// union is a followed by the hits of b it does not hold.
func union(a, b []store.SearchHit) []store.SearchHit {
	seen := make(map[string]bool, len(a))
	for _, h := range a {
		seen[h.ID] = true
	}
	for _, h := range b {
		if !seen[h.ID] {
			a = append(a, h)
		}
	}
	return a
}

// nearestIn is the point of box b nearest to p in degrees (p itself when inside): where a walk outwards
// through the spatial index meets the box first.
func nearestIn(b orb.Bound, p orb.Point) orb.Point {
	return orb.Point{min(max(p[0], b.Min[0]), b.Max[0]), min(max(p[1], b.Min[1]), b.Max[1])}
}
