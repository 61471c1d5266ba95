package search

import (
	"reflect"
	"strings"
	"testing"
)

// legalTestTerms are a few rows of the kinds sql/080 holds, enough to test how the analysis reads them.
var legalTestTerms = []LegalTerm{
	{Term: "劳动争议", Category: "area", Areas: []string{"labour"}, Kinds: []string{"law_firm", "legal_aid", "labour_arbitration"}},
	{Term: "婚姻家庭", Category: "area", Areas: []string{"marriage_family"}, Kinds: []string{"law_firm", "community_adviser"}, AlsoKinds: []string{"legal_aid"}},
	{Term: "继承", Category: "area", Areas: []string{"inheritance"}, Kinds: []string{"law_firm", "notary"}},
	{Term: "公司法", Category: "law", Areas: []string{"corporate"}, Kinds: []string{"law_firm"}},
	{Term: "刑事诉讼法", Category: "law", Areas: []string{"criminal_defence"}, Kinds: []string{"law_firm"}, AlsoKinds: []string{"legal_aid"}},
	{Term: "司法解释", Category: "law", Areas: []string{"contract", "tort"}, Kinds: []string{"law_firm"}},
	{Term: "物权法", Category: "law", Areas: []string{"real_estate"}, Kinds: []string{"law_firm"}, Parent: "民法典物权编"},
	{Term: "遗嘱公证", Category: "remedy", Areas: []string{"inheritance"}, Kinds: []string{"notary"}, AlsoKinds: []string{"law_firm"}},
	{Term: "提存", Category: "remedy", Kinds: []string{"notary"}, AlsoKinds: []string{"law_firm"}},
	{Term: "亲子鉴定", Category: "remedy", Kinds: []string{"forensic"}, Hint: "法医物证"},
	{Term: "欠薪", Category: "cause", Areas: []string{"labour"}, Kinds: []string{"law_firm", "legal_aid", "labour_arbitration"}},
	{Term: "敲诈勒索罪", Category: "charge", Areas: []string{"criminal_defence"}, Kinds: []string{"law_firm"}, AlsoKinds: []string{"legal_aid"}},
	{Term: "物业服务合同纠纷", Category: "cause", Areas: []string{"real_estate"}, Kinds: []string{"law_firm"}},
	{Term: "买房纠纷", Category: "cause", Areas: []string{"contract"}, Kinds: []string{"law_firm"}},
	{Term: "没钱", Category: "free_help", Kinds: []string{"legal_aid"}},
	{Term: "免费", Category: "free_help", Kinds: []string{"legal_aid"}},
	{Term: "低保", Category: "free_help", Kinds: []string{"legal_aid"}},
}

func legalAnalyzer(t testing.TB) *Analyzer {
	v := testVocabulary(t)
	v.LegalTerms = legalTestTerms
	return NewAnalyzer(v)
}

// A legal term is one concept: never the words inside it.
func TestLegalTermsAreWholeConcepts(t *testing.T) {
	a := legalAnalyzer(t)
	for in, want := range map[string]string{
		// 公司法 is corporate law, not the word 公司 of a firm's name; 司法 inside it is no appraisal
		"公司法": `( 'pa:corporate' )`,
		// 司法 in a law's name is not forensic appraisal
		"刑事诉讼法": `( 'pa:criminal_defence' )`,
		"司法解释":  `( 'pa:contract' | 'pa:tort' )`,
		// an old law's name still means what it meant
		"物权法": `( 'pa:real_estate' )`,
		// a notarial act is met by any notary office, or by inheritance practice
		"遗嘱公证": `( 'pa:inheritance' | 'k:notary' )`,
		// a term with no practice area is met by the kinds that solve it
		"提存": `( 'k:notary' )`,
		// a charge, and the act it names
		"敲诈勒索罪": `( 'pa:criminal_defence' )`,
		"敲诈勒索":  `( 'pa:criminal_defence' )`,
		// a cause, and its stem
		"物业服务合同": `( 'pa:real_estate' )`,
		// an appraisal that is one category's work: a forensic institution whose text carries the category
		// or the appraisal itself (the category's everyday words are in its document), no other
		"亲子鉴定": `( ( 'k:forensic' & '法医' & '医物' & '物证' ) | ( 'k:forensic' & '亲子' & '子鉴' & '鉴定' ) )`,
	} {
		if got := a.Query(in).TSQuery(); got != want {
			t.Errorf("Query(%q).TSQuery() = %s, want %s", in, got, want)
		}
	}
	// A stem never changes a word the vocabulary already knows: 买房 stays housing.
	if got := a.Query("买房").Areas; !reflect.DeepEqual(got, []string{"real_estate"}) {
		t.Errorf("买房: areas %v, want [real_estate]", got)
	}
}

