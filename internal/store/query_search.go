package store

import (
	"context"
	"strconv"
	"strings"

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

// searchColumns are a SearchHit's, in searchHits' order, with rank the expression of its text relevance.
func searchColumns(rank string) string {
	return `p.id::text, ` + rank + `, p.name, coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0),
		coalesce(p.area_code, ''), p.kind, p.status`
}

// searchRowColumns are the columns of a place the search statements read through a subquery: those of a
// SearchHit, its document, and those the filters test (not the whole row, which carries hours, contacts
// and descriptions a search never reads).
const searchRowColumns = `p.id, p.name, p.geom, p.area_code, p.kind, p.status, p.search_doc, p.practice_areas, p.languages, p.free`

// kindOnlyRank is the text relevance of a place read for its kind alone: all of them meet the query alike.
const kindOnlyRank = "1::real"

// The statements take a tsquery as a parameter cast with ::tsquery (never to_tsquery, which would re-parse
// the code lexemes such as 'pa:labour'). An empty tsquery means the filter alone is asked for (a query
// naming only a kind, which the filter's kinds then carry): such statements read no search document. Each
// reads a bounded number of rows whatever the query: at most its limit of matches from an index, or a
// bounded walk through the spatial index.

// SearchMatches returns up to limit places that pass f and whose search document matches both index and
// rows, in no particular order, and whether they are all there are. Their rank is ts_rank against both.
//
// The places matching index are read through the GIN index alone; rows (if not "") and the filters are
// tested on each place it yields, which stops at the limit: the caller puts in rows the concepts whose
// posting lists would cost more to read than the places index yields cost to test. The subquery (OFFSET 0
// keeps it whole) holds the index's condition alone, so the planner can neither combine another index
// with it nor test rows in the index. The batch's settings (its implicit transaction: this statement only)
// rule out every plan that reads the table in its own order until the limit is met: the planner would
// choose one for a common tsquery, costing it as if the matches were spread evenly through the table;
// they are not (rows lie in the order they were imported, one list after another), and such a scan may
// read most of the table first. They also give the bitmap of matching places room (searchWorkMem).
//
// Without index, the filter's first places are read through the kind index, planned per call.
func SearchMatches(ctx context.Context, db *pgxpool.Pool, index, rows string, f Filter, limit int) ([]SearchHit, bool, error) {
	if index == "" {
		where, args := f.Where([]any{limit})
		hits, err := searchHits(db.Query(ctx, `SELECT `+searchColumns(kindOnlyRank)+`
			FROM providers p WHERE `+where+` LIMIT $1`, append([]any{pgx.QueryExecModeCacheDescribe}, args...)...))
		return hits, len(hits) < limit, err
	}
	sql, args := searchMatchesSQL, []any{index, index}
	if rows != "" {
		sql, args = searchMatchesRowsSQL, []any{"(" + index + ") & (" + rows + ")", index, rows}
	}
	hits, err := searchIndexed(ctx, db, sql, append(append(args, f.Args()...), limit))
	return hits, len(hits) < limit, err
}

// SampleBuckets is how many buckets the places fall in by a hash of their id, (uuid_hash(id) & 63), the
// expression the search index holds beside the document (sql/095): a sample reads one.
const SampleBuckets = 64

// SearchSample is SearchMatches reading only the places of one bucket (a SampleBuckets-th of them, spread
// through the table as the hash spreads them) among those holding any of lexemes: up to limit matches of
// rows that pass f, for a window to rank when any matches will do, at a bucket's share of the cost of
// reading every place the lexemes name. Every match of rows must hold one of lexemes. The search index
// holds the bucket beside the document, and intersects the lexemes' places with the bucket's before the
// table is read (sql/095).
func SearchSample(ctx context.Context, db *pgxpool.Pool, lexemes []string, rows string, f Filter, bucket, limit int) ([]SearchHit, error) {
	args := append(append([]any{rows, strings.Join(lexemes, " | "), bucket}, f.Args()...), limit)
	return searchIndexed(ctx, db, searchSampleSQL, args)
}

// searchIndexed runs a read through the search index with the settings its plan needs (SearchMatches).
func searchIndexed(ctx context.Context, db *pgxpool.Pool, sql string, args []any) ([]SearchHit, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true),
		set_config('work_mem', $1, true)`, searchWorkMem)
	var hits []SearchHit
	b.Queue(sql, args...).Query(func(r pgx.Rows) error {
		var err error
		hits, err = searchHits(r, nil)
		return err
	})
	return hits, Classify(db.SendBatch(ctx, b).Close())
}

// searchWorkMem is the memory the read's bitmap of matching places may take before it keeps whole pages
// instead of places (a lossy bitmap, whose every place must then be tested again): room for an exact
// bitmap of a broad word's places in a national directory.
const searchWorkMem = "32MB"

// searchMatchesSQL reads the rank's tsquery, index's, the filter's four parameters and the limit;
// searchMatchesRowsSQL the same with rows' after index's. The subquery's OFFSET 0 keeps it whole.
var (
	searchMatchesSQL = `SELECT ` + searchColumns(`ts_rank(p.search_doc, $1::tsquery)`) + `
		FROM (SELECT ` + searchRowColumns + ` FROM providers p WHERE p.search_doc @@ $2::tsquery OFFSET 0) p
		WHERE ` + FilterSQL(3) + `
		LIMIT $7`
	searchMatchesRowsSQL = `SELECT ` + searchColumns(`ts_rank(p.search_doc, $1::tsquery)`) + `
		FROM (SELECT ` + searchRowColumns + ` FROM providers p WHERE p.search_doc @@ $2::tsquery OFFSET 0) p
		WHERE p.search_doc @@ $3::tsquery AND ` + FilterSQL(4) + `
		LIMIT $8`
	// searchSampleSQL reads the query's tsquery (ranked and tested), the lexemes sampled (an OR), the
	// bucket, the filter's four parameters and the limit.
	searchSampleSQL = `SELECT ` + searchColumns(`ts_rank(p.search_doc, $1::tsquery)`) + `
		FROM (SELECT ` + searchRowColumns + ` FROM providers p
			WHERE p.search_doc @@ $2::tsquery AND (uuid_hash(p.id) & 63)::smallint = $3::smallint OFFSET 0) p
		WHERE p.search_doc @@ $1::tsquery AND ` + FilterSQL(4) + `
		LIMIT $8`
)

// SearchEstimate is what PostgreSQL's planner expects of a search before any row is read, from the
// statistics ANALYZE keeps of the search documents' lexemes and of the columns.
type SearchEstimate struct {
	Matches   float64   // places passing the filter and matching the tsquery
	Among     float64   // places passing the filter: those a walk outwards goes through
	Documents float64   // search documents (the lexemes' estimates count them, of withdrawn places too)
	Lexemes   []float64 // documents holding each lexeme asked about, in the order asked
}

// EstimateMatches is the planner's estimate of a search for tsq (or, for "", the filter alone) among the
// places passing f, of those places, of all the places, and of each of lexemes (tsqueries of one lexeme
// each), in one round trip.
func EstimateMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, lexemes ...string) (SearchEstimate, error) {
	est := SearchEstimate{Lexemes: make([]float64, len(lexemes))}
	b := &pgx.Batch{}
	where, args := f.Where(nil)
	queueEstimate(b, `EXPLAIN (FORMAT JSON) SELECT 1 FROM providers p WHERE `+where, args, &est.Among)
	queueEstimate(b, `EXPLAIN (FORMAT JSON) SELECT 1 FROM providers p`, nil, &est.Documents)
	if tsq != "" {
		args = append(args, tsq)
		where += ` AND p.search_doc @@ $` + strconv.Itoa(len(args)) + `::tsquery`
	}
	queueEstimate(b, `EXPLAIN (FORMAT JSON) SELECT 1 FROM providers p WHERE `+where, args, &est.Matches)
	for i, l := range lexemes {
		queueEstimate(b, `EXPLAIN (FORMAT JSON) SELECT 1 FROM providers p WHERE p.search_doc @@ $1::tsquery`, []any{l}, &est.Lexemes[i])
	}
	return est, Classify(db.SendBatch(ctx, b).Close())
}

func queueEstimate(b *pgx.Batch, sql string, args []any, rows *float64) {
	b.Queue(sql, args...).QueryRow(func(row pgx.Row) error {
		var plan []struct {
			Plan struct {
				Rows float64 `json:"Plan Rows"`
			}
		}
		if err := row.Scan(&plan); err != nil || len(plan) == 0 {
			return err
		}
		*rows = plan[0].Plan.Rows
		return nil
	})
}

// SearchNearestMatches returns up to limit places matching tsq among the `among` places nearest to near
// (WGS84) that pass f, nearest first: a broad query's window to rank around a citizen. A spatial index is
// walked outwards and stops after `among` places whatever they hold, so the cost is bounded where the
// matches are few around the citizen (a query naming another town), and small where they are many (the
// walk stops as soon as limit are found). All matches nearer than the last one returned are returned, in
// the walk's measure of distance (walkDistance).
func SearchNearestMatches(ctx context.Context, db *pgxpool.Pool, tsq string, f Filter, near orb.Point, among, limit int) ([]SearchHit, error) {
	sql, args := searchNearestMatchesStatement(tsq, f, near, among, limit)
	return searchHits(db.Query(ctx, sql, append([]any{pgx.QueryExecModeCacheDescribe}, args...)...))
}

// walkDistance is the distance a walk orders by, reading the point from $2 and $3, and the index it walks.
// The window a walk gathers is a set for Rank, which measures the true distance itself, so without kinds
// the walk orders by distance in degrees, through the planar index: it costs a fraction of the sphere's
// per place read. A degree of longitude is shorter than one of latitude by the cosine of the latitude, so
// that window reaches farther east and west than north and south (by less than half again below 45°,
// twice at 60°); the page's nearest places, many times fewer than the window, stay within it. A walk
// through the places of one kind goes through the (kind, geography) index nearest uses, on the sphere: a
// planar (kind, geometry) index beside it, built over an existing directory, walked one kind's places no
// faster, and would be one more index for every import to keep.
func walkDistance(kinds bool) string {
	if kinds {
		return `p.geom::geography <-> ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography`
	}
	return `p.geom <-> ST_SetSRID(ST_MakePoint($2, $3), 4326)`
}

// searchNearestMatchesStatement is the statement SearchNearestMatches runs and its arguments. Its filters
// are those f sets (Filter.Where), so that one kind is an equality the (kind, geography) index serves; with
// several kinds, each is walked through that index on its own and the walks are merged by distance (an
// ANY over the kinds would walk the whole directory's nearest places to find the few of a rare kind). The
// walk carries its distance as a column, so the outer ORDER BY keeps its order and stops reading it at the
// limit.
func searchNearestMatchesStatement(tsq string, f Filter, near orb.Point, among, limit int) (string, []any) {
	rank, match := kindOnlyRank, "TRUE"
	args := []any{limit, near[0], near[1], among}
	if tsq != "" {
		args = append(args, tsq)
		rank, match = `ts_rank(p.search_doc, $5::tsquery)`, `p.search_doc @@ $5::tsquery`
	}
	kinds := f.Kinds
	if len(kinds) > 1 {
		f.Kinds = nil
	}
	where, args := f.Where(args)
	walk := `SELECT ` + searchRowColumns + `, ` + walkDistance(len(kinds) > 0) + ` AS distance
			FROM providers p
			WHERE ` + where
	if len(kinds) > 1 {
		args = append(args, kinds)
		walk = `SELECT w.* FROM unnest($` + strconv.Itoa(len(args)) + `::text[]) AS k(kind) CROSS JOIN LATERAL (` + walk + `
				AND p.kind = k.kind
			ORDER BY distance
			LIMIT $4) w`
	}
	return `SELECT ` + searchColumns(rank) + `
		FROM (` + walk + `
			ORDER BY distance
			LIMIT $4) p
		WHERE ` + match + `
		ORDER BY p.distance
		LIMIT $1`, args
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
