package reader

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strings"
)

// checkSheetXML parses the chosen sheet's XML once, in a stream, before
// rows are handed out. excelize's row iterator stops quietly at the first
// XML error, so a workbook with a broken sheet would otherwise lose its
// remaining rows without a word.
func checkSheetXML(zr *zip.Reader, sheet, part string) error {
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
	rows, cells := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fileErrorf("工作表 %q 的 XML 损坏，行会丢失 / sheet %q has broken XML, rows would be lost: %v", sheet, sheet, err)
		}
		// A row is read whole into memory, each cell with its text (a shared string may be shown by
		// every cell of a row), so a row is bounded to maxColumns cells before any row is read.
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "row":
				rows, cells = rows+1, 0
			case "c":
				if cells++; cells > maxColumns {
					return fileErrorf("工作表 %q 第 %d 个数据行有超过 %d 个单元格 / sheet %q: row %d has more than %d cells", sheet, rows, maxColumns, sheet, rows, maxColumns)
				}
			}
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
