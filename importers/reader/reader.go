// Package reader turns an uploaded or local data file (CSV, XLSX, GeoJSON)
// into a header and a stream of rows of text cells, safely: it owns format
// sniffing, text encodings, CSV structure, zip-bomb and XML-entity defences
// for XLSX, and GeoJSON point geometry. It knows nothing about what the
// columns mean (package columns does) or about the database.
package reader

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Options tune reading; the zero value is the safe default.
type Options struct {
	Sheet        string // XLSX: sheet name; "" means the first visible sheet
	Encoding     string // CSV/GeoJSON text encoding: "auto" (default), "utf-8", "gb18030" (also "gbk")
	MaxFileBytes int64  // default 200 MiB
	MaxCellBytes int    // default 64 KiB
}

// Default limits.
const (
	DefaultMaxFileBytes = 200 << 20
	DefaultMaxCellBytes = 64 << 10
	// maxColumns bounds a header: no bureau list has more, and it bounds memory.
	maxColumns = 1000
)

// Row is one record of the file. Blank rows are skipped; a row with data
// beyond the last header column is a RowError, empty cells there are
// dropped.
type Row struct {
	Line     int        // CSV: physical line where the record starts; XLSX: sheet row; GeoJSON: feature index+1
	Cells    []string   // aligned with Table.Header(), never shorter or longer
	Geometry *[]float64 // GeoJSON only: a Point's coordinates as given (2 or 3 numbers); nil otherwise
}

// Table is an open file read row by row.
type Table interface {
	Format() string // "csv", "xlsx" or "geojson"
	// Header is the first non-empty row (CSV, XLSX; a one-cell title row
	// above a wider row is skipped) or the union of property keys in
	// first-seen order (GeoJSON), trimmed, without empty trailing columns.
	Header() []string
	// Next returns the next row, io.EOF at the end, a *RowError for a bad row
	// (call Next again for the rows after it), or a *FileError when the rest
	// of the file cannot be read (the whole file must then be refused).
	Next() (Row, error)
	Close() error
	CRS() string // GeoJSON crs member as "wgs84", "gcj02" or "bd09"; "" when not declared
}

// Open reads the file at path. The format is sniffed from the content first
// and the extension second.
func Open(path string, opt Options) (Table, error) {
	opt = opt.withDefaults()
	if err := refuseByName(path); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fileErrorf("无法打开文件 / cannot open file: %v", err)
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, fileErrorf("不是普通文件 / not a regular file: %s", filepath.Base(path))
	}
	if st.Size() > opt.MaxFileBytes {
		f.Close()
		return nil, tooLarge(opt.MaxFileBytes)
	}
	t, err := openFile(f, path, st.Size(), opt, nil)
	if err != nil {
		f.Close()
		return nil, err
	}
	return t, nil
}

// OpenReader reads an upload named name from r. The content is spooled to a
// temporary file (removed by Close) so that every format can be read twice
// and sought, while memory stays small.
func OpenReader(name string, r io.Reader, opt Options) (Table, error) {
	opt = opt.withDefaults()
	if err := refuseByName(name); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp("", "legalmap-upload-*"+safeExt(name))
	if err != nil {
		return nil, fileErrorf("无法暂存上传文件 / cannot spool upload: %v", err)
	}
	cleanup := func() { os.Remove(tmp.Name()) }
	n, err := io.Copy(tmp, io.LimitReader(r, opt.MaxFileBytes+1))
	if err == nil && n > opt.MaxFileBytes {
		err = tooLarge(opt.MaxFileBytes)
	} else if err != nil {
		err = fileErrorf("读取上传文件失败 / cannot read upload: %v", err)
	}
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		tmp.Close()
		cleanup()
		return nil, err
	}
	t, err := openFile(tmp, tmp.Name(), n, opt, cleanup)
	if err != nil {
		tmp.Close()
		cleanup()
		return nil, err
	}
	return t, nil
}

func (o Options) withDefaults() Options {
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	if o.MaxCellBytes <= 0 {
		o.MaxCellBytes = DefaultMaxCellBytes
	}
	return o
}

