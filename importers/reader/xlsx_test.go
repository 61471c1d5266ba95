package reader

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"legalmap/importers/reader/xlsxbomb"
)

func TestXLSXDatesReadAsFormattedText(t *testing.T) {
	tab, rows := readRows(t, "testdata/bad/date-cells.xlsx", Options{})
	if !reflect.DeepEqual(tab.Header(), []string{"名称", "有效期起", "有效期至", "核验日期"}) {
		t.Errorf("header %q", tab.Header())
	}
	want := [][]string{
		{"甲鉴定所", "2024-03-01", "2029-02-28", "2025年1月2日"},
		{"乙鉴定所", "2024-03-01", "2029-02-28", "2025-01-01"},
	}
	if len(rows) != 2 || !reflect.DeepEqual(rows[0].Cells, want[0]) || !reflect.DeepEqual(rows[1].Cells, want[1]) {
		t.Errorf("got %+v, want %q", rows, want)
	}
}

func TestXLSXSheetChoice(t *testing.T) {
	tab, rows := readRows(t, "testdata/bad/hidden-first-sheet.xlsx", Options{})
	if tab.Header()[0] != "编号" || len(rows) != 3 {
		t.Errorf("first visible sheet not chosen: header %q, %d rows", tab.Header(), len(rows))
	}
	tab, rows = readRows(t, "testdata/bad/sheet-by-name.xlsx", Options{Sheet: "律所"})
	if !reflect.DeepEqual(tab.Header(), []string{"名称", "地址"}) || rows[1].Cells[0] != "乙律所" {
		t.Errorf("sheet 律所 not read: %q %+v", tab.Header(), rows)
	}
	_, err := Open("testdata/bad/sheet-by-name.xlsx", Options{Sheet: "名单"})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "说明") || !strings.Contains(fe.Reason, "律所") {
		t.Errorf("missing sheet should list the sheets there are: %v", err)
	}
}

func TestXLSXSparseRowNumbers(t *testing.T) {
	tab, err := Open("testdata/bad/sparse-rows.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	var lines []int
	for {
		r, err := tab.Next()
		if err != nil {
			var re *RowError
			if errors.As(err, &re) {
				lines = append(lines, -re.Line)
				continue
			}
			break
		}
		lines = append(lines, r.Line)
	}
	if !reflect.DeepEqual(lines, []int{2, 5, -9}) {
		t.Errorf("lines %v, want rows 2, 5 and an error on 9", lines)
	}
}

// Every hostile archive is refused in well under a second and without
// inflating it: the allocation bound is far below any declared size.
func TestZipBombsRefusedFastAndSmall(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.xlsx")
	n := 0
	for _, f := range files {
		base := filepath.Base(f)
		if !strings.HasPrefix(base, "bomb-") && !strings.HasPrefix(base, "zip-") && !strings.Contains(base, "laughs") && !strings.HasPrefix(base, "xxe") && !strings.HasPrefix(base, "doctype") {
			continue
		}
		n++
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		tab, err := Open(f, Options{})
		runtime.ReadMemStats(&after)
		if err == nil {
			tab.Close()
			t.Errorf("%s: opened, want refused", base)
			continue
		}
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("%s: %T %v, want *FileError", base, err, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("%s: allocated %d bytes to refuse it", base, alloc)
		}
	}
	if n < 15 {
		t.Errorf("only %d hostile archives found", n)
	}
}

func TestXLSXTempFilesRemoved(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir()) // other test binaries may spool at the same time
	data, err := os.ReadFile("testdata/good/places.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "legalmap-upload-*"))
	tab, err := OpenReader("名录.xlsx", strings.NewReader(string(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	during, _ := filepath.Glob(filepath.Join(os.TempDir(), "legalmap-upload-*"))
	if err := tab.Close(); err != nil {
		t.Fatal(err)
	}
	after, _ := filepath.Glob(filepath.Join(os.TempDir(), "legalmap-upload-*"))
	if len(during) != len(before)+1 || len(after) != len(before) {
		t.Errorf("spool files before/during/after: %d/%d/%d", len(before), len(during), len(after))
	}
	if err := tab.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// Entries an import does not read are never inflated: a real workbook with 400 extra entries of 1 MiB
// each (below the ratio check's floor, within the declared total) reads its rows while allocating a
// small fraction of what the junk would inflate to. The workbook of the attack as reported (48 entries
// of 10 MiB from about 10 KB each) is refused by the ratio check.
func TestXLSXUnreadEntriesNotInflated(t *testing.T) {
	base, err := os.ReadFile("testdata/good/places.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	hostile, err := xlsxbomb.WithJunk(base, 400, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tab, err := OpenReader("junk.xlsx", bytes.NewReader(hostile), Options{})
	if err != nil {
		t.Fatalf("%d-byte workbook with junk entries: %v", len(hostile), err)
	}
	n := 0
	for {
		if _, err := tab.Next(); err != nil {
			break
		}
		n++
	}
	tab.Close()
	runtime.ReadMemStats(&after)
	if n != 3 {
		t.Errorf("%d rows read, want 3", n)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("reading allocated %d MiB; the junk entries (400 MiB inflated) were inflated", alloc>>20)
	}

	reported, err := xlsxbomb.WithJunk(base, 48, 10<<20)
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenReader("bomb.xlsx", bytes.NewReader(reported), Options{})
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "压缩比") {
		t.Errorf("48 entries of 10 MiB (%d bytes): %v, want refused for the ratio", len(reported), err)
	}
}

// A row is bounded before it is read: one row of 16,000 cells all showing one 32,000-character shared
// string (a workbook of some 50 KB, half a gigabyte when the row is read) is refused from the sheet's XML.
func TestXLSXWideRowRefusedBeforeReading(t *testing.T) {
	base, err := os.ReadFile("testdata/good/places.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	wb, err := xlsxbomb.WideRow(base, 16000, 32000)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tab, err := OpenReader("wide.xlsx", bytes.NewReader(wb), Options{})
	for err == nil {
		_, err = tab.Next()
	}
	if tab != nil {
		tab.Close()
	}
	runtime.ReadMemStats(&after)
	var fe *FileError
	if !errors.As(err, &fe) || !strings.Contains(fe.Reason, "单元格") {
		t.Errorf("%d-byte workbook with a row of 16000 cells: %v, want refused for its width", len(wb), err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("refusing it allocated %d MiB", alloc>>20)
	}
	// A row as wide as a header may be is read.
	ok, err := xlsxbomb.WideRow(base, maxColumns, 10)
	if err != nil {
		t.Fatal(err)
	}
	tab, err = OpenReader("ok.xlsx", bytes.NewReader(ok), Options{})
	if err != nil {
		t.Fatalf("a row of %d cells: %v", maxColumns, err)
	}
	tab.Close()
}
