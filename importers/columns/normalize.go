package columns

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// normalize reduces a header to the form aliases are written in: full-width
// folded to half-width, lower case, without spaces, underscores, hyphens,
// invisible characters, a leading or trailing "*", a trailing ":" or a
// trailing required/optional marker such as "(必填)".
func normalize(h string) string {
	s := strings.ToLower(width.Fold.String(h))
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r), r == '_', r == '-', r == '·', r == '\uFEFF', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060':
			return -1
		case r == '【' || r == '〔':
			return '['
		case r == '】' || r == '〕':
			return ']'
		}
		return r
	}, s)
	for {
		before := s
		s = strings.Trim(s, "*:")
		for _, m := range requiredMarkers {
			s = strings.TrimSuffix(s, m)
		}
		if s == before {
			return s
		}
	}
}

var requiredMarkers = []string{"(必填)", "[必填]", "(选填)", "[选填]", "(可选)", "(必填项)", "必填", "(required)", "(optional)"}

// withoutNote drops a trailing parenthesised note, "经度(wgs84)" ->
// "经度", for a second try when the full header is not known. A note that
// says the column is the English version is kept, so that "名称(英文)"
// never falls back to the Chinese name.
func withoutNote(s string) (string, bool) {
	if !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "]") {
		return s, false
	}
	i := strings.LastIndexAny(s, "([")
	if i <= 0 {
		return s, false
	}
	note := s[i:]
	if strings.Contains(note, "英文") || strings.Contains(note, "english") || note == "(en)" {
		return s, false
	}
	return s[:i], true
}
