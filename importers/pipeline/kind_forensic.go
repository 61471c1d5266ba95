package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"legalmap/internal/directory"
	"legalmap/internal/store/importdb"
)

// forensic adds what is particular to forensic institutions: their appraisal categories (法医临床, 文书 …)
// and the period of their licence. An expired licence keeps the record, but not as active, and says so.
func (e *rowEnv) forensic(rec *importdb.StagedProvider, get func(string) string, w *[]Issue) {
	rec.Categories = e.categories(get("categories"), w)
	rec.ValidFrom = parseDate(get("valid_from"), "valid_from", w)
	rec.ValidTo = parseDate(get("valid_to"), "valid_to", w)
	if rec.ValidFrom != nil && rec.ValidTo != nil && rec.ValidFrom.After(*rec.ValidTo) {
		*w = append(*w, Issue{Field: "valid_from", Reason: fmt.Sprintf("有效期起 %s 晚于有效期至 %s，未保存起始日 / licence starts %s after it ends %s: start not kept",
			day(rec.ValidFrom), day(rec.ValidTo), day(rec.ValidFrom), day(rec.ValidTo))})
		rec.ValidFrom = nil
	}
	if rec.ValidTo != nil && day(rec.ValidTo) < e.today && rec.Status == directory.StatusActive {
		rec.Status = directory.StatusTemporarilyClosed
		*w = append(*w, Issue{Field: "valid_to", Reason: fmt.Sprintf("执业许可证已于 %s 到期，导入为暂停 / licence expired on %s: imported as not active (temporarily_closed)",
			day(rec.ValidTo), day(rec.ValidTo))})
	}
	if rec.ValidFrom != nil && day(rec.ValidFrom) > e.today && rec.Status == directory.StatusActive {
		rec.Status = directory.StatusTemporarilyClosed
		*w = append(*w, Issue{Field: "valid_from", Reason: fmt.Sprintf("执业许可证自 %s 起才有效，导入为暂停 / licence valid only from %s: imported as not active (temporarily_closed)",
			day(rec.ValidFrom), day(rec.ValidFrom))})
	}
}

func day(t *time.Time) string { return t.Format(time.DateOnly) }

// categories reads the appraisal categories (法医临床、法医物证 …) as the categories table names them: a
// category written with its 类 or 鉴定 suffix ("法医物证类", "文书鉴定") is the category; one the table
// does not know is kept as written, with a warning.
func (e *rowEnv) categories(s string, w *[]Issue) []string {
	var out, unknown []string
	for _, c := range directory.SplitList(s) {
		name := ""
		for _, fc := range e.v.forensic {
			for _, form := range []string{fc.NameZh, fc.NameZh + "类", fc.NameZh + "鉴定", fc.NameZh + "类鉴定", fc.NameEn} {
				if c == form {
					name = fc.NameZh
				}
			}
		}
		if name == "" {
			name = c
			unknown = append(unknown, c)
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	if len(unknown) > 0 {
		*w = append(*w, Issue{Field: "categories", Reason: fmt.Sprintf("未知的鉴定类别「%s」，按原文保存 / appraisal categories %q not known: kept as written",
			strings.Join(unknown, "、"), unknown)})
	}
	return out
}
