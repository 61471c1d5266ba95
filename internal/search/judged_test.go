package search

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// judgedRow is one line of testdata/judged.tsv. must_top5 and must_not take record ids of
// the sample directory and are filled when the engines exist; expect names what the
// analysis must recognise (area:, kind:, place:, licence:) and the record a search must find
// (name:, checked by the measurement against testdata/docs.json).
type judgedRow struct {
	line                 int
	class, query         string
	lat, lng             string
	mustTop5, mustNot    string
	areas, kinds, places []string
	licence              string
	names                []string
}

func loadJudged(t testing.TB) []judgedRow {
	t.Helper()
	f, err := os.Open("testdata/judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []judgedRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if n == 1 {
			continue // header: class query lat lng must_top5 must_not expect
		}
		if len(cols) != 7 {
			t.Fatalf("judged.tsv line %d: %d columns, want 7", n, len(cols))
		}
		r := judgedRow{line: n, class: cols[0], query: cols[1], lat: cols[2], lng: cols[3], mustTop5: cols[4], mustNot: cols[5]}
		for _, e := range strings.Fields(cols[6]) {
			k, v, ok := strings.Cut(e, ":")
			switch {
			case !ok || v == "":
				t.Fatalf("judged.tsv line %d, column expect: %q is not kind:value", n, e)
			case k == "area":
				r.areas = append(r.areas, v)
			case k == "kind":
				r.kinds = append(r.kinds, v)
			case k == "place":
				r.places = append(r.places, v)
			case k == "licence":
				r.licence = v
			case k == "name":
				r.names = append(r.names, v)
			case k == "does":
				// the work a place must do (亲子鉴定: 法医物证): the relevance tests judge it on the records
			default:
				t.Fatalf("judged.tsv line %d, column expect: unknown %q", n, k)
			}
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// judgedMisses lists what the analysis failed to recognise in one row.
func judgedMisses(a *Analyzer, r judgedRow) []string {
	q := a.Query(r.query)
	var miss []string
	check := func(prefix string, want, got []string) {
		for _, w := range want {
			if !contains(got, w) {
				miss = append(miss, prefix+w)
			}
		}
	}
	check("area:", r.areas, q.Areas)
	check("kind:", r.kinds, q.Kinds)
	check("place:", r.places, q.Places)
	if r.licence != "" && q.Licence != r.licence {
		miss = append(miss, "licence:"+r.licence)
	}
	return miss
}

// judgedFloor is the share of area/kind/place/licence expectations the analysis must meet
// with the seed vocabulary plus the proposed synonyms; seedFloor with the seed alone.
//
// History (all numbers over the expectations of judged.tsv): with a vocabulary written by
// the author of the judged set, before tuning, 102/105 on the 85 rows written first and
// 5/8 on eight everyday rows added after that first run. Against the project's seed
// (sql/002_vocabulary.sql, written by someone else) 103/113; with
// testdata/synonyms_proposed.json 112/113. The one miss left ("在工厂上班手指被机器压断":
// a work injury told without any word for it) is a fair example of what word matching
// cannot do.
const (
	judgedFloor = 0.99
	seedFloor   = 0.90
)

func TestJudgedAnalysisFloor(t *testing.T) {
	rows := loadJudged(t)
	classes := map[string]int{}
	everyday := 0
	for _, r := range rows {
		classes[r.class]++
		if r.class == "everyday" {
			everyday++
		}
	}
	if len(rows) < 60 || everyday*2 < len(rows) {
		t.Errorf("judged set: %d rows, %d everyday; want >= 60 and at least half everyday", len(rows), everyday)
	}
	for _, c := range []string{"everyday", "place", "pinyin", "name", "practitioner", "english", "mixed", "typo"} {
		if classes[c] == 0 {
			t.Errorf("judged set has no %s row", c)
		}
	}
	for _, v := range []struct {
		name  string
		a     *Analyzer
		floor float64
	}{
		{"seed + proposed synonyms", testAnalyzer(t), judgedFloor},
		{"seed alone", NewAnalyzer(seedVocabulary(t)), seedFloor},
	} {
		want, met := 0, 0
		for _, r := range rows {
			n := len(r.areas) + len(r.kinds) + len(r.places)
			if r.licence != "" {
				n++
			}
			miss := judgedMisses(v.a, r)
			want += n
			met += n - len(miss)
			if len(miss) > 0 {
				q := v.a.Query(r.query)
				t.Logf("%s: judged.tsv line %d %q: missed %v (areas=%v kinds=%v places=%v terms=%q)",
					v.name, r.line, r.query, miss, q.Areas, q.Kinds, q.Places, q.Terms)
			}
		}
		rate := float64(met) / float64(want)
		t.Logf("%s: %d/%d expectations met (%.3f) over %d rows", v.name, met, want, rate, len(rows))
		if rate < v.floor {
			t.Errorf("%s: judged analysis %.3f below floor %.3f", v.name, rate, v.floor)
		}
	}
}
