package search

import (
	"reflect"
	"testing"
)

func TestBigrams(t *testing.T) {
	for in, want := range map[string][]string{
		"福田公证处": {"福田", "田公", "公证", "证处"},
		"张伟":    {"张伟"},
		"号":     {"号"},
	} {
		if got := bigrams([]rune(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("bigrams(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSegmentFMM(t *testing.T) {
	a := testAnalyzer(t)
	for in, want := range map[string][]string{
		// longest match: 不发工资 over 工资; unknown 老板 is a stop word, 怎么办 too
		"老板不发工资怎么办": {"老板", "不发工资", "怎么办"},
		// unknown characters stay together as one piece
		"华商律师事务所":  {"华商", "律师事务所"},
		"请不起律师怎么办": {"请不起律师", "怎么办"},
		"离婚孩子归谁":   {"离婚", "孩子归谁"}, // 孩子归谁 is a seed synonym
		"我想找律师":    {"我想", "找律师"},  // 找律师 is a seed synonym
	} {
		var got []string
		for _, p := range a.dict.segment([]rune(in)) {
			got = append(got, p.text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("segment(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrimStops(t *testing.T) {
	for in, want := range map[string]string{
		"我想":  "",
		"找":   "",
		"张有才": "张有才", // a stop character inside a name stays
		"被辞了": "辞",
	} {
		if got := string(trimStops([]rune(in))); got != want {
			t.Errorf("trimStops(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHanLexemesByMode(t *testing.T) {
	a := testAnalyzer(t)
	run := []rune("华商律师事务所")
	if got := a.dict.hanLexemes(run, modeDict); !reflect.DeepEqual(got, []string{"华", "商", "律师事务所"}) {
		t.Errorf("dict mode: %q", got)
	}
	got := a.dict.hanLexemes(run, modeCombined)
	if !contains(got, "律师事务所") || !contains(got, "华商") {
		t.Errorf("combined mode lacks the word or the bigram: %q", got)
	}
	if got := a.dict.hanLexemes(run, modeBigram); contains(got, "律师事务所") || len(got) != 6 {
		t.Errorf("bigram mode: %q", got)
	}
}
