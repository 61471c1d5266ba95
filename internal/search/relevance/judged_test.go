package relevance

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"legalmap/internal/search"
)

// judged is one line of a judged*.tsv: class, query, optional location, the ids that must be in the top
// five, the ids that must not appear, and what the query asks for (area:, kind:, place:, name:,
// licence:, does:), from which the relevant records are decided.
type judged struct {
	file                 string
	line                 int
	class, query         string
	near                 *orb.Point
	mustTop5, mustNot    []string
	areas, kinds, places []string
	names                []string
	licence              string
	// does are words of which the record's text must carry one: the work only some places of a kind do
	// (亲子鉴定 is 法医物证 work), as an institution's categories or description state it.
	does []string
}

// fixtureJudged are the judged queries over the fixture directory; sampleJudged those over the sample's.
const (
	fixtureJudged = "../testdata/judged*.tsv"
	sampleJudged  = "../testdata/sample_judged.tsv"
)

func loadJudged(t testing.TB, pattern string) []judged {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no judged files %s: %v", pattern, err)
	}
	var out []judged
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			cols := strings.Split(sc.Text(), "\t")
			if n == 1 || strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			if len(cols) != 7 {
				t.Fatalf("%s line %d: %d columns, want 7", name, n, len(cols))
			}
			j := judged{file: filepath.Base(name), line: n, class: cols[0], query: cols[1],
				mustTop5: strings.Fields(cols[4]), mustNot: strings.Fields(cols[5])}
			if cols[2] != "" {
				lat, err1 := strconv.ParseFloat(cols[2], 64)
				lng, err2 := strconv.ParseFloat(cols[3], 64)
				if err1 != nil || err2 != nil {
					t.Fatalf("%s line %d: bad location", name, n)
				}
				j.near = &orb.Point{lng, lat}
			}
			for _, e := range strings.Fields(cols[6]) {
				k, v, _ := strings.Cut(e, ":")
				switch k {
				case "area":
					j.areas = append(j.areas, v)
				case "kind":
					j.kinds = append(j.kinds, v)
				case "place":
					j.places = append(j.places, v)
				case "name":
					j.names = append(j.names, v)
				case "licence":
					j.licence = v
				case "does":
					j.does = append(j.does, v)
				default:
					t.Fatalf("%s line %d: unknown expectation %q", name, n, e)
				}
			}
			out = append(out, j)
		}
		f.Close()
	}
	return out
}

// relevant decides from the record itself whether it answers what the row asks for: every named kind,
// practice area (the place's or a practitioner's), place, name and licence.
func (j judged) relevant(d doc) bool {
	if len(j.kinds) > 0 && !contains(j.kinds, d.Kind) {
		return false
	}
	areas := append([]string{}, d.PracticeAreas...)
	var people, licences []string
	for _, p := range d.Practitioners {
		areas = append(areas, p.PracticeAreas...)
		people = append(people, p.Name)
		licences = append(licences, p.LicenceNo)
	}
	for _, a := range j.areas {
		if !contains(areas, a) {
			return false
		}
	}
	for _, p := range j.places {
		in := false
		for _, c := range d.AreaCodes {
			in = in || strings.HasPrefix(c, p)
		}
		if !in {
			return false
		}
	}
	for _, n := range j.names {
		if d.Name != n && !contains(people, n) {
			return false
		}
	}
	if len(j.does) > 0 && !slices.ContainsFunc(j.does, func(w string) bool {
		return strings.Contains(d.Description, w) || contains(d.Categories, w)
	}) {
		return false
	}
	return j.licence == "" || contains(licences, j.licence) || d.LicenceNo == j.licence
}

// outcome is one row's measurement.
type outcome struct {
	j                  judged
	relevant           int     // records that answer the row
	precision5, recall float64 // precision@5 against min(5, relevant); recall of the relevant in the top 50
	missing, forbidden []string
	top                []string
}

