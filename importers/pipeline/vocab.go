package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/geo"
	"legalmap/internal/search"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/vocabdb"
)

// vocab is what validation and search documents learn from the database before a run: the practice areas
// (names and synonyms), the areas (for area codes) and the analyzer built from all vocabularies, the same
// one the search engine uses, so imported documents match what a rebuild would write.
type vocab struct {
	practice practiceIndex
	areas    *areaIndex
	address  *addressIndex // the areas an address names, and the boundaries that hold a point
	region   geo.Region    // around the loaded districts: the service region when none is configured
	forensic []vocabdb.ForensicCategory
	analyzer *search.Analyzer
	looks    *kindLooks // which kind a name looks like, from its ending
	identity []byte     // the hash of what was loaded (see fingerprintBasis)
}

func loadVocab(ctx context.Context, pool *pgxpool.Pool) (*vocab, error) {
	kinds, err := vocabdb.Kinds(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load kinds: %w", err)
	}
	areas, err := vocabdb.PracticeAreas(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load practice areas: %w", err)
	}
	places, err := vocabdb.Areas(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load areas: %w", err)
	}
	cats, err := vocabdb.ForensicCategories(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load forensic categories: %w", err)
	}
	bounds, err := placedb.AreaBoundaries(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load area boundaries: %w", err)
	}
	legal, err := vocabdb.LegalTerms(ctx, pool)
	if err != nil {
		return nil, fmt.Errorf("load legal terms: %w", err)
	}
	return &vocab{
		practice: newPracticeIndex(areas, legal),
		areas:    newAreaIndex(places),
		looks:    newKindLooks(kinds),
		address:  newAddressIndex(places, bounds),
		region:   regionOf(places),
		analyzer: search.NewAnalyzer(search.VocabularyOf(kinds, areas, places)),
		forensic: cats,
		identity: append(append(vocabIdentity(kinds, areas, places), categoryIdentity(cats)...), categoryIdentity(legal)...),
	}, nil
}

// categoryIdentity is the hash input of the forensic categories (their words are in the documents) and
// of the legal terms (they read practice-area words).
func categoryIdentity[T any](cats []T) []byte {
	b, _ := json.Marshal(cats)
	sum := sha256.Sum256(b)
	return sum[:]
}
