package search

import (
	"reflect"
	"strings"
	"testing"
)

func TestQueryAnalysis(t *testing.T) {
	a := testAnalyzer(t)
	type want struct {
		terms, areas, kinds, places, latin []string
		licence                            string
		near                               bool
	}
	for _, c := range []struct {
		in string
		want
	}{
		{"老板不发工资怎么办", want{areas: []string{"labour"}}},
		{"离婚孩子归谁", want{areas: []string{"marriage_family"}}},
		{"福田 公证处", want{kinds: []string{"notary"}, places: []string{"440304"}}},
		{"futian gongzhengchu", want{kinds: []string{"notary"}, places: []string{"440304"}}},
		{"futiangongzhengchu", want{kinds: []string{"notary"}, places: []string{"440304"}}},
		{"ftgzc", want{terms: []string{"ftgzc"}, latin: []string{"ftgzc"}}},
		{"张伟", want{terms: []string{"张伟"}}},
		{"张伟律师", want{terms: []string{"张伟"}, kinds: []string{"law_firm"}}},
		{"14403201810123456", want{licence: "14403201810123456"}},
		{"bao an lawyer", want{kinds: []string{"law_firm"}, places: []string{"440306"}}},
		{"fa an", want{terms: []string{"fa", "an"}, latin: []string{"fa", "an"}}},
		{"an attorney", want{kinds: []string{"law_firm"}}},
		{"marriage and family", want{areas: []string{"marriage_family"}}},
		{"li na", want{terms: []string{"li", "na"}, latin: []string{"li", "na"}}},
		{"Zhong Lun", want{terms: []string{"zhong", "lun"}, latin: []string{"zhong", "lun"}}},
		{"divorce lawyer 福田", want{areas: []string{"marriage_family"}, kinds: []string{"law_firm"}, places: []string{"440304"}}},
		{"附近的法律援助中心", want{kinds: []string{"legal_aid"}, near: true}},
		{"lawyers near me", want{kinds: []string{"law_firm"}, near: true}},
		// a street named with its district collapses to the district
		{"华强北 福田 律所", want{kinds: []string{"law_firm"}, places: []string{"440304"}}},
		// two kinds are alternatives, not both required
		{"我想打官司但是没钱", want{kinds: []string{"law_firm", "legal_aid"}}},
		{"拖欠工资3个月了", want{areas: []string{"labour"}}},
		{"怎么办 请问 的 了", want{}},
	} {
		q := a.Query(c.in)
		got := want{q.Terms, q.Areas, q.Kinds, q.Places, q.Latin, q.Licence, q.Near}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Query(%q) =\n  %+v\nwant\n  %+v", c.in, got, c.want)
		}
	}
}

func TestTSQueryShape(t *testing.T) {
	a := testAnalyzer(t)
	for in, want := range map[string]string{
		"福田 公证处":            `( 'area:440304' | '福田' ) & ( 'k:notary' )`,
		"老板不发工资":            `( 'pa:labour' | '老板' | ( '不发' & '发工' & '工资' ) )`, // both seed words for labour: one concept
		"Zhonglun Law":      `( ( 'zhonglun':* & 'law':* ) | 'zhonglunlaw':* )`,
		"li na":             `( ( 'li':* & 'na':* ) | 'lina':* )`,
		"ft":                `( 'ft':* )`,
		"8":                 ``,
		"张":                 `( '张':* )`,
		"14403201810123456": `( '14403201810123456':* )`,
		"我想打官司但是没钱":         `( 'k:law_firm' | 'k:legal_aid' )`,
		"福田 罗湖":             `( 'area:440304' | '福田' | 'area:440303' | '罗湖' )`,
	} {
		if got := a.Query(in).TSQuery(); got != want {
			t.Errorf("TSQuery(%q) = %s\nwant %s", in, got, want)
		}
	}
	q := a.Query("福田 公证处")
	if got, want := q.TSQueryAny(), `( 'area:440304' | '福田' ) | ( 'k:notary' )`; got != want {
		t.Errorf("TSQueryAny = %s, want %s", got, want)
	}
	empty := a.Query("  怎么办？ ")
	if !empty.Empty() || empty.TSQuery() != "" || empty.TSQueryAny() != "" {
		t.Errorf("stop words only: Empty=%v TSQuery=%q", empty.Empty(), empty.TSQuery())
	}
}

func TestQueryHostileInput(t *testing.T) {
	a := testAnalyzer(t)
	for _, in := range []string{
		"' OR 1=1 --", `'); DROP TABLE providers; --`, "%", "_", `\`, "\x00", "pa:labour", "k:notary & area:440304",
		"'':*", "!福田", "福田 <-> 公证", "((((", strings.Repeat("离婚", 5000), strings.Repeat("a", 10000),
		strings.Repeat("福 ", 5000), strings.Repeat("x y ", 3000),
	} {
		q := a.Query(in)
		for _, s := range []string{q.TSQuery(), q.TSQueryAny()} {
			if s == "" {
				continue
			}
			if _, err := parseTSQuery(s); err != nil {
				t.Errorf("Query(%.40q): invalid tsquery %q: %v", in, s, err)
			}
		}
		if l := forgedLexeme(t, q); l != "" {
			t.Errorf("Query(%.40q) has the lexeme %q, not from the vocabulary", in, l)
		}
		if len(q.concepts) > maxConcepts {
			t.Errorf("Query(%.40q): %d concepts", in, len(q.concepts))
		}
	}
}

// forgedLexeme returns a lexeme holding ':' that is not a code of the test vocabulary, or
// "": text can reach a code lexeme only through the vocabulary.
func forgedLexeme(t testing.TB, q Query) string {
	v := testVocabulary(t)
	codes := map[string]bool{}
	for prefix, terms := range map[string][]Term{prefixKind: v.Kinds, prefixArea: v.PracticeAreas, prefixPlace: v.Places} {
		for _, term := range terms {
			codes[prefix+term.Code] = true
		}
	}
	for _, c := range q.concepts {
		for _, alt := range c.alts {
			for _, l := range alt {
				if strings.Contains(l.text, ":") && !codes[l.text] {
					return l.text
				}
			}
		}
	}
	return ""
}

// A Latin word found whole in the vocabulary stands beside its codes as itself, not as a prefix (a prefix
// reads every index key it covers); an unknown word, perhaps half typed, stays a prefix.
func TestVocabularyWordsAreNotPrefixes(t *testing.T) {
	a := testAnalyzer(t)
	for q, want := range map[string]bool{"futian gongzhengchu": false, "futiangongzhengchu": false, "divorce": false, "huashan": true} {
		if got := strings.Contains(a.Query(q).TSQuery(), ":*"); got != want {
			t.Errorf("%q: tsquery %s; prefix: %v, want %v", q, a.Query(q).TSQuery(), got, want)
		}
	}
}
