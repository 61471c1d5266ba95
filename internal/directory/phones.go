package directory

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ParsePhones reads a phone cell into normalised numbers: landlines as 0755-83210000 (area code, hyphen,
// subscriber number), mobiles as 13812345678, 400/800 numbers as 400-123-4567, service numbers such as
// 12348 as written; an extension as 0755-83210000转123. Several numbers may be separated by 、,，;；/| or
// spaces ("0755-83210000 83210001"); spaces inside one number ("0755 8321 0000") are understood too. A
// local number after a landline takes its area code. A label such as 电话： is dropped. Odd formats are
// kept as written, with a warning.
func ParsePhones(s string) (phones []string, warnings []string) {
	text := dashesToHyphen(norm.NFKC.String(s))
	pieces := strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune("、,;/|\n\r或", r)
	})
	area := ""
	add := func(raw string) {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return
		}
		p, kind, dropped := classifyPhone(raw)
		if dropped != "" {
			warnings = append(warnings, fmt.Sprintf("电话“%s”旁的文字“%s”未保存 / text %q beside phone %q dropped", raw, dropped, dropped, raw))
		}
		switch kind {
		case phoneLocal:
			if area != "" {
				p = area + "-" + p
			} else {
				warnings = append(warnings, fmt.Sprintf("电话“%s”缺少区号 / phone %q has no area code", raw, raw))
			}
		case phoneOdd:
			warnings = append(warnings, fmt.Sprintf("电话格式异常“%s” / odd phone format %q", raw, raw))
		case phoneLandline:
			area = p[:strings.IndexByte(p, '-')]
		}
		for _, have := range phones {
			if have == p {
				return
			}
		}
		phones = append(phones, p)
	}
	for _, piece := range pieces {
		if !strings.ContainsFunc(piece, unicode.IsSpace) {
			add(piece) // one word: the usual piece
			continue
		}
		// Spaces either separate numbers or sit inside one: join words until they make a whole number.
		acc := ""
		for _, w := range strings.Fields(piece) {
			if acc != "" {
				if _, kind, _ := classifyPhone(acc); kind != phoneOdd && startsNumber(w) {
					add(acc)
					acc = ""
				}
			}
			if acc == "" {
				acc = w
			} else {
				acc += " " + w
			}
		}
		add(acc)
	}
	return phones, warnings
}

// dashesToHyphen writes every dash a list may hold between area code and number (em dash —, en dash –,
// horizontal bar ―, hyphen ‐, minus −, the full-width － that NFKC already folds; repeated, or with spaces
// around) as the one ASCII hyphen of DESIGN.md's form 0755-83001234.
func dashesToHyphen(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '-' || r == '\u2212' || unicode.Is(unicode.Pd, r) }) {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '-' && r != '\u2212' && !unicode.Is(unicode.Pd, r) {
			b.WriteRune(r)
			continue
		}
		// One hyphen for a run of dashes and the spaces around them.
		out := strings.TrimRight(b.String(), " ")
		b.Reset()
		b.WriteString(out)
		b.WriteByte('-')
		for i+1 < len(rs) && (rs[i+1] == ' ' || rs[i+1] == '-' || rs[i+1] == '\u2212' || unicode.Is(unicode.Pd, rs[i+1])) {
			i++
		}
	}
	return b.String()
}

type phoneKind int

const (
	phoneOdd phoneKind = iota
	phoneMobile
	phoneLandline // with area code
	phoneLocal    // 7-8 digits without area code
	phoneService  // 12348, 95518, 400-…
)

// phoneLabels are dropped silently from the front of a number. Other text around a number is dropped with
// a warning: it may say that the number is a fax (传真) or a person's own line.
var phoneLabels = map[string]bool{"联系电话": true, "咨询电话": true, "办公电话": true, "服务电话": true,
	"值班电话": true, "热线电话": true, "电话": true, "热线": true, "座机": true, "固话": true, "tel": true,
	"phone": true, "telephone": true, "咨询": true, "办公室": true}

// classifyPhone normalises one number. dropped is text around it that is not part of it.
func classifyPhone(raw string) (p string, kind phoneKind, dropped string) {
	s := strings.ToLower(strings.TrimSpace(raw))
	first := strings.IndexFunc(s, func(r rune) bool { return unicode.IsDigit(r) || r == '+' || r == '(' })
	last := strings.LastIndexFunc(s, unicode.IsDigit)
	if first < 0 || last < 0 {
		return raw, phoneOdd, ""
	}
	if label := strings.Trim(s[:first], " :"); !phoneLabels[label] {
		dropped = label
	}
	if tail := strings.TrimSpace(s[last+1:]); tail != "" && tail != ")" {
		dropped = strings.TrimSpace(dropped + " " + tail)
	}
	s = s[first : last+1]
	main, ext := s, ""
	for _, mark := range []string{"转", "分机", "ext.", "ext", "x"} {
		if i := strings.Index(s, mark); i > 0 {
			main, ext = s[:i], strings.Trim(s[i+len(mark):], " :.-")
			break
		}
	}
	if (ext != "" && !allDigits(ext)) || len(ext) > 6 {
		return raw, phoneOdd, ""
	}
	d := strings.Map(func(r rune) rune {
		if strings.ContainsRune(" -().", r) {
			return -1
		}
		return r
	}, main)
	d = strings.TrimPrefix(d, "+86")
	d = strings.TrimPrefix(d, "0086")
	if len(d) == 13 && strings.HasPrefix(d, "861") {
		d = d[2:]
	}
	if !allDigits(d) || d == "" {
		return raw, phoneOdd, ""
	}
	withExt := func(p string) string {
		if ext != "" {
			return p + "转" + ext
		}
		return p
	}
	switch n := len(d); {
	case n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9':
		return withExt(d), phoneMobile, dropped
	case n == 10 && (strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800")):
		return withExt(d[:3] + "-" + d[3:6] + "-" + d[6:]), phoneService, dropped
	case d[0] == '0' && n >= 3:
		areaLen := 4
		if d[1] == '1' || d[1] == '2' { // 010 Beijing, 02x the big cities
			areaLen = 3
		}
		if sub := d[min(areaLen, n):]; len(sub) >= 7 && len(sub) <= 8 && sub[0] != '0' {
			return withExt(d[:areaLen] + "-" + sub), phoneLandline, dropped
		}
	case n == 5 && (d[0] == '1' || d[0] == '9'):
		return d, phoneService, dropped
	case (n == 7 || n == 8) && d[0] != '0' && d[0] != '1':
		return withExt(d), phoneLocal, dropped
	}
	return raw, phoneOdd, ""
}

func startsNumber(w string) bool {
	r := []rune(w)[0]
	return r == '+' || r == '(' || r == '（' || unicode.IsDigit(r)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
