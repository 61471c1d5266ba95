package search

import (
	"context"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
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
		cands[i] = Candidate{ID: h.ID, Name: h.Name, Text: h.Rank, AreaCode: h.AreaCode, Status: h.Status, At: orb.Point{h.Lng, h.Lat}}
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
// MaxRanked" and is ranked among its nearest matches when a location is given, otherwise among the first
// MaxRanked the database yields: an arbitrary but complete page.
//
// The nearest matches are looked for within the distance of the window's worth of nearest matches among
// those first read: that many matches surely lie within it, so the nearest ones do too. The bound lets
// PostgreSQL choose well between walking the spatial index outwards (matches all around) and sorting the
// matches within the distance (matches bunched far away, as for a town the citizen is not in: a walk would
// read every place on the way).
func (e *PG) matches(ctx context.Context, r Request, tsq string) ([]store.SearchHit, int, error) {
	hits, err := store.SearchMatches(ctx, e.db, tsq, r.Filter, MaxRanked+1)
	if err != nil || len(hits) <= MaxRanked {
		return hits, len(hits), err
	}
	if r.Near == nil {
		return hits[:MaxRanked], MaxTotal, nil
	}
	from := *r.Near
	if r.Within != nil {
		from = nearestIn(*r.Within, from)
	}
	w := window(r)
	hits, err = store.SearchNearestMatches(ctx, e.db, tsq, r.Filter, from, reach(hits, from, w), w)
	return hits, MaxTotal, err
}

// reach is a distance in metres from p within which at least n of the hits lie (n <= len(hits)): the
// n-th smallest geodesic distance, widened for the sphere the database measures on (its distances differ
// from the spheroid's by less than one per cent) and for rounding.
func reach(hits []store.SearchHit, p orb.Point, n int) float64 {
	d := make([]float64, len(hits))
	for i, h := range hits {
		d[i] = geo.Distance(p, orb.Point{h.Lng, h.Lat})
	}
	slices.Sort(d)
	return d[n-1]*1.01 + 1
}

// nearestIn is the point of box b nearest to p in degrees (p itself when inside): where a walk outwards
// through the spatial index meets the box first.
func nearestIn(b orb.Bound, p orb.Point) orb.Point {
	return orb.Point{min(max(p[0], b.Min[0]), b.Max[0]), min(max(p[1], b.Min[1]), b.Max[1])}
}
