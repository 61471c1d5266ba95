package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"
)

// SearchHit is a place a keyword search matched, with its text relevance and what the ranking reads.
type SearchHit struct {
	ID       string
	Rank     float64 // ts_rank of search_doc against the query, or a name similarity in [0, 1]
	Name     string
	Lng, Lat float64
	AreaCode string // the administrative area it lies in, "" if unknown
	Status   string
}

// searchColumns are a SearchHit's, in searchHits' order; $1 is the tsquery.
const searchColumns = `p.id::text, ts_rank(p.search_doc, $1::tsquery), p.name, ST_X(p.geom), ST_Y(p.geom),
		coalesce(p.area_code, ''), p.status`

// The statements take the tsquery as a parameter cast with ::tsquery (never to_tsquery, which would re-parse
// the code lexemes such as 'pa:labour'). They run as unnamed statements (QueryExecModeCacheDescribe), which
// PostgreSQL plans for the values of each call: how many places a tsquery matches ranges from one to most
// of the directory, and the right plan with it (the GIN index for a rare word, a scan that stops early for
// a common one; for the nearest matches, the spatial index walked outwards or the GIN matches sorted).

// SearchMatches returns up to limit places whose search document matches tsq, in no particular order.
func SearchMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, limit int) ([]SearchHit, error) {
	args := append([]any{pgx.QueryExecModeCacheDescribe, tsq}, f.args()...)
	return searchHits(db.Query(ctx, searchMatchesSQL, append(args, limit)...))
}

// searchMatchesSQL reads tsquery, kinds, practice areas, languages, free, limit.
var searchMatchesSQL = `SELECT ` + searchColumns + `
		FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND ` + filterSQL(2) + `
		LIMIT $6`

// SearchNearestMatches returns the limit places matching tsq nearest to near (WGS84), nearest first by the
// sphere's distance, among those in the box reaching metres from it: a broad query's window to rank
// around a citizen. The box is the spatial index's own condition (the one ST_DWithin adds), which the
// planner estimates from the index's statistics; ST_DWithin's exact test would add a guess of its own.
func SearchNearestMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, near orb.Point, metres float64, limit int) ([]SearchHit, error) {
	args := append([]any{pgx.QueryExecModeCacheDescribe, tsq}, f.args()...)
	return searchHits(db.Query(ctx, searchNearestMatchesSQL, append(args, limit, near[0], near[1], metres)...))
}

// searchNearestMatchesSQL reads searchMatchesSQL's parameters, then the point's longitude and latitude
// and the distance.
var searchNearestMatchesSQL = `SELECT ` + searchColumns + `
		FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND ` + filterSQL(2) + `
		  AND p.geom::geography && _ST_Expand(ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography, $9)
		ORDER BY p.geom::geography <-> ST_SetSRID(ST_MakePoint($7, $8), 4326)::geography
		LIMIT $6`

// englishNameSimilarity is the word similarity a misspelt English name must reach. pg_trgm's default
// (0.6) misses a dropped letter in a short name ("zhonlun" against "zhong lun" is 0.5); this is used only
// when nothing else matched, so a looser bar costs little.
const englishNameSimilarity = "0.45"

// SearchEnglishNames finds places whose English name holds words like the given ones (trigram word
// similarity through the GIN trigram index, for typos: "zhonlun" finds Zhong Lun), best first.
func SearchEnglishNames(ctx context.Context, db *pgxpool.Pool, words string, f Filter, limit int) ([]SearchHit, error) {
	var hits []SearchHit
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, englishNameSimilarity); err != nil {
			return err
		}
		args := append([]any{pgx.QueryExecModeCacheDescribe, words}, f.args()...)
		var err error
		hits, err = searchHits(tx.Query(ctx, `SELECT p.id::text, word_similarity($1, lower(p.name_en)), p.name, ST_X(p.geom), ST_Y(p.geom),
				coalesce(p.area_code, ''), p.status
			FROM providers p
			WHERE $1 <% lower(p.name_en) AND `+filterSQL(2)+`
			ORDER BY word_similarity($1, lower(p.name_en)) DESC, p.id
			LIMIT $6`, append(args, limit)...))
		return err
	})
	return hits, readErr(err)
}

func searchHits(rows pgx.Rows, err error) ([]SearchHit, error) {
	if err != nil {
		return nil, readErr(err)
	}
	var out []SearchHit
	var h SearchHit
	_, err = pgx.ForEachRow(rows, []any{&h.ID, &h.Rank, &h.Name, &h.Lng, &h.Lat, &h.AreaCode, &h.Status}, func() error {
		out = append(out, h)
		return nil
	})
	return out, readErr(err)
}

var matchedPractitionersSQL = `SELECT pr.provider_id::text, pr.name FROM practitioners pr
		WHERE pr.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed' AND pr.search_doc @@ $2::tsquery
		UNION
		SELECT a.provider_id::text, pr.name FROM assignments a JOIN practitioners pr ON pr.id = a.practitioner_id
		WHERE a.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed' AND pr.search_doc @@ $2::tsquery
		ORDER BY 1, 2`

// MatchedPractitioners names, per place among providerIDs, the practitioners (belonging there or serving
// there) whose own search document matches tsq: a search for a lawyer's name or licence number answers
// with their place, saying who matched.
func MatchedPractitioners(ctx context.Context, db *pgxpool.Pool, providerIDs []string, tsq string) (map[string][]string, error) {
	out := map[string][]string{}
	if len(providerIDs) == 0 || tsq == "" {
		return out, nil
	}
	rows, err := db.Query(ctx, matchedPractitionersSQL, providerIDs, tsq)
	if err != nil {
		return nil, readErr(err)
	}
	var id, name string
	_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error {
		out[id] = append(out[id], name)
		return nil
	})
	return out, readErr(err)
}
