package search

import (
	"context"

	"legalmap/internal/store"
)

// LoadAnalyzer builds the analyzer from the vocabularies and the areas in the database, as the server,
// the importers and the reindex command each see them.
func LoadAnalyzer(ctx context.Context, db store.Querier) (*Analyzer, error) {
	kinds, err := store.Kinds(ctx, db)
	if err != nil {
		return nil, err
	}
	areas, err := store.PracticeAreas(ctx, db)
	if err != nil {
		return nil, err
	}
	places, err := store.Areas(ctx, db)
	if err != nil {
		return nil, err
	}
	terms, err := store.LegalTerms(ctx, db)
	if err != nil {
		return nil, err
	}
	v := VocabularyOf(kinds, areas, places)
	v.LegalTerms = LegalTermsOf(terms)
	return NewAnalyzer(v), nil
}
