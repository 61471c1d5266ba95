package pipeline

import (
	"strings"
	"testing"

	"legalmap/internal/store/vocabdb"
)

var testKinds = []vocabdb.VocabTerm{
	{Code: "law_firm", NameZh: "律师事务所", NameEn: "Law firm"},
	{Code: "legal_aid", NameZh: "法律援助中心", NameEn: "Legal aid centre"},
	{Code: "notary", NameZh: "公证处", NameEn: "Notary office"},
	{Code: "forensic", NameZh: "司法鉴定机构", NameEn: "Forensic appraisal institution"},
	{Code: "community_adviser", NameZh: "村(社区)法律顾问", NameEn: "Community legal adviser"},
	{Code: "labour_arbitration", NameZh: "劳动人事争议仲裁院", NameEn: "Labour arbitration"},
	{Code: "arbitration_commission", NameZh: "仲裁委员会", NameEn: "Arbitration commission"},
	// A kind a bureau added, with no entry in kindSuffixes: known by its own name.
	{Code: "tax_bureau_desk", NameZh: "税务法律服务窗口", NameEn: "Tax law desk"},
}

func tally(names ...string) *kindTally {
	t := newKindTally(newKindLooks(testKinds))
	for _, n := range names {
		t.add(n)
	}
	return t
}

func TestNamesOfAnotherKindAreWarned(t *testing.T) {
	cases := []struct {
		chosen string
		names  []string
		warn   string // "" for no warning, else a word the warning must hold
	}{
		{"law_firm", []string{"深圳市福田公证处", "深圳市南山公证处", "深圳市罗湖公证处"}, "公证处"},
		{"law_firm", []string{"深圳市福田公证处"}, "公证处"},
		{"notary", []string{"深圳市福田公证处", "深圳市南山公证处"}, ""},
		{"law_firm", []string{"广东明理律师事务所", "深圳市福田公证处"}, ""},
		// Mostly: four of five names.
		{"legal_aid", []string{"甲仲裁委员会", "乙仲裁委员会", "丙仲裁委员会", "丁仲裁委员会", "福田区法律援助处"}, "仲裁委员会"},
		// The longest ending decides: a labour arbitration committee is not an arbitration commission.
		{"labour_arbitration", []string{"深圳市劳动人事争议仲裁委员会", "南山区劳动人事争议仲裁委员会"}, ""},
		{"arbitration_commission", []string{"深圳市劳动人事争议仲裁委员会", "南山区劳动人事争议仲裁委员会"}, "劳动人事争议仲裁委员会"},
		// Names that say nothing of their kind.
		{"law_firm", []string{"明理", "公正"}, ""},
		{"notary", []string{"前海税务法律服务窗口", "福田税务法律服务窗口"}, "Tax law desk"},
		// Trailing parenthetical notes are not part of the ending.
		{"law_firm", []string{"深圳市福田公证处（新址）", "深圳市南山公证处(总部)"}, "Notary office"},
	}
	for _, c := range cases {
		w, ok := tally(c.names...).warning(c.chosen)
		if ok != (c.warn != "") || (ok && !strings.Contains(w.Reason, c.warn)) {
			t.Errorf("%s %v: warning %v %q, want %q", c.chosen, c.names, ok, w.Reason, c.warn)
		}
		if ok && (w.Line != 1 || w.Field != "name") {
			t.Errorf("warning at line %d field %q", w.Line, w.Field)
		}
	}
}
