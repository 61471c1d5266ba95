package search

import (
	"strings"

	"legalmap/internal/store/vocabdb"
)

// VocabularyOf builds the analysis' vocabulary from the database's tables: kinds and practice areas with
// both names and their everyday synonyms, places with their Chinese and English names and their pinyin
// spelt both spaced ("fu tian") and joined ("futian").
func VocabularyOf(kinds, areas []vocabdb.VocabTerm, places []vocabdb.Area) Vocabulary {
	var v Vocabulary
	for _, k := range kinds {
		v.Kinds = append(v.Kinds, Term{Code: k.Code, Names: names(k.NameZh, k.NameEn), Synonyms: k.Synonyms})
	}
	for _, a := range areas {
		v.PracticeAreas = append(v.PracticeAreas, Term{Code: a.Code, Names: names(a.NameZh, a.NameEn), Synonyms: a.Synonyms})
	}
	for _, p := range places {
		t := Term{Code: p.Code, Names: names(p.NameZh, p.NameEn)}
		if py := strings.TrimSpace(p.Pinyin); py != "" {
			t.Synonyms = append(t.Synonyms, py)
			if joined := strings.ReplaceAll(py, " ", ""); joined != py {
				t.Synonyms = append(t.Synonyms, joined)
			}
		}
		v.Places = append(v.Places, t)
	}
	return v
}

func names(zh, en string) []string {
	var out []string
	for _, n := range []string{zh, en} {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
