package search

import (
	"context"
	"hash/fnv"
	"slices"
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
	known := lexemeShares{} // each lexeme's estimate, asked once for the request's every stage
	hits, total, err := e.strictMatches(ctx, r, known)
	if err == nil && len(hits) == 0 && len(r.Query.Latin) > 0 {
		hits, err = store.SearchEnglishNames(ctx, e.db, strings.Join(r.Query.Latin, " "), r.Filter, MaxRanked)
		total = len(hits)
	}
	if relaxed := r.Query.TSQueryAny(); err == nil && len(hits) == 0 && relaxed != strict {
		hits, total, err = e.matches(ctx, r, []concept{r.Query.anyConcept()}, walk{tsq: relaxed, filter: r.Filter}, known)
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

// strictMatches are the matches of the strict query: every concept met.
func (e *PG) strictMatches(ctx context.Context, r Request, known lexemeShares) ([]store.SearchHit, int, error) {
	rest, kinds := r.Query.kindsApart()
	near := walk{tsq: r.Query.TSQuery(), filter: r.Filter}
	if kinds != nil {
		if len(r.Filter.Kinds) > 0 {
			if kinds = intersect(kinds, r.Filter.Kinds); len(kinds) == 0 {
				return nil, 0, nil
			}
		}
		near = walk{tsq: tsqueryOf(rest), filter: r.Filter}
		near.filter.Kinds = kinds
	}
	return e.matches(ctx, r, r.Query.concepts, near, known)
}

// walk is what the walk outwards from the citizen tests each place for. The kinds a query names are its
// filter's (with the filter's own, the kinds both name), not lexemes of its tsquery: it then walks through
// places of those kinds only, by the (kind, geography) index.
type walk struct {
	tsq    string
	filter store.Filter
}

// intersect is the elements of a that b holds, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}

// matches returns the matches of the concepts (ANDed tsqueries) to rank, and their total. A query
// matching at most MaxRanked places (most: a name, a kind in a district) has them all ranked. A broader
// one counts as "more than MaxRanked". Without a location it is ranked among the first MaxRanked the
// database yields (an arbitrary but complete page); with one, among its nearest matches: those among the
// walkFactor×window places nearest the citizen (or the place the query names). Where they are too few for
// the page asked (a query naming another town), the window is filled from a sample of the matches, or the
// first ones, which the ranking's nearness then orders.
//
// Reading a query's first matches costs the GIN index's posting lists of its lexemes, most of a search's
// time for one that matches a large part of the directory ("律师"). So with a location, a query the
// statistics expect to match more than MaxRanked places (expectedMatches) is first looked for around the
// citizen (or the place it names) where they expect that to fill the page (walkFills); where that is not
// tried or does not fill the page, its window is drawn from a sample of its matches (sample), or read only
// as far as the window: such a query counts as "more than MaxRanked" on the statistics' word,
// unless the read finds fewer than the window. The read leaves to the rows the concepts whose lists are
// long beside the others' (splitConcepts).
func (e *PG) matches(ctx context.Context, r Request, cs []concept, w walk, known lexemeShares) ([]store.SearchHit, int, error) {
	// Each lexeme's estimate is asked only where there is a choice of what to read (several lexemes), and
	// once: known holds those an earlier stage of the request asked.
	lexemes := lexemesOf(cs)
	var ask, one []string
	if len(lexemes) > 1 {
		for _, l := range lexemes {
			if _, ok := known[l]; !ok {
				ask, one = append(ask, l), append(one, quoteLexeme(l))
			}
		}
	}
	est, err := store.EstimateMatches(ctx, e.db, w.tsq, w.filter, one...)
	if err != nil {
		return nil, 0, err
	}
	for i, l := range ask {
		known[l] = est.Lexemes[i]
	}
	shares := make(lexemeShares, len(lexemes))
	for _, l := range lexemes {
		shares[l] = known[l]
	}
	if len(lexemes) == 1 {
		shares[lexemes[0]] = est.Matches // the query's estimate is its one lexeme's
	}
	if expected := expectedMatches(cs, shares, len(w.filter.Kinds) > 0, est); r.Near != nil && expected > MaxRanked {
		var near []store.SearchHit
		if walkFills(r, expected, est.Among) {
			if near, err = e.nearest(ctx, r, w); err != nil || len(near) >= r.Offset+r.Limit {
				return near, MaxTotal, err
			}
		}
		// Too few around the citizen (a query naming another town): the window is filled from a sample
		// of the matches, or the first ones, which the ranking's nearness then orders.
		if hits, err := e.sample(ctx, r, cs, w, shares, expected); err != nil || len(hits) >= r.Offset+r.Limit {
			return union(near, hits), MaxTotal, err
		}
		hits, all, err := e.read(ctx, r, cs, w, shares, window(r))
		if err != nil || all {
			return hits, len(hits), err
		}
		return union(near, hits), MaxTotal, nil
	}
	hits, all, err := e.read(ctx, r, cs, w, shares, MaxRanked+1)
	if err != nil || all {
		return hits, len(hits), err
	}
	hits = hits[:MaxRanked]
	if r.Near == nil {
		return hits, MaxTotal, nil
	}
	near, err := e.nearest(ctx, r, w)
	if err != nil {
		return nil, 0, err
	}
	if len(near) >= r.Offset+r.Limit {
		return near, MaxTotal, nil
	}
	return union(near, hits), MaxTotal, nil
}

// walkFills says whether a walk through the places nearest the citizen is expected to fill the page: were
// the expected matches spread like the places the walk goes through (among), as many of those the walk
// reads would match as the page asks for. Matches lie closer together than that (a town's, a district's),
// so a walk expected to fill it mostly does, and where several times fewer are expected it seldom finds
// any: they lie in another town, and the walk would go through the citizen's in vain.
func walkFills(r Request, expected, among float64) bool {
	return among > 0 && expected/among*float64(walkFactor*window(r)) >= float64(r.Offset+r.Limit)
}

// expectedMatches is how many places the statistics expect a query's concepts to match among the places
// its walk goes through: the planner's estimate, or the concepts' own where they say more. The planner
// takes every lexeme as independent of the others, but the overlapping pairs a word is indexed as come
// together (杨浦区 is 杨浦 and 浦区, and nearly every document holding the first holds the second), so it
// can expect a small part of what such a query matches. Concept by concept, a concept matches at most as
// many documents as its alternatives' rarest lexemes hold (lexemeShares.yield); concepts are taken as
// independent. A concept of kinds alone is left out when the walk's filter holds them.
func expectedMatches(cs []concept, s lexemeShares, kindsFiltered bool, est store.SearchEstimate) float64 {
	if len(s) == 0 || est.Documents <= 0 {
		return est.Matches
	}
	share := 1.0
	for _, c := range cs {
		if kindsFiltered && c.onlyKinds() != nil {
			continue
		}
		share *= min(1, s.yield(c)/est.Documents)
	}
	return max(est.Matches, share*est.Among)
}

// read is up to limit matches of the concepts, read through the search index (splitConcepts says which
// concepts it reads and which it tests on the places it yields), and whether they are all there are. A
// query naming nothing but kinds reads its places by the kind column's index instead.
func (e *PG) read(ctx context.Context, r Request, cs []concept, w walk, shares lexemeShares, limit int) ([]store.SearchHit, bool, error) {
	if w.tsq == "" {
		return store.SearchMatches(ctx, e.db, "", "", w.filter, limit)
	}
	index, rows := splitConcepts(cs, shares)
	return store.SearchMatches(ctx, e.db, index, rows, r.Filter, limit)
}

// sample is a window of matches of the concepts among one bucket of the places holding the lexemes one of
// which every match holds (coveringLexemes, store.SearchSample): a broad query naming another town finds
// its window there at a bucket's share of the cost of reading the town's every place. Drawn only where
// the statistics expect a bucket to hold twice the page; nil otherwise. The bucket follows from the query,
// so the pages of one query come from one sample.
//
// Nor is it drawn when the lexemes are those of the kinds the walk went through: then nothing in the query
// says where its matches lie (its other words name work, which a kind's places anywhere may do), and the
// walk's finding too few of them among the kind's places around the citizen says they are few; reading
// them settles it, where a bucket of the kind's places elsewhere would most likely hold as few.
func (e *PG) sample(ctx context.Context, r Request, cs []concept, w walk, shares lexemeShares, expected float64) ([]store.SearchHit, error) {
	cover, ok := coveringLexemes(cs, shares)
	if !ok || expected/store.SampleBuckets < float64(2*(r.Offset+r.Limit)) || len(w.filter.Kinds) > 0 && allKinds(cover) {
		return nil, nil
	}
	tsq := tsqueryOf(cs)
	h := fnv.New32a()
	h.Write([]byte(tsq))
	quoted := make([]string, len(cover))
	for i, l := range cover {
		quoted[i] = quoteLexeme(l)
	}
	return store.SearchSample(ctx, e.db, quoted, tsq, r.Filter, int(h.Sum32()%store.SampleBuckets), window(r))
}

// allKinds says whether every lexeme is a kind's.
func allKinds(lexemes []string) bool {
	for _, l := range lexemes {
		if !strings.HasPrefix(l, prefixKind) {
			return false
		}
	}
	return true
}

// nearest is the window of a broad query's matches nearest the citizen (or the place the query names).
func (e *PG) nearest(ctx context.Context, r Request, w walk) ([]store.SearchHit, error) {
	from := *r.Near
	if r.Within != nil {
		from = nearestIn(*r.Within, from)
	}
	n := window(r)
	return store.SearchNearestMatches(ctx, e.db, w.tsq, w.filter, from, walkFactor*n, n)
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
