package directory

import (
	"fmt"
	"strings"
	"unicode"
)

// languageNames maps what people write in a 服务语言 column to ISO 639 codes: ISO 639-1 where there is one,
// ISO 639-3 for Chinese languages and sign language that have none (yue, hak, nan, csl).
var languageNames = map[string]string{
	"中文": "zh", "汉语": "zh", "普通话": "zh", "国语": "zh", "华语": "zh", "中": "zh", "mandarin": "zh", "chinese": "zh",
	"粤语": "yue", "广东话": "yue", "广州话": "yue", "白话": "yue", "粤": "yue", "cantonese": "yue",
	"英语": "en", "英文": "en", "英": "en", "english": "en",
	"日语": "ja", "日文": "ja", "日": "ja", "japanese": "ja",
	"韩语": "ko", "韩文": "ko", "朝鲜语": "ko", "韩": "ko", "korean": "ko",
	"法语": "fr", "法文": "fr", "法": "fr", "french": "fr",
	"德语": "de", "德文": "de", "德": "de", "german": "de",
	"俄语": "ru", "俄文": "ru", "俄": "ru", "russian": "ru",
	"西班牙语": "es", "西班牙文": "es", "西语": "es", "西": "es", "spanish": "es",
	"阿拉伯语": "ar", "阿拉伯文": "ar", "阿语": "ar", "阿": "ar", "arabic": "ar",
	"葡萄牙语": "pt", "葡萄牙文": "pt", "葡语": "pt", "葡": "pt", "portuguese": "pt",
	"意大利语": "it", "意大利文": "it", "italian": "it",
	"越南语": "vi", "vietnamese": "vi", "泰语": "th", "thai": "th", "马来语": "ms", "malay": "ms",
	"印尼语": "id", "印度尼西亚语": "id", "indonesian": "id", "荷兰语": "nl", "dutch": "nl",
	"客家话": "hak", "客家语": "hak", "hakka": "hak",
	"闽南语": "nan", "闽南话": "nan", "潮汕话": "nan", "潮州话": "nan", "hokkien": "nan", "teochew": "nan",
	"手语": "csl", "sign language": "csl",
}

// languageCodes are the codes accepted as written (zh, en, yue…).
var languageCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range languageNames {
		m[c] = true
	}
	return m
}()

// ParseLanguages reads a languages cell ("普通话、粤语、英语", "中英文", "zh,en", "English") into codes, in
// the order written and without repeats. Each word not understood gives a warning naming it.
func ParseLanguages(s string) (codes []string, warnings []string) {
	add := func(c string) {
		for _, have := range codes {
			if have == c {
				return
			}
		}
		codes = append(codes, c)
	}
	for _, item := range SplitList(s) {
		for _, w := range splitLanguageWords(fold(item)) {
			found := languageWords(w)
			if found == nil {
				warnings = append(warnings, fmt.Sprintf("未知语言“%s” / unknown language %q", w, w))
			}
			for _, c := range found {
				add(c)
			}
		}
	}
	return codes, warnings
}

// splitLanguageWords splits on spaces and 和/及 as well ("普通话 粤语", "中文和英文"), but keeps
// "sign language" whole.
func splitLanguageWords(s string) []string {
	if _, ok := languageNames[s]; ok {
		return []string{s}
	}
	return strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '和' || r == '及' || r == '&' })
}

// languageWords is the codes of one word: a name, a code, or a compound of one-character names such as
// 中英文 or 中英粤三语.
func languageWords(w string) []string {
	if c, ok := languageNames[w]; ok {
		return []string{c}
	}
	if languageCodes[w] {
		return []string{w}
	}
	stem := w
	for _, suffix := range []string{"双语", "三语", "四语", "语言", "文", "语", "话"} {
		stem = strings.TrimSuffix(stem, suffix)
	}
	var out []string
	for _, r := range stem {
		c, ok := languageNames[string(r)]
		if !ok {
			return nil
		}
		out = append(out, c)
	}
	return out
}
