package search

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/meilisearch/meilisearch-go"
	"github.com/paulmach/orb"

	"legalmap/internal/geo"
	"legalmap/internal/store"
)

// MeiliIndex is the Meilisearch index that holds the directory's places.
const MeiliIndex = "providers"

// Meili is the Meilisearch engine. It indexes the same analysis as PostgreSQL (MeiliDocument carries the
// analyzer's lexemes, pinyin included, next to the plain text), and maps what the analysis understood
// onto filters: the kinds, practice areas and places a query names become conditions, its remaining
// words the text Meilisearch ranks.
type Meili struct {
	index meilisearch.IndexManager
}

// NewMeili returns the engine on the server at url (key may be empty on an open development server).
func NewMeili(url, key string) *Meili { return newMeiliOn(url, key, MeiliIndex) }

func newMeiliOn(url, key, index string) *Meili {
	var opts []meilisearch.Option
	if key != "" {
		opts = append(opts, meilisearch.WithAPIKey(key))
	}
	return &Meili{index: meilisearch.New(url, opts...).Index(index)}
}

// meiliWindow is how many hits are read to blend nearness into the ranking (Meilisearch sorts by
// relevance or by distance, not by a mix).
const meiliWindow = 200

// Search asks with the concept filters first; when they leave nothing, with the raw words alone
// (matching as many as it can), as the PostgreSQL engine relaxes its query.
func (m *Meili) Search(ctx context.Context, r Request) (Result, error) {
	if r.Query.Empty() {
		return Result{}, nil
	}
	// Hints rank the places whose text carries them first; Meilisearch drops words no document holds.
	text := strings.Join(append(append(append([]string{}, r.Query.Terms...), r.Query.Hints...), r.Query.Licence), " ")
	hits, total, err := m.run(ctx, r, strings.TrimSpace(text), append(filterExpr(r.Filter), conceptExpr(r.Query)...))
	if err == nil && len(hits) == 0 {
		hits, total, err = m.run(ctx, r, r.Query.Raw, filterExpr(r.Filter))
	}
	if err != nil {
		return Result{}, fmt.Errorf("meilisearch: %w", err)
	}
	for i := range hits {
		if r.Near != nil {
			hits[i].score *= nearness(geo.Distance(*r.Near, hits[i].at))
		}
		hits[i].tier = rankTier(r.Query, hits[i].kind, hits[i].status)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].tier != hits[j].tier {
			return hits[i].tier < hits[j].tier
		}
		return hits[i].score > hits[j].score
	})
	hits = permute(hits, besideByKind(len(hits), r.Query.Solves, func(i int) int { return hits[i].tier }, func(i int) string { return hits[i].kind }))
	res := Result{Total: total}
	for _, h := range hits[min(r.Offset, len(hits)):min(r.Offset+r.Limit, len(hits))] {
		res.Hits = append(res.Hits, Hit{ID: h.id, Score: h.score, MatchedPractitioners: h.matched(r.Query)})
	}
	return res, nil
}

type meiliHit struct {
	id     string
	kind   string
	status string
	tier   int
	score  float64
	at     orb.Point
	people []store.DocPerson
}

func (m *Meili) run(ctx context.Context, r Request, text string, filter []string) ([]meiliHit, int, error) {
	req := &meilisearch.SearchRequest{
		Limit: int64(r.Offset + r.Limit), ShowRankingScore: true, Filter: strings.Join(filter, " AND "),
		AttributesToRetrieve: []string{"id", "_geo", "people", "kind", "status"}, MatchingStrategy: meilisearch.Last,
	}
	if r.Near != nil || len(r.Query.Solves)+len(r.Query.Also) > 0 || r.Query.FreeHelp {
		req.Limit = int64(max(meiliWindow, r.Offset+r.Limit))
	}
	resp, err := m.index.Search(ctx, text, req)
	if err != nil {
		return nil, 0, err
	}
	out := make([]meiliHit, 0, len(resp.Hits))
	for _, raw := range resp.Hits {
		var h meiliHit
		var g struct{ Lat, Lng float64 }
		if json.Unmarshal(raw["id"], &h.id) != nil {
			continue
		}
		_ = json.Unmarshal(raw["_rankingScore"], &h.score)
		if json.Unmarshal(raw["_geo"], &g) == nil {
			h.at = orb.Point{g.Lng, g.Lat}
		}
		_ = json.Unmarshal(raw["people"], &h.people)
		_ = json.Unmarshal(raw["kind"], &h.kind)
		_ = json.Unmarshal(raw["status"], &h.status)
		out = append(out, h)
	}
	return out, int(min(resp.EstimatedTotalHits, MaxTotal)), nil
}

// matched names the people the query's words or licence number point at.
func (h meiliHit) matched(q Query) []string {
	var out []string
	for _, p := range h.people {
		hit := q.Licence != "" && strings.HasPrefix(Normalize(p.LicenceNo), q.Licence)
		for _, t := range q.Terms {
			hit = hit || (len([]rune(t)) >= 2 && strings.Contains(Normalize(p.Name), t))
		}
		if hit {
			out = append(out, p.Name)
		}
	}
	return out
}

// filterExpr is the list filters in Meilisearch's filter syntax. Codes were checked against the
// vocabularies; they are quoted anyway.
func filterExpr(f store.Filter) []string {
	out := []string{`status != "closed"`}
	if len(f.Kinds) > 0 {
		out = append(out, "kind IN "+quoteList(f.Kinds))
	}
	if len(f.PracticeAreas) > 0 {
		out = append(out, "practice_areas IN "+quoteList(f.PracticeAreas))
	}
	if len(f.Languages) > 0 {
		out = append(out, "languages IN "+quoteList(f.Languages))
	}
	if f.Free != nil {
		out = append(out, "free = "+strconv.FormatBool(*f.Free))
	}
	return out
}

// conceptExpr turns what the analysis recognised into conditions: each named practice area, kind and
// place must be met.
func conceptExpr(q Query) []string {
	var out []string
	switch {
	case len(q.Areas) > 0 && len(q.SolverKinds) > 0:
		// A practice area is met by the places practising it or by the specialist kinds that solve it.
		out = append(out, "(practice_areas IN "+quoteList(q.Areas)+" OR kind IN "+quoteList(q.SolverKinds)+")")
	case len(q.Areas) > 0:
		out = append(out, "practice_areas IN "+quoteList(q.Areas))
	case len(q.SolverKinds) > 0:
		out = append(out, "kind IN "+quoteList(q.SolverKinds))
	}
	if len(q.Kinds) > 0 {
		out = append(out, "kind IN "+quoteList(q.Kinds))
	}
	if len(q.Places) > 0 {
		out = append(out, "area_codes IN "+quoteList(q.Places))
	}
	return out
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = strconv.Quote(v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
