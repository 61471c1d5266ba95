package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func sampleDocument() Document {
	return Document{
		Kind: "notary", Name: "深圳市福田公证处", NameEn: "Shenzhen Futian Notary Office",
		Address: "深圳市福田区深南大道6008号", Description: "办理继承、遗嘱公证。",
		AreaCodes: []string{"440304004"}, PracticeAreas: []string{"inheritance"},
		Practitioners: []Person{{Name: "李娜", LicenceNo: "1440 3201 1101 5151 5", PracticeAreas: []string{"inheritance"}}},
	}
}

func TestDocumentTokens(t *testing.T) {
	tk := testAnalyzer(t).DocumentTokens(sampleDocument())
	for class, want := range map[string][]string{
		"A": {"福田", "公证", "futiangongzhengchu", "ftgzc", "notary", "futiannotaryoffice"},
		"B": {"k:notary", "pa:inheritance", "area:440304004", "area:440304", "李娜", "lina", "14403201110151515"},
		"C": {"深南", "6008", "遗嘱", "继承"},
	} {
		got := map[string][]string{"A": tk.A, "B": tk.B, "C": tk.C}[class]
		for _, w := range want {
			if !contains(got, w) {
				t.Errorf("class %s lacks %q: %q", class, w, got)
			}
		}
	}
	// 深圳 is in the name (A) and the address: it sits in A only.
	if contains(tk.C, "深圳") || !contains(tk.A, "深圳") {
		t.Errorf("深圳 should be in A only: A=%q C=%q", tk.A, tk.C)
	}
	seen := map[string]bool{}
	for _, l := range tk.All() {
		if l == "" || seen[l] {
			t.Errorf("empty or repeated lexeme %q", l)
		}
		seen[l] = true
	}
}

func TestPersonTokens(t *testing.T) {
	a := testAnalyzer(t)
	tk := a.PersonTokens(Person{Name: "张伟", LicenceNo: "14403201810123456", PracticeAreas: []string{"labour"}})
	for _, w := range []string{"张伟", "zhangwei", "zw", "14403201810123456"} {
		if !contains(tk.A, w) {
			t.Errorf("A lacks %q: %q", w, tk.A)
		}
	}
	if !contains(tk.B, "pa:labour") || len(tk.C) != 0 {
		t.Errorf("B=%q C=%q", tk.B, tk.C)
	}
	// the queries a citizen types for this person match
	doc := map[string]float64{}
	for _, l := range tk.All() {
		doc[l] = 1
	}
	for _, q := range []string{"张伟", "zhang wei", "zhangwei", "zw", "14403201810123456", "1440320181", "张伟 工资"} {
		n, err := parseTSQuery(a.Query(q).TSQuery())
		if err != nil {
			t.Fatal(err)
		}
		if ok, _ := n.eval(doc); !ok {
			t.Errorf("%q does not find 张伟: %s", q, a.Query(q).TSQuery())
		}
	}
}

// checkTSVector checks what a document sends PostgreSQL: lexemes it accepts (non-empty, valid UTF-8,
// no NUL, within a lexeme's length), each once across the classes.
func checkTSVector(t testing.TB, tk Tokens) {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range tk.All() {
		if l == "" || !utf8.ValidString(l) || strings.ContainsRune(l, 0) || len(l) > 2046 || seen[l] {
			t.Fatalf("bad lexeme %q in %v", l, tk)
		}
		seen[l] = true
	}
}

func TestDocumentTokensHostileText(t *testing.T) {
	a := testAnalyzer(t)
	d := Document{
		Kind: "law_firm", Name: "<b>律所</b>'; DROP TABLE providers; --", NameEn: strings.Repeat("x", 5000),
		Address: "pa:labour k:notary area:440304", Description: strings.Repeat("离婚", 10000) + "\x00%_\\",
	}
	tk := a.DocumentTokens(d)
	for _, l := range tk.All() {
		if len(l) > maxLexemeBytes || strings.ContainsAny(l, "'\\\x00%_ ") && !strings.HasPrefix(l, prefixKind) {
			t.Errorf("lexeme %q from hostile text", l)
		}
	}
	// Text can never forge a code lexeme: only the Kind field makes k:law_firm.
	for _, forged := range []string{"pa:labour", "k:notary", "area:440304"} {
		if contains(tk.All(), forged) {
			t.Errorf("address text forged %q", forged)
		}
	}
	checkTSVector(t, tk)
}
