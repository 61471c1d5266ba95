package reader

import (
	"archive/zip"
	"os"
	"path"
	"strings"
)

// A workbook part that excelize keeps in memory (all but worksheets named xl/worksheets/sheet… and the
// shared strings at xl/sharedStrings.xml, which it spools to disk when large) may inflate to at most
// this much: package metadata and styles are small in any real workbook.
const maxInMemoryPart = 8 << 20

// trimmedXLSX is the copy of a workbook that is handed to excelize: only the parts an import reads.
type trimmedXLSX struct {
	path  string // temporary file; the caller removes it
	sheet string // the sheet chosen
	part  string // its part name in the package
}

// trimXLSX picks the sheet to read and writes a copy of the workbook holding only the parts that reading
// it needs: content types, package and workbook relationships, the workbook, shared strings, styles and
// that one sheet. Entries are copied compressed as they are, so nothing is inflated here, and excelize
// (which inflates every entry it is given when it opens a file) never inflates the rest: other sheets,
// media, or entries an attacker added. The parts kept are bounded together by maxZipDeclared.
func trimXLSX(zr *zip.Reader, want string) (trimmedXLSX, error) {
	var out trimmedXLSX
	var root relsXML
	if !readXMLEntry(zr, "_rels/.rels", &root) {
		return out, fileErrorf("不是有效的 XLSX（缺少 _rels/.rels）/ not a valid XLSX (no package relationships)")
	}
	book := ""
	for _, r := range root.Rels {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			book = strings.TrimPrefix(r.Target, "/")
		}
	}
	dir := path.Dir(book)
	bookRels := path.Join(dir, "_rels", path.Base(book)+".rels")
	var wb workbookXML
	var wbRels relsXML
	if book == "" || !readXMLEntry(zr, book, &wb) || !readXMLEntry(zr, bookRels, &wbRels) {
		return out, fileErrorf("不是有效的 XLSX（找不到工作簿）/ not a valid XLSX (no workbook part)")
	}
	i, err := chooseSheet(wb, want)
	if err != nil {
		return out, err
	}
	out.sheet = wb.Sheets[i].Name
	target := func(id string) string {
		for _, r := range wbRels.Rels {
			if r.ID == id {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return path.Join(dir, r.Target)
			}
		}
		return ""
	}
	for _, a := range wb.Sheets[i].Attrs {
		if a.Name.Local == "id" {
			out.part = target(a.Value)
		}
	}
	if out.part == "" || findEntry(zr, out.part) == nil {
		return out, fileErrorf("工作表 %q 的 XML 部件不存在 / sheet %q: its XML part is missing", out.sheet, out.sheet)
	}
	keep := []string{"[Content_Types].xml", "_rels/.rels", book, bookRels, out.part, "xl/sharedStrings.xml"}
	for _, r := range wbRels.Rels {
		if strings.HasSuffix(r.Type, "/styles") {
			keep = append(keep, target(r.ID))
		}
	}
	tmp, err := os.CreateTemp("", "legalmap-xlsx-*.xlsx")
	if err != nil {
		return out, err
	}
	out.path = tmp.Name()
	fail := func(err error) (trimmedXLSX, error) {
		tmp.Close()
		os.Remove(out.path)
		return trimmedXLSX{}, err
	}
	w := zip.NewWriter(tmp)
	var total uint64
	seen := map[*zip.File]bool{}
	for _, name := range keep {
		e := findEntry(zr, name)
		if e == nil || seen[e] {
			continue
		}
		seen[e] = true
		n := strings.ToLower(strings.ReplaceAll(e.Name, `\`, "/"))
		spooled := strings.HasPrefix(n, "xl/worksheets/sheet") || n == "xl/sharedstrings.xml"
		if !spooled && e.UncompressedSize64 > maxInMemoryPart {
			return fail(fileErrorf("XLSX 部件 %q 过大（%d MiB）/ XLSX part %q is too large (%d MiB)", e.Name, e.UncompressedSize64>>20, e.Name, e.UncompressedSize64>>20))
		}
		total += e.UncompressedSize64
		if total > maxZipDeclared {
			return fail(fileErrorf("XLSX 要读取的部分解压后超过 %d MiB / the parts of the XLSX to read would inflate to more than %d MiB", maxZipDeclared>>20, maxZipDeclared>>20))
		}
		if err := w.Copy(e); err != nil {
			return fail(fileErrorf("XLSX 条目 %q 无法读取 / cannot read entry %q: %v", e.Name, e.Name, err))
		}
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		return fail(err)
	}
	return out, nil
}

// chooseSheet returns the index of the sheet named by the caller (exactly, else ignoring case and
// surrounding spaces), or of the first visible sheet: government templates often hide a first sheet of
// lookup lists.
func chooseSheet(wb workbookXML, want string) (int, error) {
	if len(wb.Sheets) == 0 {
		return 0, fileErrorf("工作簿没有工作表 / workbook has no sheets")
	}
	if want != "" {
		for i, s := range wb.Sheets {
			if s.Name == want {
				return i, nil
			}
		}
		for i, s := range wb.Sheets {
			if strings.EqualFold(strings.TrimSpace(s.Name), strings.TrimSpace(want)) {
				return i, nil
			}
		}
		names := make([]string, len(wb.Sheets))
		for i, s := range wb.Sheets {
			names[i] = s.Name
		}
		return 0, fileErrorf("工作表 %q 不存在，可用：%s / sheet %q not found; sheets: %s", want, strings.Join(names, "、"), want, strings.Join(names, ", "))
	}
	for i, s := range wb.Sheets {
		hidden := false
		for _, a := range s.Attrs {
			hidden = hidden || (a.Name.Local == "state" && a.Value != "visible")
		}
		if !hidden {
			return i, nil
		}
	}
	return 0, nil
}
