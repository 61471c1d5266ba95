package search

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// PG searches the search documents PostgreSQL keeps in providers.search_doc and practitioners.search_doc
// (tsvectors written from Analyzer.DocumentTokens, GIN-indexed), with pg_trgm on English names for typos.
type PG struct {
	db      *pgxpool.Pool // the GIN statements: one good plan each, so generic plans (store.PoolConfig.GenericPlans)
	perCall *pgxpool.Pool // the statements planned for their values at every call
	cache   *hitsCache    // the reads that do not depend on the location, per directory version
}

// NewPG returns the PostgreSQL engine on its two pools (they may be one), keeping up to cacheBytes of
// recent queries' reads (hitsCache; 0: none).
func NewPG(db, perCall *pgxpool.Pool, cacheBytes int) *PG {
	e := &PG{db: db, perCall: perCall}
	if cacheBytes > 0 {
		e.cache = newHitsCache(cacheBytes)
	}
	return e
}

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

// nearWindow is how many of a broad query's matches are ranked for a first page.
const nearWindow = 100

// matches returns the matches to rank and the total. It first samples the query in one bucket of places
// (see buckets.go). A narrow query (most: a name, an area in a district) has all its matches read and
// ranked. A broad one has a total of MaxTotal ("more than MaxRanked") and is ranked among its matches near
// the location when one is given (nearMatches), otherwise among its matches in the first buckets: an
// arbitrary but stable subset, as large as the page needs.
func (e *PG) matches(ctx context.Context, r Request, tsq string) ([]store.SearchHit, int, error) {
	want := window(r)
	// Up to the window only: each row read costs a heap visit and a ts_rank, and a broad query's window is
	// all that is ranked.
	fk := filterKey(r.Filter)
	sample, err := e.cache.read(ctx, r.Version, cacheKey{"sample", tsq, fk, want}, func(ctx context.Context) ([]store.SearchHit, error) {
		return store.SearchSample(ctx, e.db, tsq, r.Filter, want)
	})
	if err != nil {
		return nil, 0, err
	}
	// fill is what the cells around the location do not fill: the bucket sample, widened, or the matches
	// already read.
	var fill []store.SearchHit
	if len(sample) < broadSample {
		hits, err := e.cache.read(ctx, r.Version, cacheKey{"all", tsq, fk, MaxRanked + 1}, func(ctx context.Context) ([]store.SearchHit, error) {
			return store.SearchMatches(ctx, e.db, tsq, r.Filter, MaxRanked+1)
		})
		if err != nil || len(hits) <= MaxRanked {
			return hits, len(hits), err
		}
		if r.Near == nil { // just over the line
			return hits[:MaxRanked], MaxTotal, nil
		}
		// An arbitrary thousand of the matches, as good a fill as the buckets' and already read.
		fill = hits[:MaxRanked]
	}
	var near []store.SearchHit
	if r.Near != nil {
		near, err = e.nearMatches(ctx, r, tsq, want, len(sample) >= want)
		if err != nil || len(near) >= min(want, r.Offset+r.Limit) {
			return near, MaxTotal, err
		}
	}
	if fill == nil {
		if fill, err = e.sampleWindow(ctx, r, tsq, sample, want); err != nil {
			return nil, 0, err
		}
	}
	return union(near, fill), MaxTotal, nil
}

// cellLookup is how the cells are asked for the matches of tsq: what the index answers, and the filter the
// rows pass. A kind that a large share of the places have (law firms and community advisers, nine in ten
// places of the benchmark's million) is tested on the rows when the strict query asks for more than the
// kind: in the index, its posting list (450,000 entries) was walked in step with the cells' and the other
// words' at every candidate, about half of the lookup (9.3 -> 5.3 ms for 南山 law firms around a point),
// while on the rows it costs a visit to about two rows per law firm kept. The rows are ranked by tsq all
// the same, and a row passes exactly when its document would have matched tsq: its kind lexeme is its
// kind.
func cellLookup(r Request, tsq string) (string, store.Filter) {
	if tsq != r.Query.TSQuery() {
		return tsq, r.Filter // the relaxed query: the kind is one alternative among others
	}
	rest, kinds := r.Query.TSQueryButKinds()
	if rest == "" {
		return tsq, r.Filter
	}
	for _, k := range kinds {
		if !slices.Contains(r.CommonKinds, k) {
			return tsq, r.Filter
		}
	}
	f, ok := withKinds(r.Filter, kinds)
	if !ok {
		return tsq, r.Filter // nothing can match: the index says so at once
	}
	return rest, f
}

