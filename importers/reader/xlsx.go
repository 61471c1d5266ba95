package reader

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// xlsxTable streams one sheet of a workbook through excelize's row
// iterator, after inspectZip has vetted the archive.
type xlsxTable struct {
	f       *os.File
	cleanup func()
	book    *excelize.File
	rows    *excelize.Rows
	header  []string
	rowNo   int // sheet row number of the last row read
	pending *pendingRow
	maxCell int
	done    bool
}

func openXLSX(f *os.File, path string, size int64, opt Options, cleanup func()) (Table, error) {
	if err := inspectZip(f, size); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return nil, fileErrorf("不是有效的 XLSX（zip 损坏）/ not a valid XLSX (broken zip): %v", err)
	}
	trim, err := trimXLSX(zr, opt.Sheet)
	if err != nil {
		return nil, err
	}
	book, err := excelize.OpenFile(trim.path, excelize.Options{
		UnzipSizeLimit:    maxZipDeclared,
		UnzipXMLSizeLimit: excelXMLInMemory,
	})
	if err != nil {
		os.Remove(trim.path)
		return nil, fileErrorf("无法读取 XLSX 工作簿 / cannot read XLSX workbook: %v", err)
	}
	done := func() {
		os.Remove(trim.path)
		if cleanup != nil {
			cleanup()
		}
	}
	t := &xlsxTable{f: f, cleanup: done, book: book, maxCell: opt.MaxCellBytes}
	if err := t.start(zr, trim); err != nil {
		book.Close()
		os.Remove(trim.path)
		return nil, err
	}
	return t, nil
}

// start checks the chosen sheet and reads its header: the first non-empty row, or the row after a title
// row.
func (t *xlsxTable) start(zr *zip.Reader, trim trimmedXLSX) error {
	sheet := trim.sheet
	if err := checkSheetXML(zr, sheet, trim.part); err != nil {
		return err
	}
	var err error
	t.rows, err = t.book.Rows(sheet)
	if err != nil {
		return fileErrorf("无法读取工作表 %q / cannot read sheet %q: %v", sheet, sheet, err)
	}
	line, cells, err := t.nextNonBlank()
	if err != nil {
		return fileErrorf("表头（第 %d 行）无法读取 / header row %d unreadable: %v", line, line, err)
	}
	if cells == nil {
		return fileErrorf("工作表 %q 是空的，没有表头行 / sheet %q is empty: no header row", sheet, sheet)
	}
	if nonEmpty(cells) == 1 {
		nline, next, err := t.nextNonBlank()
		if err == nil && isTitle(cells, next) {
			line, cells = nline, next
		} else if next != nil || err != nil {
			t.pending = &pendingRow{line: nline, cells: next, err: err}
		}
	}
	for _, c := range cells {
		if why := cellProblem(c, t.maxCell); why != "" {
			return fileErrorf("表头（第 %d 行）无法读取：%s / header row %d unreadable", line, why, line)
		}
	}
	t.header = trimHeader(cells)
	return checkHeaderWidth(t.header)
}

// pendingRow is a row read ahead while looking for the header.
type pendingRow struct {
	line  int
	cells []string
	err   error
}

// nextNonBlank returns the next row with any content and its sheet row
// number; cells is nil at the end of the sheet.
func (t *xlsxTable) nextNonBlank() (int, []string, error) {
	for t.rows.Next() {
		t.rowNo++
		cells, err := t.rows.Columns()
		if err != nil {
			return t.rowNo, []string{}, err
		}
		if !blank(cells) {
			return t.rowNo, cells, nil
		}
	}
	if err := t.rows.Error(); err != nil {
		return t.rowNo, nil, fileErrorf("工作表在第 %d 行后无法读取 / sheet unreadable after row %d: %v", t.rowNo, t.rowNo, err)
	}
	return t.rowNo, nil, nil
}

func (t *xlsxTable) Format() string   { return "xlsx" }
func (t *xlsxTable) Header() []string { return t.header }
func (t *xlsxTable) CRS() string      { return "" }

func (t *xlsxTable) Next() (Row, error) {
	if t.done {
		return Row{}, io.EOF
	}
	var line int
	var cells []string
	var err error
	if p := t.pending; p != nil {
		t.pending = nil
		line, cells, err = p.line, p.cells, p.err
	} else {
		line, cells, err = t.nextNonBlank()
	}
	var fe *FileError
	switch {
	case errors.As(err, &fe):
		t.done = true
		return Row{}, err
	case err != nil:
		return Row{}, &RowError{Line: line, Reason: fmt.Sprintf("无法读取该行 / cannot read row: %v", err)}
	case cells == nil:
		t.done = true
		return Row{}, io.EOF
	}
	for i, c := range cells {
		if why := cellProblem(c, t.maxCell); why != "" {
			return Row{}, &RowError{Line: line, Column: t.column(i), Reason: why}
		}
	}
	cells, why := fitCells(cells, len(t.header))
	if why != "" {
		return Row{}, &RowError{Line: line, Reason: why}
	}
	return Row{Line: line, Cells: cells}, nil
}

func (t *xlsxTable) column(i int) string {
	if i < len(t.header) {
		return t.header[i]
	}
	return ""
}

func (t *xlsxTable) Close() error {
	if t.book == nil {
		return nil
	}
	if t.rows != nil {
		t.rows.Close()
	}
	err := t.book.Close() // removes excelize's temporary files
	t.book = nil
	if ferr := t.f.Close(); err == nil {
		err = ferr
	}
	if t.cleanup != nil {
		t.cleanup()
	}
	return err
}