// Traditional characters are read as simplified ones.
func TestTraditionalReadAsSimplified(t *testing.T) {
	a := legalAnalyzer(t)
	for trad, simp := range map[string]string{"離婚": "离婚", "遺囑公證": "遗嘱公证", "勞動合同": "劳动合同", "親子鑑定": "亲子鉴定"} {
		if got, want := a.Query(trad).TSQuery(), a.Query(simp).TSQuery(); got != want || got == "" {
			t.Errorf("Query(%q) = %s, want as %q: %s", trad, got, simp, want)
		}
	}
	if got := Simplify("深圳市福田区法律援助中心"); got != "深圳市福田区法律援助中心" {
		t.Errorf("Simplify changed simplified text: %s", got)
	}
	d := a.DocumentTokens(Document{Kind: "law_firm", Name: "廣東華商律師事務所"})
	if !containsAll(d.All(), "华商", "律师") {
		t.Errorf("a traditional name is indexed as simplified: %v", d.A)
	}
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		if !contains(list, w) {
			return false
		}
	}
	return true
}

// Each concept knows the kinds that solve it, and the query says who helps first.
func TestKindsThatSolve(t *testing.T) {
	a := legalAnalyzer(t)
	for _, c := range []struct {
		in                string
		first, next, last string // kinds of three tiers, best first ("" skips)
	}{
		{"遗嘱公证", "notary", "law_firm", "forensic"},
		{"欠薪", "legal_aid", "", "notary"},
		{"欠薪", "labour_arbitration", "", "forensic"},
		{"欠薪", "law_firm", "", "notary"},
		{"亲子鉴定", "forensic", "", "law_firm"},
		{"离婚", "law_firm", "legal_aid", "forensic"},
		{"离婚 没钱", "legal_aid", "law_firm", "forensic"},
		{"低保 欠薪", "legal_aid", "law_firm", "forensic"},
		// free help, but the citizen named the community adviser: that kind first
		{"社区有没有免费法律顾问", "community_adviser", "legal_aid", "forensic"},
		// 遗嘱 filtered to notaries: the notary solves it
		{"公证处 遗嘱公证", "notary", "law_firm", "forensic"},
	} {
		q := a.Query(c.in)
		tiers := []int{q.KindTier(c.first)}
		if c.next != "" {
			tiers = append(tiers, q.KindTier(c.next))
		}
		tiers = append(tiers, q.KindTier(c.last))
		for i := 1; i < len(tiers); i++ {
			if tiers[i] <= tiers[i-1] {
				t.Errorf("%q: tiers of %s/%s/%s = %v, want strictly rising", c.in, c.first, c.next, c.last, tiers)
				break
			}
		}
	}
	// A query that says nothing of kinds ranks every kind alike.
	q := a.Query("华商")
	if q.KindTier("law_firm") != q.KindTier("notary") {
		t.Errorf("华商: kinds ranked apart: %d %d", q.KindTier("law_firm"), q.KindTier("notary"))
	}
	if StatusTier("active") >= StatusTier("temporarily_closed") {
		t.Errorf("an active place must rank before a closed one")
	}
}

// The kinds that solve a matter take turns, in the vocabulary's order, each kind keeping its own order.
func TestBesideByKind(t *testing.T) {
	kinds := []string{"law_firm", "law_firm", "law_firm", "legal_aid", "legal_aid", "notary"}
	tiers := []int{tierSolves, tierSolves, tierSolves, tierSolves, tierSolves, tierOther}
	got := besideByKind(len(kinds), []string{"legal_aid", "law_firm"}, func(i int) int { return tiers[i] }, func(i int) string { return kinds[i] })
	if want := []int{3, 0, 4, 1, 2, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("besideByKind = %v, want %v", got, want)
	}
	// Outside the solving tier nothing moves (a name search keeps its order).
	tiers = []int{tierAsked, tierAsked, tierAsked, tierAsked, tierAsked, tierAsked}
	got = besideByKind(len(kinds), nil, func(i int) int { return tiers[i] }, func(i int) string { return kinds[i] })
	if want := []int{0, 1, 2, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("besideByKind outside the solving tier = %v, want %v", got, want)
	}
}

