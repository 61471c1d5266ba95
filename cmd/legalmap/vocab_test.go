package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"legalmap/internal/search"
	"legalmap/internal/store/storetest"
)

// TestVocabLoadExport: the built-in vocabulary is there after migrate; a bureau's file adds a term the
// analysis then reads as one concept with the kinds that solve it; the same file again changes nothing;
// a bad file is refused whole, naming the line and field; --replace drops the source's dropped terms.
func TestVocabLoadExport(t *testing.T) {
	code, out, errs := runCLI(t, "", "vocab", "export")
	if code != 0 || !strings.HasPrefix(out, "term,category,") || !strings.Contains(out, "拒不支付劳动报酬罪,charge,criminal_defence") ||
		!strings.Contains(out, "物权法,law,real_estate,law_firm,community_adviser,民法典物权编") {
		t.Fatalf("vocab export: exit %d, stderr %q\n%.400s", code, errs, out)
	}
	if n := strings.Count(out, "\n"); n < 1000 {
		t.Errorf("vocab export: %d lines, want the whole built-in vocabulary", n)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "terms.csv")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("\ufeffterm,category,practice_areas,kinds,also_kinds,parent\n深圳经济特区欠薪保障条例,law,labour,legal_aid|labour_arbitration,law_firm,\n")
	if code, out, errs := runCLI(t, "", "vocab", "load", "--file", file, "--source", "sz-bureau"); code != 0 || !strings.Contains(out, "1 added or changed") {
		t.Fatalf("vocab load: exit %d %q %q", code, out, errs)
	}
	if code, out, _ := runCLI(t, "", "vocab", "load", "--file", file, "--source", "sz-bureau"); code != 0 || !strings.Contains(out, "0 added or changed") {
		t.Errorf("the same file again: exit %d %q", code, out)
	}
	a, err := search.LoadAnalyzer(context.Background(), storetest.Pool(t))
	if err != nil {
		t.Fatal(err)
	}
	q := a.Query("深圳经济特区欠薪保障条例")
	if len(q.Concepts) != 1 || q.Concepts[0].Type != search.ConceptArea || q.KindTier("legal_aid") >= q.KindTier("notary") {
		t.Errorf("a loaded term is one concept solved by legal aid: %+v", q.Concepts)
	}
	write("term,category,practice_areas,kinds\n,law,labour,law_firm\n某条例,statute,nosuch,Law-Firm\n")
	code, _, errs = runCLI(t, "", "vocab", "load", "--file", file)
	for _, want := range []string{"line 2, field term", "line 3, field category", "line 3, field practice_areas", "line 3, field kinds"} {
		if !strings.Contains(errs, want) {
			t.Errorf("a bad file: stderr should name %q: %q", want, errs)
		}
	}
	if code == 0 {
		t.Errorf("a bad file: exit 0")
	}
	write("term,category,practice_areas,kinds\n")
	if code, out, _ := runCLI(t, "", "vocab", "load", "--file", file, "--source", "sz-bureau", "--replace"); code != 0 || !strings.Contains(out, "1 deleted") {
		t.Errorf("--replace with an empty file: exit %d %q", code, out)
	}
}
