package search

import (
	"context"

	"legalmap/internal/store"
	"legalmap/internal/store/vocabdb"
)

// LoadAnalyzer builds the analyzer from the vocabularies and the areas in the database, as the server,
// the importers and the reindex command each see them.
func LoadAnalyzer(ctx context.Context, db store.Querier) (*Analyzer, error) {
	kinds, err := vocabdb.Kinds(ctx, db)
	if err != nil {
		return nil, err
	}
	areas, err := vocabdb.PracticeAreas(ctx, db)
	if err != nil {
		return nil, err
	}
	places, err := vocabdb.Areas(ctx, db)
	if err != nil {
		return nil, err
	}
	terms, err := vocabdb.LegalTerms(ctx, db)
	if err != nil {
		return nil, err
	}
	v := VocabularyOf(kinds, areas, places)
	v.LegalTerms = LegalTermsOf(terms)
	return NewAnalyzer(v), nil
}
