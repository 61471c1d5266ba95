package directory

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Parsers of single field values, shared by the importers and the admin form so that one text gives one
// value everywhere. Each says whether it understood the text; the caller decides whether that is a warning.

// fold is the text a value parser compares: full-width forms folded (NFKC), lower case, trimmed.
func fold(s string) string {
	return strings.ToLower(strings.TrimSpace(norm.NFKC.String(s)))
}

// SplitList splits a cell holding several values on 、,，;；/|, and newlines (and their full-width forms),
// trims each, and drops empty ones. The values themselves are kept as written.
func SplitList(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '、', ',', '，', ';', '；', '/', '／', '|', '｜', '\n', '\r':
			return true
		}
		return false
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimFunc(p, unicode.IsSpace); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// ParseStatus reads a status as the bureaus' lists write it: 正常/执业/在业/存续 -> active;
// 暂停/停业/休业 -> temporarily_closed; 注销/撤销/吊销/终止 -> closed; and the codes themselves. An empty
// cell is not understood (ok = false): the caller picks its default.
func ParseStatus(s string) (string, bool) {
	f := fold(s)
	switch f {
	case StatusActive, "open", "normal":
		return StatusActive, true
	case StatusTemporarilyClosed, "suspended", "temporarily closed":
		return StatusTemporarilyClosed, true
	case StatusClosed, "withdrawn", "revoked", "cancelled", "canceled":
		return StatusClosed, true
	case "":
		return "", false
	}
	// The strongest word wins: 暂停执业 is suspended although it contains 执业, 已注销 is closed.
	for _, rule := range []struct {
		status string
		words  []string
	}{
		{StatusClosed, []string{"注销", "撤销", "吊销", "终止", "关闭", "歇业", "取消"}},
		{StatusTemporarilyClosed, []string{"暂停", "停业", "休业", "中止", "暂停执业"}},
		{StatusActive, []string{"正常", "执业", "在业", "存续", "开业", "在册", "有效", "营业"}},
	} {
		for _, w := range rule.words {
			if strings.Contains(f, w) {
				return rule.status, true
			}
		}
	}
	return "", false
}

// ParseBool reads yes/no cells: 是/否, 免费/收费 (the 是否免费 column), Y/N, true/false, 1/0, 有/无.
// An empty cell is "not known" (nil, true); anything else not understood is (nil, false).
func ParseBool(s string) (*bool, bool) {
	yes, no := true, false
	switch fold(s) {
	case "":
		return nil, true
	case "是", "免费", "y", "yes", "true", "t", "1", "有", "对", "√", "✓", "free":
		return &yes, true
	case "否", "收费", "不免费", "n", "no", "false", "f", "0", "无", "不", "×", "✗", "paid":
		return &no, true
	}
	return nil, false
}

// ParseDate reads a date as spreadsheets and bureaus write it: 2026-01-02, 2026/1/2, 2026.1.2,
// 2026年1月2日, 20260102, a date with a time after it, or an Excel serial day number (46024 is
// 2026-01-02; five digits, so 1927 to 2173, which keeps a bare year such as 2026 from being read as one).
// The answer is an ISO date "2026-01-02"; ok is false for anything else, impossible dates included.
func ParseDate(s string) (string, bool) {
	f := fold(s)
	if i := strings.IndexAny(f, " t"); i > 0 { // "2026-01-02 00:00:00", "2026-01-02T00:00:00Z"
		f = f[:i]
	}
	if f == "" {
		return "", false
	}
	if serial, err := strconv.ParseFloat(f, 64); err == nil && !strings.ContainsAny(f, "-/年") {
		whole := strings.SplitN(f, ".", 2)[0]
		if strings.Trim(whole, "0123456789") != "" { // "001e7" reads as a number, but is no date
			return "", false
		}
		if len(whole) == 8 { // 20260102
			return ymd(whole[:4], whole[4:6], whole[6:])
		}
		if len(whole) == 5 && serial >= 10000 {
			// Excel's day 0 is 1899-12-30 (its day 60 is the 1900-02-29 that never was).
			return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(serial)).Format(time.DateOnly), true
		}
		return "", false
	}
	f = strings.TrimSuffix(strings.TrimSuffix(f, "日"), "号")
	parts := strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '/' || r == '.' || r == '年' || r == '月' })
	if len(parts) != 3 || len(parts[0]) != 4 {
		return "", false
	}
	return ymd(parts[0], parts[1], parts[2])
}

func ymd(y, m, d string) (string, bool) {
	yy, e1 := strconv.Atoi(y)
	mm, e2 := strconv.Atoi(m)
	dd, e3 := strconv.Atoi(d)
	if e1 != nil || e2 != nil || e3 != nil || len(m) > 2 || len(d) > 2 || yy < 1900 || yy > 2200 {
		return "", false
	}
	t := time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC)
	if t.Year() != yy || int(t.Month()) != mm || t.Day() != dd { // 2026-02-30 rolls over: refuse it
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd), true
}
