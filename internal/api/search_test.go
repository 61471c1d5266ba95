package api_test

import (
	"net/url"
	"testing"

	"legalmap/internal/api/apitest"
)

func searchURL(base, q string, extra ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return base + "/api/v1/providers/search?" + v.Encode()
}

// Names, pinyin, everyday words, English names with typos, practitioners by name and licence: each finds
// the place it should, first.
func TestSearchFinds(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	cases := []struct {
		q, want string
		named   string // a practitioner the answer must name
	}{
		{"华商律师事务所", fxHuashang, ""},
		{"华商", fxHuashang, ""},
		{"huashang", fxHuashang, ""},
		{"Huashang Law", fxHuashang, ""},
		{"Huashang Law Frim", fxHuashang, ""}, // typo in an English word
		{"Huashng", fxHuashang, ""},           // typo in the name: trigram similarity
		{"福田公证处", fxFutianNot, ""},
		{"futian gongzhengchu", fxFutianNot, ""},
		{"张伟", fxHuashang, "张伟"},
		{"张伟律师", fxHuashang, "张伟"},
		{"14403201810123456", fxHuashang, "张伟"},
		{"南天司法鉴定", fxNoHours, ""},
	}
	for _, c := range cases {
		l := getList(t, searchURL(ts.URL, c.q))
		if len(l.Results) == 0 || l.Results[0].ID != ids[c.want] {
			var names []string
			for _, r := range l.Results {
				names = append(names, r.Name)
			}
			t.Errorf("%q: first of %v, want %s", c.q, names, c.want)
			continue
		}
		if c.named != "" && !has(l.Results[0].MatchedPractitioners, c.named) {
			t.Errorf("%q: matched_practitioners %v, want %s", c.q, l.Results[0].MatchedPractitioners, c.named)
		}
	}
}

// Everyday words reach practice areas and kinds; the filters apply; withdrawn places never appear.
func TestSearchEverydayWordsAndFilters(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	l := getList(t, searchURL(ts.URL, "老板不发工资怎么办", "kind", "law_firm", "limit", "50"))
	if !has(l.ids(), ids[fxHuashang]) {
		t.Errorf("老板不发工资怎么办: 华商 (labour through its lawyer) missing")
	}
	for _, r := range l.Results {
		if r.Kind != "law_firm" {
			t.Errorf("kind filter ignored: %s is %s", r.Name, r.Kind)
		}
	}
	if has(getList(t, searchURL(ts.URL, "已注销律师事务所")).ids(), ids[fxClosed]) {
		t.Errorf("a withdrawn place was found")
	}
	notary := getList(t, searchURL(ts.URL, "公证", "limit", "50"))
	if notary.Total < 2 || len(notary.Results) < 2 {
		t.Errorf("公证: total %d, want the notaries", notary.Total)
	}
	for _, r := range notary.Results {
		if r.Kind != "notary" {
			t.Errorf("公证 found %s (%s)", r.Name, r.Kind)
		}
	}
}

// With a location, the nearer of two equally good matches ranks first, and distance_m is given.
func TestSearchNearnessBlend(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	west := getList(t, searchURL(ts.URL, "生成机构", "lat", "22.55", "lng", "113.80", "limit", "5"))
	east := getList(t, searchURL(ts.URL, "生成机构", "lat", "22.55", "lng", "114.55", "limit", "5"))
	if len(west.Results) == 0 || len(east.Results) == 0 || west.Results[0].ID == east.Results[0].ID {
		t.Fatalf("the location did not change the order")
	}
	for _, r := range west.Results {
		if r.DistanceM == nil {
			t.Fatalf("no distance_m with a location")
		}
		if r.Lng > 114.2 {
			t.Errorf("from the west, %s at lng %v ranks in the top 5", r.Name, r.Lng)
		}
	}
}

// Paging: total, limit and offset as asked; pages do not overlap.
func TestSearchPaging(t *testing.T) {
	qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	p1 := getList(t, searchURL(ts.URL, "生成机构", "limit", "10"))
	p2 := getList(t, searchURL(ts.URL, "生成机构", "limit", "10", "offset", "10"))
	if p1.Total < 20 || p1.Total != p2.Total || p2.Offset != 10 || p2.Limit != 10 || len(p2.Results) != 10 {
		t.Fatalf("paging: total %d/%d, offset %d, limit %d, %d results", p1.Total, p2.Total, p2.Offset, p2.Limit, len(p2.Results))
	}
	for _, id := range p2.ids() {
		if has(p1.ids(), id) {
			t.Fatalf("%s on both pages", id)
		}
	}
	big := getList(t, searchURL(ts.URL, "生成机构", "limit", "500"))
	if big.Limit != 50 || len(big.Results) != 50 {
		t.Errorf("limit=500: limit %d and %d results, want clamped to 50", big.Limit, len(big.Results))
	}
}

// open_now keeps only places open now: the 24-hour hotline and the place open by today's exception,
// never the one shut today, never a temporarily closed one.
func TestSearchOpenNow(t *testing.T) {
	ids := qaFixtures(t)
	ts := apitest.NewServer(t, nil, nil)
	for q, id := range map[string]string{"法律援助热线": ids[fxAlwaysOpen], "今日开放法律援助工作站": ids[fxOpenToday]} {
		if l := getList(t, searchURL(ts.URL, q, "open_now", "true")); !has(l.ids(), id) {
			t.Errorf("open_now=true: %s missing", q)
		}
	}
	if has(getList(t, searchURL(ts.URL, "暂停服务法律援助站", "open_now", "true")).ids(), ids[fxPaused]) {
		t.Errorf("open_now=true found a temporarily closed place")
	}
	l := getList(t, searchURL(ts.URL, "法律援助", "open_now", "true", "limit", "50"))
	for _, r := range l.Results {
		if r.OpenNow == nil || !*r.OpenNow {
			t.Errorf("open_now=true gave %s with open_now=%v", r.Name, r.OpenNow)
		}
	}
	shut := getList(t, searchURL(ts.URL, "今日停业公证处"))
	if len(shut.Results) == 0 || shut.Results[0].OpenNow == nil || *shut.Results[0].OpenNow {
		t.Errorf("the place shut today by an exception is not shown closed")
	}
	if has(getList(t, searchURL(ts.URL, "今日停业公证处", "open_now", "true")).ids(), ids[fxShutToday]) {
		t.Errorf("open_now=true found the place shut today")
	}
	unknown := getList(t, searchURL(ts.URL, "南天司法鉴定"))
	if len(unknown.Results) == 0 || unknown.Results[0].OpenNow != nil {
		t.Errorf("hours unknown: open_now must be null")
	}
}
