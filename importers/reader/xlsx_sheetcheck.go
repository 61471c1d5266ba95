package reader

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// checkSheetXML parses the chosen sheet's XML once, in a stream, before
// rows are handed out. excelize's row iterator stops quietly at the first
// XML error, so a workbook with a broken sheet would otherwise lose its
// remaining rows without a word.
func checkSheetXML(r io.ReaderAt, size int64, sheet string) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fileErrorf("不是有效的 XLSX / not a valid XLSX: %v", err)
	}
	part := sheetPartName(zr, sheet)
	if part == "" {
		return nil // excelize found the sheet by its own route; nothing to compare
	}
	e := findEntry(zr, part)
	if e == nil {
		return fileErrorf("工作表 %q 的 XML 部件 %q 不存在 / sheet %q: XML part %q missing", sheet, part, sheet, part)
	}
	rc, err := e.Open()
	if err != nil {
		return fileErrorf("工作表 %q 无法读取 / sheet %q unreadable: %v", sheet, sheet, err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileErrorf("工作表 %q 的 XML 损坏，行会丢失 / sheet %q has broken XML, rows would be lost: %v", sheet, sheet, err)
		}
	}
}

type relsXML struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type workbookXML struct {
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// sheetPartName follows the package relationships to the sheet's part:
// _rels/.rels -> workbook -> workbook rels -> sheet. It returns "" when
// any link is missing.
func sheetPartName(zr *zip.Reader, sheet string) string {
	var root relsXML
	if !readXMLEntry(zr, "_rels/.rels", &root) {
		return ""
	}
	book := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
		}
	}
	var wb workbookXML
	var wbRels relsXML
	dir := path.Dir(book)
	if book == "" || !readXMLEntry(zr, book, &wb) || !readXMLEntry(zr, path.Join(dir, "_rels", path.Base(book)+".rels"), &wbRels) {
		return ""
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, a := range s.Attrs {
			if a.Name.Local != "id" {
				continue
			}
			for _, r := range wbRels.Rels {
				if r.ID == a.Value {
					if strings.HasPrefix(r.Target, "/") {
						return strings.TrimPrefix(r.Target, "/")
					}
					return path.Join(dir, r.Target)
				}
			}
		}
	}
	return ""
}

func findEntry(zr *zip.Reader, name string) *zip.File {
	for _, e := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(e.Name, `\`, "/"), name) {
			return e
		}
	}
	return nil
}

// readXMLEntry decodes a small package part (at most 16 MiB).
func readXMLEntry(zr *zip.Reader, name string, v any) bool {
	e := findEntry(zr, name)
	if e == nil {
		return false
	}
	rc, err := e.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v) == nil
}
