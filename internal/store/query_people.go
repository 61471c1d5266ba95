package store

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PlacePerson is a practitioner as a search result explains itself with: role, name and practice areas.
type PlacePerson struct {
	Role          string
	Name          string
	PracticeAreas []string
}

var peopleAtSQL = `SELECT pr.provider_id::text, pr.role, pr.name, pr.practice_areas FROM practitioners pr
		WHERE pr.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed' AND cardinality(pr.practice_areas) > 0
		UNION
		SELECT a.provider_id::text, pr.role, pr.name, pr.practice_areas FROM assignments a JOIN practitioners pr ON pr.id = a.practitioner_id
		WHERE a.provider_id = ANY ($1::uuid[]) AND pr.status <> 'closed' AND cardinality(pr.practice_areas) > 0
		ORDER BY 1, 3`

// PeopleAt returns, per place among providerIDs, the practitioners with practice areas who belong or serve
// there: a result says which of them practises what the citizen asked.
func PeopleAt(ctx context.Context, db *pgxpool.Pool, providerIDs []string) (map[string][]PlacePerson, error) {
	out := map[string][]PlacePerson{}
	if len(providerIDs) == 0 {
		return out, nil
	}
	rows, err := db.Query(ctx, peopleAtSQL, providerIDs)
	if err != nil {
		return nil, readErr(err)
	}
	var id string
	var p PlacePerson
	_, err = pgx.ForEachRow(rows, []any{&id, &p.Role, &p.Name, &p.PracticeAreas}, func() error {
		p.PracticeAreas = append([]string(nil), p.PracticeAreas...)
		out[id] = append(out[id], p)
		return nil
	})
	return out, readErr(err)
}

// AreaCodesOf returns the administrative area code of each place among providerIDs that has one.
func AreaCodesOf(ctx context.Context, db *pgxpool.Pool, providerIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(providerIDs) == 0 {
		return out, nil
	}
	rows, err := db.Query(ctx, `SELECT id::text, area_code FROM providers WHERE id = ANY ($1::uuid[]) AND area_code IS NOT NULL`, providerIDs)
	if err != nil {
		return nil, readErr(err)
	}
	var id, code string
	_, err = pgx.ForEachRow(rows, []any{&id, &code}, func() error {
		out[id] = code
		return nil
	})
	return out, readErr(err)
}
