package reader

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// collect reads everything, returning rows and row errors in order.
func collect(t *testing.T, tab Table) ([]Row, []*RowError) {
	t.Helper()
	var rows []Row
	var errs []*RowError
	for {
		r, err := tab.Next()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			errs = append(errs, re)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	if _, err := tab.Next(); err != io.EOF {
		t.Errorf("Next after the end: %v, want io.EOF", err)
	}
	return rows, errs
}

func openString(t *testing.T, name, content string, opt Options) Table {
	t.Helper()
	tab, err := OpenReader(name, strings.NewReader(content), opt)
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { tab.Close() })
	return tab
}

func TestCSVLineNumbersThroughQuotedNewlines(t *testing.T) {
	_, rows := readRows(t, "testdata/bad/crlf-inside-quotes.csv", Options{})
	if len(rows) != 1 || rows[0].Cells[2] != "第一行\n第二行" {
		t.Errorf("CRLF inside quotes: %+v", rows)
	}
	tab := openString(t, "x.csv", "名称,地址\n\"甲\n\n乙\",\"丙\"\"丁\"\n\n戊,己\n\"庚\",\"\n\"\n", Options{})
	rows, errs := collect(t, tab)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	want := []Row{
		{Line: 2, Cells: []string{"甲\n\n乙", `丙"丁`}},
		{Line: 6, Cells: []string{"戊", "己"}},
		{Line: 7, Cells: []string{"庚", "\n"}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("got %+v\nwant %+v", rows, want)
	}
}

func TestCSVRowErrorsCarryLineColumnAndBothLanguages(t *testing.T) {
	tab := openString(t, "x.csv", "编号,名称,电话\nA1,甲,1\x002\nA2,乙\nA3,\"丙\"x,3\nA4,丁,4\n", Options{})
	rows, errs := collect(t, tab)
	if len(rows) != 1 || rows[0].Line != 5 {
		t.Errorf("rows %+v, want only line 5", rows)
	}
	want := []RowError{{Line: 2, Column: "电话"}, {Line: 3}, {Line: 4, Column: "名称"}}
	if len(errs) != len(want) {
		t.Fatalf("errors %v", errs)
	}
	for i, e := range errs {
		if e.Line != want[i].Line || e.Column != want[i].Column {
			t.Errorf("error %d: line %d column %q, want %d %q", i, e.Line, e.Column, want[i].Line, want[i].Column)
		}
		zh, en, ok := strings.Cut(e.Reason, " / ")
		if !ok || zh == "" || en == "" || zh == en {
			t.Errorf("reason %q is not 中文 / English", e.Reason)
		}
	}
	if msg := errs[0].Error(); !strings.Contains(msg, "第 2 行") || !strings.Contains(msg, "line 2") || !strings.Contains(msg, "电话") {
		t.Errorf("Error() = %q", msg)
	}
}

func TestCSVMaxCellBytesOption(t *testing.T) {
	tab := openString(t, "x.csv", "名称\n"+strings.Repeat("a", 10)+"\n"+strings.Repeat("b", 11)+"\n", Options{MaxCellBytes: 10})
	rows, errs := collect(t, tab)
	if len(rows) != 1 || len(errs) != 1 || errs[0].Line != 3 || !strings.Contains(errs[0].Reason, "too large") {
		t.Errorf("rows %v errors %v", rows, errs)
	}
}

// A physical line over the parser's line limit is reported and skipped in
// fixed memory; the lines after it are read normally.
func TestCSVLineTooLong(t *testing.T) {
	content := "名称,电话\n" + strings.Repeat("x", 5000) + "\n甲,1\n"
	src := newLineSource(strings.NewReader(content), detected{enc: encUTF8}, 1000)
	p := &csvParser{src: src, delim: ',', maxCell: 1000, maxRecord: 1000}
	var got []string
	for {
		rec, err := p.read()
		if err == io.EOF {
			break
		}
		got = append(got, rec.prob)
	}
	if len(got) != 3 || got[0] != "" || !strings.Contains(got[1], "too long") || got[2] != "" {
		t.Errorf("problems %q", got)
	}
}

func TestFileLevelRefusals(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.csv")
	if err := os.WriteFile(big, []byte("名称\n"+strings.Repeat("甲\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		open func() (Table, error)
		want string
	}{
		{"file over MaxFileBytes", func() (Table, error) { return Open(big, Options{MaxFileBytes: 100}) }, "100"},
		{"upload over MaxFileBytes", func() (Table, error) {
			return OpenReader("big.csv", strings.NewReader(strings.Repeat("x", 101)), Options{MaxFileBytes: 100})
		}, "100"},
		{".gz upload", func() (Table, error) { return OpenReader("list.csv.gz", strings.NewReader("名称\n甲\n"), Options{}) }, "压缩"},
		{"missing file", func() (Table, error) { return Open(filepath.Join(dir, "nope.csv"), Options{}) }, "无法打开"},
		{"directory", func() (Table, error) { return Open(dir, Options{}) }, "不是普通文件"},
		{"empty upload", func() (Table, error) { return OpenReader("a.csv", strings.NewReader(""), Options{}) }, "空文件"},
	}
	for _, c := range cases {
		tab, err := c.open()
		var fe *FileError
		if !errors.As(err, &fe) || !strings.Contains(fe.Reason, c.want) {
			t.Errorf("%s: %v, want *FileError containing %q", c.name, err, c.want)
		}
		if tab != nil {
			t.Errorf("%s: a table came back with the error", c.name)
		}
	}
}

func TestEncodingDetection(t *testing.T) {
	gbkLine := []byte{0xc4, 0xcf, 0xc9, 0xbd} // 南山 in GBK
	cases := []struct {
		name string
		data []byte
		want textEncoding
	}{
		{"ascii", []byte("a,b\n1,2\n"), encUTF8},
		{"utf-8", []byte("名称\n甲\n"), encUTF8},
		{"gbk", append([]byte("n\n"), gbkLine...), encGB18030},
		{"utf-8 with one GBK line", append([]byte("名称\n甲\n乙\n"), gbkLine...), encUTF8},
		{"utf-16le bom", []byte("\xff\xfea\x00"), encUTF16LE},
		{"utf-16be bom", []byte("\xfe\xff\x00a"), encUTF16BE},
	}
	for _, c := range cases {
		d, err := detectEncoding(strings.NewReader(string(c.data)), int64(len(c.data)), "auto")
		if err != nil || d.enc != c.want {
			t.Errorf("%s: %v %v, want %v", c.name, d.enc, err, c.want)
		}
	}
	if d, _ := detectEncoding(strings.NewReader("\xef\xbb\xbfa"), 4, "gb18030"); d.enc != encUTF8 || d.bomLen != 3 {
		t.Errorf("a BOM must win over the option: %+v", d)
	}
	if d, _ := detectEncoding(strings.NewReader("名称"), 6, "GBK"); d.enc != encGB18030 || d.auto {
		t.Errorf("--encoding gbk: %+v", d)
	}
}
