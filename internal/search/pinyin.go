package search

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// Pinyin lets a citizen without a Chinese keyboard (or a visitor) type a name as it sounds:
// "futian gongzhengchu", "futiangongzhengchu", "ftgzc", "zhangwei".
//
// Index side, for each name, at every place a word of it starts: the syllable there, the joined full
// pinyin from there to the end, and the joined initials from there to the end (two letters or more). A
// word starts at each dictionary word of the name (深圳市, 福田区, 公证处, 律师事务所: the analyzer's
// vocabulary of places, kinds and legal words) and at each character the dictionary does not know, so a
// person's name (张伟) or a firm's own name (华商) starts a word at every character. "深圳市福田公证处" ->
// shen, shenzhenshifutiangongzhengchu, szsftgzc, fu, futiangongzhengchu, ftgzc, gong, gongzhengchu, gzc.
// With prefix matching at query time, any run of syllables typed with or without spaces, starting at a
// word of the name, matches without having to split the query into syllables (which is ambiguous: xian =
// xi'an or xian). Starting inside a vocabulary word (zhenshi…, "圳市…") is not something people type, and
// indexing every character's suffix made pinyin most of a document's lexemes and of its index upkeep.
//
// Readings come from go-pinyin's full character dictionary, first (most common) reading
// of each character: polyphones inside names (长, 行, 重) can be wrong, which costs a match
// on that name's pinyin only, not on its characters. ü is written v (lv, nv) as pinyin
// keyboards do, and a second form with u (lushi) is added because people type that too.

var pinyinArgs = pinyin.NewArgs() // Normal style: no tones

// readings caches hanPinyin: go-pinyin runs a regular expression per character, a large part of an
// import's work, while a directory uses a few thousand distinct characters.
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

// namePinyin returns the lexemes of a name's pinyin (see above).
func (a *Analyzer) namePinyin(name string) []string {
	var syl []string
	var starts []bool // a word of the name starts at this syllable
	for _, seg := range scan(Normalize(name)) {
		if seg.kind != segHan {
			continue
		}
		for _, p := range a.dict.segmentOver([]rune(seg.text), nameWord) {
			first := true
			for _, r := range p.text {
				if py := hanPinyin(r); py != "" {
					syl = append(syl, py)
					starts = append(starts, first || p.e == nil)
					first = false
				}
			}
		}
	}
	if len(syl) > maxPinyinChars {
		syl, starts = syl[:maxPinyinChars], starts[:maxPinyinChars]
	}
	var out []string
	for i := range syl {
		if !starts[i] {
			continue
		}
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

// nameWord says whether a vocabulary word starts a word of a name: any but the name of a community (a
// 12-digit area code), which imports add. A name's lexemes must not depend on which communities the
// directory held when it was analysed: a reload of the same file would rewrite documents.
func nameWord(e *entry) bool {
	if len(e.areas)+len(e.kinds) > 0 || e.known || e.stop || e.near {
		return true
	}
	for _, code := range e.places {
		if len(code) < 12 {
			return true
		}
	}
	return false
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
