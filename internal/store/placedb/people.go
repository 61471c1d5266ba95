package placedb

import "github.com/jackc/pgx/v5"

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

// queuePeople reads, per place among providerIDs, the practitioners with practice areas who belong or
// serve there: a result says which of them practises what the citizen asked.
func queuePeople(b *pgx.Batch, providerIDs []string, out map[string][]PlacePerson) {
	b.Queue(peopleAtSQL, providerIDs).Query(func(rows pgx.Rows) error {
		var id string
		var p PlacePerson
		_, err := pgx.ForEachRow(rows, []any{&id, &p.Role, &p.Name, &p.PracticeAreas}, func() error {
			p.PracticeAreas = append([]string(nil), p.PracticeAreas...)
			out[id] = append(out[id], p)
			return nil
		})
		return err
	})
}

// PlaceFact is what a search result or a suggestion says of a place beyond its list item: the area it lies
// in and, for a forensic institution, its appraisal categories.
type PlaceFact struct {
	AreaCode   string
	Categories []string
}

// queueFacts reads the facts of the places among providerIDs.
func queueFacts(b *pgx.Batch, providerIDs []string, out map[string]PlaceFact) {
	b.Queue(`SELECT id::text, coalesce(area_code, ''), categories FROM providers WHERE id = ANY ($1::uuid[])`, providerIDs).Query(func(rows pgx.Rows) error {
		var id string
		var f PlaceFact
		_, err := pgx.ForEachRow(rows, []any{&id, &f.AreaCode, &f.Categories}, func() error {
			out[id] = PlaceFact{AreaCode: f.AreaCode, Categories: append([]string(nil), f.Categories...)}
			return nil
		})
		return err
	})
}
