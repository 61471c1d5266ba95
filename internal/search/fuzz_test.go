package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnalyzeQuery: any text a citizen can send is analysed without panicking, and both
// tsquery forms are "" exactly when the query is empty and otherwise pass the strict
// checker (quoted lexemes, balanced parentheses), forge no code lexeme and stay small.
// Seeds: testdata/fuzz/FuzzAnalyzeQuery (run as ordinary tests).
func FuzzAnalyzeQuery(f *testing.F) {
	for _, s := range []string{"离婚", "老板不发工资怎么办", "futian gongzhengchu", "ftgzc", "14403201810123456",
		"divorce lawyer 福田", "' OR 1=1 --", "%_\\\x00", "pa:labour"} {
		f.Add(s)
	}
	a := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, in string) {
		q := a.Query(in)
		if q.Raw != in {
			t.Fatalf("Raw changed")
		}
		for _, s := range []string{q.TSQuery(), q.TSQueryAny()} {
			if (s == "") != q.Empty() {
				t.Fatalf("Query(%q): tsquery %q but Empty()=%v", in, s, q.Empty())
			}
			if s == "" {
				continue
			}
			if _, err := parseTSQuery(s); err != nil {
				t.Fatalf("Query(%q): invalid tsquery %q: %v", in, s, err)
			}
			if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				t.Fatalf("Query(%q): tsquery not clean UTF-8: %q", in, s)
			}
			if len(s) > 16<<10 {
				t.Fatalf("Query(%q): tsquery of %d bytes", in, len(s))
			}
		}
		if l := forgedLexeme(t, q); l != "" {
			t.Fatalf("Query(%q) has the lexeme %q, not from the vocabulary", in, l)
		}
		for _, list := range [][]string{q.Terms, q.Latin, {q.Licence}} {
			for _, s := range list {
				if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
					t.Fatalf("Query(%q): unclean term %q", in, s)
				}
			}
		}
	})
}

// FuzzDocumentTokens: text from an imported file becomes a valid tsvector literal with
// bounded, non-empty lexemes and no code lexeme it did not ask for through its fields.
func FuzzDocumentTokens(f *testing.F) {
	f.Add("深圳市福田公证处", "Futian Notary", "深圳市福田区深南大道6008号", "1440320181012345x")
	f.Add("<b>x</b>'; --", "\x00\\'", "pa:labour k:notary", "%_")
	a := testAnalyzer(f)
	f.Fuzz(func(t *testing.T, name, nameEn, text, licence string) {
		tk := a.DocumentTokens(Document{Kind: "law_firm", Name: name, NameEn: nameEn, Address: text,
			Description: text, AreaCodes: []string{"440304004"}, LicenceNo: licence,
			Practitioners: []Person{{Name: name, LicenceNo: licence}}})
		codes := map[string]bool{"k:law_firm": true, "area:440304004": true, "area:440304": true, "area:440300": true, "area:440000": true}
		for _, l := range tk.All() {
			if l == "" || len(l) > maxLexemeBytes || !utf8.ValidString(l) || strings.ContainsRune(l, 0) {
				t.Fatalf("bad lexeme %q", l)
			}
			if strings.Contains(l, ":") && !codes[l] {
				t.Fatalf("text forged the lexeme %q", l)
			}
		}
		checkTSVector(t, tk)
	})
}
