package search

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/meilisearch/meilisearch-go"
	"github.com/paulmach/orb"

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

// meiliWindow is how many of Meilisearch's most relevant hits are ranked by Rank (at least): it sorts by
// relevance or by distance, not by a mix, and knows none of Rank's boosts.
const meiliWindow = 200

// Search asks with the concept filters first; when they leave nothing, with the raw words alone
// (matching as many as it can), as the PostgreSQL engine relaxes its query. The hits are ranked by Rank,
// as PG's are, with Meilisearch's relevance score as their text score.
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
	cands := make([]Candidate, len(hits))
	people := make(map[string][]store.DocPerson, len(hits))
	for i, h := range hits {
		cands[i] = h.Candidate
		people[h.ID] = h.people
	}
	res := Result{Total: total}
	for _, s := range page(Rank(cands, r.Query, r.Near), r.Offset, r.Limit) {
		res.Hits = append(res.Hits, Hit{ID: s.ID, Score: s.Score, MatchedPractitioners: matchedPeople(people[s.ID], r.Query)})
	}
	return res, nil
}

// meiliHit is a Meilisearch hit: the candidate it is for the ranking, and its people.
type meiliHit struct {
	Candidate
	people []store.DocPerson
}

func (m *Meili) run(ctx context.Context, r Request, text string, filter []string) ([]meiliHit, int, error) {
	req := &meilisearch.SearchRequest{
		Limit: int64(max(meiliWindow, r.Offset+r.Limit)), ShowRankingScore: true, Filter: strings.Join(filter, " AND "),
		AttributesToRetrieve: []string{"id", "name", "area_code", "kind", "status", "_geo", "people"}, MatchingStrategy: meilisearch.Last,
	}
	resp, err := m.index.Search(ctx, text, req)
	if err != nil {
		return nil, 0, err
	}
	out := make([]meiliHit, 0, len(resp.Hits))
	for _, raw := range resp.Hits {
		var h meiliHit
		var g struct{ Lat, Lng float64 }
		if json.Unmarshal(raw["id"], &h.ID) != nil {
			continue
		}
		_ = json.Unmarshal(raw["name"], &h.Name)
		_ = json.Unmarshal(raw["area_code"], &h.AreaCode)
		_ = json.Unmarshal(raw["kind"], &h.Kind)
		_ = json.Unmarshal(raw["status"], &h.Status)
		_ = json.Unmarshal(raw["_rankingScore"], &h.Text)
		if json.Unmarshal(raw["_geo"], &g) == nil {
			h.At = orb.Point{g.Lng, g.Lat}
		}
		_ = json.Unmarshal(raw["people"], &h.people)
		out = append(out, h)
	}
	return out, int(min(resp.EstimatedTotalHits, MaxTotal)), nil
}

// matchedPeople names the people the query's words or licence number point at.
func matchedPeople(people []store.DocPerson, q Query) []string {
	var out []string
	for _, p := range people {
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
