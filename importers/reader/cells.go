package reader

import (
	"fmt"
	"strings"
	"unicode"
)

// Reasons shared by every format, so a pipeline report reads the same
// whatever the file was.
const (
	reasonUndecodable = "无法解码的字节（含被替换的字符 U+FFFD）/ undecodable bytes (replacement character U+FFFD)"
	reasonNUL         = "含 NUL 空字节 / contains a NUL byte"
)

func reasonCellTooLarge(max int) string {
	return fmt.Sprintf("单元格超过 %d 字节 / cell too large (over %d bytes)", max, max)
}

// cellProblem says what is wrong with one cell's text, or "".
func cellProblem(s string, maxCell int) string {
	switch {
	case len(s) > maxCell:
		return reasonCellTooLarge(maxCell)
	case strings.IndexByte(s, 0) >= 0:
		return reasonNUL
	case strings.ContainsRune(s, '\uFFFD'):
		return reasonUndecodable
	}
	return ""
}

// cleanHeader trims a header cell: spaces, byte order marks left by a
// double-BOM export, and zero-width characters copied from web pages.
func cleanHeader(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u3000'
	})
}

// trimHeader cleans all header cells and drops empty trailing ones (Excel
// exports formatted-but-empty columns).
func trimHeader(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = cleanHeader(c)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// isTitle tells a title row ("深圳市法律援助机构名录" alone in a merged
// first row, as government sheets often have) from a header: it has one
// non-empty cell and the row after it has more.
func isTitle(first, next []string) bool {
	return nonEmpty(first) == 1 && nonEmpty(next) >= 2
}

func nonEmpty(cells []string) int {
	n := 0
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			n++
		}
	}
	return n
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// fitCells aligns a data row with a header of width n: missing trailing
// cells are empty; extra cells are accepted only when empty. It returns a
// RowError reason when the row has data beyond the header.
func fitCells(cells []string, n int) ([]string, string) {
	if len(cells) > n {
		if !blank(cells[n:]) {
			return nil, fmt.Sprintf("字段数 %d 多于表头的 %d 列 / %d fields but the header has %d columns", len(cells), n, len(cells), n)
		}
		cells = cells[:n]
	}
	for len(cells) < n {
		cells = append(cells, "")
	}
	return cells, ""
}

func checkHeaderWidth(h []string) error {
	if len(h) == 0 {
		return fileErrorf("没有表头行 / no header row")
	}
	if len(h) > maxColumns {
		return fileErrorf("表头有 %d 列，超过上限 %d / header has %d columns, more than %d", len(h), maxColumns, len(h), maxColumns)
	}
	return nil
}
