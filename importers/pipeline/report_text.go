package pipeline

import (
	"fmt"
	"io"
	"strings"
)

var statusText = map[string]string{
	"applied": "已导入 / applied",
	"dry_run": "试运行，未写入 / dry run, nothing written",
	"refused": "已拒绝，数据库未改动 / refused, database unchanged",
	"failed":  "失败，数据库未改动 / failed, database unchanged",
}

// WriteText writes the report for people: the outcome and counts first, then each rejected row and each
// warning with its line, field and reason.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "导入 / import  %s  ←  %s", r.Kind, r.File)
	if r.Format != "" {
		fmt.Fprintf(&b, " (%s, %s)", r.Format, r.CRS)
	}
	fmt.Fprintf(&b, "\n来源 / source %s · 模式 / mode %s", r.Source, r.Mode)
	if r.RunID != 0 {
		fmt.Fprintf(&b, " · 批次 / run #%d", r.RunID)
	}
	fmt.Fprintf(&b, "\n结果 / outcome: %s\n", statusText[r.Status])
	if r.Refusal != "" {
		fmt.Fprintf(&b, "原因 / reason: %s\n", r.Refusal)
	}
	fmt.Fprintf(&b, "\n读取 / rows read   %8d\n", r.Rows)
	for _, c := range []struct {
		label string
		n     int
	}{
		{"新增 / created   ", r.Created}, {"更新 / updated   ", r.Updated}, {"未变 / unchanged ", r.Unchanged},
		{"撤下 / withdrawn ", r.Withdrawn}, {"拒绝 / rejected  ", r.Rejected}, {"警告 / warnings  ", r.Warnings},
	} {
		fmt.Fprintf(&b, "%s  %8d\n", c.label, c.n)
	}
	if a := r.Advisers; a != nil {
		fmt.Fprintf(&b, "顾问 / advisers: 新建人员 created %d · 派驻 assignments +%d ~%d -%d\n",
			a.PractitionersCreated, a.AssignmentsCreated, a.AssignmentsUpdated, a.AssignmentsEnded)
	}
	if r.AreasAdded > 0 {
		fmt.Fprintf(&b, "新社区 / communities added: %d\n", r.AreasAdded)
	}
	if r.RowsPerSecond > 0 {
		fmt.Fprintf(&b, "用时 / time: %.2f s (%.0f 行/秒 rows/s)\n", float64(r.ElapsedMillis)/1000, r.RowsPerSecond)
	}
	if len(r.Dropped) > 0 {
		b.WriteString("\n已删除的个人信息列 / personal columns dropped (never stored):\n")
		for _, d := range r.Dropped {
			fmt.Fprintf(&b, "  「%s」 %s\n", d.Field, d.Reason)
		}
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(&b, "\n未识别的列已忽略 / unknown columns ignored: %s\n", strings.Join(r.Ignored, "、"))
	}
	writeIssues(&b, "被拒绝的行 / rejected rows", r.RejectedRows, r.Rejected)
	writeIssues(&b, "警告 / warnings", r.WarningList, r.Warnings)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeIssues(b *strings.Builder, title string, list []Issue, total int) {
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s:\n", title)
	for _, is := range list {
		fmt.Fprintf(b, "  第 %d 行 / line %d", is.Line, is.Line)
		if is.Field != "" {
			fmt.Fprintf(b, " [%s]", is.Field)
		}
		if is.SourceID != "" {
			fmt.Fprintf(b, " (%s)", is.SourceID)
		}
		fmt.Fprintf(b, ": %s\n", is.Reason)
	}
	if total > len(list) {
		fmt.Fprintf(b, "  … 另有 %d 条未列出 / %d more not listed\n", total-len(list), total-len(list))
	}
}

// Summary is the one line a non-terminal gets on stderr.
func (r *Report) Summary() string {
	return fmt.Sprintf("%s %s: %s; rows %d, created %d, updated %d, unchanged %d, withdrawn %d, rejected %d, warnings %d",
		r.Kind, r.File, r.Status, r.Rows, r.Created, r.Updated, r.Unchanged, r.Withdrawn, r.Rejected, r.Warnings)
}
