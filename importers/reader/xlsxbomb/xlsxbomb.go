// Package xlsxbomb builds hostile workbooks for tests and measurements: a real workbook with many extra
// entries that inflate far beyond their compressed size.
package xlsxbomb

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// WithJunk returns the workbook base with n extra entries xl/media/junkN.xml appended, each an XML
// element followed by spaces, inflating to size bytes from a few KB.
func WithJunk(base []byte, n, size int) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range zr.File {
		if err := w.Copy(f); err != nil {
			return nil, err
		}
	}
	// Compress one junk entry once and copy its compressed bytes n times.
	var junk bytes.Buffer
	jw := zip.NewWriter(&junk)
	fw, err := jw.CreateHeader(&zip.FileHeader{Name: "junk.xml", Method: zip.Deflate})
	if err != nil {
		return nil, err
	}
	body := append([]byte("<a/>"), bytes.Repeat([]byte(" "), size-4)...)
	if _, err := fw.Write(body); err != nil {
		return nil, err
	}
	if err := jw.Close(); err != nil {
		return nil, err
	}
	jr, err := zip.NewReader(bytes.NewReader(junk.Bytes()), int64(junk.Len()))
	if err != nil {
		return nil, err
	}
	j := jr.File[0]
	for i := range n {
		h := j.FileHeader
		h.Name = fmt.Sprintf("xl/media/junk%d.xml", i)
		dst, err := w.CreateRaw(&h)
		if err != nil {
			return nil, err
		}
		src, err := j.OpenRaw()
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(dst, src); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WithParts returns the workbook base with the named parts replaced (or added).
func WithParts(base []byte, parts map[string][]byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		if err := w.Copy(f); err != nil {
			return nil, err
		}
	}
	for name, body := range parts {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := fw.Write(body); err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WideRow returns the workbook base with its first sheet replaced by a header of two cells and one row
// of cells cells, each showing the same shared string of size characters: a sheet of a few KB that
// becomes cells*size characters when the row is read.
func WideRow(base []byte, cells, size int) ([]byte, error) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet ` + ns + `><sheetData>`)
	sheet.WriteString(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2">`)
	for i := range cells {
		fmt.Fprintf(&sheet, `<c r="%s2" t="s"><v>1</v></c>`, column(i))
	}
	sheet.WriteString(`</row></sheetData></worksheet>`)
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst ` + ns + ` count="2" uniqueCount="2"><si><t>名称</t></si><si><t>` +
		string(bytes.Repeat([]byte("x"), size)) + `</t></si></sst>`
	return WithParts(base, map[string][]byte{"xl/worksheets/sheet1.xml": sheet.Bytes(), "xl/sharedStrings.xml": []byte(sst)})
}

// column is the spreadsheet column name of a 0-based index: A, …, Z, AA, ….
func column(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
