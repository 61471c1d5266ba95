package search

import (
	"context"

	"github.com/paulmach/orb"

	"legalmap/internal/store"
)

// Engine answers a keyword query with place ids, best first. Two implement it: PG (the default, over the
// search documents PostgreSQL keeps next to the data) and Meili (Meilisearch, for a directory too large
// for one database). Both take the same analysed Query, so the everyday-word understanding is the same.
type Engine interface {
	Search(ctx context.Context, r Request) (Result, error)
}

// Request is one search: the analysed text, the filters of the list endpoints, and an optional location
// (WGS84) that makes nearer places rank higher.
type Request struct {
	Query  Query
	Filter store.Filter
	Near   *orb.Point
	// Within, when set, is a box every answer lies in: the extent of the places the query names (福田 律师:
	// Futian's box). A broad query's nearest matches are then looked for from the point of the box nearest
	// the citizen, not through everything between the citizen and the place they named.
	Within *orb.Bound
	Limit  int
	Offset int
}

// Result is one page of hits and how many there are in all (Total stops counting at MaxTotal).
type Result struct {
	Hits  []Hit
	Total int
}

// Hit is a matching place and, when the query named people, which of its practitioners matched.
type Hit struct {
	ID                   string
	Score                float64
	MatchedPractitioners []string
}

const (
	// MaxRanked is how many matches are ranked for one answer; offset+limit must stay within it. A query
	// matching more (every law firm) is ranked among its nearest matches when a location is given,
	// otherwise among the first MaxRanked the database yields.
	MaxRanked = 1000
	// MaxTotal is where counting stops: a total of MaxTotal means "more than MaxRanked". Pages end at
	// MaxRanked anyway, and counting a broad query's matches costs more than answering it.
	MaxTotal = MaxRanked + 1
	// nearWindow is how many of a broad query's nearest matches are ranked for a first page: the ranking's
	// nearness makes a match many times farther than these rarely worth showing before them.
	nearWindow = 100
)

// window is how many nearest matches of a broad query are ranked for the page asked: deeper pages read
// deeper.
func window(r Request) int { return min(MaxRanked, max(nearWindow, 4*(r.Offset+r.Limit))) }
