package pipeline

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"legalmap/internal/store/vocabdb"
)

// kindSuffixes are the endings the official names of each kind of place carry (律师事务所, 公证处, 司法鉴定所,
// 人民法院 …), written by hand for the agreed kind codes from the kinds' Chinese names as the project agreed
// them and the institutions' usual full names (a law firm's name ends in 律师事务所 under the Ministry of
// Justice's rules on law firm names). A kind added later without an entry here is known by its own Chinese
// name (newKindLooks).
var kindSuffixes = map[string][]string{
	"law_firm":               {"律师事务所", "律所"},
	"legal_aid":              {"法律援助中心", "法律援助处", "法律援助站", "法律援助工作站", "法律援助分中心"},
	"notary":                 {"公证处"},
	"forensic":               {"司法鉴定所", "司法鉴定中心", "鉴定所", "鉴定中心", "鉴定研究所", "鉴定科学研究院"},
	"community_adviser":      {"法律顾问", "法律顾问工作室", "顾问工作室"},
	"grassroots_service":     {"法律服务所"},
	"legal_service_center":   {"公共法律服务中心", "公共法律服务工作站", "公共法律服务室", "法律服务中心", "法律服务工作站"},
	"mediation_committee":    {"人民调解委员会", "调解委员会", "调委会"},
	"labour_arbitration":     {"劳动人事争议仲裁院", "劳动人事争议仲裁委员会", "劳动争议仲裁委员会"},
	"arbitration_commission": {"仲裁委员会", "仲裁委"},
	"court":                  {"人民法院", "法院", "人民法庭"},
	"procuratorate":          {"人民检察院", "检察院"},
	"police":                 {"派出所", "公安局", "公安分局"},
	"justice_bureau":         {"司法局"},
	"justice_office":         {"司法所"},
}

// kindLooks tells, from a name's ending, which kind of place the name looks like.
type kindLooks struct {
	suffix map[string]string // ending -> kind code
	byLast map[rune][]string // the endings by their last character, longest first
	names  map[string]vocabdb.VocabTerm
}

var parenthetical = regexp.MustCompile(`[(（][^)）]*[)）]`)

// newKindLooks knows the kinds in the kinds table: their endings from kindSuffixes, and their own Chinese
// name (without a parenthetical note, the first of "A/B" alternatives) when it is three characters or more.
func newKindLooks(kinds []vocabdb.VocabTerm) *kindLooks {
	k := &kindLooks{suffix: map[string]string{}, names: map[string]vocabdb.VocabTerm{}}
	for _, t := range kinds {
		k.names[t.Code] = t
		for _, s := range kindSuffixes[t.Code] {
			k.suffix[s] = t.Code
		}
		name := parenthetical.ReplaceAllString(t.NameZh, "")
		name, _, _ = strings.Cut(name, "/")
		if name = strings.TrimSpace(name); utf8.RuneCountInString(name) >= 3 {
			if _, taken := k.suffix[name]; !taken {
				k.suffix[name] = t.Code
			}
		}
	}
	k.byLast = map[rune][]string{}
	for s := range k.suffix {
		r, _ := utf8.DecodeLastRuneInString(s)
		k.byLast[r] = append(k.byLast[r], s)
	}
	for _, l := range k.byLast {
		slices.SortFunc(l, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b)) })
	}
	return k
}

// of returns the kind whose longest ending the name carries, and that ending ("" when none).
// It runs on every row: only the endings that end in the name's last character are tried.
func (k *kindLooks) of(name string) (kind, ending string) {
	if strings.ContainsAny(name, "(（") {
		name = parenthetical.ReplaceAllString(name, "")
	}
	name = strings.TrimSpace(name)
	last, _ := utf8.DecodeLastRuneInString(name)
	for _, s := range k.byLast[last] {
		if strings.HasSuffix(name, s) {
			return k.suffix[s], s
		}
	}
	return "", ""
}

// kindTally counts, over a file's accepted rows, which kind each name looks like.
type kindTally struct {
	looks   *kindLooks
	names   int
	byKind  map[string]int
	endings map[string]map[string]int // kind -> ending -> rows
}

func newKindTally(looks *kindLooks) *kindTally {
	return &kindTally{looks: looks, byKind: map[string]int{}, endings: map[string]map[string]int{}}
}

func (t *kindTally) add(name string) {
	t.names++
	kind, ending := t.looks.of(name)
	if kind == "" {
		return
	}
	t.byKind[kind]++
	if t.endings[kind] == nil {
		t.endings[kind] = map[string]int{}
	}
	t.endings[kind][ending]++
}

// mostlyShare is the share of names that must look like one other kind before the report says so.
const mostlyShare = 0.8

// warning says when all or most names look like another kind than the one the file is imported as (names
// ending in 公证处 imported as law firms): the kind chosen is likely wrong. ok is false when the names agree
// with the kind or say nothing.
func (t *kindTally) warning(chosen string) (Issue, bool) {
	other, n := "", 0
	for k, c := range t.byKind {
		if k != chosen && (c > n || (c == n && k < other)) {
			other, n = k, c
		}
	}
	if other == "" || float64(n) < mostlyShare*float64(t.names) || t.byKind[chosen] >= n {
		return Issue{}, false
	}
	ending, most := "", 0
	for s, c := range t.endings[other] {
		if c > most || (c == most && s < ending) {
			ending, most = s, c
		}
	}
	o, c := t.looks.names[other], t.looks.names[chosen]
	return Issue{Line: 1, Field: "name", Reason: fmt.Sprintf(
		"%d 行中有 %d 行的名称以「%s」等结尾，像是%s，却按%s导入：请确认所选类型 / %d of %d names end in 「%s」 or the like, as names of the kind “%s” do, but the file is imported as “%s”: check the kind chosen",
		t.names, n, ending, nameOr(o.NameZh, other), nameOr(c.NameZh, chosen),
		n, t.names, ending, nameOr(o.NameEn, other), nameOr(c.NameEn, chosen))}, true
}

func nameOr(name, code string) string {
	if name == "" {
		return code
	}
	return name
}
