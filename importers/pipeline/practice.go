package pipeline

import (
	"fmt"
	"strings"

	"golang.org/x/text/width"

	"legalmap/internal/directory"
	"legalmap/internal/store"
)

// practiceIndex maps the words a list writes under 业务领域 to practice-area codes: the code itself, the
// Chinese and English names and every synonym of the vocabulary (离婚 -> marriage_family). Words it does
// not know are kept as free text (practice_notes) and reported.
type practiceIndex map[string]string

func newPracticeIndex(terms []store.VocabTerm) practiceIndex {
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
	return x
}

// wordKey folds case, width and spaces; a trailing 业务/纠纷/案件 is kept (it is part of some names).
func wordKey(s string) string {
	s = strings.ToLower(width.Fold.String(strings.TrimSpace(s)))
	return strings.Join(strings.Fields(s), " ")
}

// match splits a cell into words and returns the codes (in order, once each) and the unknown words.
func (x practiceIndex) match(cell string) (codes, notes []string) {
	seen := map[string]bool{}
	for _, w := range directory.SplitList(cell) {
		k := wordKey(w)
		code, ok := x[k]
		if !ok {
			// "婚姻家庭纠纷", "劳动争议类": try without common endings.
			for _, end := range []string{"纠纷", "案件", "业务", "类", "法律"} {
				if c, found := x[strings.TrimSuffix(k, end)]; found && strings.HasSuffix(k, end) {
					code, ok = c, true
					break
				}
			}
		}
		switch {
		case ok && !seen[code]:
			seen[code] = true
			codes = append(codes, code)
		case !ok:
			notes = append(notes, w)
		}
	}
	return codes, notes
}

func unknownPracticeWarning(field string, notes []string) Issue {
	words := strings.Join(notes, "、")
	return Issue{Field: field, Reason: fmt.Sprintf("业务领域「%s」不在词表中，按原文保留 / practice-area words %q match no area: kept as free text", words, words)}
}
