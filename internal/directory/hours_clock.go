package directory

import "strings"

// clock reads 9:00, 09:00:00, 9.30, 0900, 9点, 9点半, 9时30分, 九点, 十七点半, 9am, 9:30 pm, and a bare 9
// (kept with unit=false: the parser accepts it only inside a range).
func (l *lexer) clock() bool {
	start := l.i
	h, n, chinese := l.number(start)
	if n == 0 {
		return false
	}
	j := start + n
	m, unit := 0, false
	switch r := l.at(j); {
	case !chinese && (r == ':' || r == '.') && isDigit(l.at(j+1)) && isDigit(l.at(j+2)) && !isDigit(l.at(j+3)):
		m = int(l.at(j+1)-'0')*10 + int(l.at(j+2)-'0')
		j, unit = j+3, true
		if l.at(j) == ':' && isDigit(l.at(j+1)) && isDigit(l.at(j+2)) { // seconds
			j += 3
		}
	case (r == '点' || r == '时') && l.at(j+1) != '间':
		j, unit = j+1, true
		switch l.at(j) {
		case '半':
			m, j = 30, j+1
		case '整':
			j++
		default:
			if mm, k, _ := l.number(j); k > 0 {
				m, j = mm, j+k
				if l.at(j) == '分' {
					j++
				}
			}
		}
	case chinese:
		return false // a Chinese numeral without 点 is not a time
	case n == 4:
		h, m = h/100, h%100
	}
	suffix := markNone
	k := j
	for l.at(k) == ' ' {
		k++
	}
	if (l.at(k) == 'a' || l.at(k) == 'p') && l.at(k+1) == 'm' && !isAlnum(l.at(k+2)) {
		suffix, j, unit = markMorning, k+2, true
		if l.at(k) == 'p' {
			suffix = markAfternoon
		}
	}
	text := string(l.rs[start:j])
	valid := (chinese || n <= 2 || n == 4) && h <= 24 && m < 60 && (h < 24 || m == 0) &&
		(suffix == markNone || (h >= 1 && h <= 12))
	if !valid {
		l.emit(token{kind: tUnknown, text: text}, j-start)
		return true
	}
	l.emit(token{kind: tTime, min: h*60 + m, suffix: suffix, unit: unit, hhmm: n == 4 && !unit, text: text}, j-start)
	return true
}

// date reads a calendar date (2026-10-08, 2026年10月8日, 10月8日, 2026/10/8) as one unknown token, so that
// its numbers are not taken for times. Dated closures belong in Hours.Exceptions, set by the admin.
func (l *lexer) date() bool {
	j := l.i
	digits := func(lo, hi int) bool {
		n := 0
		for isDigit(l.at(j)) {
			j, n = j+1, n+1
		}
		return n >= lo && n <= hi
	}
	sep := func(set string) bool {
		if strings.ContainsRune(set, l.at(j)) {
			j++
			return true
		}
		return false
	}
	ok := digits(4, 4) && sep("-/.年") && digits(1, 2) && sep("-/.月") && digits(1, 2)
	if !ok {
		j = l.i
		ok = digits(1, 2) && sep("月") && digits(1, 2)
	}
	if !ok {
		return false
	}
	sep("日号")
	l.emit(token{kind: tUnknown}, j-l.i)
	return true
}

// number reads ASCII digits or Chinese numerals (up to 九十九) at j: value, runes read, whether Chinese.
func (l *lexer) number(j int) (v, n int, chinese bool) {
	if isDigit(l.at(j)) {
		for isDigit(l.at(j + n)) {
			if n < 9 {
				v = v*10 + int(l.at(j+n)-'0')
			}
			n++
		}
		return v, n, false
	}
	const digits = "零一二三四五六七八九"
	tens, unit, seenTen := 0, -1, false
	for ; ; n++ {
		r := l.at(j + n)
		d := strings.IndexRune(digits, r)
		switch {
		case r == '〇':
			d = 0
		case r == '两':
			d = 2
		case d >= 0:
			d = len([]rune(digits[:d]))
		case r == '十' && !seenTen:
			seenTen, tens = true, max(unit, 1)
			if unit == 0 {
				tens = 0
			}
			unit = -1
			continue
		}
		if d < 0 || unit >= 0 {
			break
		}
		unit = d
	}
	if n == 0 {
		return 0, 0, true
	}
	return tens*10 + max(unit, 0), n, true
}