// Reasons say why, in words a citizen reads, and are never empty.
func TestReasons(t *testing.T) {
	a := legalAnalyzer(t)
	cases := []struct {
		q     string
		place ReasonPlace
		want  string
	}{
		{"离婚", ReasonPlace{Kind: "law_firm", Name: "华商律师事务所", PracticeAreas: []string{"marriage_family"}}, "业务领域：婚姻家庭"},
		{"离婚", ReasonPlace{Kind: "law_firm", Name: "华商律师事务所", PracticeAreas: []string{"traffic_accident"},
			People: []ReasonPerson{{Role: "lawyer", Name: "张伟", PracticeAreas: []string{"marriage_family"}}}}, "律师 张伟 擅长离婚"},
		{"华商", ReasonPlace{Kind: "law_firm", Name: "广东华商律师事务所"}, "名称"},
		{"遗嘱公证", ReasonPlace{Kind: "notary", Name: "深圳市福田公证处"}, "「遗嘱公证」可找公证处"},
		{"提存", ReasonPlace{Kind: "notary", Name: "深圳市福田公证处"}, "「提存」可找公证处"},
		{"公证处", ReasonPlace{Kind: "notary", Name: "深圳市福田公证处"}, "类别：公证处"},
		{"欠薪 没钱", ReasonPlace{Kind: "legal_aid", Name: "深圳市法律援助中心"}, "免费法律援助"},
		{"福田 律师", ReasonPlace{Kind: "law_firm", Name: "某律师事务所", Address: "深圳市福田区深南大道1号"}, "地点：福田"},
		{"張偉", ReasonPlace{Kind: "law_firm", Name: "华商律师事务所", Named: []string{"张伟"},
			People: []ReasonPerson{{Role: "lawyer", Name: "张伟"}}}, "律师 张伟"},
	}
	for _, c := range cases {
		got := a.Reasons(a.Query(c.q), c.place)
		if !contains(got, c.want) {
			t.Errorf("Reasons(%q, %s) = %v, want %q among them", c.q, c.place.Name, got, c.want)
		}
	}
	// Never empty, never blank, at most maxReasons.
	for _, q := range []string{"离婚", "xyz", "遗嘱公证", "华商", "附近"} {
		got := a.Reasons(a.Query(q), ReasonPlace{Kind: "forensic", Name: "某鉴定所"})
		if len(got) == 0 || len(got) > maxReasons || strings.TrimSpace(got[0]) == "" {
			t.Errorf("Reasons(%q) = %v", q, got)
		}
	}
}

// Every character of the fast path's set is one the converter changes (or starts a phrase it changes): the
// set was generated from the module's dictionaries and must be regenerated with it.
func TestTraditionalCharsMatchTheConverter(t *testing.T) {
	converter()
	changed, n := 0, 0
	for _, r := range traditionalChars {
		n++
		if Simplify(string(r)) != string(r) {
			changed++
		}
	}
	if n < 3000 || changed*100 < n*95 {
		t.Errorf("%d of %d characters change: regenerate with scripts/gen-traditional.sh", changed, n)
	}
}

func BenchmarkSimplifySimplified(b *testing.B) {
	s := "深圳市福田区福华一路98号卓越大厦12层，提供婚姻家庭、劳动争议等法律服务。"
	for i := 0; i < b.N; i++ {
		Simplify(s)
	}
}

// Meilisearch reads the same concepts: a practice area is met by the places practising it or by the
// specialist kinds that solve it, a term with no area by those kinds alone.
func TestMeiliConceptsOfLegalTerms(t *testing.T) {
	a := legalAnalyzer(t)
	for q, want := range map[string]string{
		"遗嘱公证": `(practice_areas IN ["inheritance"] OR kind IN ["notary"])`,
		"提存":   `kind IN ["notary"]`,
		"公司法":  `practice_areas IN ["corporate"]`,
		"欠薪":   `(practice_areas IN ["labour"] OR kind IN ["legal_aid", "labour_arbitration"])`,
	} {
		if got := strings.Join(conceptExpr(a.Query(q)), " AND "); got != want {
			t.Errorf("%s: %s, want %s", q, got, want)
		}
	}
}

