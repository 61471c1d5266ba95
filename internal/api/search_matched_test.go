package api_test

import (
	"strings"
	"testing"

	"legalmap/internal/api/apitest"
)

// Every search result says why it matched, in words a citizen reads, and the words follow from what the
// place is: a name hit says 名称, a practice area says 业务领域, a lawyer's name names the lawyer.
func TestSearchResultsSayWhy(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	for _, q := range []string{"华商", "张伟", "离婚", "欠薪", "遗嘱公证", "法律援助", "福田公证处", "劳动合同法", "離婚"} {
		l := getList(t, searchURL(ts.URL, q, "limit", "50"))
		for _, r := range l.Results {
			if len(r.Matched) == 0 {
				t.Errorf("%q: %s has no matched reason", q, r.Name)
			}
			for _, m := range r.Matched {
				if strings.TrimSpace(m) == "" {
					t.Errorf("%q: %s has an empty reason", q, r.Name)
				}
			}
		}
	}
	l := getList(t, searchURL(ts.URL, "华商"))
	if len(l.Results) == 0 || l.Results[0].ID != ids[fxHuashang] || !has(l.Results[0].Matched, "名称") {
		t.Errorf("华商: first result should say 名称: %+v", l.Results)
	}
	l = getList(t, searchURL(ts.URL, "张伟"))
	if len(l.Results) == 0 || !has(l.Results[0].Matched, "律师 张伟") {
		t.Errorf("张伟: first result should name 律师 张伟: %+v", l.Results)
	}
	l = getList(t, searchURL(ts.URL, "欠薪", "limit", "50"))
	saysArea := false
	for _, r := range l.Results {
		for _, m := range r.Matched {
			saysArea = saysArea || m == "业务领域：劳动争议" && has(r.PracticeAreas, "labour") ||
				strings.Contains(m, "擅长欠薪") || strings.Contains(m, "「欠薪」可找")
		}
	}
	if !saysArea {
		t.Errorf("欠薪: no result says it practises labour law or solves it: %+v", l.Results)
	}
}

// A place that is not serving now (temporarily closed, a lapsed licence) is found, but after every active one.
func TestSearchRanksInactiveLast(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	l := getList(t, searchURL(ts.URL, "南山 法律援助", "limit", "50"))
	more := getList(t, searchURL(ts.URL, "南山 法律援助", "limit", "50", "offset", "50"))
	l.Results = append(l.Results, more.Results...)
	paused := -1
	for i, r := range l.Results {
		if r.ID == ids[fxPaused] {
			paused = i
		}
	}
	if paused < 0 {
		t.Fatalf("南山 法律援助: the temporarily closed station is not found at all")
	}
	for i, r := range l.Results[paused+1:] {
		if r.Status == "active" {
			t.Errorf("南山 法律援助: active %s (%d) ranks after the temporarily closed station (%d)", r.Name, paused+1+i, paused)
		}
	}
}

// Words nothing holds get general legal help, saying so; a name nothing holds gets nothing.
func TestSearchGeneralHelp(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	l := getList(t, searchURL(ts.URL, "丈夫经常欺压我"))
	if len(l.Results) == 0 || l.Total == 0 {
		t.Fatalf("丈夫经常欺压我: nothing; want general legal help")
	}
	for _, r := range l.Results {
		if r.Kind != "legal_aid" && r.Kind != "community_adviser" && r.Kind != "law_firm" {
			t.Errorf("general help lists a %s (%s)", r.Kind, r.Name)
		}
		if len(r.Matched) == 0 || !strings.HasPrefix(r.Matched[0], "未找到完全相符的结果") {
			t.Errorf("general help must say it is no exact match: %v", r.Matched)
		}
	}
	if l := getList(t, searchURL(ts.URL, "Qwzxv")); len(l.Results) != 0 {
		t.Errorf("an unknown Latin name found %d places", len(l.Results))
	}
}
