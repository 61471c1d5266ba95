package admin

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"legalmap/internal/api/catalog"
	"legalmap/internal/directory"
	"legalmap/internal/store/recorddb"
)

// The admin form's fields and how each is read. Values come as the bureau's files write them (a phone
// cell, an hours text, 是/否) or as JSON (a list, a boolean), and go through the same directory parsers the
// importers use, with the same outcome: what an importer rejects is refused here, named by field; what it
// accepts with a warning is saved with the warning returned.

// recordProblems collects refusals (by field) and warnings of one record.
type recordProblems struct {
	errs  map[string]string
	warns []fieldWarning
}

type fieldWarning struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

func (p *recordProblems) refuse(field, msg string) {
	if p.errs == nil {
		p.errs = map[string]string{}
	}
	if _, ok := p.errs[field]; !ok {
		p.errs[field] = msg
	}
}

func (p *recordProblems) warn(field string, msgs ...string) {
	for _, m := range msgs {
		p.warns = append(p.warns, fieldWarning{Field: field, Message: m})
	}
}

// fieldRule reads one field's JSON value into the record.
type fieldRule func(v value, r *recorddb.Record, p *recordProblems, cat *catalog.Catalog)

// value is one field's JSON value with its name.
type value struct {
	name string
	raw  json.RawMessage
}

// text reads a string, a number (as written) or null (""); a list is joined with 、 as a cell would be.
func (v value) text(p *recordProblems) (string, bool) {
	var s string
	if json.Unmarshal(v.raw, &s) == nil {
		return strings.TrimSpace(s), true
	}
	var list []string
	if json.Unmarshal(v.raw, &list) == nil {
		return strings.Join(list, "、"), true
	}
	var n json.Number
	if json.Unmarshal(v.raw, &n) == nil {
		return n.String(), true
	}
	if string(v.raw) == "null" {
		return "", true
	}
	p.refuse(v.name, "须为文字 / must be text")
	return "", false
}

// limitedText is a free-text field of at most max characters.
func limitedText(max int, set func(*recorddb.Record, string)) fieldRule {
	return func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		s, ok := v.text(p)
		if !ok {
			return
		}
		if n := len([]rune(s)); n > max {
			p.refuse(v.name, fmt.Sprintf("过长（%d 字，最多 %d）/ too long (%d characters, at most %d)", n, max, n, max))
			return
		}
		set(r, s)
	}
}

var recordRules = map[string]fieldRule{
	"name": func(v value, r *recorddb.Record, p *recordProblems, c *catalog.Catalog) {
		limitedText(300, func(r *recorddb.Record, s string) {
			if s == "" {
				p.refuse("name", "名称不能为空 / the name is required")
				return
			}
			r.Name = s
		})(v, r, p, c)
	},
	"name_en":       limitedText(300, func(r *recorddb.Record, s string) { r.NameEn = s }),
	"licence_no":    limitedText(100, func(r *recorddb.Record, s string) { r.LicenceNo = s }),
	"address":       limitedText(500, func(r *recorddb.Record, s string) { r.Address = s }),
	"email":         limitedText(200, func(r *recorddb.Record, s string) { r.Email = s }),
	"fee_note":      limitedText(1000, func(r *recorddb.Record, s string) { r.FeeNote = s }),
	"accessibility": limitedText(1000, func(r *recorddb.Record, s string) { r.Accessibility = s }),
	"description":   limitedText(10000, func(r *recorddb.Record, s string) { r.Description = s }),
	"internal_note": limitedText(10000, func(r *recorddb.Record, s string) { r.InternalNote = s }),
	"credit_code": func(v value, r *recorddb.Record, p *recordProblems, c *catalog.Catalog) {
		limitedText(50, func(r *recorddb.Record, s string) {
			if s != "" && !directory.ValidCreditCode(s) {
				p.warn("credit_code", fmt.Sprintf("统一社会信用代码“%s”校验位不符 / credit code %q fails its check character", s, s))
			}
			r.CreditCode = s
		})(v, r, p, c)
	},
	"website": func(v value, r *recorddb.Record, p *recordProblems, c *catalog.Catalog) {
		limitedText(500, func(r *recorddb.Record, s string) {
			if s != "" && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
				p.warn("website", "网址不是 http(s) 链接，页面上不会显示为链接 / not an http(s) address: pages will not link it")
			}
			r.Website = s
		})(v, r, p, c)
	},
	"area_code": func(v value, r *recorddb.Record, p *recordProblems, c *catalog.Catalog) {
		s, ok := v.text(p)
		if !ok {
			return
		}
		if s != "" && c.AreaByCode[s] == nil {
			p.refuse("area_code", fmt.Sprintf("未知的行政区划代码“%s” / unknown area code %q", s, s))
			return
		}
		r.AreaCode = s
	},
	"phones": func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		if s, ok := v.text(p); ok {
			phones, warns := directory.ParsePhones(s)
			p.warn("phones", warns...)
			r.Phones = phones
		}
	},
	"languages": func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		if s, ok := v.text(p); ok {
			codes, warns := directory.ParseLanguages(s)
			p.warn("languages", warns...)
			r.Languages = codes
		}
	},
	"practice_areas": func(v value, r *recorddb.Record, p *recordProblems, c *catalog.Catalog) {
		if s, ok := v.text(p); ok {
			codes, notes := matchPracticeAreas(c, s)
			if len(notes) > 0 {
				words := strings.Join(notes, "、")
				p.warn("practice_areas", fmt.Sprintf("业务领域「%s」不在词表中，按原文保留 / practice-area words %q match no area: kept as free text", words, words))
			}
			r.PracticeAreas, r.PracticeNotes = codes, notes
		}
	},
	"categories": func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		if s, ok := v.text(p); ok {
			r.Categories = directory.SplitList(s)
		}
	},
	"hours":      readHours,
	"free":       readFree,
	"valid_from": readDate(func(r *recorddb.Record) *string { return &r.ValidFrom }),
	"valid_to":   readDate(func(r *recorddb.Record) *string { return &r.ValidTo }),
	"status": func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		s, ok := v.text(p)
		if !ok {
			return
		}
		st, ok := directory.ParseStatus(s)
		if !ok {
			p.refuse("status", fmt.Sprintf("无法识别的状态“%s”：应为 active、temporarily_closed 或 closed / unknown status %q", s, s))
			return
		}
		r.Status = st
	},
}

