package reader

import (
	"fmt"
	"io"
	"os"
)

// csvTable reads delimited text: CSV, TSV or semicolon-separated.
type csvTable struct {
	f       *os.File
	cleanup func()
	p       *csvParser
	header  []string
	pending *csvRecord // read ahead while looking for the header
	done    bool
}

// nextRecord returns the next record that is not all empty cells.
func (t *csvTable) nextRecord() (csvRecord, error) {
	if r := t.pending; r != nil {
		t.pending = nil
		return *r, nil
	}
	for {
		rec, err := t.p.read()
		if err != nil || rec.prob != "" || !blank(rec.fields) {
			return rec, err
		}
	}
}

func openCSV(f *os.File, opt Options, cleanup func()) (Table, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, fileErrorf("无法读取文件 / cannot read file: %v", err)
	}
	d, err := detectEncoding(f, st.Size(), opt.Encoding)
	if err != nil {
		return nil, err
	}
	limit := max(16<<20, 4*opt.MaxCellBytes)
	src := newLineSource(decodedStream(f, st.Size(), d), d, limit)
	delim, err := sniffDelimiter(src.peek(5))
	if err != nil {
		return nil, err
	}
	t := &csvTable{f: f, cleanup: cleanup, p: &csvParser{src: src, delim: delim, maxCell: opt.MaxCellBytes, maxRecord: limit}}

	rec, err := t.nextRecord()
	if err != nil {
		return nil, fileErrorf("文件没有表头行 / file has no header row")
	}
	if nonEmpty(rec.fields) == 1 && rec.prob == "" {
		next, err := t.nextRecord()
		if err == nil && next.prob == "" && isTitle(rec.fields, next.fields) {
			rec = next
		} else if err == nil {
			t.pending = &next
		}
	}
	if rec.prob != "" {
		return nil, fileErrorf("表头（第 %d 行）无法读取：%s / header row (line %d) unreadable", rec.line, rec.prob, rec.line)
	}
	t.header = trimHeader(rec.fields)
	if err := checkHeaderWidth(t.header); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *csvTable) Format() string   { return "csv" }
func (t *csvTable) Header() []string { return t.header }
func (t *csvTable) CRS() string      { return "" }

func (t *csvTable) Next() (Row, error) {
	if t.done {
		return Row{}, io.EOF
	}
	rec, err := t.nextRecord() // skips ",,,," rows: Excel's formatted but empty lines
	if err != nil {
		t.done = true
		if rerr := t.p.src.err; rerr != nil {
			return Row{}, fileErrorf("读取文件时出错 / error reading the file: %v", rerr)
		}
		return Row{}, io.EOF
	}
	if rec.eof {
		t.done = true
	}
	if rec.prob != "" {
		return Row{}, &RowError{Line: rec.line, Column: t.column(rec.probCol), Reason: rec.prob}
	}
	n := len(t.header)
	if rec.nfields < n {
		return Row{}, &RowError{Line: rec.line, Reason: fmt.Sprintf("字段数 %d 少于表头的 %d 列 / %d fields but the header has %d columns", rec.nfields, n, rec.nfields, n)}
	}
	cells, why := fitCells(rec.fields, n)
	if why != "" {
		return Row{}, &RowError{Line: rec.line, Reason: why}
	}
	return Row{Line: rec.line, Cells: cells}, nil
}

func (t *csvTable) column(i int) string {
	if i >= 0 && i < len(t.header) {
		return t.header[i]
	}
	return ""
}

func (t *csvTable) Close() error {
	if t.f == nil {
		return nil
	}
	err := t.f.Close()
	t.f = nil
	if t.cleanup != nil {
		t.cleanup()
	}
	return err
}
