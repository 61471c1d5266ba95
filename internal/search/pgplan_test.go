package search

import (
	"slices"
	"testing"
)

func word(texts ...string) concept {
	alt := make([]lexeme, len(texts))
	for i, t := range texts {
		alt[i] = lexeme{text: t}
	}
	return concept{alts: [][]lexeme{alt}}
}

// The index reads the concept yielding fewest places, and each other concept whose lists cost less to
// decode than testing the places read so far; the rest is tested on those places.
func TestSplitConcepts(t *testing.T) {
	for _, c := range []struct {
		name        string
		cs          []concept
		shares      lexemeShares
		index, rows string
	}{
		{"a rare word and a kind most places are",
			[]concept{word("k:community_adviser"), word("梅富")},
			lexemeShares{"k:community_adviser": 580000, "梅富": 300},
			"( '梅富' )", "( 'k:community_adviser' )"},
		{"two broad concepts intersect in the index",
			[]concept{word("k:community_adviser"), word("pa:inheritance")},
			lexemeShares{"k:community_adviser": 580000, "pa:inheritance": 130000},
			"( 'pa:inheritance' ) & ( 'k:community_adviser' )", ""},
		{"a kind without places is read first",
			[]concept{word("西安"), word("k:police")},
			lexemeShares{"西安": 60000, "k:police": 10},
			"( 'k:police' )", "( '西安' )"},
		{"a name's pairs yield as their rarest pair, and cost all their lists",
			[]concept{word("乌鲁", "鲁木", "木齐"), {alts: [][]lexeme{{{text: "pa:labour"}}, {{text: "欠薪"}}}}},
			lexemeShares{"乌鲁": 20000, "鲁木": 20000, "木齐": 20000, "pa:labour": 320000, "欠薪": 50},
			"( ( '乌鲁' & '鲁木' & '木齐' ) ) & ( 'pa:labour' | '欠薪' )", ""},
		{"without statistics everything is read",
			[]concept{word("a"), word("b")},
			lexemeShares{},
			"( 'a' ) & ( 'b' )", ""},
	} {
		index, rows := splitConcepts(c.cs, c.shares)
		if index != c.index || rows != c.rows {
			t.Errorf("%s: index %q rows %q; want %q and %q", c.name, index, rows, c.index, c.rows)
		}
	}
}

// A query's kinds come apart from its other concepts, unless the kind asks for work only some of its
// places do.
func TestKindsApart(t *testing.T) {
	a := testAnalyzer(t)
	rest, kinds := a.Query("福田 公证处").kindsApart()
	if !slices.Equal(kinds, []string{"notary"}) || tsqueryOf(rest) == "" || tsqueryOf(rest) == a.Query("福田 公证处").TSQuery() {
		t.Errorf("福田 公证处: kinds %v, rest %q", kinds, tsqueryOf(rest))
	}
	if rest, kinds := a.Query("公证处").kindsApart(); !slices.Equal(kinds, []string{"notary"}) || len(rest) != 0 {
		t.Errorf("公证处: kinds %v, rest %v", kinds, rest)
	}
	if rest, kinds := a.Query("离婚").kindsApart(); kinds != nil || tsqueryOf(rest) != a.Query("离婚").TSQuery() {
		t.Errorf("离婚: kinds %v, rest %q", kinds, tsqueryOf(rest))
	}
}
