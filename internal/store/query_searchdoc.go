package store

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"
)

// DocSource is what the search analysis reads of one provider to build its search document.
type DocSource struct {
	ID            string
	Kind          string
	Name, NameEn  string
	LicenceNo     string
	Address       string
	Description   string
	AreaCode      string
	PracticeAreas []string
	PracticeNotes []string
	Categories    []string
	Status        string
	Lng, Lat      float64
	Languages     []string
	Free          *bool
	People        []DocPerson // belonging there or serving there, not withdrawn
}

// DocPerson is a practitioner as the search document holds them.
type DocPerson struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	LicenceNo     string   `json:"licence_no"`
	PracticeAreas []string `json:"practice_areas"`
}

// docSourceSQL reads the places among $1 with their people, set-wise: the people of the whole batch are
// gathered in one pass (belonging, or assigned through assignments) and grouped by place. A correlated
// subquery per place would do the same work row by row, and inside an import's transaction, where the
// statistics do not yet know the rows just written, the planner may make each of those a full scan.
// categoryWordsSQL is the everyday words of the forensic categories a record lists (亲子鉴定 for 法医物证),
// in the order CategoryWords gives them: the search document holds them beside the categories.
const categoryWordsSQL = `coalesce((SELECT array_agg(u.s ORDER BY c.sort, c.code, u.i) FROM forensic_categories c,
		unnest(c.synonyms) WITH ORDINALITY AS u(s, i) WHERE c.name_zh = ANY (p.categories)), '{}')`

var docSourceSQL = `WITH people AS (
		SELECT pr.provider_id AS place, pr.id, pr.name, pr.licence_no, pr.practice_areas
		FROM practitioners pr WHERE pr.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed'
		UNION
		SELECT a.provider_id, pr.id, pr.name, pr.licence_no, pr.practice_areas
		FROM assignments a JOIN practitioners pr ON pr.id = a.practitioner_id
		WHERE a.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed'
	), grouped AS (
		SELECT place, json_agg(json_build_object('id', id, 'name', name, 'licence_no', coalesce(licence_no, ''),
			'practice_areas', practice_areas) ORDER BY id) AS people
		FROM people GROUP BY place
	)
	SELECT p.id::text, p.kind, p.name, p.name_en, p.licence_no, p.address, p.description,
		coalesce(p.area_code, ''), p.practice_areas, p.practice_notes, p.categories || ` + categoryWordsSQL + `, p.status,
		coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0), p.languages, p.free, coalesce(g.people, '[]')
	FROM providers p LEFT JOIN grouped g ON g.place = p.id
	WHERE p.id = ANY ($1::uuid[])
	ORDER BY p.id`

// DocSources returns up to limit providers with ids after afterID, in id order (keyset paging through the
// whole directory for a rebuild).
func DocSources(ctx context.Context, db Querier, afterID string, limit int) ([]DocSource, error) {
	if afterID == "" {
		afterID = "00000000-0000-0000-0000-000000000000"
	}
	rows, err := db.Query(ctx, `SELECT id::text FROM providers WHERE id > $1::uuid ORDER BY id LIMIT $2`, afterID, limit)
	if err != nil {
		return nil, Classify(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil || len(ids) == 0 {
		return nil, Classify(err)
	}
	return DocSourcesByID(ctx, db, ids)
}

// DocSourcesByID returns the providers among ids (for an import refreshing what it wrote).
func DocSourcesByID(ctx context.Context, db Querier, ids []string) ([]DocSource, error) {
	return docSources(db.Query(ctx, docSourceSQL, ids))
}

func docSources(rows pgx.Rows, err error) ([]DocSource, error) {
	if err != nil {
		return nil, Classify(err)
	}
	var out []DocSource
	var d DocSource
	var people []byte
	_, err = pgx.ForEachRow(rows, []any{&d.ID, &d.Kind, &d.Name, &d.NameEn, &d.LicenceNo, &d.Address, &d.Description,
		&d.AreaCode, &d.PracticeAreas, &d.PracticeNotes, &d.Categories, &d.Status, &d.Lng, &d.Lat, &d.Languages,
		&d.Free, &people}, func() error {
		d.People = nil
		if err := json.Unmarshal(people, &d.People); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, Classify(err)
}

// SetProviderDocs stores search documents (tsvector literals) by provider id, touching only rows whose
// document changes: an unchanged directory keeps its data version.
func SetProviderDocs(ctx context.Context, db Querier, ids []string, docs []TSVector) (int64, error) {
	tag, err := db.Exec(ctx, `UPDATE providers p SET search_doc = d.doc
		FROM unnest($1::uuid[], $2::tsvector[]) AS d(id, doc)
		WHERE p.id = d.id AND p.search_doc IS DISTINCT FROM d.doc`, ids, docs)
	return tag.RowsAffected(), Classify(err)
}

// SetPractitionerDocs is SetProviderDocs for practitioners.
func SetPractitionerDocs(ctx context.Context, db Querier, ids []string, docs []TSVector) (int64, error) {
	tag, err := db.Exec(ctx, `UPDATE practitioners p SET search_doc = d.doc
		FROM unnest($1::uuid[], $2::tsvector[]) AS d(id, doc)
		WHERE p.id = d.id AND p.search_doc IS DISTINCT FROM d.doc`, ids, docs)
	return tag.RowsAffected(), Classify(err)
}

// AnalyzeForDocs refreshes the planner's statistics of the tables the search documents are read from.
// Inside an import's transaction they still describe the tables as they were before it (perhaps empty),
// and a plan made for an empty table is ruinous for hundreds of thousands of rows; ANALYZE inside the
// transaction counts the transaction's own new rows.
func AnalyzeForDocs(ctx context.Context, db Querier) error {
	_, err := db.Exec(ctx, "ANALYZE providers, practitioners, assignments")
	return Classify(err)
}
