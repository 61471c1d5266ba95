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
