package directory

import (
	"slices"
	"strings"
	"testing"
)

func TestParsePhones(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		warn string // "" for no warning
	}{
		{"0755-83210000", []string{"0755-83210000"}, ""},
		{"0755 8321 0000", []string{"0755-83210000"}, ""},
		{"075583210000", []string{"0755-83210000"}, ""},
		{"(0755)83210000", []string{"0755-83210000"}, ""},
		{"０７５５－８３２１００００；１３８１２３４５６７８", []string{"0755-83210000", "13812345678"}, ""},
		{"0755-83210000 83210001", []string{"0755-83210000", "0755-83210001"}, ""},
		{"0755-83210000/83210001", []string{"0755-83210000", "0755-83210001"}, ""},
		{"0755-83210000 0755-83210001", []string{"0755-83210000", "0755-83210001"}, ""},
		{"0755-83210000，0755-83210000", []string{"0755-83210000"}, ""},
		{"12348", []string{"12348"}, ""},
		{"12348、0755-83210000", []string{"12348", "0755-83210000"}, ""},
		{"咨询：12348 或 0755-83210000", []string{"12348", "0755-83210000"}, ""},
		{"400-123-4567", []string{"400-123-4567"}, ""},
		{"4001234567", []string{"400-123-4567"}, ""},
		{"138 1234 5678", []string{"13812345678"}, ""},
		{"+86 138-1234-5678", []string{"13812345678"}, ""},
		{"13812345678 13912345678", []string{"13812345678", "13912345678"}, ""},
		{"电话：0755-83210000", []string{"0755-83210000"}, ""},
		{"020-88889999", []string{"020-88889999"}, ""},
		{"0755-83210000转123", []string{"0755-83210000转123"}, ""},
		{"", nil, ""},
		{"0755-83210000（传真）", []string{"0755-83210000"}, "传真"},
		{"83210000", []string{"83210000"}, "区号"},
		{"12345678901234", []string{"12345678901234"}, "格式异常"},
		{"见官网", []string{"见官网"}, "格式异常"},
		{"0755-8321", []string{"0755-8321"}, "格式异常"},
	}
	for _, c := range cases {
		got, warnings := ParsePhones(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("ParsePhones(%q) = %q, want %q", c.in, got, c.want)
		}
		all := strings.Join(warnings, " | ")
		if (c.warn == "") != (len(warnings) == 0) || !strings.Contains(all, c.warn) {
			t.Errorf("ParsePhones(%q) warnings %q, want one containing %q", c.in, warnings, c.warn)
		}
	}
}

func TestValidCreditCode(t *testing.T) {
	// Published codes: the worked example of GB 32100-2015 and codes of registered companies (Huawei
	// Technologies, Shenzhen, among them), whose check characters this code must accept.
	for _, code := range []string{"91350100M000100Y43", "914403001922038216", "91440300708461136T",
		"91110108551385082Q", "9144030071526726XG", " 91350100m000100y43 ", "９１３５０１００Ｍ０００１００Ｙ４３"} {
		if !ValidCreditCode(code) {
			t.Errorf("ValidCreditCode(%q) = false, want true", code)
		}
	}
	// A code built here from a base and the standard's formula.
	base := "12440300MB2C34567"
	sum := 0
	for i := range 17 {
		sum += strings.IndexByte(creditCodeChars, base[i]) * creditCodeWeights[i]
	}
	built := base + string(creditCodeChars[(31-sum%31)%31])
	if !ValidCreditCode(built) {
		t.Errorf("ValidCreditCode(%q) = false for a code built with the formula", built)
	}
	for _, bad := range []string{
		"91350100M000100Y44", // check character wrong
		"914403001922038217",
		"91350100M000100Y4",   // 17 characters
		"91350100M000100Y433", // 19
		"9135010OM000100Y43",  // O is not in the alphabet
		"913501I0M000100Y43",  // I neither, and not a digit in the division code
		"91A50100M000100Y43",  // letters in the division code
		"", "abc",
	} {
		if ValidCreditCode(bad) {
			t.Errorf("ValidCreditCode(%q) = true, want false", bad)
		}
	}
}

