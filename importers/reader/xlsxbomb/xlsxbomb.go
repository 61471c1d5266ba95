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
