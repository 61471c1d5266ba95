package search

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// PG searches the search documents PostgreSQL keeps in providers.search_doc and practitioners.search_doc
// (tsvectors written from Analyzer.DocumentTokens, GIN-indexed), with pg_trgm on English names for typos.
type PG struct {
	db *pgxpool.Pool
}

// NewPG returns the PostgreSQL engine on db.
func NewPG(db *pgxpool.Pool) *PG { return &PG{db: db} }

// Search runs the strict query (every concept met); when that finds nothing, it tries English names by
// trigram similarity (the query had Latin words: perhaps a misspelt name), then the relaxed query (any
// concept met, ranked by how much is met): citizens describe trouble with words no record holds.
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
	shown := page(rankHits(hits, r.Query, r.Near), r.Offset, r.Limit)
	ids := make([]string, len(shown))
	for i, s := range shown {
		ids[i] = s.id
	}
	named, err := store.MatchedPractitioners(ctx, e.db, ids, r.Query.TSQueryAny())
	if err != nil {
		return Result{}, err
	}
	res := Result{Total: total, Hits: make([]Hit, len(shown))}
	for i, s := range shown {
		res.Hits[i] = Hit{ID: s.id, Score: s.score, MatchedPractitioners: named[s.id]}
	}
	return res, nil
}

// nearWindow is how many of a broad query's nearest matches are ranked for a first page.
const nearWindow = 100

// matches returns the matches to rank and the total. Most queries match few places (a name, an area in a
// district): all of them are ranked. A query matching more than MaxRanked has a total of MaxTotal ("more
// than MaxRanked") and is ranked among its nearest matches when a location is given, otherwise among the
// first MaxRanked the index yields.
func (e *PG) matches(ctx context.Context, r Request, tsq string) ([]store.SearchHit, int, error) {
	hits, err := store.SearchMatches(ctx, e.db, tsq, r.Filter, MaxRanked+1)
	if err != nil || len(hits) <= MaxRanked {
		return hits, len(hits), err
	}
	if r.Near == nil {
		return hits[:MaxRanked], MaxTotal, nil
	}
	// The nearest few dozen are enough to rank a page near the top; deeper pages read deeper.
	n := min(MaxRanked, max(nearWindow, 4*(r.Offset+r.Limit)))
	hits, err = store.SearchNearestMatches(ctx, e.db, tsq, r.Filter, *r.Near, r.Within, n)
	return hits, MaxTotal, err
}