func TestValidLawyerLicence(t *testing.T) {
	for in, want := range map[string]bool{
		"14403201810123456": true, " 14403201810123456 ": true, "１４４０３２０１８１０１２３４５６": true,
		"1440320181012345": false, "144032018101234567": false, "1440320181012345X": false, "": false,
	} {
		if got := ValidLawyerLicence(in); got != want {
			t.Errorf("ValidLawyerLicence(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for in, want := range map[string]string{
		"正常": StatusActive, "执业": StatusActive, "在业": StatusActive, "存续": StatusActive, "正常执业": StatusActive,
		"active": StatusActive, " Active ": StatusActive,
		"暂停": StatusTemporarilyClosed, "停业": StatusTemporarilyClosed, "暂停执业": StatusTemporarilyClosed,
		"temporarily_closed": StatusTemporarilyClosed,
		"注销":                 StatusClosed, "撤销": StatusClosed, "吊销": StatusClosed, "已注销": StatusClosed, "closed": StatusClosed,
	} {
		got, ok := ParseStatus(in)
		if !ok || got != want {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "不知道", "pending"} {
		if got, ok := ParseStatus(in); ok {
			t.Errorf("ParseStatus(%q) = %q, want not understood", in, got)
		}
	}
	for _, s := range []string{StatusActive, StatusTemporarilyClosed, StatusClosed} {
		if !ValidStatus(s) {
			t.Errorf("ValidStatus(%q) = false", s)
		}
	}
	if ValidStatus("正常") || ValidStatus("") {
		t.Error("ValidStatus takes only the codes")
	}
}

func TestParseBool(t *testing.T) {
	for _, in := range []string{"是", "免费", "Y", "yes", "TRUE", "1", "有", "１"} {
		if b, ok := ParseBool(in); !ok || b == nil || !*b {
			t.Errorf("ParseBool(%q) = %v, %v; want true", in, b, ok)
		}
	}
	for _, in := range []string{"否", "收费", "N", "no", "false", "0", "无"} {
		if b, ok := ParseBool(in); !ok || b == nil || *b {
			t.Errorf("ParseBool(%q) = %v, %v; want false", in, b, ok)
		}
	}
	if b, ok := ParseBool("  "); !ok || b != nil {
		t.Errorf("ParseBool(blank) = %v, %v; want unknown and fine", b, ok)
	}
	if b, ok := ParseBool("部分免费"); ok || b != nil {
		t.Errorf("ParseBool(部分免费) = %v, %v; want not understood", b, ok)
	}
}

func TestParseLanguages(t *testing.T) {
	cases := []struct {
		in   string
		want []string
		warn string
	}{
		{"中文", []string{"zh"}, ""},
		{"普通话、粤语、英语", []string{"zh", "yue", "en"}, ""},
		{"汉语,English；日语/韩语", []string{"zh", "en", "ja", "ko"}, ""},
		{"普通话 粤语", []string{"zh", "yue"}, ""},
		{"中英文", []string{"zh", "en"}, ""},
		{"中英双语", []string{"zh", "en"}, ""},
		{"法语、德语、俄语、西班牙语、阿拉伯语、葡萄牙语", []string{"fr", "de", "ru", "es", "ar", "pt"}, ""},
		{"zh,en,yue", []string{"zh", "en", "yue"}, ""},
		{"普通话、中文、汉语", []string{"zh"}, ""},
		{"客家话、手语", []string{"hak", "csl"}, ""},
		{"", nil, ""},
		{"普通话、火星语", []string{"zh"}, "火星语"},
		{"klingon", nil, "klingon"},
	}
	for _, c := range cases {
		got, warnings := ParseLanguages(c.in)
		if !slices.Equal(got, c.want) {
			t.Errorf("ParseLanguages(%q) = %q, want %q", c.in, got, c.want)
		}
		if (c.warn == "") != (len(warnings) == 0) || !strings.Contains(strings.Join(warnings, " "), c.warn) {
			t.Errorf("ParseLanguages(%q) warnings %q, want one naming %q", c.in, warnings, c.warn)
		}
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-01-02": "2026-01-02", "2026/1/2": "2026-01-02", "2026.1.2": "2026-01-02", "2026年1月2日": "2026-01-02",
		"2026年01月02日": "2026-01-02", "20260102": "2026-01-02", "46024": "2026-01-02", "46024.0": "2026-01-02",
		"2026-01-02 00:00:00": "2026-01-02", "2026-01-02T08:00:00Z": "2026-01-02", "２０２６－０１－０２": "2026-01-02",
		"45658": "2025-01-01", "2024-02-29": "2024-02-29", " 2026/12/31 ": "2026-12-31",
	} {
		got, ok := ParseDate(in)
		if !ok || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "2026", "2026-02-30", "2025-02-29", "2026-13-01", "2026-1", "1/2/2026", "26-1-2",
		"abc", "1e4", "NaN", "-46024", "123", "2026年1月", "20261301", "2026-01-02-03"} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %q, want not understood", in, got)
		}
	}
}

func TestSplitList(t *testing.T) {
	for in, want := range map[string][]string{
		"婚姻家庭、劳动争议，交通事故;合同纠纷；继承/刑事|行政\n知识产权": {"婚姻家庭", "劳动争议", "交通事故", "合同纠纷", "继承", "刑事", "行政", "知识产权"},
		" a , ,b ":    {"a", "b"},
		"　全角空格　":      {"全角空格"},
		"":            nil,
		"、、,":         nil,
		"<b>婚姻</b>家庭": {"<b>婚姻<", "b>家庭"}, // values are kept as written: escaping is the output's job
	} {
		if got := SplitList(in); !slices.Equal(got, want) {
			t.Errorf("SplitList(%q) = %q, want %q", in, got, want)
		}
	}
}
