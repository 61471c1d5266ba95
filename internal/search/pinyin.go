package search

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin lets a citizen without a Chinese keyboard (or a visitor) type a name as it sounds:
// "futian gongzhengchu", "futiangongzhengchu", "ftgzc", "zhangwei".
//
// Index side, for each name: every syllable (li, na), the joined full pinyin of every suffix of the name's Han
// characters ("深圳市福田公证处" -> shenzhenshifutiangongzhengchu, …, futiangongzhengchu, …,
// gongzhengchu, zhengchu, chu) and the joined initials of every suffix of two or more
// letters (szsftgzc, …, ftgzc, …, zc). With prefix matching at query time, any run of
// syllables typed with or without spaces, starting at any character of the name, matches
// without having to split the query into syllables (which is ambiguous: xian = xi'an or
// xian). One name of n characters adds at most 3n lexemes (more with a ü), a few dozen.
//
// Readings come from go-pinyin's full character dictionary, first (most common) reading
// of each character: polyphones inside names (长, 行, 重) can be wrong, which costs a match
// on that name's pinyin only, not on its characters. ü is written v (lv, nv) as pinyin
// keyboards do, and a second form with u (lushi) is added because people type that too.

var pinyinArgs = pinyin.NewArgs() // Normal style: no tones

// readings caches hanPinyin: go-pinyin runs a regular expression per character, which was 14% of an
// import's Go CPU, while a directory uses a few thousand distinct characters.
var readings sync.Map // rune -> string

// hanPinyin is the toneless reading of one character, "" when the dictionary has none.
func hanPinyin(r rune) string {
	if v, ok := readings.Load(r); ok {
		return v.(string)
	}
	reading := ""
	if p := pinyin.SinglePinyin(r, pinyinArgs); len(p) > 0 {
		reading = p[0]
	}
	readings.Store(r, reading)
	return reading
}

// syllables returns the pinyin of each Han character of s, in order, skipping everything
// that is not Han or has no reading.
func syllables(s string) []string {
	var out []string
	for _, r := range s {
		if !isHan(r) {
			continue
		}
		if p := hanPinyin(r); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// maxPinyinChars bounds the characters of one name that get pinyin lexemes.
const maxPinyinChars = 24

// namePinyin returns the suffix lexemes of a name (see above).
func namePinyin(name string) []string {
	syl := syllables(Normalize(name))
	if len(syl) > maxPinyinChars {
		syl = syl[:maxPinyinChars]
	}
	var out []string
	for i := range syl {
		// The syllable alone, so a short spaced query ("li na") finds it exactly.
		out = append(out, withU(syl[i])...)
		full := strings.Join(syl[i:], "")
		out = append(out, withU(clampLexeme(full))...)
		if len(syl)-i >= 2 {
			var b strings.Builder
			for _, s := range syl[i:] {
				b.WriteByte(s[0])
			}
			out = append(out, clampLexeme(b.String()))
		}
	}
	return out
}

// withU returns s and, when s holds a v (ü), the same with u.
func withU(s string) []string {
	if !strings.ContainsRune(s, 'v') {
		return []string{s}
	}
	return []string{s, strings.ReplaceAll(s, "v", "u")}
}

// pinyinKeys are the Latin spellings under which a vocabulary word is recognised in a
// query: joined ("futian") and spaced ("fu tian"), with the u forms of ü. Words whose
// joined form is shorter than five letters get no key: short syllable runs collide with
// English words and with each other too often.
func pinyinKeys(word string) []string {
	syl := syllables(word)
	if len(syl) < 2 {
		return nil
	}
	joined := strings.Join(syl, "")
	if len(joined) < 5 {
		return nil
	}
	return append(withU(joined), withU(strings.Join(syl, " "))...)
}
