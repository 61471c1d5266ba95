package search

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
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
	// Futian's box). It lets a search from far away find the nearest matches in that place through the
	// spatial index instead of walking outwards from the citizen through everything in between.
	Within *orb.Bound
	// CommonKinds are the kinds a large share of the places have (a fifth or more): a search around a
	// location tests them on the rows rather than in the index (see PG.cellLookup).
	CommonKinds []string
	Limit       int
	Offset      int
	// Version is the directory's data version the answer is for: an engine may reuse what it read for
	// the same version (PG's hitsCache). 0: unknown, nothing reused.
	Version int64
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
	// matching more (every law firm) is ranked among the MaxRanked nearest matches when a location is
	// given, otherwise among the first MaxRanked the index yields.
	MaxRanked = 1000
	// MaxTotal is where counting stops: a total of MaxTotal means "more than MaxRanked". Pages end at
	// MaxRanked anyway, and counting a broad query's matches costs more than answering it.
	MaxTotal = MaxRanked + 1
	// nearScale is the distance at which nearness halves a match's score: a citizen prefers a good match
	// across the district to a poor one next door, but not one across the city.
	nearScale = 3000.0
)

// scored is a match with its blended score.
type scored struct {
	id, name, kind string
	tier           int // rankTier: status and the kind's fit, before the score
	score          float64
}

// rankHits puts the places of the kinds that solve the matter first (rankTier, besideByKind: kindfit.go),
// then blends text relevance with how much of the name the words are, and with nearness (when near is
// given), and sorts best first; equal scores go by name, then id, so pages are stable.
func rankHits(hits []store.SearchHit, q Query, near *orb.Point) []scored {
	want := compact(q.Raw)
	pairs := pairsOf(want)
	out := make([]scored, len(hits))
	for i, h := range hits {
		name := compact(h.Name)
		s := h.Rank * nameBoost(want, name) * (1 + pairs.coverage(name)/10) * placeBoost(q.Places, h.AreaCode)
		if near != nil {
			s *= nearness(geo.Distance(*near, orb.Point{h.Lng, h.Lat}))
		}
		out[i] = scored{id: h.ID, name: h.Name, kind: h.Kind, tier: rankTier(q, h.Kind, h.Status), score: s}
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if a.tier != b.tier {
			return cmp.Compare(a.tier, b.tier)
		}
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	return permute(out, besideByKind(len(out), q.Solves, func(i int) int { return out[i].tier }, func(i int) string { return out[i].kind }))
}

// permute is list in the given order of its indexes.
func permute[T any](list []T, order []int) []T {
	out := make([]T, len(order))
	for i, j := range order {
		out[i] = list[j]
	}
	return out
}

// nameBoost lifts a place whose name is what was typed (x3) or holds it whole (x2): "深圳市法律援助处"
// must put that office before the district offices whose names share all its words but one.
func nameBoost(query, name string) float64 {
	switch {
	case query == "" || name == "":
		return 1
	case name == query:
		return 3
	case len([]rune(query)) >= 2 && strings.Contains(name, query):
		return 2
	}
	return 1
}

// placeBoost doubles the score of a place that lies in an area the query names. A place concept is met by
// the area's code or by its name in the record's text, and a name hit weighs more in ts_rank than a code:
// without this, "南山 法律顾问" would put the points of communities called 南山社区 in other districts
// before the advisers who are in 南山区.
func placeBoost(places []string, area string) float64 {
	for _, p := range places {
		if area != "" && (area == p || isAncestor(p, area)) {
			return 2
		}
	}
	return 1
}

// nameCoverage is the share of a name's character pairs that the query holds too, in [0, 1]: among places
// matching equally well (the nine legal-aid places of a district), the one whose name is mostly what was
// asked (深圳市南山区法律援助处 for 南山哪里可以申请法律援助) goes before those whose names add a street and
// a workstation. It only separates near ties: at most a tenth of the score.
func nameCoverage(query, name string) float64 { return pairsOf(query).coverage(name) }

// charPairs is the set of a query's character pairs, made once for all the names ranked against it.
type charPairs map[[2]rune]bool

func pairsOf(query string) charPairs {
	q := []rune(query)
	if len(q) < 2 {
		return nil
	}
	pairs := make(charPairs, len(q))
	for i := 0; i+1 < len(q); i++ {
		pairs[[2]rune{q[i], q[i+1]}] = true
	}
	return pairs
}

func (pairs charPairs) coverage(name string) float64 {
	if len(pairs) == 0 {
		return 0
	}
	var prev rune
	n, hit := 0, 0
	for _, r := range name {
		if n > 0 && pairs[[2]rune{prev, r}] {
			hit++
		}
		prev = r
		n++
	}
	if n < 2 {
		return 0
	}
	return float64(hit) / float64(n-1)
}

// compact is text folded for comparing names: Normalize, and only letters and digits kept.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, Normalize(s))
}

// nearness is 1 at the spot and falls smoothly with distance: 1/2 at nearScale, 1/5 at four times it.
func nearness(metres float64) float64 { return 1 / (1 + metres/nearScale) }

// page cuts the window [offset, offset+limit) out of a ranked list.
func page(all []scored, offset, limit int) []scored {
	if offset >= len(all) {
		return nil
	}
	return all[offset:min(len(all), offset+limit)]
}
