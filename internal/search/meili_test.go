package search

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/paulmach/orb"

	"legalmap/internal/store"
	"legalmap/internal/store/storetest"
)

func meiliSources() []store.DocSource {
	free := true
	return []store.DocSource{
		{ID: "00000000-0000-0000-0000-000000000001", Kind: "law_firm", Name: "广东华商律师事务所", NameEn: "Guangdong Huashang Law Firm",
			AreaCode: "440304008", Status: "active", Lng: 114.0569, Lat: 22.5402, Languages: []string{"zh"},
			People: []store.DocPerson{{ID: "p1", Name: "张伟", LicenceNo: "14403201810123456", PracticeAreas: []string{"labour"}}}},
		{ID: "00000000-0000-0000-0000-000000000002", Kind: "notary", Name: "深圳市福田公证处", NameEn: "Shenzhen Futian Notary Office",
			AreaCode: "440304004", Status: "active", Lng: 114.06, Lat: 22.525, Languages: []string{"zh"}},
		{ID: "00000000-0000-0000-0000-000000000003", Kind: "legal_aid", Name: "深圳市南山区法律援助处", AreaCode: "440305",
			Status: "active", Lng: 113.93, Lat: 22.53, Languages: []string{"zh", "en"}, Free: &free},
		{ID: "00000000-0000-0000-0000-000000000004", Kind: "law_firm", Name: "已注销律师事务所", AreaCode: "440304008",
			Status: "closed", Lng: 114.057, Lat: 22.540, PracticeAreas: []string{"labour"}},
	}
}

// The document carries text and lexemes for Meilisearch to rank, and codes only in the filterable fields.
func TestMeiliDocument(t *testing.T) {
	a := testAnalyzer(t)
	d := MeiliDocumentOf(a, meiliSources()[0])
	if strings.Contains(d.Tokens, "k:") || strings.Contains(d.Tokens, "pa:") || strings.Contains(d.Tokens, "area:") {
		t.Errorf("code lexemes in the searchable tokens: %q", d.Tokens)
	}
	if !strings.Contains(d.Tokens, "huashang") || !strings.Contains(d.PeopleText, "14403201810123456") {
		t.Errorf("tokens %q / people %q lack pinyin or the licence", d.Tokens, d.PeopleText)
	}
	if !contains(d.AreaCodes, "440304008") || !contains(d.AreaCodes, "440304") || strings.Join(d.PracticeAreas, ",") != "labour" {
		t.Errorf("area codes %v, practice areas %v (a practitioner's area belongs to the place)", d.AreaCodes, d.PracticeAreas)
	}
}

// Filter expressions quote every value, so no code can change the expression.
func TestMeiliFilterExpressions(t *testing.T) {
	free := false
	got := strings.Join(filterExpr(store.Filter{Kinds: []string{"law_firm", `x" OR kind = "y`}, Free: &free}), " AND ")
	want := `status != "closed" AND kind IN ["law_firm", "x\" OR kind = \"y"] AND free = false`
	if got != want {
		t.Errorf("filter\n got %s\nwant %s", got, want)
	}
	q := testAnalyzer(t).Query("福田 公证处")
	if c := strings.Join(conceptExpr(q), " AND "); !strings.Contains(c, `kind IN ["notary"]`) || !strings.Contains(c, `area_codes IN ["440304"]`) {
		t.Errorf("concepts of 福田 公证处: %s", c)
	}
}