func tooLarge(max int64) *FileError {
	return fileErrorf("文件超过 %d 字节上限 / file larger than the %d-byte limit", max, max)
}

func safeExt(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".json", ".geojson":
		return ext
	}
	return ""
}

// refuseByName refuses compressed uploads before a byte is read: a gzip
// member may hide a bomb, and no bureau export is gzipped.
func refuseByName(name string) error {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gz", ".tgz", ".gzip", ".bz2", ".xz", ".zst", ".7z", ".rar":
		return fileErrorf("不支持压缩文件，请上传原始的 CSV/XLSX/GeoJSON / compressed files are not supported: %s", filepath.Base(name))
	}
	return nil
}

// openFile sniffs the format of an open file and hands it to the format's
// reader; cleanup (may be nil) runs at Close.
func openFile(f *os.File, path string, size int64, opt Options, cleanup func()) (Table, error) {
	if size == 0 {
		return nil, fileErrorf("空文件 / empty file")
	}
	head := make([]byte, 512)
	n, err := f.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fileErrorf("无法读取文件 / cannot read file: %v", err)
	}
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	if err := refuseMagic(head); err != nil {
		return nil, err
	}
	switch {
	case isZip(head):
		return openXLSX(f, path, size, opt, cleanup)
	case firstText(head) == '{':
		return openGeoJSON(f, size, opt, cleanup)
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xls":
		return nil, fileErrorf("扩展名是 %s 但内容不是 XLSX 工作簿（不是 zip）/ named %s but not an XLSX workbook (not a zip)", ext, ext)
	case ext == ".geojson" || ext == ".json":
		return nil, fileErrorf("扩展名是 %s 但内容不是 GeoJSON 对象 / named %s but not a GeoJSON object", ext, ext)
	case looksUTF16(head):
		return nil, fileErrorf("文件像是没有 BOM 的 UTF-16，请另存为 UTF-8 / looks like UTF-16 without a byte order mark: save as UTF-8")
	}
	return openCSV(f, opt, cleanup)
}

func isZip(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}

// refuseMagic names formats we recognise but do not read, so that the user
// gets a clear reason instead of a screen of undecodable-byte errors.
func refuseMagic(head []byte) error {
	magics := []struct {
		prefix, what string
	}{
		{"\x1f\x8b", "gzip 压缩文件 / gzip-compressed file"},
		{"BZh", "bzip2 压缩文件 / bzip2-compressed file"},
		{"\xfd7zXZ\x00", "xz 压缩文件 / xz-compressed file"},
		{"7z\xbc\xaf\x27\x1c", "7z 压缩文件 / 7z archive"},
		{"Rar!", "RAR 压缩文件 / RAR archive"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 .xls 或加密的工作簿，请另存为 .xlsx / legacy .xls or encrypted workbook: save as .xlsx"},
		{"%PDF", "PDF 文件 / PDF document"},
		{"\x89PNG", "PNG 图片 / PNG image"},
		{"\xff\xd8\xff", "JPEG 图片 / JPEG image"},
	}
	for _, m := range magics {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return fileErrorf("不支持的文件格式：%s", m.what)
		}
	}
	return nil
}

// firstText returns the first non-space character of the file's text,
// looking through a UTF-8 or UTF-16 byte order mark.
func firstText(head []byte) byte {
	step, off := 1, 0
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		off = 3
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		step, off = 2, 2 // UTF-16LE: ASCII byte first
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		step, off = 2, 3 // UTF-16BE: ASCII byte second
	}
	for i := off; i < len(head); i += step {
		switch head[i] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return head[i]
	}
	return 0
}

// looksUTF16 spots UTF-16 text without a byte order mark: zero bytes at
// every other position, which no CSV in UTF-8 or GB18030 has.
func looksUTF16(head []byte) bool {
	if len(head) < 8 || bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")) {
		return false
	}
	var zeros [2]int
	for i, c := range head {
		if c == 0 {
			zeros[i%2]++
		}
	}
	enough := max(2, len(head)/20)
	return (zeros[0] >= enough && zeros[1]*8 <= zeros[0]) || (zeros[1] >= enough && zeros[0]*8 <= zeros[1])
}
