package vocabdb

import (
	"context"
	"errors"
	"fmt"
	"regexp"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"legalmap/internal/store"
)

// Kind is one kind of place as the bureau keeps it (table kinds): names, group, how the map draws it, the
// practice areas it helps with and the everyday words that find it.
type Kind struct {
	Code          string   `json:"code"`
	NameZh        string   `json:"name_zh"`
	NameEn        string   `json:"name_en"`
	Group         string   `json:"group"`
	Colour        string   `json:"colour"`
	Symbol        string   `json:"symbol"`
	Synonyms      []string `json:"synonyms"`
	PracticeAreas []string `json:"practice_areas"`
	Sort          int      `json:"sort"`
}

// KindGroup is one of the groups the kinds are shown in (法律服务, 纠纷解决, 政法机关).
type KindGroup struct {
	Code   string `json:"code"`
	NameZh string `json:"name_zh"`
	NameEn string `json:"name_en"`
}

// PractitionerKind is a kind of person linked to places (律师, 公证员 …): Code is the importer's name of
// their list, Role what practitioners.role holds, PlaceKinds the kinds of place they work at.
type PractitionerKind struct {
	Code       string   `json:"code"`
	Role       string   `json:"role"`
	NameZh     string   `json:"name_zh"`
	NameEn     string   `json:"name_en"`
	PlaceKinds []string `json:"place_kinds"`
}

// ErrInvalid: a value the table's rules refuse (a code of the wrong form, an unknown group or area).
var ErrInvalid = errors.New("invalid value")

// InvalidError names the field a write refused, and why ("中文 / English"); it is ErrInvalid.
type InvalidError struct{ Field, Reason string }

func (e *InvalidError) Error() string { return e.Field + ": " + e.Reason }
func (e *InvalidError) Unwrap() error { return ErrInvalid }

