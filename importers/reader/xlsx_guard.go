package reader

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"io"
	"path"
	"strings"
)

// Limits that an XLSX must pass before anything is inflated. A real bureau
// workbook has a few dozen parts and a few MiB of XML.
const (
	maxZipEntries = 1000
	// maxZipDeclared bounds the declared uncompressed size of the whole archive, and separately of the
	// parts an import reads (trimXLSX): about Excel's own row limit at a directory list's width.
	maxZipDeclared = 500 << 20
	maxZipRatio    = 200     // uncompressed / compressed ...
	zipRatioFloor  = 1 << 20 // ... checked for every entry declaring more than this
	maxCentralDir  = 8 << 20
	// xmlPrologWindow: the root element must start within this many bytes.
	xmlPrologWindow = 64 << 10
	// excelXMLInMemory: excelize keeps a sheet or the shared strings up to this size in memory, larger
	// ones go to temporary files and are streamed.
	excelXMLInMemory = 4 << 20
)

// inspectZip refuses zip bombs and hostile workbooks from the central
// directory alone, then peeks at the prolog of each XML part (at most
// xmlPrologWindow bytes inflated per part). It never trusts a declared size
// to be small: Go's zip reader fails an entry that inflates past its
// declared size, so the declared sizes checked here are true upper bounds.
func inspectZip(r io.ReaderAt, size int64) error {
	entries, cdSize, err := readEOCD(r, size)
	if err != nil {
		return err
	}
	if entries > maxZipEntries {
		return fileErrorf("XLSX 含 %d 个条目，超过上限 %d / XLSX has %d zip entries, more than %d", entries, maxZipEntries, entries, maxZipEntries)
	}
	if cdSize > maxCentralDir {
		return fileErrorf("XLSX 目录区过大 / XLSX central directory too large (%d bytes)", cdSize)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fileErrorf("不是有效的 XLSX（zip 损坏）/ not a valid XLSX (broken zip): %v", err)
	}
	if len(zr.File) > maxZipEntries {
		return fileErrorf("XLSX 含 %d 个条目，超过上限 %d / XLSX has %d zip entries, more than %d", len(zr.File), maxZipEntries, len(zr.File), maxZipEntries)
	}
	var total uint64
	hasTypes := false
	for _, e := range zr.File {
		if err := checkEntryName(e.Name); err != nil {
			return err
		}
		if e.Method != zip.Store && e.Method != zip.Deflate {
			return fileErrorf("XLSX 条目 %q 使用不支持的压缩方法 %d / entry %q uses unsupported compression method %d", e.Name, e.Method, e.Name, e.Method)
		}
		u, c := e.UncompressedSize64, e.CompressedSize64
		if u > zipRatioFloor && (c == 0 || u/c > maxZipRatio) {
			return fileErrorf("XLSX 条目 %q 压缩比异常（疑似 zip 炸弹）/ entry %q has a compression ratio over %d:1 (zip bomb)", e.Name, e.Name, maxZipRatio)
		}
		total += u
		if total > maxZipDeclared {
			return fileErrorf("XLSX 解压后超过 %d MiB（疑似 zip 炸弹）/ XLSX would inflate to more than %d MiB (zip bomb)", maxZipDeclared>>20, maxZipDeclared>>20)
		}
		if strings.EqualFold(e.Name, "[Content_Types].xml") {
			hasTypes = true
		}
	}
	if !hasTypes {
		return fileErrorf("zip 文件不是 XLSX 工作簿（缺少 [Content_Types].xml）/ zip file is not an XLSX workbook (no [Content_Types].xml)")
	}
	buf := make([]byte, xmlPrologWindow)
	for _, e := range zr.File {
		if err := checkXMLPart(e, buf); err != nil {
			return err
		}
	}
	return nil
}

