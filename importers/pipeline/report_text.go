package pipeline

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"legalmap/importers/columns"
)

var statusText = map[string]string{
	"applied": "已导入 / applied",
	"dry_run": "预览，未写入 / preview, nothing written",
	"refused": "已拒绝，数据库未改动 / refused, database unchanged",
	"failed":  "失败，数据库未改动 / failed, database unchanged",
}

var modeText = map[string]string{
	ModeUpsert:   "新增和更新 / add and update",
	ModeSnapshot: "完整名单，撤下文件未列出的记录 / full list, withdrawing records the file no longer lists",
}

var crsText = map[string]string{
	"wgs84": "WGS84（GPS）",
	"gcj02": "GCJ-02（高德、腾讯 / Amap, Tencent）",
	"bd09":  "BD-09（百度 / Baidu）",
	"":      "未说明 / not stated", // no coordinates in the file, or refused for want of --crs
}

var formatText = map[string]string{"csv": "CSV", "xlsx": "Excel (XLSX)", "geojson": "GeoJSON"}

// KindNames are a kind's names in both languages, for the text report (the JSON report keeps the code).
type KindNames struct{ Zh, En string }

// wordsOr returns the words for a code, or the code itself when there are none.
func wordsOr(words map[string]string, code string) string {
	if w, ok := words[code]; ok {
		return w
	}
	return code
}

// kindText names the kind imported in both languages, or gives its code when its names are unknown.
func (r *Report) kindText() string {
	if r.kindNames.Zh == "" {
		return r.Kind
	}
	if r.kindNames.En == "" || r.kindNames.En == r.kindNames.Zh {
		return r.kindNames.Zh
	}
	return r.kindNames.Zh + " / " + r.kindNames.En
}

// WriteText writes the report for people, in words (the codes stay in the JSON report): the outcome and
// counts first, then each rejected row and each warning with its line, field and reason.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "导入 / import: %s  ←  %s", r.kindText(), r.File)
	if r.Format != "" {
		fmt.Fprintf(&b, "（%s，坐标系 / coordinates %s）", wordsOr(formatText, r.Format), wordsOr(crsText, r.CRS))
	}
	fmt.Fprintf(&b, "\n来源 / source: %s · 方式 / mode: %s", r.Source, wordsOr(modeText, r.Mode))
	if r.RunID != 0 {
		fmt.Fprintf(&b, " · 批次 / run #%d", r.RunID)
	}
	fmt.Fprintf(&b, "\n结果 / outcome: %s\n", wordsOr(statusText, r.Status))
	if r.Refusal != "" {
		fmt.Fprintf(&b, "原因 / reason: %s\n", r.Refusal)
	}
	if r.IDsFrom == idsFromNameOrganisation {
		b.WriteString("编号 / ids: 由姓名和所属机构生成 / derived from name and organisation\n")
	} else if r.IDsDerived {
		b.WriteString("编号 / ids: 由名称和地址生成 / derived from name and address\n")
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
		fmt.Fprintf(&b, "顾问 / advisers: 新建人员 %d 人 / %d people created · 派驻 新增 %d、更新 %d、结束 %d / assignments %d added, %d updated, %d ended\n",
			a.PractitionersCreated, a.PractitionersCreated, a.AssignmentsCreated, a.AssignmentsUpdated, a.AssignmentsEnded,
			a.AssignmentsCreated, a.AssignmentsUpdated, a.AssignmentsEnded)
	}
	if p := r.Positions; p != nil {
		fmt.Fprintf(&b, "位置 / positions: 精确 exact %d · 近似 approximate %d · 未定位 unplaced %d\n",
			p[PlacedExact], p[PlacedApproximate], p[PlacedUnplaced])
	}
	if r.AreasAdded > 0 {
		fmt.Fprintf(&b, "新社区 / communities added: %d\n", r.AreasAdded)
	}
	if r.RowsPerSecond > 0 {
		rate := int64(math.Round(r.RowsPerSecond))
		fmt.Fprintf(&b, "用时 / time: %s 秒，约每秒 %d 行 / %s s, about %d rows a second\n",
			seconds(r.ElapsedMillis), rate, seconds(r.ElapsedMillis), rate)
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
	r.writeIssues(&b, "被拒绝的行 / rejected rows", r.RejectedRows, r.Rejected)
	r.writeIssues(&b, "警告 / warnings", r.WarningList, r.Warnings)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) writeIssues(b *strings.Builder, title string, list []Issue, total int) {
	if len(list) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s:\n", title)
	for _, is := range list {
		fmt.Fprintf(b, "  第 %d 行 / line %d", is.Line, is.Line)
		if is.Field != "" {
			fmt.Fprintf(b, " [%s]", fieldText(r.columnsKind(), is.Field))
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

// columnsKind is the kind whose columns the file was read with: every list of people has the lawyers'.
func (r *Report) columnsKind() string {
	if r.people {
		return columns.Person
	}
	return r.Kind
}

// fieldText names a field as lists head it, with the canonical column name after it ("经度 lng").
func fieldText(kind, field string) string {
	if h := columns.Header(kind, field); h != "" && h != field {
		return h + " " + field
	}
	if field == "geometry" {
		return "几何 / geometry"
	}
	return field
}

// seconds writes milliseconds as seconds with at most one decimal ("0.4", "12", "3.5"; "<0.1").
func seconds(ms int64) string {
	if ms < 100 {
		return "<0.1"
	}
	return strconv.FormatFloat(math.Round(float64(ms)/100)/10, 'f', -1, 64)
}

// Summary is the one line a non-terminal gets on stderr.
func (r *Report) Summary() string {
	return fmt.Sprintf("%s %s: %s; rows %d, created %d, updated %d, unchanged %d, withdrawn %d, rejected %d, warnings %d",
		r.Kind, r.File, r.Status, r.Rows, r.Created, r.Updated, r.Unchanged, r.Withdrawn, r.Rejected, r.Warnings)
}
