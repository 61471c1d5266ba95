package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/paulmach/orb"

	"legalmap/internal/geo"
)

// Candidate is a place an engine matched, with what the ranking reads of it.
type Candidate struct {
	ID, Name string
	Text     float64   // the engine's text relevance: ts_rank, a name similarity, Meilisearch's score
	AreaCode string    // the administrative area it lies in, "" if unknown
	Kind     string    // its kind: the kinds that solve the matter come first (kindfit.go)
	Status   string    // active, or a state that ranks it after the active places (closed ones never match)
	At       orb.Point // WGS84
}

// Ranked is a candidate with its tier and score.
type Ranked struct {
	Candidate
	Tier  int // rankTier: status, then the kind's fit for the query; lower goes first
	Score float64
}

// nearScale is the distance at which nearness halves a match's score: a citizen prefers a good match
// across the district to a poor one next door, but not one across the city.
const nearScale = 3000.0

// Rank orders the candidates of query q, seen from near (nil: no location), best first. Both engines rank
// with it. First goes the tier (rankTier, kindfit.go): places that serve now before the others, and among
// them the kinds that solve what the query names (遗嘱公证: notaries) before the rest. Within a tier, a
// score is the text relevance multiplied by:
//   - nameBoost: x3 when the name is what was typed, x2 when it holds it whole;
//   - name coverage: up to +10% for how much of the name the query's character pairs cover;
//   - placeBoost: x2 when the place lies in an area the query names;
//   - nearness: 1 at the spot, 1/2 at nearScale, 1/5 at four times it.
//
// Equal scores go by name, then id, so pages are stable. Last, where several kinds solve the matter, they
// take turns (besideByKind): 欠薪 shows legal aid beside the labour lawyers.
func Rank(cands []Candidate, q Query, near *orb.Point) []Ranked {
	want := compact(q.Raw)
	pairs := pairsOf(want)
	out := make([]Ranked, len(cands))
	for i, c := range cands {
		name := compact(c.Name)
		s := c.Text * nameBoost(want, name) * (1 + pairs.coverage(name)/10) * placeBoost(q.Places, c.AreaCode)
		if near != nil {
			s *= nearness(geo.Distance(*near, c.At))
		}
		out[i] = Ranked{Candidate: c, Tier: rankTier(q, c.Kind, c.Status), Score: s}
	}
	// The order is total (ids are unique), so an unstable sort gives the one order there is.
	slices.SortFunc(out, func(a, b Ranked) int {
		return cmp.Or(cmp.Compare(a.Tier, b.Tier), cmp.Compare(b.Score, a.Score),
			strings.Compare(a.Name, b.Name), strings.Compare(a.ID, b.ID))
	})
	order := besideByKind(len(out), q.Solves, func(i int) int { return out[i].Tier }, func(i int) string { return out[i].Kind })
	turns := make([]Ranked, len(order))
	for i, j := range order {
		turns[i] = out[j]
	}
	return turns
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

// nearness is 1 at the spot and falls smoothly with distance: 1/2 at nearScale, 1/5 at four times it.
func nearness(metres float64) float64 { return 1 / (1 + metres/nearScale) }

// charPairs is the set of a query's character pairs, made once for all the names ranked against it. Its
// coverage of a name separates places matching equally well (the nine legal-aid places of a district):
// the one whose name is mostly what was asked (深圳市南山区法律援助处 for 南山哪里可以申请法律援助) goes
// before those whose names add a street and a workstation.
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

// coverage is the share of name's character pairs that the query holds too, in [0, 1].
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

// page cuts the window [offset, offset+limit) out of a ranked list.
func page(all []Ranked, offset, limit int) []Ranked {
	if offset >= len(all) {
		return nil
	}
	return all[offset:min(len(all), offset+limit)]
}
