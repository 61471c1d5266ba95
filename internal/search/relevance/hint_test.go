package relevance

import (
	"context"
	"strings"
	"testing"

	"legalmap/internal/search"
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
