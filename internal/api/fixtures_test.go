package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/api/apitest"
	"legalmap/internal/directory"
	"legalmap/internal/search"
	"legalmap/internal/store/placedb"
	"legalmap/internal/store/storetest"
)

// The query API's fixture directory: a few named places the tests look for by name, and a couple of
// generated ones spread over Shenzhen (enough for the map to cluster), all under source qaSource. Every record carries the private
// canary in internal_note, which no public answer may ever contain.
const (
	qaSource = "qa-fixture"
	canary   = "CANARY-internal-7f3a9c"
)

// Named fixture places, by source_id.
const (
	fxHuashang   = "huashang"    // law firm; its own practice areas are empty, its lawyer 张伟 does labour
	fxFutianNot  = "futian-nt"   // 深圳市福田公证处
	fxClosed     = "closed-firm" // withdrawn: never shown
	fxPaused     = "paused-aid"  // temporarily closed: shown, never open now
	fxAdviser    = "adviser-pt"  // community adviser point; an assigned lawyer does inheritance
	fxAlwaysOpen = "hotline"     // legal aid, 24 hours
	fxOpenToday  = "open-today"  // open now by a dated exception for today
	fxShutToday  = "shut-today"  // closed today by a dated exception
	fxNoHours    = "no-hours"    // hours unknown: open_now is null
	fxBadLink    = "bad-link"    // website javascript:…, must come out empty
)

var (
	fixtureOnce sync.Once
	fixtureIDs  map[string]string // source_id -> id
	fixtureErr  error
)

// qaFixtures loads the fixture directory once per test binary and returns the ids by source_id.
func qaFixtures(t *testing.T) map[string]string {
	t.Helper()
	fixtureOnce.Do(func() { fixtureIDs, fixtureErr = loadFixtures(context.Background(), storetest.Pool(t)) })
	if fixtureErr != nil {
		t.Fatalf("fixtures: %v", fixtureErr)
	}
	return fixtureIDs
}

type fxPlace struct {
	sourceID, kind, name, nameEn, address, area string
	lng, lat                                    float64
	hours                                       any
	areas, langs                                []string
	free                                        *bool
	status, website                             string
}