func checkEntryName(name string) error {
	n := strings.ReplaceAll(name, `\`, "/")
	bad := strings.HasPrefix(n, "/") || strings.Contains(n, "..") || path.IsAbs(n) ||
		(len(n) >= 2 && n[1] == ':') || strings.IndexByte(n, 0) >= 0
	if bad {
		return fileErrorf("XLSX 条目名不安全 %q（绝对路径或含 ..）/ unsafe entry name %q (absolute or containing ..)", name, name)
	}
	return nil
}

// checkXMLPart refuses an XML part whose prolog declares a DOCTYPE or
// ENTITY (billion laughs and external entities), is not UTF-8, or is so
// long that the root element cannot be found within the window. Parts that
// are not XML (images) are left alone.
func checkXMLPart(e *zip.File, buf []byte) error {
	ext := strings.ToLower(path.Ext(e.Name))
	xmlName := ext == ".xml" || ext == ".rels" || ext == ".vml"
	switch ext {
	case ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg", ".bin":
		return nil // media and binary parts: excelize copies them, never parses them as XML
	}
	if e.UncompressedSize64 == 0 {
		return nil
	}
	rc, err := e.Open()
	if err != nil {
		return fileErrorf("XLSX 条目 %q 无法读取 / cannot read entry %q: %v", e.Name, e.Name, err)
	}
	defer rc.Close()
	n, err := io.ReadFull(rc, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return fileErrorf("XLSX 条目 %q 损坏 / entry %q is corrupt: %v", e.Name, e.Name, err)
	}
	data := buf[:n]
	if !xmlName && !bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"), []byte("<")) {
		return nil // not XML: an image or a binary part
	}
	refuse := func(why string) error {
		return fileErrorf("XLSX 部件 %q 被拒绝：%s / XML part %q refused", e.Name, why, e.Name)
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.IndexByte(data, 0) >= 0 {
		return refuse("不是 UTF-8 编码 / not UTF-8")
	}
	p := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	for {
		p = bytes.TrimLeft(p, " \t\r\n")
		switch {
		case len(p) == 0:
			if n == len(buf) {
				return refuse("XML 序言过长 / XML prolog too long")
			}
			return nil // empty part: excelize will judge it
		case bytes.HasPrefix(p, []byte("<?")):
			end := bytes.Index(p, []byte("?>"))
			if end < 0 {
				return refuse("XML 序言过长 / XML prolog too long")
			}
			if !utf8Declaration(p[:end]) {
				return refuse("声明的编码不是 UTF-8 / declared encoding is not UTF-8")
			}
			p = p[end+2:]
		case bytes.HasPrefix(p, []byte("<!--")):
			end := bytes.Index(p, []byte("-->"))
			if end < 0 {
				return refuse("XML 序言过长 / XML prolog too long")
			}
			p = p[end+3:]
		case bytes.HasPrefix(p, []byte("<!")):
			return refuse("含 DOCTYPE/ENTITY 声明（实体扩展攻击）/ DOCTYPE or ENTITY declaration (entity expansion attack)")
		default:
			return nil // the root element (or text excelize will reject)
		}
	}
}

// utf8Declaration reports whether an XML declaration or processing
// instruction declares UTF-8 or no encoding at all.
func utf8Declaration(pi []byte) bool {
	s := strings.ToLower(string(pi))
	i := strings.Index(s, "encoding")
	if !strings.HasPrefix(s, "<?xml") || i < 0 {
		return true
	}
	v := strings.TrimLeft(s[i+len("encoding"):], " \t\r\n=")
	v = strings.Trim(v, " \t\r\n?")
	return strings.HasPrefix(v, `"utf-8"`) || strings.HasPrefix(v, `'utf-8'`) || strings.HasPrefix(v, `"utf8"`) || strings.HasPrefix(v, `'utf8'`)
}

// readEOCD reads the entry count and central directory size from the end
// of central directory record (and its zip64 form) without reading the
// directory itself, so a file declaring millions of entries costs nothing.
func readEOCD(r io.ReaderAt, size int64) (entries, cdSize uint64, err error) {
	const eocdLen = 22
	bad := fileErrorf("不是有效的 XLSX（找不到 zip 目录）/ not a valid XLSX (no zip end-of-directory record)")
	tailLen := min(size, eocdLen+65535)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return 0, 0, bad
	}
	at := -1
	for i := len(tail) - eocdLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(tail[i:]) == 0x06054b50 {
			at = i
			break
		}
	}
	if at < 0 {
		return 0, 0, bad
	}
	e := tail[at:]
	entries = uint64(binary.LittleEndian.Uint16(e[10:]))
	cdSize = uint64(binary.LittleEndian.Uint32(e[12:]))
	if entries != 0xffff && cdSize != 0xffffffff {
		return entries, cdSize, nil
	}
	// zip64: the locator sits just before the EOCD record.
	loc := int64(at) + (size - tailLen) - 20
	var l [20]byte
	if loc < 0 {
		return 0, 0, bad
	}
	if _, err := r.ReadAt(l[:], loc); err != nil || binary.LittleEndian.Uint32(l[:]) != 0x07064b50 {
		return 0, 0, bad
	}
	off := int64(binary.LittleEndian.Uint64(l[8:]))
	var z [56]byte
	if off < 0 || off > size-56 {
		return 0, 0, bad
	}
	if _, err := r.ReadAt(z[:], off); err != nil || binary.LittleEndian.Uint32(z[:]) != 0x06064b50 {
		return 0, 0, bad
	}
	return binary.LittleEndian.Uint64(z[32:]), binary.LittleEndian.Uint64(z[40:]), nil
}