// KindList returns every kind in display order.
func KindList(ctx context.Context, db store.Querier) ([]Kind, error) {
	rows, err := db.Query(ctx, `SELECT code, name_zh, name_en, kind_group, colour, symbol, synonyms, practice_areas, sort
		FROM kinds ORDER BY sort, code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []Kind
	var k Kind
	_, err = pgx.ForEachRow(rows, []any{&k.Code, &k.NameZh, &k.NameEn, &k.Group, &k.Colour, &k.Symbol, &k.Synonyms,
		&k.PracticeAreas, &k.Sort}, func() error {
		out = append(out, k)
		return nil
	})
	return out, store.Classify(err)
}

// KindGroups returns the groups in display order.
func KindGroups(ctx context.Context, db store.Querier) ([]KindGroup, error) {
	rows, err := db.Query(ctx, `SELECT code, name_zh, name_en FROM kind_groups ORDER BY sort, code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []KindGroup
	var g KindGroup
	_, err = pgx.ForEachRow(rows, []any{&g.Code, &g.NameZh, &g.NameEn}, func() error {
		out = append(out, g)
		return nil
	})
	return out, store.Classify(err)
}

// PractitionerKinds returns the kinds of people in display order.
func PractitionerKinds(ctx context.Context, db store.Querier) ([]PractitionerKind, error) {
	rows, err := db.Query(ctx, `SELECT code, role, name_zh, name_en, place_kinds FROM practitioner_kinds ORDER BY sort, code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []PractitionerKind
	var p PractitionerKind
	_, err = pgx.ForEachRow(rows, []any{&p.Code, &p.Role, &p.NameZh, &p.NameEn, &p.PlaceKinds}, func() error {
		out = append(out, p)
		return nil
	})
	return out, store.Classify(err)
}

var (
	kindCodeRe = regexp.MustCompile(`^[a-z][a-z_]{1,39}$`)
	colourRe   = regexp.MustCompile(`^#[0-9a-f]{6}$`)
)

// CheckKind validates a kind before it is written, naming the field at fault.
func CheckKind(k Kind) error {
	bad := func(field, why string) error { return &InvalidError{field, why} }
	switch {
	case !kindCodeRe.MatchString(k.Code):
		return bad("code", "代码应为小写字母和下划线 / the code must be lower-case letters and underscores (2-40)")
	case k.NameZh == "":
		return bad("name_zh", "缺少中文名称 / Chinese name missing")
	case k.NameEn == "":
		return bad("name_en", "缺少英文名称 / English name missing")
	case k.Colour != "" && !colourRe.MatchString(k.Colour):
		return bad("colour", "颜色应为 #rrggbb（小写）/ colour must be #rrggbb in lower case")
	case len([]rune(k.Symbol)) > 2:
		return bad("symbol", "地图符号最多两个字 / the map symbol is one or two characters")
	}
	return nil
}

// SaveKind adds a kind (create) or changes one (not create; ErrNotFound when there is none). Empty colour,
// symbol and group take the table's defaults on create and are kept on change, as are word and practice
// area lists not given (nil). An unknown group or
// practice area is ErrInvalid.
func SaveKind(ctx context.Context, db store.Querier, k Kind, create bool) error {
	if err := CheckKind(k); err != nil {
		return err
	}
	if create && k.Synonyms == nil {
		k.Synonyms = []string{}
	}
	if create && k.PracticeAreas == nil {
		k.PracticeAreas = []string{}
	}
	var unknown []string
	rows, err := db.Query(ctx, `SELECT a FROM unnest($1::text[]) a WHERE NOT EXISTS (SELECT 1 FROM practice_areas p WHERE p.code = a)`, k.PracticeAreas)
	if err != nil {
		return store.Classify(err)
	}
	unknown, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return store.Classify(err)
	}
	if len(unknown) > 0 {
		return &InvalidError{"practice_areas", fmt.Sprintf("未知的业务领域 / unknown practice areas %v", unknown)}
	}
	var tag pgconn.CommandTag
	if create {
		tag, err = db.Exec(ctx, `INSERT INTO kinds (code, name_zh, name_en, synonyms, sort, kind_group, colour, symbol, practice_areas)
			VALUES ($1, $2, $3, $4, CASE WHEN $5::int > 0 THEN $5 ELSE (SELECT coalesce(max(sort), 0) + 1 FROM kinds) END,
				coalesce(nullif($6, ''), 'legal_services'), coalesce(nullif($7, ''), '#475569'), coalesce(nullif($8, ''), left($2, 1)), $9)`,
			k.Code, k.NameZh, k.NameEn, k.Synonyms, k.Sort, k.Group, k.Colour, k.Symbol, k.PracticeAreas)
	} else {
		// A list not given (nil) keeps the stored one.
		tag, err = db.Exec(ctx, `UPDATE kinds SET name_zh = $2, name_en = $3, synonyms = coalesce($4, synonyms),
				sort = CASE WHEN $5::int > 0 THEN $5 ELSE sort END, kind_group = coalesce(nullif($6, ''), kind_group),
				colour = coalesce(nullif($7, ''), colour), symbol = coalesce(nullif($8, ''), symbol),
				practice_areas = coalesce($9, practice_areas)
			WHERE code = $1`,
			k.Code, k.NameZh, k.NameEn, k.Synonyms, k.Sort, k.Group, k.Colour, k.Symbol, k.PracticeAreas)
	}
	if err != nil {
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.Code == "23503" {
			return &InvalidError{"group", fmt.Sprintf("未知的分组 / unknown group %q", k.Group)}
		}
		return store.Classify(err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("kind %s: %w", k.Code, store.ErrNotFound)
	}
	// The kinds' words are part of the search analysis, and the map's legend reads the list: a new version.
	if _, err := db.Exec(ctx, `UPDATE directory_state SET version = version + 1, changed_at = now()`); err != nil {
		return store.Classify(err)
	}
	return nil
}

// ForensicCategory is one appraisal category with the everyday words that mean it.
type ForensicCategory struct {
	Code     string   `json:"code"`
	NameZh   string   `json:"name_zh"`
	NameEn   string   `json:"name_en"`
	Synonyms []string `json:"synonyms"`
}

// ForensicCategories returns the categories in their order (the order categoryWordsSQL lists words in).
func ForensicCategories(ctx context.Context, db store.Querier) ([]ForensicCategory, error) {
	rows, err := db.Query(ctx, `SELECT code, name_zh, name_en, synonyms FROM forensic_categories ORDER BY sort, code`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []ForensicCategory
	var c ForensicCategory
	_, err = pgx.ForEachRow(rows, []any{&c.Code, &c.NameZh, &c.NameEn, &c.Synonyms}, func() error {
		out = append(out, c)
		return nil
	})
	return out, store.Classify(err)
}

// CategoryWords is a record's categories followed by the everyday words of those it lists, as the
// search document holds them (categoryWordsSQL builds the same in SQL).
func CategoryWords(all []ForensicCategory, listed []string) []string {
	if len(listed) == 0 {
		return listed
	}
	out := append([]string(nil), listed...)
	for _, c := range all {
		for _, l := range listed {
			if l == c.NameZh {
				out = append(out, c.Synonyms...)
				break
			}
		}
	}
	return out
}