// Against a real Meilisearch (MEILI_URL, MEILI_KEY), in an index of its own: documents go in, names,
// pinyin, practitioners and concepts find them, filters and withdrawn records hold.
func TestMeiliEngine(t *testing.T) {
	u := os.Getenv("MEILI_URL")
	if u == "" {
		t.Skip("MEILI_URL not set: the Meilisearch engine is tested against a running server only")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	uid := fmt.Sprintf("legalmap_test_%d", os.Getpid())
	m := newMeiliOn(u, os.Getenv("MEILI_KEY"), uid)
	defer m.index.Delete(ctx, uid) //nolint:errcheck
	a := testAnalyzer(t)
	var docs []MeiliDocument
	for _, s := range meiliSources() {
		docs = append(docs, MeiliDocumentOf(a, s))
	}
	if err := m.Configure(ctx); err != nil {
		t.Fatal(err)
	}
	if err := m.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	near := orb.Point{114.05, 22.54}
	for q, want := range map[string]string{"华商": "1", "huashang": "1", "张伟": "1", "福田 公证处": "2", "legal aid": "3"} {
		res, err := m.Search(ctx, Request{Query: a.Query(q), Limit: 5, Near: &near})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || !strings.HasSuffix(res.Hits[0].ID, want) {
			t.Errorf("%q: %+v, want …%s first", q, res.Hits, want)
		}
		for _, h := range res.Hits {
			if strings.HasSuffix(h.ID, "4") {
				t.Errorf("%q found the withdrawn record", q)
			}
		}
	}
	free := true
	res, err := m.Search(ctx, Request{Query: a.Query("法律援助"), Filter: store.Filter{Free: &free}, Limit: 5})
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("free filter: %+v %v", res.Hits, err)
	}
}

// Against a real Meilisearch (MEILI_URL): PutMeili, as an import calls it after its commit, adds new
// places and replaces changed ones, so a renamed place is found by its new name only and a withdrawn
// one no longer at all.
func TestPutMeiliFollowsChanges(t *testing.T) {
	u := os.Getenv("MEILI_URL")
	if u == "" {
		t.Skip("MEILI_URL not set: the import's Meilisearch updates are tested against a running server only")
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	db := storetest.Pool(t)
	uid := fmt.Sprintf("legalmap_test_put_%d", os.Getpid())
	m := newMeiliOn(u, os.Getenv("MEILI_KEY"), uid)
	defer m.index.Delete(ctx, uid) //nolint:errcheck
	if err := m.Configure(ctx); err != nil {
		t.Fatal(err)
	}
	a := testAnalyzer(t)
	var ids []string
	rows, err := db.Query(ctx, `INSERT INTO providers (kind, name, geom, source, source_id)
		VALUES ('law_firm', '旧名律师事务所', ST_SetSRID(ST_MakePoint(114.05, 22.54), 4326), 'meili-put', '1'),
		       ('notary', '将撤销公证处', ST_SetSRID(ST_MakePoint(114.06, 22.54), 4326), 'meili-put', '2')
		RETURNING id::text`)
	if err == nil {
		ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Exec(context.Background(), `DELETE FROM providers WHERE source = 'meili-put'`) }) //nolint:errcheck
	found := func(q string) int {
		t.Helper()
		res, err := m.Search(ctx, Request{Query: a.Query(q), Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		return len(res.Hits)
	}
	if err := PutMeili(ctx, db, a, m, ids); err != nil {
		t.Fatal(err)
	}
	if found("旧名") != 1 || found("将撤销公证处") != 1 {
		t.Fatalf("after the first push: 旧名 %d, 将撤销公证处 %d hits; want 1 each", found("旧名"), found("将撤销公证处"))
	}
	if _, err := db.Exec(ctx, `UPDATE providers SET name = CASE source_id WHEN '1' THEN '新名律师事务所' ELSE name END,
		status = CASE source_id WHEN '2' THEN 'closed' ELSE status END WHERE source = 'meili-put'`); err != nil {
		t.Fatal(err)
	}
	if err := PutMeili(ctx, db, a, m, ids); err != nil {
		t.Fatal(err)
	}
	if found("新名") != 1 || found("旧名") != 0 || found("将撤销公证处") != 0 {
		t.Errorf("after the change: 新名 %d, 旧名 %d, 将撤销公证处 %d hits; want 1, 0, 0", found("新名"), found("旧名"), found("将撤销公证处"))
	}
}
