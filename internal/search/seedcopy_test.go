package search

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// TestVocabularyFixtureIsSeedCopy keeps testdata/vocabulary.json true to the seed in
// sql/002_vocabulary.sql (codes, names, synonyms), so the judged numbers speak of the words
// production has. When the seed changes, change the fixture with it.
func TestVocabularyFixtureIsSeedCopy(t *testing.T) {
	sql, err := os.ReadFile("../../sql/002_vocabulary.sql")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`\('([^']*)', '([^']*)', '([^']*)',\s*'\{([^}]*)\}'`)
	v := seedVocabulary(t)
	for table, terms := range map[string][]Term{"kinds": v.Kinds, "practice_areas": v.PracticeAreas} {
		text := string(sql)
		i := strings.Index(text, "INSERT INTO "+table)
		if i < 0 {
			t.Fatalf("sql/002_vocabulary.sql: no INSERT INTO %s", table)
		}
		text = text[i:]
		text = text[:strings.Index(text, ";\n")]
		var want []Term
		for _, m := range row.FindAllStringSubmatch(text, -1) {
			want = append(want, Term{Code: m[1], Names: []string{m[2], m[3]}, Synonyms: strings.Split(m[4], ",")})
		}
		if len(want) == 0 || !reflect.DeepEqual(want, terms) {
			t.Errorf("testdata/vocabulary.json %s differ from sql/002_vocabulary.sql:\n fixture %v\n seed    %v", table, terms, want)
		}
	}
}
