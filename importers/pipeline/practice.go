package pipeline

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/width"

	"legalmap/internal/directory"
	"legalmap/internal/store/vocabdb"
)

// practiceIndex maps the words a list writes under 业务领域 to practice-area codes: the code itself, the
// Chinese and English names and every synonym of the vocabulary (离婚 -> marriage_family), and the legal
// terms of one practice area (债务纠纷 -> debt). Words it does
// not know are kept as free text (practice_notes) and reported.
type practiceIndex map[string]string

func newPracticeIndex(terms []vocabdb.VocabTerm, legal []vocabdb.LegalTerm) practiceIndex {
	x := practiceIndex{}
	for _, t := range terms {
		for _, w := range append([]string{t.Code, t.NameZh, t.NameEn}, t.Synonyms...) {
			if k := wordKey(w); k != "" {
				if _, taken := x[k]; !taken {
					x[k] = t.Code
				}
			}
		}
	}
	// Then the legal vocabulary (sql/080: 债务纠纷, 劳动争议纠纷 …), the words lists write as the law names
	// them: a term of one practice area names it; a term of several is ambiguous and stays free text. An
	// area's own words come first and are never taken over.
	for _, t := range legal {
		if len(t.PracticeAreas) != 1 {
			continue
		}
		if k := wordKey(t.Term); k != "" {
			if _, taken := x[k]; !taken {
				x[k] = t.PracticeAreas[0]
			}
		}
	}
	return x
}

// wordKey folds case, width and spaces; a trailing 业务/纠纷/案件 is kept (it is part of some names).
func wordKey(s string) string {
	s = strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
	return strings.Join(strings.Fields(s), " ")
}

// match splits a cell into words and returns the codes (in order, once each) and the unknown words.
func (x practiceIndex) match(cell string) (codes, notes []string) {
	return matchWords(cell, x.word)
}

// matchWords is match with the word lookup given (rowEnv.practice caches it).
func matchWords(cell string, word func(string) (string, bool)) (codes, notes []string) {
	for _, w := range directory.SplitList(cell) {
		code, ok := word(w)
		switch {
		case ok && !slices.Contains(codes, code):
			codes = append(codes, code)
		case !ok:
			notes = append(notes, w)
		}
	}
	return codes, notes
}

// word is the code of one word of a cell.
func (x practiceIndex) word(w string) (string, bool) {
	k := wordKey(w)
	if code, ok := x[k]; ok {
		return code, true
	}
	// "婚姻家庭纠纷", "劳动争议类": try without common endings.
	for _, end := range []string{"纠纷", "案件", "业务", "类", "法律"} {
		if c, found := x[strings.TrimSuffix(k, end)]; found && strings.HasSuffix(k, end) {
			return c, true
		}
	}
	return "", false
}

func unknownPracticeWarning(field string, notes []string) Issue {
	words := strings.Join(notes, "、")
	return Issue{Field: field, Reason: fmt.Sprintf("业务领域「%s」不在词表中，按原文保留 / practice-area words %q match no area: kept as free text", words, words)}
}