// withKinds is f narrowed to kinds too; false when no kind is left.
func withKinds(f store.Filter, kinds []string) (store.Filter, bool) {
	if len(f.Kinds) == 0 {
		f.Kinds = kinds
		return f, true
	}
	both := []string{}
	for _, k := range f.Kinds {
		if slices.Contains(kinds, k) {
			both = append(both, k)
		}
	}
	f.Kinds = both
	return f, len(both) > 0
}

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

// sampleWindow is a broad query's window from its bucket sample. A sample that fills the page is the
// window: a broad query's sample is an arbitrary subset of its matches in any case, and widening it (a GIN
// lookup of the query in more buckets) was the slowest statement of a search naming a district the
// citizen is not in (15 ms at a million places). A smaller one is widened by as many further buckets as
// the window takes, estimated from the first one's share (and one more for luck).
func (e *PG) sampleWindow(ctx context.Context, r Request, tsq string, sample []store.SearchHit, want int) ([]store.SearchHit, error) {
	if len(sample) >= min(want, r.Offset+r.Limit) {
		return sample, nil
	}
	more := min(sampleBuckets, (want+max(1, len(sample))-1)/max(1, len(sample))+1)
	key := cacheKey{"buckets 1-" + strconv.Itoa(more), tsq, filterKey(r.Filter), want - len(sample)}
	rest, err := e.cache.read(ctx, r.Version, key, func(ctx context.Context) ([]store.SearchHit, error) {
		return store.SearchMatchesIn(ctx, e.db, tsq, tsq, bucketsQuery(1, more), r.Filter, want-len(sample))
	})
	return append(sample, rest...), err // a sample from hitsCache is clipped: the append copies
}

// window is how many matches of a broad query are ranked for the page asked: the nearest few dozen are
// enough to rank a first page; deeper pages read deeper.
func window(r Request) int { return min(MaxRanked, max(nearWindow, 4*(r.Offset+r.Limit))) }

// nearMatches gathers a broad query's matches around the location, from the finest block of cells out:
// the finest block's matches are kept up to the window, coarser blocks fill up. It stops at the finest
// block that fills the window, or failing that at the first that fills the page asked for. Each step is
// one GIN lookup whose cost grows with the places in the block, not with the matches in the city; the
// widest block holds a large part of a dense city, so it is asked only when the sample showed the query
// to be thin on the ground (dense says it was not). When the query names a place the citizen is not in,
// the cells are skipped. What the blocks do not fill, the caller fills from the bucket sample (an
// arbitrary window, ranked by nearness all the same): a walk outwards through the spatial index, testing
// every place on the way, is bounded by nothing.
func (e *PG) nearMatches(ctx context.Context, r Request, tsq string, want int, dense bool) ([]store.SearchHit, error) {
	if r.Within != nil && !r.Within.Contains(*r.Near) {
		// The query names a place the citizen is not in: the cells around them hold none of its matches,
		// and those at the place's edge are a guess of its bounding box. The sample of the place's matches,
		// ranked by nearness, answers at a fraction of the cost.
		return nil, nil
	}
	anchor := *r.Near
	if kind, ok := r.Query.OnlyKind(); ok && tsq == r.Query.TSQuery() {
		// The nearest places of the kind are its nearest matches, in the kind's KNN index ("法律援助" near a
		// citizen at a million places: 0.4 ms, where the GIN lookups of the cells took 1 to 7).
		f, ok := withKinds(r.Filter, []string{kind})
		if !ok {
			return nil, nil
		}
		return store.SearchNearest(ctx, e.perCall, tsq, f, anchor, want)
	}
	need := min(want, r.Offset+r.Limit)
	match, f := cellLookup(r, tsq)
	var out []store.SearchHit
	for level := range cellSizes {
		if dense && level == len(cellSizes)-1 {
			break
		}
		hits, err := store.SearchMatchesIn(ctx, e.db, tsq, match, cellBlock(level, anchor), f, want)
		if err != nil {
			return nil, err
		}
		out = union(out, hits)
		out = out[:min(len(out), want)]
		if len(out) >= want || level > 0 && len(out) >= need {
			return out, nil
		}
	}
	return out, nil
}
