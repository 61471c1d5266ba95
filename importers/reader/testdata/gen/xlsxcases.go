//go:build ignore

package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"log"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`

const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
`

const sheetBody = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`

// book builds a workbook; each sheet is a name and its rows (nil rows skip
// a row number).
type sheet struct {
	name   string
	rows   [][]any
	hidden bool
}

func book(sheets ...sheet) []byte {
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			must(f.SetSheetName("Sheet1", s.name))
		} else if _, err := f.NewSheet(s.name); err != nil {
			log.Fatal(err)
		}
		for r, row := range s.rows {
			if row != nil {
				must(f.SetSheetRow(s.name, fmt.Sprintf("A%d", r+1), &row))
			}
		}
	}
	for i, s := range sheets {
		if s.hidden {
			f.SetActiveSheet(i + 1)
			must(f.SetSheetVisible(s.name, false))
		}
	}
	b, err := f.WriteToBuffer()
	must(err)
	return b.Bytes()
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func canonSheet() [][]any {
	rows := [][]any{toAny(canonHeader)}
	for _, r := range canonRows {
		row := toAny(r)
		row[4], row[5] = num(r[4]), num(r[5]) // coordinates as numbers, as bureaus keep them
		rows = append(rows, row)
	}
	return rows
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func num(s string) float64 {
	var f float64
	fmt.Sscan(s, &f)
	return f
}

// rezip copies a zip, letting edit replace (or drop, with nil) entries.
func rezip(src []byte, edit func(name string, data []byte) []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	must(err)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range zr.File {
		rc, err := e.Open()
		must(err)
		data, err := io.ReadAll(rc)
		must(err)
		if data = edit(e.Name, data); data == nil {
			continue
		}
		w, err := zw.Create(e.Name)
		must(err)
		w.Write(data)
	}
	must(zw.Close())
	return out.Bytes()
}

func replacePart(src []byte, part string, data []byte) []byte {
	return rezip(src, func(name string, old []byte) []byte {
		if name == part {
			return data
		}
		return old
	})
}

// rawEntry is a zip entry written as-is, with whatever sizes it declares.
type rawEntry struct {
	name         string
	method       uint16
	declared     uint64
	data         []byte // already compressed
	uncompressed []byte // or: compress this
}

func rawZip(entries ...rawEntry) []byte {
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, e := range entries {
		data := e.data
		if e.uncompressed != nil {
			data = deflate(e.uncompressed)
			if e.declared == 0 {
				e.declared = uint64(len(e.uncompressed))
			}
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CompressedSize64: uint64(len(data)), UncompressedSize64: e.declared})
		must(err)
		w.Write(data)
	}
	must(zw.Close())
	return out.Bytes()
}

func deflate(b []byte) []byte {
	var out bytes.Buffer
	w, _ := flate.NewWriter(&out, flate.BestCompression)
	w.Write(b)
	w.Close()
	return out.Bytes()
}

func xlsxCases() {
	base := book(sheet{name: "名录", rows: canonSheet()})
	good("places.xlsx", "ok:3", "the three records in a workbook", base)

	ct := rawEntry{name: "[Content_Types].xml", method: zip.Deflate, uncompressed: []byte(contentTypes)}
	// Bombs and hostile archives: refused from the central directory.
	bad("bomb-ratio.xlsx", "file_error:压缩比", "11 MiB of spaces deflated to a few KB (ratio ~1000:1)",
		rawZip(ct, rawEntry{name: "xl/worksheets/sheet1.xml", method: zip.Deflate, uncompressed: bytes.Repeat([]byte(" "), 11<<20)}))
	bad("bomb-declared-5gib.xlsx", "file_error:压缩比", "an entry declaring 5 GiB uncompressed (zip64) from 9 bytes",
		rawZip(ct, rawEntry{name: "xl/worksheets/sheet1.xml", method: zip.Deflate, declared: 5 << 30, data: deflate([]byte("<a/>"))}))
	var many []rawEntry
	for i := 0; i < 60; i++ {
		// 48 KiB each: under the ratio limit one by one, over the total together.
		many = append(many, rawEntry{name: fmt.Sprintf("xl/media/p%d.xml", i), method: zip.Deflate, declared: 9 << 20, data: make([]byte, 48<<10)})
	}
	bad("bomb-total-declared.xlsx", "file_error:解压后超过", "60 entries of 9 MiB each (from 48 KiB each): 540 MiB declared in total", rawZip(append([]rawEntry{ct}, many...)...))
	entries := []rawEntry{ct}
	for i := 0; i < 1001; i++ {
		entries = append(entries, rawEntry{name: fmt.Sprint(i), method: zip.Store, data: []byte{}})
	}
	bad("bomb-1001-entries.xlsx", "file_error:条目", "1002 zip entries", rawZip(entries...))
	bad("bomb-eocd-60000-entries.xlsx", "file_error:条目", "end-of-directory record claims 60000 entries", patchEOCDCount(base, 60000))
	for name, entry := range map[string]string{
		"zip-slip-dotdot.xlsx":      "../../evil.xml",
		"zip-absolute.xlsx":         "/etc/cron.d/evil",
		"zip-backslash-dotdot.xlsx": `..\..\evil.xml`,
		"zip-drive-letter.xlsx":     "C:/Windows/evil.xml",
		"zip-nul-name.xlsx":         "xl/evil\x00.xml",
	} {
		bad(name, "file_error:条目名不安全", fmt.Sprintf("entry named %q", entry),
			rawZip(ct, rawEntry{name: entry, method: zip.Deflate, uncompressed: []byte("<a/>")}))
	}
	bad("unsupported-method.xlsx", "file_error:压缩方法", "an entry compressed with LZMA (method 14)",
		rawZip(ct, rawEntry{name: "xl/workbook.xml", method: 14, declared: 4, data: []byte("abcd")}))

	// Entity expansion and other XML prolog tricks.
	bad("billion-laughs-sheet.xlsx", "file_error:DOCTYPE", "entity expansion in the sheet", replacePart(base, "xl/worksheets/sheet1.xml", []byte(laughs+sheetBody)))
	bad("billion-laughs-sharedstrings.xlsx", "file_error:DOCTYPE", "entity expansion in the shared strings",
		replacePart(base, "xl/sharedStrings.xml", []byte(laughs+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>`)))
	bad("xxe-workbook.xlsx", "file_error:DOCTYPE", "external entity in the workbook",
		replacePart(base, "xl/workbook.xml", []byte(`<?xml version="1.0"?><!DOCTYPE wb [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook>&xxe;</workbook>`)))
	bad("xxe-content-types.xlsx", "file_error:DOCTYPE", "external entity in [Content_Types].xml",
		replacePart(base, "[Content_Types].xml", []byte(`<!DOCTYPE t SYSTEM "http://127.0.0.1/x.dtd"><Types/>`)))
	bad("doctype-after-comment.xlsx", "file_error:DOCTYPE", "DOCTYPE hidden after a comment and a processing instruction",
		replacePart(base, "xl/worksheets/sheet1.xml", []byte(`<?xml version="1.0"?><!-- a comment --><?pi x?>`+"\n"+strings.TrimPrefix(laughs, `<?xml version="1.0"?>`)+sheetBody)))
	bad("doctype-after-70kb-comment.xlsx", "file_error:序言过长", "DOCTYPE pushed past the inspection window by a 70 KB comment",
		replacePart(base, "xl/worksheets/sheet1.xml", []byte(`<?xml version="1.0"?><!--`+strings.Repeat("x", 70<<10)+`-->`+strings.TrimPrefix(laughs, `<?xml version="1.0"?>`)+sheetBody)))
	bad("doctype-in-rels.xlsx", "file_error:DOCTYPE", "DOCTYPE in a relationships part",
		replacePart(base, "_rels/.rels", []byte(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><Relationships/>`)))
	bad("xml-utf16.xlsx", "file_error:UTF-8", "a sheet encoded in UTF-16 (would hide a DOCTYPE from a byte scan)",
		replacePart(base, "xl/worksheets/sheet1.xml", utf16le("\ufeff<?xml version=\"1.0\" encoding=\"UTF-16\"?>"+sheetBody)))
	bad("xml-declared-gbk.xlsx", "file_error:UTF-8", "a part declaring encoding GBK",
		replacePart(base, "xl/worksheets/sheet1.xml", []byte(`<?xml version="1.0" encoding="GBK"?>`+sheetBody)))

	// Not a workbook, or not one we can use.
	bad("not-a-zip.xlsx", "file_error:不是 XLSX", "plain text named .xlsx", []byte("this is not a spreadsheet\n"))
	bad("truncated.xlsx", "file_error:不是有效", "the first half of a workbook (a cut download)", base[:len(base)/2])
	bad("empty-zip.xlsx", "file_error:Content_Types", "an empty zip archive", rawZip())
	bad("zip-of-csv.xlsx", "file_error:Content_Types", "a zip holding a CSV, named .xlsx",
		rawZip(rawEntry{name: "places.csv", method: zip.Deflate, uncompressed: canonCSV(',', false)}))
	bad("encrypted.xlsx", "file_error:xls", "a password-protected workbook (an OLE container)", cat([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 1024)))
	bad("empty-sheet.xlsx", "file_error:是空的", "a workbook whose only sheet is empty", book(sheet{name: "Sheet1"}))
	add("bad", "missing-sheet.xlsx", "file_error:不存在", "sheet=名单", "--sheet names a sheet that is not there", base)
	two := book(sheet{name: "说明", rows: [][]any{{"本表由区司法局填报"}}}, sheet{name: "律所", rows: [][]any{{"名称", "地址"}, {"甲律所", "福田"}, {"乙律所", "南山"}}})
	add("bad", "sheet-by-name.xlsx", "ok:2", "sheet=律所", "--sheet picks the second sheet", two)
	add("bad", "sheet-by-name-folded.xlsx", "ok:2", "sheet= 律所 ", "--sheet with stray spaces still finds it", two)
	bad("hidden-first-sheet.xlsx", "ok:3", "a hidden lookup sheet comes first: the first visible sheet is read",
		book(sheet{name: "代码表", rows: [][]any{{"代码", "区"}, {"440304", "福田区"}}, hidden: true}, sheet{name: "名录", rows: canonSheet()}))
	bad("title-row.xlsx", "row_error:6: ok:2", "a title row, a blank row, the header on row 3, and row 6 with data beyond the header",
		book(sheet{name: "名录", rows: [][]any{{"深圳市法律援助机构名录"}, nil, {"编号", "名称", "地址"}, {"A1", "甲", "乙"}, {"A2", "丙", "丁"}, {"A3", "戊", "己", "多余"}}}))
	bad("sparse-rows.xlsx", "row_error:9: ok:2", "rows 1, 2, 5 and 9 only: line numbers are sheet row numbers",
		book(sheet{name: "名录", rows: [][]any{{"编号", "名称"}, {"A1", "甲"}, nil, nil, {"A2", "乙"}, nil, nil, nil, {"A3", "丙", "多余"}}}))
	bad("big-cell.xlsx", "row_error:2:名称 ok:1", "32767 CJK characters (98 KB) in one cell",
		book(sheet{name: "名录", rows: [][]any{{"编号", "名称"}, {"A1", strings.Repeat("名", 32767)}, {"A2", "乙"}}}))
	bad("date-cells.xlsx", "ok:2", "date cells read as their formatted text (checked in reader_xlsx_test.go)", dateBook())
	bad("broken-sheet-xml.xlsx", "file_error:XML 损坏", "the sheet XML stops mid-row inside an intact zip",
		replacePart(base, "xl/worksheets/sheet1.xml", []byte(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row><row r="3"><c r="A3"`)))
	bad("no-sheets.xlsx", "file_error:工作表", "a workbook part that lists no sheets",
		replacePart(base, "xl/workbook.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets></sheets></workbook>`)))
}

// patchEOCDCount rewrites the entry counts of the end-of-directory record.
func patchEOCDCount(z []byte, n uint16) []byte {
	out := append([]byte(nil), z...)
	i := bytes.LastIndex(out, []byte("PK\x05\x06"))
	binary.LittleEndian.PutUint16(out[i+8:], n)
	binary.LittleEndian.PutUint16(out[i+10:], n)
	return out
}

func dateBook() []byte {
	f := excelize.NewFile()
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"名称", "有效期起", "有效期至", "核验日期"}))
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	must(err)
	d1 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	d2 := time.Date(2029, 2, 28, 0, 0, 0, 0, time.UTC)
	must(f.SetSheetRow("Sheet1", "A2", &[]any{"甲鉴定所", d1, d2, "2025年1月2日"}))
	must(f.SetSheetRow("Sheet1", "A3", &[]any{"乙鉴定所", d1, d2, 45658}))
	must(f.SetCellStyle("Sheet1", "B2", "D3", style))
	b, err := f.WriteToBuffer()
	must(err)
	return b.Bytes()
}

func ptr[T any](v T) *T { return &v }
