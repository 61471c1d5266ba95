package search

import (
	"encoding/json"
	"os"
	"sync"
	"testing"
)

// testdata/vocabulary.json is a copy of the seed in sql/002_vocabulary.sql (kinds and
// practice areas, verbatim) and sql/003_areas.sql (places: Names = name_zh, name_en;
// Synonyms = pinyin joined and spaced), the way the store hands them to NewAnalyzer.
// testdata/synonyms_proposed.json holds everyday words the judged set showed missing from
// that seed; the package report asks for them in a migration. Tests run on both merged;
// TestJudgedAnalysisFloor also measures the seed alone.
var (
	vocabOnce        sync.Once
	seedVocab, vocab Vocabulary
	vocabErr         error
)

type proposedSynonyms struct {
	Kinds         map[string][]string `json:"kinds"`
	PracticeAreas map[string][]string `json:"practice_areas"`
}

func loadJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(data, v)
}

func loadVocabularies() {
	if vocabErr = loadJSON("testdata/vocabulary.json", &seedVocab); vocabErr != nil {
		return
	}
	var p proposedSynonyms
	if vocabErr = loadJSON("testdata/synonyms_proposed.json", &p); vocabErr != nil {
		return
	}
	if err := loadJSON("testdata/vocabulary.json", &vocab); err != nil {
		vocabErr = err
		return
	}
	merge := func(terms []Term, add map[string][]string) {
		for i := range terms {
			terms[i].Synonyms = append(terms[i].Synonyms, add[terms[i].Code]...)
			delete(add, terms[i].Code)
		}
		for code := range add {
			vocabErr = &json.UnsupportedValueError{Str: "synonyms_proposed.json: unknown code " + code}
		}
	}
	merge(vocab.Kinds, p.Kinds)
	merge(vocab.PracticeAreas, p.PracticeAreas)
}

// testVocabulary is the seed plus the proposed synonyms.
func testVocabulary(t testing.TB) Vocabulary {
	t.Helper()
	vocabOnce.Do(loadVocabularies)
	if vocabErr != nil {
		t.Fatalf("vocabulary fixture: %v", vocabErr)
	}
	return vocab
}

// seedVocabulary is the seed alone.
func seedVocabulary(t testing.TB) Vocabulary {
	t.Helper()
	testVocabulary(t)
	return seedVocab
}

func testAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	return NewAnalyzer(testVocabulary(t))
}