func run(t testing.TB, d *directory, j judged) outcome {
	q := d.a.Query(j.query)
	res, err := d.engine.Search(context.Background(), search.Request{Query: q, Near: j.near, Limit: 50})
	if err != nil {
		t.Fatalf("%q: %v", j.query, err)
	}
	o := outcome{j: j}
	for _, x := range d.docs {
		if j.relevant(x) {
			o.relevant++
		}
	}
	hit5, hit50 := 0, 0
	for i, h := range res.Hits {
		id := d.docID[h.ID]
		if i < 5 {
			o.top = append(o.top, id)
		}
		if x, ok := d.docs[id]; ok && j.relevant(x) {
			if i < 5 {
				hit5++
			}
			hit50++
		}
		if contains(j.mustNot, id) {
			o.forbidden = append(o.forbidden, id)
		}
	}
	for _, id := range j.mustTop5 {
		if !contains(o.top, id) {
			o.missing = append(o.missing, id)
		}
	}
	if o.relevant > 0 {
		o.precision5 = float64(hit5) / float64(min(5, o.relevant))
		o.recall = float64(hit50) / float64(min(50, o.relevant))
	}
	return o
}

// Floors, set a little under what the engine reaches on the fixture directory (see the report), so a
// change that makes search worse fails here.
const (
	precisionFloor = 0.90
	recallFloor    = 0.88
	idsFloor       = 0.95 // share of must_top5 / must_not judgements met
)

func TestRelevanceFloor(t *testing.T) {
	d := loadDirectory(t)
	rows := loadJudged(t, fixtureJudged)
	everyday := 0
	var p, r float64
	n, judgements, met := 0, 0, 0
	for _, j := range rows {
		if j.class == "everyday" {
			everyday++
		}
		o := run(t, d, j)
		judgements += len(j.mustTop5) + len(j.mustNot)
		met += len(j.mustTop5) + len(j.mustNot) - len(o.missing) - len(o.forbidden)
		if len(o.missing)+len(o.forbidden) > 0 {
			t.Logf("%s:%d %q: missing from top 5 %v, forbidden shown %v (top %v)", j.file, j.line, j.query, o.missing, o.forbidden, o.top)
		}
		if o.relevant == 0 {
			continue
		}
		n++
		p += o.precision5
		r += o.recall
		if o.precision5 < 0.5 {
			t.Logf("%s:%d %q: precision@5 %.2f recall %.2f (top %v)", j.file, j.line, j.query, o.precision5, o.recall, o.top)
		}
	}
	if len(rows) < 60 || 2*everyday < len(rows) {
		t.Errorf("%d judged queries, %d everyday: want at least 60, half everyday", len(rows), everyday)
	}
	p, r = p/float64(n), r/float64(n)
	ids := float64(met) / float64(max(1, judgements))
	t.Logf("%d queries scored: precision@5 %.3f, recall %.3f; id judgements %d/%d", n, p, r, met, judgements)
	if p < precisionFloor || r < recallFloor || ids < idsFloor {
		t.Errorf("below the floor: precision@5 %.3f (>= %.2f), recall %.3f (>= %.2f), ids %.3f (>= %.2f)",
			p, precisionFloor, r, recallFloor, ids, idsFloor)
	}
}

// BenchmarkRelevance prints precision@5 and recall per query class (and times the queries).
func BenchmarkRelevance(b *testing.B) {
	benchmarkJudged(b, loadDirectory(b), loadJudged(b, fixtureJudged))
}

// benchmarkJudged runs every judged query b.N times and logs precision@5 and recall per class.
func benchmarkJudged(b *testing.B, d *directory, rows []judged) {
	b.ResetTimer()
	type sums struct {
		n, scored int
		p, r      float64
	}
	by := map[string]*sums{}
	for i := 0; i < b.N; i++ {
		for _, j := range rows {
			o := run(b, d, j)
			if i > 0 {
				continue
			}
			s := by[j.class]
			if s == nil {
				s = &sums{}
				by[j.class] = s
			}
			s.n++
			if o.relevant > 0 {
				s.scored++
				s.p += o.precision5
				s.r += o.recall
			}
		}
	}
	classes := make([]string, 0, len(by))
	for c := range by {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var lines []string
	for _, c := range classes {
		s := by[c]
		lines = append(lines, fmt.Sprintf("%-13s %3d queries  precision@5 %.3f  recall %.3f", c, s.n, s.p/float64(max(1, s.scored)), s.r/float64(max(1, s.scored))))
	}
	b.Log("\n" + strings.Join(lines, "\n"))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