func loadFixtures(ctx context.Context, db *pgxpool.Pool) (map[string]string, error) {
	today := time.Now().In(directory.Shanghai)
	nowMin := today.Hour()*60 + today.Minute()
	date := today.Format(time.DateOnly)
	week := func(spans ...directory.Span) directory.Hours {
		var h directory.Hours
		for d := range h.Weekly {
			h.Weekly[d] = spans
		}
		return h
	}
	officeHours := week(directory.Span{Open: 540, Close: 720}, directory.Span{Open: 840, Close: 1050})
	openToday := officeHours
	openToday.Exceptions = []directory.Exception{{Date: date, Spans: []directory.Span{{Open: max(0, nowMin-120), Close: min(1440, nowMin+120)}}}}
	shutToday := week(directory.Span{Open: 0, Close: 1440})
	shutToday.Exceptions = []directory.Exception{{Date: date, Closed: true}}
	yes := true

	places := []fxPlace{
		{fxHuashang, "law_firm", "广东华商律师事务所", "Guangdong Huashang Law Firm", "深圳市福田区深南大道4011号", "440304008", 114.0569, 22.5402, officeHours, nil, []string{"zh", "en"}, nil, "active", "https://www.huashang.example/"},
		{fxFutianNot, "notary", "深圳市福田公证处", "Shenzhen Futian Notary Office", "深圳市福田区福田街道", "440304004", 114.0600, 22.5250, officeHours, nil, []string{"zh"}, nil, "active", ""},
		{fxClosed, "law_firm", "已注销律师事务所", "Withdrawn Law Firm", "深圳市福田区", "440304008", 114.0570, 22.5401, officeHours, []string{"labour"}, []string{"zh"}, nil, "closed", ""},
		{fxPaused, "legal_aid", "暂停服务法律援助站", "", "深圳市南山区", "440305007", 113.9400, 22.5400, week(directory.Span{Open: 0, Close: 1440}), nil, []string{"zh"}, &yes, "temporarily_closed", ""},
		{fxAdviser, "community_adviser", "福田街道福山社区法律顾问", "", "深圳市福田区福山社区", "440304004", 114.0620, 22.5270, officeHours, nil, []string{"zh"}, &yes, "active", ""},
		{fxAlwaysOpen, "legal_aid", "深圳市法律援助热线服务中心", "Shenzhen Legal Aid Hotline", "深圳市福田区", "440304007", 114.0580, 22.5430, directory.Hours{AlwaysOpen: true}, nil, []string{"zh", "en", "yue"}, &yes, "active", ""},
		{fxOpenToday, "legal_aid", "今日开放法律援助工作站", "", "深圳市罗湖区", "440303003", 114.1200, 22.5500, openToday, nil, []string{"zh"}, &yes, "active", ""},
		{fxShutToday, "notary", "今日停业公证处", "", "深圳市罗湖区", "440303003", 114.1210, 22.5510, shutToday, nil, []string{"zh"}, nil, "active", ""},
		{fxNoHours, "forensic", "深圳市南天司法鉴定所", "Nantian Forensic Institute", "深圳市南山区", "440305003", 113.9300, 22.5300, directory.Hours{Note: "预约"}, nil, []string{"zh"}, nil, "active", ""},
		{fxBadLink, "law_firm", "广东<b>测试</b>律师事务所", "", "深圳市宝安区", "440306017", 113.8800, 22.5600, officeHours, []string{"real_estate"}, []string{"zh"}, nil, "active", "javascript:alert(1)"},
	}
	// Generated places: deterministic, spread over the service region, every kind and a few areas.
	r := rand.New(rand.NewPCG(7, 11))
	kinds := []string{"law_firm", "law_firm", "legal_aid", "notary", "forensic", "community_adviser"}
	pas := []string{"labour", "marriage_family", "debt", "contract", "traffic_accident", "criminal_defence"}
	districts := []string{"440303", "440304", "440305", "440306", "440307", "440309"}
	for i := 0; i < 420; i++ {
		p := fxPlace{sourceID: fmt.Sprintf("gen-%03d", i), kind: kinds[i%len(kinds)],
			name: fmt.Sprintf("生成机构%03d", i), address: "深圳市", area: districts[i%len(districts)],
			lng: 113.78 + r.Float64()*0.8, lat: 22.48 + r.Float64()*0.3, hours: officeHours,
			areas: []string{pas[i%len(pas)]}, langs: []string{"zh"}, status: "active"}
		if i%7 == 0 {
			p.langs = []string{"zh", "en"}
		}
		if i%5 == 0 {
			p.free = &yes
		}
		if i%17 == 0 {
			p.status = "closed"
		}
		places = append(places, p)
	}
	ids := map[string]string{}
	for _, p := range places {
		hours, _ := json.Marshal(p.hours)
		var id string
		err := db.QueryRow(ctx, `INSERT INTO providers (kind, name, name_en, address, area_code, geom, hours, practice_areas,
				languages, free, status, website, phones, email, internal_note, verified_at, source, source_id)
			VALUES ($1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8, $9, $10, $11, $12, $13,
				'{0755-12345678}', 'office@example.org', $14, now(), $15, $16)
			RETURNING id::text`,
			p.kind, p.name, p.nameEn, p.address, p.area, p.lng, p.lat, hours, orNone(p.areas), p.langs, p.free,
			p.status, p.website, canary, qaSource, p.sourceID).Scan(&id)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.sourceID, err)
		}
		ids[p.sourceID] = id
	}
	// 张伟 belongs to 华商 and does labour; 李律师 belongs to 华商 but serves at the adviser point, doing
	// inheritance; a withdrawn lawyer doing medical cases must not make 华商 match medical.
	people := []struct{ provider, name, licence, area, status string }{
		{fxHuashang, "张伟", "14403201810123456", "labour", "active"},
		{fxHuashang, "李明律", "14403201910654321", "inheritance", "active"},
		{fxHuashang, "退出律师", "14403201110000001", "medical", "closed"},
	}
	var pids []string
	for i, p := range people {
		var id string
		if err := db.QueryRow(ctx, `INSERT INTO practitioners (provider_id, role, name, licence_no, practice_areas, status, source, source_id)
			VALUES ($1, 'lawyer', $2, $3, $4, $5, $6, $7) RETURNING id::text`,
			ids[p.provider], p.name, p.licence, []string{p.area}, p.status, qaSource, fmt.Sprintf("person-%d", i)).Scan(&id); err != nil {
			return nil, err
		}
		pids = append(pids, id)
	}
	if _, err := db.Exec(ctx, `INSERT INTO assignments (practitioner_id, provider_id, firm_id, schedule)
		VALUES ($1, $2, $3, '{"note":"每周三下午"}')`, pids[1], ids[fxAdviser], ids[fxHuashang]); err != nil {
		return nil, err
	}
	a, err := search.LoadAnalyzer(ctx, db)
	if err != nil {
		return nil, err
	}
	all := make([]string, 0, len(ids))
	for _, id := range ids {
		all = append(all, id)
	}
	if err := search.RefreshPG(ctx, db, a, all); err != nil {
		return nil, err
	}
	_, err = placedb.RefreshViewportGrid(ctx, db)
	return ids, err
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// list is the list envelope with result items as the tests read them.
type list struct {
	Results []struct {
		ID                   string   `json:"id"`
		Kind                 string   `json:"kind"`
		Name                 string   `json:"name"`
		Lat                  float64  `json:"lat"`
		Lng                  float64  `json:"lng"`
		DistanceM            *float64 `json:"distance_m"`
		OpenNow              *bool    `json:"open_now"`
		Status               string   `json:"status"`
		PracticeAreas        []string `json:"practice_areas"`
		Languages            []string `json:"languages"`
		Free                 *bool    `json:"free"`
		MatchedPractitioners []string `json:"matched_practitioners"`
		Matched              []string `json:"matched"`
	} `json:"results"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// getList GETs a list endpoint, fails unless 200, and decodes it.
func getList(t *testing.T, url string) list {
	t.Helper()
	resp, body := apitest.Get(t, url)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	var l list
	if err := json.Unmarshal(body, &l); err != nil {
		t.Fatalf("GET %s: %v in %s", url, err, body)
	}
	if strings.Contains(string(body), canary) {
		t.Fatalf("GET %s: the private canary leaked", url)
	}
	return l
}

func (l list) ids() []string {
	out := make([]string, len(l.Results))
	for i, r := range l.Results {
		out[i] = r.ID
	}
	return out
}

func has(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
