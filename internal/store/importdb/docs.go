package importdb

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// A provider's search document holds the people who work or serve there (a lawyer's name finds the firm),
// so it is a function of the provider and of its open practitioners, the same facts DocSources reads. An
// import builds the documents of the rows it stages with the people already there (PeopleBySourceID), and
// afterwards refreshes the providers whose people it changed (AffectedProviders), so search never lags.

// PeopleBySourceID returns, by provider source id, the open practitioners that belong to or serve at the
// source's providers of a kind: the People of their DocSource.
func (t *ImportTx) PeopleBySourceID(ctx context.Context, kind string) (map[string][]store.DocPerson, error) {
	rows, err := t.tx.Query(ctx, `SELECT p.source_id, json_agg(json_build_object('id', x.id, 'name', x.name,
			'licence_no', coalesce(x.licence_no, ''), 'practice_areas', x.practice_areas) ORDER BY x.id)
		FROM providers p JOIN (
			SELECT pr.id, pr.name, pr.licence_no, pr.practice_areas, pr.provider_id AS at FROM practitioners pr
			WHERE pr.status <> 'closed' AND pr.provider_id IS NOT NULL
			UNION
			SELECT pr.id, pr.name, pr.licence_no, pr.practice_areas, a.provider_id FROM assignments a
			JOIN practitioners pr ON pr.id = a.practitioner_id WHERE pr.status <> 'closed') x ON x.at = p.id
		WHERE p.source = $1 AND p.kind = $2
		GROUP BY p.source_id`, t.Run.Source, kind)
	if err != nil {
		return nil, fmt.Errorf("import people: %w", store.Classify(err))
	}
	defer rows.Close()
	out := map[string][]store.DocPerson{}
	for rows.Next() {
		var id string
		var raw []byte
		if err := rows.Scan(&id, &raw); err != nil {
			return nil, err
		}
		var people []store.DocPerson
		if err := json.Unmarshal(raw, &people); err != nil {
			return nil, err
		}
		out[id] = people
	}
	return out, rows.Err()
}

// AffectedProviders returns the providers whose people this run changed (a practitioner created, moved,
// changed or withdrawn; an assignment begun, changed or ended): their documents must be refreshed.
func (t *ImportTx) AffectedProviders(ctx context.Context) ([]string, error) {
	if _, err := t.exec(ctx, "affected", affectedDDL); err != nil {
		return nil, err
	}
	rows, err := t.tx.Query(ctx, "SELECT DISTINCT provider_id::text FROM import_affected ORDER BY 1")
	if err != nil {
		return nil, fmt.Errorf("import affected: %w", store.Classify(err))
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("import affected: %w", store.Classify(err))
	}
	return ids, nil
}

// Querier gives the run's transaction to code that writes derived data inside it (search documents).
func (t *ImportTx) Querier() store.Querier { return t.tx }