func readHours(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
	var h directory.Hours
	if len(v.raw) > 0 && v.raw[0] == '{' {
		if err := json.Unmarshal(v.raw, &h); err != nil {
			p.refuse("hours", "营业时间格式无效 / hours object not understood: "+err.Error())
			return
		}
		if err := h.Validate(); err != nil {
			p.refuse("hours", err.Error())
			return
		}
		r.Hours = h
		return
	}
	s, ok := v.text(p)
	if !ok {
		return
	}
	h, warns := directory.ParseHours(s)
	p.warn("hours", warns...)
	// The text says nothing of dated exceptions: those already on the record stay.
	h.Exceptions = r.Hours.Exceptions
	r.Hours = h
}

func readFree(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
	var b *bool
	if json.Unmarshal(v.raw, &b) == nil {
		r.Free = b
		return
	}
	s, ok := v.text(p)
	if !ok {
		return
	}
	b, ok = directory.ParseBool(s)
	if !ok {
		p.refuse("free", fmt.Sprintf("无法识别“%s”：应为 是/否 / %q is neither yes nor no", s, s))
		return
	}
	r.Free = b
}

func readDate(dst func(*recorddb.Record) *string) fieldRule {
	return func(v value, r *recorddb.Record, p *recordProblems, _ *catalog.Catalog) {
		s, ok := v.text(p)
		if !ok {
			return
		}
		if s == "" {
			*dst(r) = ""
			return
		}
		d, ok := directory.ParseDate(s)
		if !ok {
			p.refuse(v.name, fmt.Sprintf("无法识别的日期“%s” / %q is not a date", s, s))
			return
		}
		*dst(r) = d
	}
}

// matchPracticeAreas reads practice-area words as the importers do: a code, a Chinese or English name or
// an everyday synonym gives the area's code; other words are kept as free text.
func matchPracticeAreas(c *catalog.Catalog, s string) (codes, notes []string) {
	index := map[string]string{}
	for _, a := range c.PracticeAreas {
		for _, w := range append([]string{a.Code, a.NameZh, a.NameEn}, a.Synonyms...) {
			if k := strings.ToLower(strings.TrimSpace(w)); k != "" {
				if _, taken := index[k]; !taken {
					index[k] = a.Code
				}
			}
		}
	}
	seen := map[string]bool{}
	for _, w := range directory.SplitList(s) {
		k := strings.ToLower(w)
		code, ok := index[k]
		for _, end := range []string{"纠纷", "案件", "业务", "类", "法律"} {
			if !ok && strings.HasSuffix(k, end) {
				code, ok = index[strings.TrimSuffix(k, end)]
			}
		}
		switch {
		case ok && !seen[code]:
			seen[code] = true
			codes = append(codes, code)
		case !ok:
			notes = append(notes, w)
		}
	}
	return codes, notes
}

// checkRecord applies the rules that look at the whole record after its fields are read: the licence
// period in order, and an expired forensic licence flagged as the importers flag it.
func checkRecord(r *recorddb.Record, p *recordProblems, now time.Time) {
	if r.ValidFrom != "" && r.ValidTo != "" && r.ValidFrom > r.ValidTo {
		p.refuse("valid_to", "有效期至早于有效期起 / valid_to is before valid_from")
	}
	if r.Kind == directory.KindForensic && r.Status == directory.StatusActive && r.Provider.LicenceExpired(now) {
		p.warn("valid_to", "执业许可已过期，但状态为正常 / the licence has expired but the status is active")
	}
}

// intOf reads a JSON whole number (the version).
func intOf(raw json.RawMessage) (int, bool) {
	var n json.Number
	if json.Unmarshal(raw, &n) != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return 0, false
		}
		n = json.Number(s)
	}
	v, err := strconv.Atoi(n.String())
	return v, err == nil
}
