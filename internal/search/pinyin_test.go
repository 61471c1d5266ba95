package search

import "testing"

func TestNamePinyin(t *testing.T) {
	a := testAnalyzer(t)
	got := a.namePinyin("深圳市福田公证处")
	for _, want := range []string{"shen", "fu", "gong", "shenzhenshifutiangongzhengchu", "futiangongzhengchu", "gongzhengchu", "ftgzc", "szsftgzc", "gzc"} {
		if !contains(got, want) {
			t.Errorf("namePinyin lacks %q: %q", want, got)
		}
	}
	for _, not := range []string{"c", "futian gongzhengchu", "zhenshifutiangongzhengchu", "tiangongzhengchu", "zc"} {
		if contains(got, not) {
			t.Errorf("namePinyin has %q (single initials and spaces are never lexemes, nor suffixes from inside a word)", not)
		}
	}
	// A name the dictionary does not know starts a word at every character.
	for _, want := range []string{"huashanglvshishiwusuo", "shanglvshishiwusuo", "hslssws", "slssws", "lvshishiwusuo"} {
		if got := a.namePinyin("广东华商律师事务所"); !contains(got, want) {
			t.Errorf("namePinyin(广东华商律师事务所) lacks %q: %q", want, got)
		}
	}
	lv := a.namePinyin("吕律师")
	for _, want := range []string{"lvlvshi", "lulushi", "lls"} {
		if !contains(lv, want) {
			t.Errorf("namePinyin(吕律师) lacks %q: %q", want, lv)
		}
	}
	if got := a.namePinyin("Zhong Lun"); len(got) != 0 {
		t.Errorf("Latin names have no pinyin: %q", got)
	}
}

func TestPinyinKeys(t *testing.T) {
	got := pinyinKeys("福田")
	for _, want := range []string{"futian", "fu tian"} {
		if !contains(got, want) {
			t.Errorf("pinyinKeys(福田) lacks %q: %q", want, got)
		}
	}
	if got := pinyinKeys("西丽"); got != nil { // xili: too short to be recognised on its own
		t.Errorf("pinyinKeys(西丽) = %q", got)
	}
}
