package vocabdb

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/store"
)

// LegalTerm is one row of legal_terms (sql/080): a word of the law (a cause of action, a charge, a law's
// name, a remedy, an everyday phrase) with the practice areas it belongs to and the kinds of place that
// solve it (Kinds first, AlsoKinds next).
type LegalTerm struct {
	Term          string
	Category      string
	PracticeAreas []string
	Kinds         []string
	AlsoKinds     []string
	Parent        string
	Hint          string // words the text of a place that does it carries (亲子鉴定: 法医物证)
	Source        string
}

// LegalTermCategories are the categories the table accepts (its CHECK constraint).
var LegalTermCategories = []string{"area", "cause", "charge", "law", "remedy", "everyday", "free_help"}

// LegalTerms returns the whole legal vocabulary, by term.
func LegalTerms(ctx context.Context, db store.Querier) ([]LegalTerm, error) {
	rows, err := db.Query(ctx, `SELECT term, category, practice_areas, kinds, also_kinds, parent, hint, source
		FROM legal_terms ORDER BY term`)
	if err != nil {
		return nil, store.Classify(err)
	}
	var out []LegalTerm
	var t LegalTerm
	_, err = pgx.ForEachRow(rows, []any{&t.Term, &t.Category, &t.PracticeAreas, &t.Kinds, &t.AlsoKinds, &t.Parent, &t.Hint, &t.Source}, func() error {
		out = append(out, t)
		return nil
	})
	return out, store.Classify(err)
}

// SaveLegalTerms writes terms as the rows of source in one transaction: a term already there is replaced
// (whoever wrote it: a bureau's row overrides the built-in one), and with replace the rows of source
// that terms no longer hold are deleted. It returns how many rows were added or changed, and deleted. A
// change moves the directory's version on, so the server reads the vocabulary again; `legalmap reindex`
// is not needed, since the index holds no legal terms.
func SaveLegalTerms(ctx context.Context, db *pgxpool.Pool, source string, terms []LegalTerm, replace bool) (written, deleted int, err error) {
	err = pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		for _, t := range terms {
			// A row that says what the table says already is left alone: loading the same file twice
			// changes nothing (and does not move the directory's version on).
			tag, err := tx.Exec(ctx, `INSERT INTO legal_terms (term, category, practice_areas, kinds, also_kinds, parent, hint, source, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
				ON CONFLICT (term) DO UPDATE SET category = $2, practice_areas = $3, kinds = $4, also_kinds = $5,
					parent = $6, hint = $7, source = $8, updated_at = now()
				WHERE (legal_terms.category, legal_terms.practice_areas, legal_terms.kinds, legal_terms.also_kinds,
					legal_terms.parent, legal_terms.hint, legal_terms.source) IS DISTINCT FROM ($2, $3, $4, $5, $6, $7, $8)`,
				t.Term, t.Category, store.NonNil(t.PracticeAreas), store.NonNil(t.Kinds), store.NonNil(t.AlsoKinds), t.Parent, t.Hint, source)
			if err != nil {
				return err
			}
			written += int(tag.RowsAffected())
		}
		if !replace {
			return nil
		}
		keep := make([]string, len(terms))
		for i, t := range terms {
			keep[i] = t.Term
		}
		tag, err := tx.Exec(ctx, `DELETE FROM legal_terms WHERE source = $1 AND NOT term = ANY ($2)`, source, keep)
		deleted = int(tag.RowsAffected())
		return err
	})
	return written, deleted, store.Classify(err)
}
