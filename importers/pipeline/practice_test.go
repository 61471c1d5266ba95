package pipeline

import (
	"slices"
	"testing"

	"legalmap/internal/store/vocabdb"
)

// A list's 业务范围 written as the law names it (债务纠纷, 劳动争议纠纷 …) is read through the legal
// vocabulary when the term belongs to one practice area; a term of several areas stays free text, and a
// practice area's own words are never taken over by a term.
func TestPracticeWordsOfTheLegalVocabulary(t *testing.T) {
	areas := []vocabdb.VocabTerm{
		{Code: "debt", NameZh: "债权债务", Synonyms: []string{"欠款"}},
		{Code: "marriage_family", NameZh: "婚姻家庭", Synonyms: []string{"离婚"}},
		{Code: "contract", NameZh: "合同纠纷"},
	}
	legal := []vocabdb.LegalTerm{
		{Term: "债务纠纷", PracticeAreas: []string{"debt"}},
		{Term: "离婚", PracticeAreas: []string{"debt"}}, // an area's own word stays the area's
		{Term: "夫妻共同债务", PracticeAreas: []string{"marriage_family", "debt"}},
		{Term: "免费", Category: "free_help"},
	}
	x := newPracticeIndex(areas, legal)
	codes, notes := x.match("债务纠纷、离婚、夫妻共同债务、免费")
	if !slices.Equal(codes, []string{"debt", "marriage_family"}) {
		t.Errorf("codes %v, want [debt marriage_family]", codes)
	}
	if !slices.Equal(notes, []string{"夫妻共同债务", "免费"}) {
		t.Errorf("free text %v, want [夫妻共同债务 免费]", notes)
	}
}
