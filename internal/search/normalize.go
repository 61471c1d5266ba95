// Package search owns keyword search over the directory. Phase 1, here: the Chinese-aware
// text analysis that turns a provider into index tokens and a citizen's words into a
// structured query (character bigrams, dictionary words, pinyin, everyday words mapped to
// practice areas, kinds and places). Phase 2: the engines (PostgreSQL tsvector + GIN, and
// Meilisearch) that store those tokens and run those queries.
//
// The analysis is pure Go and knows no SQL: it produces lexeme lists and tsquery/tsvector
// literals whose every lexeme is quoted, so the engine passes them as parameters.
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds text so that what a citizen types and what the bureau wrote meet:
// compatibility decomposition (full-width ＡＢＣ１２３ and ideographic space become ASCII,
// circled digits become digits), tone marks and other combining marks dropped (fútián ->
// futian), ü written as v the way pinyin keyboards do, lower case. Invalid UTF-8, NUL and
// control characters become spaces. Traditional characters are not converted.
func Normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return normalize(s)
}

// isNormal says that Normalize leaves s as it is: every rune printable ASCII but a capital, or a CJK
// unified ideograph (none has a decomposition). Most names and queries are, and the full way (three passes
// and two normal forms) was a sixth of a search's CPU in the server, folding a thousand names to rank them.
func isNormal(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r < 0x7f && (r < 'A' || r > 'Z'):
		case r >= 0x4e00 && r <= 0x9fff:
		default:
			return false
		}
	}
	return true
}

func normalize(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == 'ü' || r == 'Ü' || r == 'ǖ' || r == 'ǘ' || r == 'ǚ' || r == 'ǜ':
			return 'v'
		case unicode.IsControl(r):
			return ' '
		}
		return r
	}, s)
	s = norm.NFKD.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, s)
	return strings.ToLower(norm.NFC.String(s))
}

// truncateRunes keeps at most n runes of s.
func truncateRunes(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// segKind tells a run of Han characters from a run of other letters and digits.
type segKind uint8

const (
	segHan  segKind = iota // 汉字: analysed with bigrams, the dictionary and pinyin
	segWord                // Latin (and other scripts') letters and digits: one token
)

// segment is a maximal run of one kind; anything else (spaces, punctuation, symbols) separates.
type segment struct {
	kind segKind
	text string
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isWordRune(r rune) bool {
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// scan splits normalised text into Han runs and word runs.
func scan(s string) []segment {
	var segs []segment
	start, cur := -1, segKind(0)
	flush := func(end int) {
		if start >= 0 {
			segs = append(segs, segment{kind: cur, text: s[start:end]})
			start = -1
		}
	}
	for i, r := range s {
		var k segKind
		switch {
		case isHan(r):
			k = segHan
		case isWordRune(r):
			k = segWord
		default:
			flush(i)
			continue
		}
		if start >= 0 && k != cur {
			flush(i)
		}
		if start < 0 {
			start, cur = i, k
		}
	}
	flush(len(s))
	return segs
}

// maxLexemeBytes bounds every lexeme. PostgreSQL refuses lexemes of 2 KB and more; a
// truncated Latin token still matches as a prefix, and both index and query truncate alike.
const maxLexemeBytes = 60

func clampLexeme(s string) string {
	if len(s) <= maxLexemeBytes {
		return s
	}
	cut := maxLexemeBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// looksLikeLicence: practitioner licences are 17 digits, unified credit codes 18 characters
// mostly digits; anything of ten or more characters that is mostly digits is taken as one.
func looksLikeLicence(s string) bool {
	if len(s) < 10 {
		return false
	}
	d := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d++
		}
	}
	return d*10 >= len(s)*7
}

// licenceToken normalises a licence or credit code as written in a file: case folded,
// spaces and dashes dropped. It returns "" when nothing usable is left.
func licenceToken(s string) string {
	var b strings.Builder
	for _, r := range Normalize(s) {
		if r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z') {
			b.WriteRune(r)
		}
	}
	return clampLexeme(b.String())
}
