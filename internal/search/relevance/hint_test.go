package relevance

import (
	"context"
	"strings"
	"testing"

	"legalmap/internal/search"
	"legalmap/internal/store"
)

// An appraisal asked for by its everyday name finds forensic institutions, and first one that lists the
// appraisal's category (亲子鉴定: 法医物证; 笔迹鉴定: 文书; 伤残鉴定: 法医临床) on the sample directory.
func TestAppraisalFindsItsCategoryFirst(t *testing.T) {
	d := loadSample(t)
	db := d.db
	for q, category := range map[string]string{"亲子鉴定": "法医物证", "笔迹鉴定": "文书", "伤残鉴定": "法医临床", "精神病鉴定": "法医精神病"} {
		res, err := d.engine.Search(context.Background(), search.Request{Query: d.a.Query(q), Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%s: nothing found", q)
			continue
		}
		var kind string
		var cats []string
		if err := db.QueryRow(context.Background(), `SELECT kind, categories FROM providers WHERE id = $1`, res.Hits[0].ID).Scan(&kind, &cats); err != nil {
			t.Fatal(err)
		}
		if kind != "forensic" || !strings.Contains(strings.Join(cats, "；"), category) {
			t.Errorf("%s: first a %s listing %v, want a forensic institution listing %s", q, kind, cats, category)
		}
	}
}

// On the sample directory: a law whose name holds 司法 brings no forensic institution, 公司法 brings firms
// practising corporate law and not places named 公司, 遗嘱 filtered to notaries finds notaries, 遗嘱公证
// puts a notary first, and 欠薪 brings legal aid into the first three.
func TestLegalTermsOnTheSample(t *testing.T) {
	d := loadSample(t)
	search10 := func(q string, kinds ...string) []doc {
		res, err := d.engine.Search(context.Background(), search.Request{Query: d.a.Query(q), Filter: store.Filter{Kinds: kinds}, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var out []doc
		for _, h := range res.Hits {
			out = append(out, d.docs[d.docID[h.ID]])
		}
		return out
	}
	for _, q := range []string{"司法解释", "刑事诉讼法", "民事诉讼法", "公司法"} {
		got := search10(q)
		if len(got) == 0 {
			t.Errorf("%s: nothing found", q)
		}
		for _, x := range got {
			if x.Kind == "forensic" {
				t.Errorf("%s: found the forensic institution %s", q, x.Name)
			}
		}
	}
	for _, x := range search10("公司法") {
		areas := append([]string{}, x.PracticeAreas...)
		for _, p := range x.Practitioners {
			areas = append(areas, p.PracticeAreas...)
		}
		if !contains(areas, "corporate") {
			t.Errorf("公司法: %s (%s) does not practise corporate law", x.Name, x.Kind)
		}
	}
	if got := search10("遗嘱", "notary"); len(got) == 0 {
		t.Errorf("遗嘱 filtered to notaries found nothing")
	}
	if got := search10("遗嘱公证"); len(got) == 0 || got[0].Kind != "notary" {
		t.Errorf("遗嘱公证: first %+v, want a notary office", got)
	}
	for _, q := range []string{"欠薪", "工伤", "交通事故赔偿"} {
		got := search10(q)
		aid := false
		for i := 0; i < len(got) && i < 3; i++ {
			aid = aid || got[i].Kind == "legal_aid"
		}
		if !aid {
			t.Errorf("%s: no legal aid among the first three", q)
		}
	}
	if got := search10("没钱 离婚"); len(got) == 0 || got[0].Kind != "legal_aid" {
		t.Errorf("没钱 离婚: first %+v, want legal aid", got)
	}
}
