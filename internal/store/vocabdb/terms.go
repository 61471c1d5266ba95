// Package vocabdb holds the reference data the directory is described in, as the bureau keeps it: the
// kinds of place and of people, practice areas, the administrative areas, the legal vocabulary search
// reads (legal terms, with their CSV form) and the holiday calendar "open now" reads.
package vocabdb

import (
	"context"

	"github.com/jackc/pgx/v5"

	"legalmap/internal/store"
)

// VocabTerm is one row of kinds or practice_areas.
type VocabTerm struct {
	Code     string
	NameZh   string
	NameEn   string
	Synonyms []string
}

// Area is one administrative unit. Centre is nil when the source gave none (streets: callers fall back
// to the parent's).
type Area struct {
	Code       string
	Level      string // city, district, street, community
	ParentCode string
	NameZh     string
	NameEn     string
	Pinyin     string
	Centre     *[2]float64 // lng, lat
	BBox       *[4]float64 // minLng, minLat, maxLng, maxLat
}

// Kinds returns the kinds in their display order.
func Kinds(ctx context.Context, db store.Querier) ([]VocabTerm, error) {
	return vocabTerms(ctx, db, `SELECT code, name_zh, name_en, synonyms FROM kinds ORDER BY sort, code`)
}

// PracticeAreas returns the practice areas in their display order.
func PracticeAreas(ctx context.Context, db store.Querier) ([]VocabTerm, error) {
	return vocabTerms(ctx, db, `SELECT code, name_zh, name_en, synonyms FROM practice_areas ORDER BY sort, code`)
}

func vocabTerms(ctx context.Context, db store.Querier, sql string) ([]VocabTerm, error) {
	rows, err := db.Query(ctx, sql)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []VocabTerm
	var t VocabTerm
	_, err = pgx.ForEachRow(rows, []any{&t.Code, &t.NameZh, &t.NameEn, &t.Synonyms}, func() error {
		out = append(out, t)
		return nil
	})
	return out, store.Classify(err)
}

// Areas returns every administrative unit, parents before children.
func Areas(ctx context.Context, db store.Querier) ([]Area, error) {
	rows, err := db.Query(ctx, `SELECT code, level, coalesce(parent_code, ''), name_zh, name_en, pinyin,
			ST_X(centre), ST_Y(centre),
			ST_XMin(coalesce(bbox, boundary)), ST_YMin(coalesce(bbox, boundary)),
			ST_XMax(coalesce(bbox, boundary)), ST_YMax(coalesce(bbox, boundary))
		FROM areas
		ORDER BY array_position(ARRAY['city', 'district', 'street', 'community'], level), code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []Area
	var a Area
	var cx, cy, x0, y0, x1, y1 *float64
	_, err = pgx.ForEachRow(rows, []any{&a.Code, &a.Level, &a.ParentCode, &a.NameZh, &a.NameEn, &a.Pinyin,
		&cx, &cy, &x0, &y0, &x1, &y1}, func() error {
		a.Centre, a.BBox = nil, nil
		if cx != nil && cy != nil {
			a.Centre = &[2]float64{*cx, *cy}
		}
		if x0 != nil && y0 != nil && x1 != nil && y1 != nil {
			a.BBox = &[4]float64{*x0, *y0, *x1, *y1}
		}
		out = append(out, a)
		return nil
	})
	return out, store.Classify(err)
}
