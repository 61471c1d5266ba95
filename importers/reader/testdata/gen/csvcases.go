//go:build ignore

package main

import (
	"bytes"
	"compress/gzip"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

const hdr = "编号,名称,地址,电话"

func csvCases() {
	// Good: the same three records in every encoding and dialect.
	good("utf8.csv", "ok:3", "UTF-8, LF", canonCSV(',', false))
	good("utf8-bom.csv", "ok:3", "UTF-8 with BOM, CRLF (Excel 'CSV UTF-8')", cat([]byte("\xef\xbb\xbf"), canonCSV(',', true)))
	good("utf16le-bom.csv", "ok:3", "UTF-16LE with BOM (Excel 'Unicode text')", utf16(unicode.LittleEndian, canonCSV(',', true)))
	good("utf16be-bom.csv", "ok:3", "UTF-16BE with BOM", utf16(unicode.BigEndian, canonCSV(',', false)))
	good("gbk.csv", "ok:3", "GBK, CRLF: Excel on Chinese Windows", gbk(string(canonCSV(',', true))))
	good("gb18030.csv", "ok:3", "GB18030 without BOM", gb18030(string(canonCSV(',', false))))
	good("tab.tsv", "ok:3", "tab-delimited", canonCSV('\t', false))
	good("semicolon.csv", "ok:3", "semicolon-delimited", canonCSV(';', false))
	good("gb18030-4byte.csv", "ok:2", "GB18030 four-byte characters (CJK Ext B, Ext A), checked cell by cell",
		gb18030(string(lines(hdr, "A1,𠀀𠀁律师事务所,㐀㐁路1号,123", "A2,䶵鉴定所,𪚥街,456"))))

	// Encodings.
	bad("gbk-invalid-byte-line3.csv", "row_error:3:地址 ok:2", "GBK file, byte 0xFF in line 3",
		cat(gbk(string(lines(hdr, "A1,福田法律援助处,福中三路,123"))), gbk("A2,南山公证处,"), []byte("\xff"), gbk("蛇口,456\nA3,罗湖律师事务所,人民南路,789\n")))
	bad("utf8-invalid-byte-line4.csv", "row_error:4:名称 ok:3", "UTF-8 file, byte 0xFF in line 4",
		lines(hdr, "A1,福田法律援助处,福中三路,1", "A2,南山公证处,蛇口,2", "A3,罗湖\xff律所,人民南路,3", "A4,宝安律所,新安,4"))
	bad("mixed-utf8-with-gbk-line.csv", "row_error:3:名称 ok:3", "UTF-8 file with one line pasted from a GBK file",
		cat(lines(hdr, "A1,福田法律援助处,福中三路,1"), gbk("A2,南山公证处,蛇口,2\n"), lines("A3,罗湖律所,人民南路,3", "A4,宝安律所,新安,4")))
	bad("mixed-gbk-with-utf8-line.csv", "row_error:3: ok:3", "GBK file with one line pasted from a UTF-8 file",
		cat(gbk(string(lines(hdr, "A1,福田法律援助处,福中三路,1"))), []byte("A2,南山公证处,蛇口,2\n"), gbk(string(lines("A3,罗湖律所,人民南路,3", "A4,宝安律所,新安,4")))))
	bad("utf8-replacement-char.csv", "row_error:2:名称 ok:2", "U+FFFD left by an earlier lossy conversion counts as undecodable",
		lines(hdr, "A1,福田\uFFFD律所,福中三路,1", "A2,南山公证处,蛇口,2", "A3,罗湖律所,人民南路,3"))
	bad("gb18030-truncated-4byte.csv", "row_error:2:名称 ok:1", "GB18030 four-byte character cut to two bytes",
		cat(gb18030(hdr+"\nA1,福田律所"), []byte("\x95\x32"), gb18030(",福中三路,1\nA2,南山公证处,蛇口,2\n")))
	bad("gbk-lead-byte-at-eol.csv", "row_error:3:电话 ok:2", "GBK lead byte alone at the end of line 3",
		cat(gbk(string(lines(hdr, "A1,福田律所,福中三路,1"))), gbk("A2,南山公证处,蛇口,2"), []byte("\xb0\n"), gbk("A3,罗湖律所,人民南路,3\n")))
	bad("utf8-overlong.csv", "row_error:2:名称 ok:2", "overlong UTF-8 encoding of '/'",
		lines(hdr, "A1,福田\xc0\xaf律所,福中三路,1", "A2,南山公证处,蛇口,2", "A3,罗湖律所,人民南路,3"))
	bad("utf8-encoded-surrogate.csv", "row_error:3:地址 ok:2", "a UTF-16 surrogate encoded as UTF-8 (CESU)",
		lines(hdr, "A1,福田律所,福中三路,1", "A2,南山公证处,蛇\xed\xa0\x80口,2", "A3,罗湖律所,人民南路,3"))
	bad("utf16le-unpaired-surrogate.csv", "row_error:3:名称 ok:1", "UTF-16LE with a lone high surrogate on line 3",
		cat(utf16(unicode.LittleEndian, []byte(hdr+"\nA1,福田律所,福中三路,1\nA2,南山")), []byte{0x00, 0xd8}, utf16le("公证处,蛇口,2\n")))
	bad("utf16le-no-bom.csv", "file_error:UTF-16", "UTF-16 without a byte order mark", utf16le(string(lines(hdr, "A1,福田律所,福中三路,123"))))
	add("bad", "gbk-forced-utf8.csv", "file_error:表头", "encoding=utf-8", "GBK file read with --encoding utf-8",
		gbk(string(lines(hdr, "A1,福田律所,福中三路,1"))))
	add("bad", "utf8-forced-gb18030.csv", "ok:1", "encoding=gb18030", "ASCII-only file read as GB18030 is the same text",
		lines("id,name,address", "A1,Futian Legal Aid,Fuzhong Road 3"))
	add("bad", "unknown-encoding-option.csv", "file_error:不支持的编码", "encoding=latin1", "unknown --encoding value",
		lines(hdr, "A1,福田律所,福中三路,1"))
	bad("utf8-bom-then-gbk.csv", "file_error:表头", "a UTF-8 BOM in front of GBK bytes: the BOM wins, the header cannot be decoded",
		cat([]byte("\xef\xbb\xbf"), gbk(string(lines(hdr, "A1,福田律所,福中三路,1")))))
	bad("double-bom.csv", "ok:2", "two UTF-8 BOMs: the second one is trimmed from the header",
		cat([]byte("\xef\xbb\xbf\xef\xbb\xbf"), lines(hdr, "A1,福田律所,福中三路,1", "A2,南山公证处,蛇口,2")))
	bad("gb18030-bom.csv", "ok:2", "GB18030 byte order mark 84 31 95 33",
		cat([]byte("\x84\x31\x95\x33"), gb18030(string(lines(hdr, "A1,𠀀律所,福中三路,1", "A2,南山公证处,蛇口,2")))))
	bad("utf8-bom-only.csv", "file_error:没有表头", "nothing but a byte order mark", []byte("\xef\xbb\xbf"))

	// Structure.
	bad("quoted-comma.csv", "ok:2", "delimiters inside quotes",
		lines(hdr, `A1,"福田法律援助处,市民中心",福中三路,"123,456"`, `A2,南山公证处,"蛇口,工业八路",2`))
	bad("quoted-newline-line-numbers.csv", "row_error:5: ok:2", "a three-line quoted cell; the short record after it is on physical line 5",
		lines(hdr, `A1,甲,"多行`, `地址`, `第三行",1`, `A2,乙,丙`, `A3,丁,戊,2`))
	bad("doubled-quotes.csv", "ok:2", `"" inside quotes is one quote; """" is a cell holding one quote`,
		lines(hdr, `A1,"南山""蛇口""公证处",蛇口,1`, `A2,"""",乙,2`))
	bad("field-count-short.csv", "row_error:3: ok:2", "line 3 has three fields",
		lines(hdr, "A1,甲,乙,1", "A2,丙,丁", "A3,戊,己,3"))
	bad("field-count-long.csv", "row_error:3: ok:2", "line 3 has data beyond the last column",
		lines(hdr, "A1,甲,乙,1", "A2,丙,丁,2,多余", "A3,戊,己,3"))
	bad("trailing-empty-fields.csv", "ok:2", "empty fields after the last column are harmless",
		lines(hdr, "A1,甲,乙,1,,", "A2,丙,丁,2,"))
	bad("unterminated-quote.csv", "row_error:3: ok:1", "a quote opened on line 3 never closes: one error, then the end",
		lines(hdr, "A1,甲,乙,1", `A2,"未闭合,丙,2`, "A3,丁,戊,3"))
	bad("unterminated-quote-at-eof.csv", "row_error:3: ok:1", "the file ends right after an opening quote",
		[]byte(hdr+"\nA1,甲,乙,1\nA2,\""))
	bad("unterminated-quote-in-header.csv", "file_error:表头", "the header itself has an open quote",
		lines(`编号,"名称,地址,电话`, "A1,甲,乙,1"))
	bad("bare-quote.csv", "row_error:3:名称 ok:2", "a quote inside an unquoted field",
		lines(hdr, "A1,甲,乙,1", `A2,南山"蛇口"公证处,丙,2`, "A3,丁,戊,3"))
	bad("text-after-closing-quote.csv", "row_error:3:名称 ok:2", "text after a closing quote",
		lines(hdr, "A1,甲,乙,1", `A2,"南山"公证处,丙,2`, "A3,丁,戊,3"))
	bad("space-before-quote.csv", "row_error:3:名称 ok:2", "a space before an opening quote makes the quote bare",
		lines(hdr, "A1,甲,乙,1", `A2, "南山公证处",丙,2`, "A3,丁,戊,3"))
	bad("nul-byte.csv", "row_error:3:电话 ok:2", "a NUL byte in line 3",
		lines(hdr, "A1,甲,乙,1", "A2,丙,丁,2\x003", "A3,戊,己,3"))
	bad("nul-in-header.csv", "file_error:表头", "a NUL byte in the header", lines("编号,名\x00称,地址", "A1,甲,乙"))
	bad("cell-1mb.csv", "row_error:3:名称 ok:2", "a 1 MiB cell",
		lines(hdr, "A1,甲,乙,1", "A2,"+strings.Repeat("x", 1<<20)+",丁,2", "A3,戊,己,3"))
	bad("cell-large-quoted-multiline.csv", "row_error:3:地址 ok:2", "an 80 KB quoted cell over 80 lines",
		lines(hdr, "A1,甲,乙,1", `A2,丙,"`+strings.Repeat(strings.Repeat("y", 999)+"\n", 80)+`",2`, "A3,戊,己,3"))
	bad("cell-at-limit.csv", "row_error:3:名称 ok:1", "a cell of exactly 64 KiB is fine, one byte more is not",
		lines(hdr, "A1,"+strings.Repeat("z", 64<<10)+",乙,1", "A2,"+strings.Repeat("z", 64<<10+1)+",丁,2"))
	bad("blank-lines.csv", "row_error:7: ok:2", "blank and white-space lines are skipped but still counted",
		lines("", "", hdr, "", "A1,甲,乙,1", "   ", "A2,short", "A3,戊,己,3", ""))
	bad("only-header.csv", "ok:0", "a header and nothing else", lines(hdr))
	bad("empty.csv", "file_error:空文件", "zero bytes", nil)
	bad("only-blank-lines.csv", "file_error:没有表头", "blank lines only", []byte("\n\n  \n\r\n"))
	bad("header-only-delimiters.csv", "file_error:没有表头", "a header row of empty cells", lines(",,,", ",,,"))
	bad("fullwidth-comma-header.csv", "file_error:全角逗号", "full-width commas are not delimiters",
		lines("编号，名称，地址", "A1，甲，乙"))
	bad("fullwidth-comma-in-cell.csv", "ok:1", "a full-width comma inside a cell is text",
		lines("编号,名称,地址", "A1,甲，乙,丙"))
	bad("cr-only.csv", "ok:2", "old Mac line endings (CR only)", []byte(hdr+"\rA1,甲,乙,1\rA2,丙,丁,2\r"))
	bad("crlf.csv", "ok:2", "Windows line endings", []byte(hdr+"\r\nA1,甲,乙,1\r\nA2,丙,丁,2\r\n"))
	bad("mixed-line-endings.csv", "ok:3", "CRLF and LF mixed", []byte(hdr+"\r\nA1,甲,乙,1\nA2,丙,丁,2\r\nA3,戊,己,3"))
	bad("crlf-inside-quotes.csv", "ok:1", "CRLF inside a quoted cell", []byte(hdr+"\r\nA1,甲,\"第一行\r\n第二行\",1\r\n"))
	bad("cr-inside-unquoted.csv", "ok:1", "a lone CR inside an unquoted cell of an LF file is text", []byte(hdr+"\nA1,甲\r乙,丙,1\n"))
	bad("duplicate-header.csv", "ok:1", "the same header twice (package columns decides)", lines("编号,名称,名称,地址", "A1,甲,乙,丙"))
	bad("header-trailing-empty.csv", "ok:1", "empty trailing header cells are dropped", lines("编号,名称,,,", "A1,甲,,,"))
	bad("excel-empty-rows.csv", "ok:2", "rows of empty cells (Excel's formatted blank rows) are skipped",
		lines(",,,", hdr, "A1,甲,乙,1", ",,,", " , , , ", "A2,丙,丁,2", ",,,"))
	bad("header-1001-columns.csv", "file_error:表头有", "more columns than any list has",
		lines(strings.Repeat("c,", 1000)+"c", strings.Repeat("1,", 1000)+"1"))
	bad("header-huge-cell.csv", "file_error:表头", "a 70 KB header cell", lines("编号,"+strings.Repeat("名", 24000), "A1,甲"))
	bad("pdf.csv", "file_error:PDF", "a PDF named .csv", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
	bad("gzip-content.csv", "file_error:gzip", "gzip bytes named .csv", gzipped(canonCSV(',', false)))
	bad("upload.csv.gz", "file_error:压缩", "a .gz upload is refused by name", gzipped(canonCSV(',', false)))
	bad("legacy.xls", "file_error:xls", "an Excel 97-2003 (OLE) file", cat([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)))
	bad("formula-injection.csv", "ok:2", "formula-looking text is kept as text (neutralised at export)",
		lines(hdr, `A1,=cmd|'/C calc'!A0,+1+1,-2`, `A2,@SUM(1),"=HYPERLINK(""http://x"")",3`))
	bad("xss.csv", "ok:2", "markup is text; escaping happens at output",
		lines(hdr, `A1,<img src=x onerror=alert(1)>,<svg onload=alert(1)>,1`, `A2,"<script>alert(""x"")</script>",javascript:alert(1),2`))
	bad("zero-width-header.csv", "ok:1", "zero-width spaces and ideographic spaces around header names",
		lines("\u200b编号\u200b,\u3000名称,地址 ", "A1,甲,乙"))
	bad("no-final-newline.csv", "ok:2", "the last line has no newline", []byte(hdr+"\nA1,甲,乙,1\nA2,丙,丁,2"))
	bad("quoted-header.csv", "ok:1", "every header cell quoted", lines(`"编号","名称","地址"`, `"A1","甲","乙"`))
	bad("leading-empty-record.csv", "ok:1", "an empty-cells row before the header", lines(",,", "编号,名称,地址", "A1,甲,乙"))
	bad("control-chars.csv", "ok:1", "control characters other than NUL are text", lines(hdr, "A1,甲\x01\x1b,乙,1"))
	bad("line-separator-u2028.csv", "ok:1", "U+2028 inside a cell is not a line break", lines(hdr, "A1,甲\u2028乙,丙,1"))
	bad("delimiter-tie.csv", "ok:1", "one comma and one semicolon in the header: comma wins", lines("编号,名称;地址", "A1,甲;乙"))
	bad("semicolon-with-commas.csv", "ok:1", "semicolon file whose cells hold commas", lines("编号;名称;地址", "A1;甲,乙;丙,丁"))
	bad("quote-at-cell-end.csv", "ok:1", `a cell ending in an escaped quote: "abc"""`, lines(hdr, `A1,"abc""",乙,1`))
	bad("geojson-named.csv", "ok:1", "content sniffing beats the extension: this is GeoJSON",
		[]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[114.05,22.54]}}]}`))
	bad("title-row.csv", "row_error:5: ok:1", "a title line and a blank line before the header (Excel's merged title)",
		lines("深圳市法律援助机构名录,,,", "", hdr, "A1,甲,乙,1", "A2,丙"))
	bad("title-row-tab.tsv", "ok:2", "a title line without delimiters: the delimiter is sniffed from the header after it",
		lines("深圳市律师事务所名录（2024年）", "编号\t名称\t地址", "A1\t甲,乙\t丙", "A2\t丁\t戊"))
	bad("single-column.csv", "ok:2", "one column: the first row is the header, not a title", lines("名称", "甲", "乙"))
	bad("json-array.json", "file_error:GeoJSON", "a JSON array named .json", []byte(`[{"名称":"甲"}]`))
	bad("csv-named.xlsx", "file_error:不是 XLSX", "CSV text named .xlsx", canonCSV(',', false))
}

func utf16le(s string) []byte {
	return enc(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), []byte(s))
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	w.Write(b)
	w.Close()
	return out.Bytes()
}
