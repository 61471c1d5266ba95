package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/paulmach/orb"
)

// SearchHit is a place a keyword search matched, with its text relevance and position for the ranking.
type SearchHit struct {
	ID       string
	Rank     float64 // ts_rank of search_doc against the query, or a name similarity in [0, 1]
	Name     string
	Lng, Lat float64
	AreaCode string // the administrative area it lies in, "" if unknown
	Kind     string // its kind and status, for the ranking: the kinds that solve a matter come first,
	Status   string // places not active last
}

// The statements below take the tsquery as a parameter cast with ::tsquery (never to_tsquery, which would
// re-parse the code lexemes such as 'pa:labour'). Each has one good plan whatever the tsquery: a bitmap scan
// of a GIN index (the sample bucket's own for SearchSample), the only index they can use. So they are
// prepared once per connection, and the server runs them on a pool of generic plans
// (PoolConfig.GenericPlans; TestSearchGenericPlans shows each uses its index). Planning each call afresh,
// as PostgreSQL otherwise does for most tsqueries, took a quarter of a search's time in the database.

var searchMatchesSQL = `SELECT p.id::text, ts_rank(p.search_doc, $1::tsquery), p.name, ST_X(p.geom), ST_Y(p.geom), coalesce(p.area_code, ''), p.kind, p.status
		FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND ` + filterSQL(2) + `
		LIMIT $6`

// SearchMatchesSQL is the statement SearchMatches runs, for plan tests and the benchmark: parameters
// tsquery, kinds, practice areas, languages, free, limit.
func SearchMatchesSQL() string { return searchMatchesSQL }

// SearchMatches returns up to limit places whose search document matches tsq, in no particular order,
// found through the GIN index on search_doc.
func SearchMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, limit int) ([]SearchHit, error) {
	args := append([]any{tsq}, f.args()...)
	return searchHits(db.Query(ctx, searchMatchesSQL, append(args, limit)...))
}

// SearchMatchesIn is SearchMatches restricted by a second tsquery (the cells around a location): the
// GIN index answers both at once. The index answers match; the rows are ranked by rank, which is match
// itself or match with one more concept that f tests on the rows (search.PG's cell lookups of a common
// kind).
func SearchMatchesIn(ctx context.Context, db *pgxpool.Pool, rank, match, within string, f Filter, limit int) ([]SearchHit, error) {
	args := append([]any{match}, f.args()...)
	args = append(args, limit, within, rank)
	return searchHits(db.Query(ctx, searchMatchesInSQL, args...))
}

var searchMatchesInSQL = `SELECT p.id::text, ts_rank(p.search_doc, $8::tsquery), p.name, ST_X(p.geom), ST_Y(p.geom), coalesce(p.area_code, ''), p.kind, p.status
		FROM providers p
		WHERE p.search_doc @@ ($1::tsquery && $7::tsquery) AND ` + filterSQL(2) + `
		LIMIT $6`

// SearchNearest returns up to limit places matching f nearest to near, in the order of the KNN index's
// plane, each with the rank of its document for tsq. It answers the near matches of a query that names a
// kind and nothing else (f then holds that one kind): walking the kind's own KNN index (051) meets a match
// at every step. It is planned at every call, for that index (a generic plan does not know the kind), so
// db must not be a pool of generic plans.
func SearchNearest(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, near orb.Point, limit int) ([]SearchHit, error) {
	sql, args := SearchNearestStatement(tsq, f, near, limit)
	return searchHits(db.Query(ctx, sql, append([]any{pgx.QueryExecModeExec}, args...)...))
}

// SearchNearestStatement is the statement SearchNearest runs and its arguments, for the plan test.
func SearchNearestStatement(tsq string, f Filter, near orb.Point, limit int) (string, []any) {
	where, args := f.where([]any{near[0], near[1], tsq, limit})
	return `SELECT p.id::text, ts_rank(p.search_doc, $3::tsquery), p.name, ST_X(p.geom), ST_Y(p.geom), coalesce(p.area_code, ''), p.kind, p.status
		FROM providers p
		WHERE ` + where + `
		ORDER BY knn_point(p.geom) <-> knn_point($1, $2)
		LIMIT $4`, args
}

// SampleBucket is the lexeme of the sample bucket that every search asks first (internal/search/buckets.go),
// the one sql/052_search_sample_index.sql indexes on its own.
const SampleBucket = "b:0"

// SearchSample is SearchMatches among the places of the sample bucket, answered from the bucket's own
// index: its condition is the index's predicate word for word.
func SearchSample(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, limit int) ([]SearchHit, error) {
	args := append([]any{tsq}, f.args()...)
	return searchHits(db.Query(ctx, searchSampleSQL, append(args, limit)...))
}

var searchSampleSQL = `SELECT p.id::text, ts_rank(p.search_doc, $1::tsquery), p.name, ST_X(p.geom), ST_Y(p.geom), coalesce(p.area_code, ''), p.kind, p.status
		FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND p.search_doc @@ '''` + SampleBucket + `'''::tsquery AND ` + filterSQL(2) + `
		LIMIT $6`

// SearchSampleSQL is the statement SearchSample runs (every search's first), for the plan test and the
// benchmark: parameters tsquery, kinds, practice areas, languages, free, limit.
func SearchSampleSQL() string { return searchSampleSQL }

// englishNameSimilarity is the word similarity a misspelt English name must reach. pg_trgm's default
// (0.6) misses a dropped letter in a short name ("zhonlun" against "zhong lun" is 0.5); this is used only
// when nothing else matched, so a looser bar costs little.
const englishNameSimilarity = "0.45"

// SearchEnglishNames finds places whose English name holds words like the given ones (trigram word
// similarity through the GIN trigram index, for typos: "zhonlun" finds Zhong Lun), best first.
func SearchEnglishNames(ctx context.Context, db *pgxpool.Pool, words string, f Filter, limit int) ([]SearchHit, error) {
	var hits []SearchHit
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		// This one is planned for its words (a generic plan would not know the trigram index pays), also
		// on a pool of generic plans.
		if _, err := tx.Exec(ctx, `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true),
			set_config('plan_cache_mode', 'force_custom_plan', true)`, englishNameSimilarity); err != nil {
			return err
		}
		args := append([]any{pgx.QueryExecModeExec, words}, f.args()...)
		var err error
		hits, err = searchHits(tx.Query(ctx, `SELECT p.id::text, word_similarity($1, lower(p.name_en)), p.name, ST_X(p.geom), ST_Y(p.geom), coalesce(p.area_code, ''), p.kind, p.status
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
	_, err = pgx.ForEachRow(rows, []any{&h.ID, &h.Rank, &h.Name, &h.Lng, &h.Lat, &h.AreaCode, &h.Kind, &h.Status}, func() error {
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