// A query is read into its concepts, each whole and typed: practice area, kind, place, name, free words.
func TestQueryConcepts(t *testing.T) {
	a := legalAnalyzer(t)
	type c struct {
		typ  ConceptType
		text string
	}
	for in, want := range map[string][]c{
		"福田 离婚 律师 张伟": {{ConceptPlace, "福田"}, {ConceptArea, "离婚"}, {ConceptKind, "律师"}, {ConceptName, "张伟"}},
		"公司法 中伦":      {{ConceptArea, "公司法"}, {ConceptWords, "中伦"}},
		"提存":          {{ConceptTerm, "提存"}},
		"Zhong Lun":   {{ConceptName, "zhong lun"}},
		"刑事诉讼法 司法鉴定所": {{ConceptArea, "刑事诉讼法"}, {ConceptKind, "司法鉴定"}},
	} {
		var got []c
		for _, x := range a.Query(in).Concepts {
			got = append(got, c{x.Type, x.Text})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Query(%q).Concepts = %v, want %v", in, got, want)
		}
	}
}

// A query that describes a matter in words nothing holds gets the places that take any matter, in its
// place; a lookup (a name, a licence) does not.
func TestGeneralHelp(t *testing.T) {
	a := legalAnalyzer(t)
	g, ok := a.GeneralHelp(a.Query("福田 经常被他欺压"))
	if !ok || !g.General || g.TSQuery() != `( 'k:legal_aid' | 'k:community_adviser' | 'k:law_firm' ) & ( 'area:440304' | '福田' )` {
		t.Errorf("general help of a described matter in 福田: %v %s", ok, g.TSQuery())
	}
	if g.KindTier("legal_aid") >= g.KindTier("notary") {
		t.Errorf("general help ranks the kinds that take any matter first")
	}
	for _, q := range []string{"Zhonglun", "li na", "14403201810123456", "的了吗"} {
		if _, ok := a.GeneralHelp(a.Query(q)); ok {
			t.Errorf("%q is a lookup (or empty): no general help", q)
		}
	}
	r := a.Reasons(g, ReasonPlace{Kind: "legal_aid", Name: "某法律援助中心"})
	if len(r) == 0 || !strings.HasPrefix(r[0], "未找到完全相符的结果") {
		t.Errorf("general help says it is no exact match: %v", r)
	}
}

// A reason repeats the citizen's word when it names the matter, and says the practice area otherwise.
func TestReasonWords(t *testing.T) {
	v := testVocabulary(t)
	v.LegalTerms = append(append([]LegalTerm{}, legalTestTerms...),
		LegalTerm{Term: "打我", Category: "everyday", Areas: []string{"personal_injury"}, Kinds: []string{"law_firm", "legal_aid"}},
		LegalTerm{Term: "盗窃罪", Category: "charge", Areas: []string{"criminal_defence"}, Kinds: []string{"law_firm"}})
	a := NewAnalyzer(v)
	person := func(area string) ReasonPlace {
		return ReasonPlace{Kind: "law_firm", Name: "某律师事务所", People: []ReasonPerson{{Role: "lawyer", Name: "李娜", PracticeAreas: []string{area}}}}
	}
	for q, want := range map[string]string{
		"欠薪":   "律师 李娜 擅长欠薪",
		"打我":   "律师 李娜 擅长人身损害",
		"盗窃罪":  "律师 李娜 擅长刑事辩护",
		"物权法":  "律师 李娜 擅长物权法",
		"司法解释": "律师 李娜 擅长合同纠纷",
		"遗嘱公证": "律师 李娜 擅长遗嘱公证",
	} {
		area := a.Query(q).Concepts[0].Codes[0]
		if got := a.Reasons(a.Query(q), person(area)); !contains(got, want) {
			t.Errorf("%s: %v, want %q", q, got, want)
		}
	}
	got := a.Reasons(a.Query("亲子鉴定"), ReasonPlace{Kind: "forensic", Name: "某鉴定所", Categories: []string{"法医临床", "法医物证"}})
	if !contains(got, "鉴定类别：法医物证") {
		t.Errorf("亲子鉴定 at an institution listing 法医物证: %v", got)
	}
}
