// Package placedb holds the directory's public reads, each a statement that can be read whole: a place and
// its people, the nearest places, the map's points and clusters, area outlines, the public export and the
// directory's version and counts. The public filter they share is store.Filter.
package placedb

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// Place is one provider as the public lists show it: public fields only (internal_note and the
// bookkeeping columns are never selected), hours kept as the stored JSON for the caller to read.
type Place struct {
	ID            string
	Kind          string
	Name          string
	NameEn        string
	Address       string
	Lng, Lat      float64 // 0, 0 when Position is unplaced
	Position      string  // exact, approximate (the centre of the area the address names) or unplaced
	Phones        []string
	Hours         []byte // providers.hours as stored (jsonb)
	PracticeAreas []string
	Languages     []string
	Free          *bool
	Status        string
	VerifiedAt    *time.Time
}

// placeColumns is the select list scanPlace reads, over providers aliased p.
const placeColumns = `p.id::text, p.kind, p.name, p.name_en, p.address, coalesce(ST_X(p.geom), 0), coalesce(ST_Y(p.geom), 0), p.phones,
	p.hours, p.practice_areas, p.languages, p.free, p.status, p.verified_at, p.placement`

func placeFields(pl *Place) []any {
	return []any{&pl.ID, &pl.Kind, &pl.Name, &pl.NameEn, &pl.Address, &pl.Lng, &pl.Lat, &pl.Phones,
		&pl.Hours, &pl.PracticeAreas, &pl.Languages, &pl.Free, &pl.Status, &pl.VerifiedAt, &pl.Position}
}

// PlacesByID returns the visible places among ids, in the order of ids (missing or closed ones left out).
// Search engines find ids; this turns them into answers.
func PlacesByID(ctx context.Context, db *pgxpool.Pool, ids []string) ([]Place, error) {
	var out []Place
	if len(ids) == 0 {
		return nil, nil
	}
	b := &pgx.Batch{}
	queuePlaces(b, ids, &out)
	return out, store.Classify(db.SendBatch(ctx, b).Close())
}

func queuePlaces(b *pgx.Batch, ids []string, out *[]Place) {
	b.Queue(`SELECT `+placeColumns+`
		FROM unnest($1::uuid[]) WITH ORDINALITY AS want(id, ord)
		JOIN providers p ON p.id = want.id
		WHERE p.status <> 'closed'
		ORDER BY want.ord`, ids).Query(func(rows pgx.Rows) error {
		var pl Place
		_, err := pgx.ForEachRow(rows, placeFields(&pl), func() error {
			*out = append(*out, pl)
			return nil
		})
		return err
	})
}

// Found is what an answer shows of the places a search found: the visible places in the order asked
// (PlacesByID), the practitioners with practice areas of each, and each one's facts.
type Found struct {
	Places []Place
	People map[string][]PlacePerson
	Facts  map[string]PlaceFact
}

// FoundPlaces reads what an answer shows of the places among ids, in one round trip.
func FoundPlaces(ctx context.Context, db *pgxpool.Pool, ids []string) (Found, error) {
	f := Found{People: map[string][]PlacePerson{}, Facts: map[string]PlaceFact{}}
	if len(ids) == 0 {
		return f, nil
	}
	b := &pgx.Batch{}
	queuePlaces(b, ids, &f.Places)
	queuePeople(b, ids, f.People)
	queueFacts(b, ids, f.Facts)
	return f, store.Classify(db.SendBatch(ctx, b).Close())
}
