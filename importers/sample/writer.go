package sample

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Formats the generator writes, as the bureau's tools produce them.
const (
	CSVUTF8    = "csv-utf8"    // Excel's "CSV UTF-8": UTF-8 with a byte order mark
	CSVGB18030 = "csv-gb18030" // Excel on Chinese Windows: GB18030, no mark
	XLSX       = "xlsx"
)

// sheetName says on every workbook's tab that the data is invented.
const sheetName = "合成样例数据 synthetic"

// tableWriter streams rows to one file: memory stays small at any scale.
type tableWriter interface {
	Row(cells []any) error
	Close() error
}

func createTable(path, format string, header []string) (tableWriter, error) {
	var t tableWriter
	var err error
	switch format {
	case XLSX:
		t, err = newXLSXWriter(path)
	case CSVUTF8, CSVGB18030:
		t, err = newCSVWriter(path, format == CSVGB18030)
	default:
		return nil, fmt.Errorf("sample: unknown format %q", format)
	}
	if err != nil {
		return nil, err
	}
	cells := make([]any, len(header))
	for i, h := range header {
		cells[i] = h
	}
	if err := t.Row(cells); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

type csvWriter struct {
	f   *os.File
	buf *bufio.Writer
	enc io.WriteCloser // GB18030 encoder, nil for UTF-8
	w   *csv.Writer
	rec []string
}

func newCSVWriter(path string, gb bool) (*csvWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	c := &csvWriter{f: f, buf: bufio.NewWriterSize(f, 1<<20)}
	var out io.Writer = c.buf
	if gb {
		c.enc = transform.NewWriter(c.buf, simplifiedchinese.GB18030.NewEncoder())
		out = c.enc
	} else {
		c.buf.WriteString("\uFEFF")
	}
	c.w = csv.NewWriter(out)
	c.w.UseCRLF = true // as Excel writes them
	return c, nil
}

func (c *csvWriter) Row(cells []any) error {
	c.rec = c.rec[:0]
	for _, v := range cells {
		c.rec = append(c.rec, cellText(v))
	}
	return c.w.Write(c.rec)
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	err := c.w.Error()
	if c.enc != nil {
		if e := c.enc.Close(); err == nil {
			err = e
		}
	}
	if e := c.buf.Flush(); err == nil {
		err = e
	}
	if e := c.f.Close(); err == nil {
		err = e
	}
	return err
}

func cellText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

type xlsxWriter struct {
	path string
	f    *excelize.File
	sw   *excelize.StreamWriter
	row  int
}

func newXLSXWriter(path string) (*xlsxWriter, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return nil, err
	}
	return &xlsxWriter{path: path, f: f, sw: sw}, nil
}

func (x *xlsxWriter) Row(cells []any) error {
	x.row++
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return err
	}
	return x.sw.SetRow(cell, cells)
}

func (x *xlsxWriter) Close() error {
	err := x.sw.Flush()
	if err == nil {
		err = x.f.SaveAs(x.path)
	}
	if e := x.f.Close(); err == nil {
		err = e
	}
	return err
}
