package directory

import (
	"slices"
	"strings"
	"unicode"
)

// The lexer of opening-hours text: it turns the ways Chinese offices (and a few English pages) write their
// hours into tokens that hours_parse.go reads. It never fails: what it cannot read becomes a tUnknown token
// carrying the text, which ends up in a warning and in Hours.Note.

type lexer struct {
	rs     []rune
	i      int
	toks   []token
	dayCtx bool // the last token named a day, so a bare 三 or 5 after 、 or - is a day too (周一、三、五)
}

// lexHours reads text already passed through normalizeHours.
func lexHours(s string) []token {
	l := &lexer{rs: []rune(s)}
	for l.i < len(l.rs) {
		r := l.rs[l.i]
		switch {
		case r == '\n' || r == '\r':
			l.emit(token{kind: tClause, text: "\n"}, 1)
		case unicode.IsSpace(r):
			l.i++
		case l.word(), l.dayName(), l.date(), l.clock():
		case r < 128 && unicode.IsLetter(r):
			l.english()
		default:
			l.punct(r)
		}
	}
	return l.toks
}

// emit appends t, read from the next n runes, and keeps dayCtx and unknown runs in step.
func (l *lexer) emit(t token, n int) {
	if t.text == "" {
		t.text = string(l.rs[l.i : l.i+n])
	}
	l.i += n
	switch t.kind {
	case tDays:
		l.dayCtx = t.day >= 0
	case tDash, tList:
	default:
		l.dayCtx = false
	}
	if t.kind == tUnknown && len(l.toks) > 0 && l.toks[len(l.toks)-1].kind == tUnknown {
		l.toks[len(l.toks)-1].text += t.text
		return
	}
	l.toks = append(l.toks, t)
}

func (l *lexer) at(j int) rune {
	if j < len(l.rs) {
		return l.rs[j]
	}
	return 0
}

func (l *lexer) hasPrefix(p []rune) bool {
	return len(l.rs)-l.i >= len(p) && slices.Equal(l.rs[l.i:l.i+len(p)], p)
}

func (l *lexer) word() bool {
	for _, w := range words[l.rs[l.i]] {
		if !l.hasPrefix(w.text) {
			continue
		}
		end := l.i + len(w.text)
		if w.boundary && isAlnum(l.at(end)) {
			continue
		}
		text := string(w.text)
		if len(w.toks) == 0 {
			l.i = end
			return true
		}
		for k, t := range w.toks {
			t.text = text
			if k == len(w.toks)-1 {
				l.emit(t, end-l.i)
			} else {
				l.emit(t, 0)
			}
		}
		return true
	}
	return false
}

// dayName reads 周一, 星期三, 礼拜天, 周5, and after a day a bare numeral (周一、三、五; 周1-5; 周六日).
func (l *lexer) dayName() bool {
	for _, p := range [][]rune{[]rune("星期"), []rune("礼拜"), []rune("周")} {
		if l.hasPrefix(p) {
			if d, ok := l.dayNumeral(l.i + len(p)); ok {
				l.emit(dayTok(d), len(p)+1)
				return true
			}
		}
	}
	if l.dayCtx {
		if d, ok := l.dayNumeral(l.i); ok {
			l.emit(dayTok(d), 1)
			return true
		}
	}
	return false
}

func (l *lexer) dayNumeral(j int) (int, bool) {
	r := l.at(j)
	if d := strings.IndexRune("一二三四五六日", r); d >= 0 {
		return len([]rune("一二三四五六日"[:d])), true
	}
	if r == '天' || r == '七' {
		return 6, true
	}
	if r >= '1' && r <= '7' {
		next := l.at(j + 1)
		if isDigit(next) || next == ':' || next == '.' || next == '点' || next == '时' || next == '天' || next == '小' {
			return 0, false
		}
		return int(r - '1'), true
	}
	return 0, false
}

func (l *lexer) english() {
	start := l.i
	j := l.i
	for j < len(l.rs) && l.rs[j] < 128 && unicode.IsLetter(l.rs[j]) {
		j++
	}
	w := string(l.rs[start:j])
	toks, ok := english[w]
	switch {
	case !ok:
		if len(l.toks) > 0 && l.toks[len(l.toks)-1].kind == tUnknown {
			w = " " + w
		}
		l.emit(token{kind: tUnknown, text: w}, j-start)
	case len(toks) == 0:
		l.i = j
	default:
		t := toks[0]
		t.text = w
		l.emit(t, j-start)
	}
}

func (l *lexer) punct(r rune) {
	n := 1
	switch r {
	case '-':
		for l.at(l.i+n) == '-' {
			n++
		}
		l.emit(token{kind: tDash}, n)
	case ',', '、', '/', '&', '+':
		l.emit(token{kind: tList}, n)
	case ';', '。', '|':
		l.emit(token{kind: tClause}, n)
	case '(', ')', '[', ']', '【', '】', ':', '.', '"', '\'', '“', '”', '‘', '’', '《', '》', '<', '>', '!', '?', '*', '{', '}', '#':
		l.i++ // punctuation that only frames the text
	default:
		l.emit(token{kind: tUnknown}, n)
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isAlnum(r rune) bool { return isDigit(r) || (r < 128 && unicode.IsLetter(r)) }
