package search

import (
	"slices"
	"testing"

	"legalmap/internal/store"
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

// A sample is drawn from lexemes every match holds one of: the rarest of each alternative of the concept
// whose set the fewest documents hold.
func TestCoveringLexemes(t *testing.T) {
	either := concept{alts: [][]lexeme{{{text: "pa:labour"}}, {{text: "欠薪"}}}}
	for _, c := range []struct {
		name   string
		cs     []concept
		shares lexemeShares
		want   []string
	}{
		{"the rarest of a word's pairs", []concept{word("杭州", "州市"), either}, lexemeShares{"杭州": 50000, "州市": 200000, "pa:labour": 300000, "欠薪": 10}, []string{"杭州"}},
		{"a concept's alternatives together", []concept{word("杭州", "州市"), either}, lexemeShares{"杭州": 50000, "州市": 200000, "pa:labour": 3000, "欠薪": 10}, []string{"pa:labour", "欠薪"}},
		{"the rarer of two words", []concept{word("西安"), word("k:community_adviser")}, lexemeShares{"西安": 60000, "k:community_adviser": 580000}, []string{"西安"}},
		{"without estimates, the first", []concept{word("a", "b"), word("c")}, lexemeShares{}, []string{"a"}},
		{"not a prefix", []concept{{alts: [][]lexeme{{{text: "zhong", prefix: true}, {text: "lun"}}}}}, lexemeShares{"zhong": 1, "lun": 10}, []string{"lun"}},
		{"none: an alternative of prefixes only", []concept{{alts: [][]lexeme{{{text: "zhong", prefix: true}}, {{text: "lun"}}}}}, lexemeShares{}, nil},
	} {
		got, ok := coveringLexemes(c.cs, c.shares)
		if !slices.Equal(got, c.want) || ok != (c.want != nil) {
			t.Errorf("%s: %q %v, want %q", c.name, got, ok, c.want)
		}
	}
}

// The concepts' own estimate: a word's pairs count as their rarest, concepts multiply, and a concept of
// kinds the walk's filter holds counts as all of them; never below the planner's.
func TestExpectedMatches(t *testing.T) {
	yangpu, labour := word("杨浦", "浦区"), concept{alts: [][]lexeme{{{text: "pa:labour"}}, {{text: "labour"}}}}
	s := lexemeShares{"杨浦": 13000, "浦区": 52000, "pa:labour": 300000, "labour": 20000, "k:law_firm": 300000}
	est := store.SearchEstimate{Matches: 230, Among: 970000, Documents: 1000000}
	got := expectedMatches([]concept{yangpu, labour}, s, false, est)
	if want := 13000.0 / 1e6 * 320000 / 1e6 * 970000; got < want*0.99 || got > want*1.01 {
		t.Errorf("杨浦区 labour: %.0f, want about %.0f", got, want)
	}
	firms := store.SearchEstimate{Matches: 50, Among: 300000, Documents: 1000000}
	got = expectedMatches([]concept{yangpu, word("k:law_firm")}, s, true, firms)
	if want := 13000.0 / 1e6 * 300000; got < want*0.99 || got > want*1.01 {
		t.Errorf("杨浦区 law firms, kinds filtered: %.0f, want about %.0f", got, want)
	}
	if got := expectedMatches([]concept{yangpu}, lexemeShares{}, false, est); got != est.Matches {
		t.Errorf("without the lexemes' estimates: %.0f, want the planner's %.0f", got, est.Matches)
	}
	if got := expectedMatches([]concept{word("a", "b")}, lexemeShares{"a": 1, "b": 1}, false, est); got != est.Matches {
		t.Errorf("below the planner's: %.0f, want the planner's %.0f", got, est.Matches)
	}
}

// A walk is tried first where the walk's share of the expected matches fills the page.
func TestWalkFills(t *testing.T) {
	first := Request{Limit: 10}
	for _, c := range []struct {
		r               Request
		expected, among float64
		want            bool
	}{
		{first, 300000, 1000000, true},                           // every third place: a thousand read hold hundreds
		{first, 10000, 1000000, true},                            // one in a hundred: ten in a thousand
		{first, 4000, 1000000, false},                            // a town's: four in a thousand, were they spread
		{first, 2000, 580000, false},                             // a kind's few
		{first, 5000, 0, false},                                  // no places to walk through
		{Request{Limit: 10, Offset: 390}, 50000, 1000000, true},  // a deeper page reads a deeper window
		{Request{Limit: 10, Offset: 390}, 10000, 1000000, false}, // and asks for more
	} {
		if got := walkFills(c.r, c.expected, c.among); got != c.want {
			t.Errorf("offset %d: %.0f expected among %.0f: %v, want %v", c.r.Offset, c.expected, c.among, got, c.want)
		}
	}
}
