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
	Kind     string // its kind and status, for the ranking: the kinds that solve a matter come first,
	Status   string // places not active last
}

// searchColumns are a SearchHit's, in searchHits' order; $1 is the tsquery.
const searchColumns = `p.id::text, ts_rank(p.search_doc, $1::tsquery), p.name, coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0),
		coalesce(p.area_code, ''), p.kind, p.status`

// The statements take the tsquery as a parameter cast with ::tsquery (never to_tsquery, which would re-parse
// the code lexemes such as 'pa:labour'). Each reads a bounded number of rows whatever the query: at most
// its limit of matches from the GIN index, or a bounded walk through the spatial index.

// SearchMatches returns up to limit places whose search document matches tsq and that pass f, in no
// particular order, and whether they are all there are. They are read through the GIN index alone: the
// settings of the batch (its implicit transaction: this statement only) rule out every plan that reads
// the table in its own order until the limit is met. The planner would choose one for a common tsquery,
// costing it as if the matches were spread evenly through the table; they are not (rows lie in the order
// they were imported, one list after another), and such a scan may read most of the table first. For the
// same reason the statement does not test the status (the partial indexes' predicate would offer such a
// scan): withdrawn places are dropped here.
func SearchMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, limit int) ([]SearchHit, bool, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`)
	var hits []SearchHit
	read := 0
	b.Queue(searchMatchesSQL, append(append([]any{tsq}, f.Args()...), limit)...).Query(func(rows pgx.Rows) error {
		all, err := searchHits(rows, nil)
		read = len(all)
		for _, h := range all {
			if h.Status != "closed" {
				hits = append(hits, h)
			}
		}
		return err
	})
	err := db.SendBatch(ctx, b).Close()
	return hits, read < limit, Classify(err)
}

// searchMatchesSQL reads tsquery, kinds, practice areas, languages, free, limit.
var searchMatchesSQL = `SELECT ` + searchColumns + `
		FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND ` + FilterTestsSQL(2) + `
		LIMIT $6`

// EstimateMatches is how many places PostgreSQL expects tsq to match among those passing f: its planner's
// row estimate, from the statistics ANALYZE keeps of the search documents' lexemes. No row is read.
func EstimateMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter) (float64, error) {
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	args := append([]any{pgx.QueryExecModeCacheDescribe, tsq}, f.Args()...)
	err := db.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM providers p
		WHERE p.search_doc @@ $1::tsquery AND `+FilterSQL(2), args...).Scan(&plan)
	if err != nil || len(plan) == 0 {
		return 0, Classify(err)
	}
	return plan[0].Plan.Rows, nil
}

// SearchNearestMatches returns up to limit places matching tsq among the `among` places nearest to near
// (WGS84) that pass f, nearest first by the sphere's distance: a broad query's window to rank around a
// citizen. The spatial index is walked outwards and stops after `among` places whatever they hold, so the
// cost is bounded where the matches are few around the citizen (a query naming another town), and small
// where they are many (the walk stops as soon as limit are found). All matches nearer than the last one
// returned are returned.
func SearchNearestMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, near orb.Point, among, limit int) ([]SearchHit, error) {
	sql, args := searchNearestMatchesStatement(tsq, f, near, among, limit)
	return searchHits(db.Query(ctx, sql, append([]any{pgx.QueryExecModeCacheDescribe}, args...)...))
}

// searchNearestMatchesStatement is the statement SearchNearestMatches runs and its arguments. Its filters
// are those f sets (Filter.where), so that one kind is an equality the (kind, geography) index serves. The
// walk carries its distance as a column, so the outer ORDER BY keeps its order without sorting and stops
// reading it at the limit.
func searchNearestMatchesStatement(tsq string, f Filter, near orb.Point, among, limit int) (string, []any) {
	where, args := f.Where([]any{tsq, limit, near[0], near[1], among})
	return `SELECT ` + searchColumns + `
		FROM (SELECT p.*, p.geom::geography <-> ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography AS distance
			FROM providers p
			WHERE ` + where + `
			ORDER BY distance
			LIMIT $5) p
		WHERE p.search_doc @@ $1::tsquery
		ORDER BY p.distance
		LIMIT $2`, args
}

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
		args := append([]any{pgx.QueryExecModeCacheDescribe, words}, f.Args()...)
		var err error
		hits, err = searchHits(tx.Query(ctx, `SELECT p.id::text, word_similarity($1, lower(p.name_en)), p.name, coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0),
				coalesce(p.area_code, ''), p.kind, p.status
			FROM providers p
			WHERE $1 <% lower(p.name_en) AND `+FilterSQL(2)+`
			ORDER BY word_similarity($1, lower(p.name_en)) DESC, p.id
			LIMIT $6`, append(args, limit)...))
		return err
	})
	return hits, Classify(err)
}

func searchHits(rows pgx.Rows, err error) ([]SearchHit, error) {
	if err != nil {
		return nil, Classify(err)
	}
	var out []SearchHit
	var h SearchHit
	_, err = pgx.ForEachRow(rows, []any{&h.ID, &h.Rank, &h.Name, &h.Lng, &h.Lat, &h.AreaCode, &h.Kind, &h.Status}, func() error {
		out = append(out, h)
		return nil
	})
	return out, Classify(err)
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
		return nil, Classify(err)
	}
	var id, name string
	_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error {
		out[id] = append(out[id], name)
		return nil
	})
	return out, Classify(err)
}
