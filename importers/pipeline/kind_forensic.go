package pipeline

import (
	"fmt"
	"time"

	"legalmap/internal/directory"
	"legalmap/internal/store"
)

// forensic adds what is particular to forensic institutions: their appraisal categories (法医临床, 文书 …)
// and the period of their licence. An expired licence keeps the record, but not as active, and says so.
func (e *rowEnv) forensic(rec *store.StagedProvider, get func(string) string, w *[]Issue) {
	rec.Categories = directory.SplitList(get("categories"))
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
}

func day(t *time.Time) string { return t.Format(time.DateOnly) }
