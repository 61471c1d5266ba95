package reader

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// fuzzRead reads data as an upload named name and checks the invariants
// every outside input must keep: no panic, only *FileError from Open,
// only *RowError or *FileError from Next, line numbers present and
// increasing, rows as wide as the header, and an end in bounded steps.
func fuzzRead(t *testing.T, name string, data []byte) {
	tab, err := OpenReader(name, bytes.NewReader(data), Options{MaxCellBytes: 4 << 10, MaxFileBytes: 1 << 20})
	if err != nil {
		var fe *FileError
		if !errors.As(err, &fe) || fe.Reason == "" {
			t.Fatalf("Open: want *FileError with a reason, got %T %v", err, err)
		}
		return
	}
	defer tab.Close()
	if len(tab.Header()) == 0 {
		t.Fatal("opened with an empty header")
	}
	last := 0
	for steps := 0; ; steps++ {
		if steps > len(data)+2 {
			t.Fatalf("more rows than bytes: Next makes no progress")
		}
		row, err := tab.Next()
		if err == io.EOF {
			return
		}
		var re *RowError
		var fe *FileError
		switch {
		case errors.As(err, &re):
			if re.Line <= last || re.Reason == "" {
				t.Fatalf("row error line %d after line %d (reason %q)", re.Line, last, re.Reason)
			}
			last = re.Line
		case errors.As(err, &fe):
			return
		case err != nil:
			t.Fatalf("Next: want *RowError or *FileError, got %T %v", err, err)
		default:
			if row.Line <= last {
				t.Fatalf("row line %d after line %d", row.Line, last)
			}
			last = row.Line
			if len(row.Cells) != len(tab.Header()) {
				t.Fatalf("line %d: %d cells for %d columns", row.Line, len(row.Cells), len(tab.Header()))
			}
			if tab.Format() == "geojson" && (row.Geometry == nil || len(*row.Geometry) < 2 || len(*row.Geometry) > 3) {
				t.Fatalf("feature %d: bad geometry %v", row.Line, row.Geometry)
			}
		}
	}
}

func FuzzCSV(f *testing.F) {
	f.Add([]byte("名称,地址\n\"a,b\",\"c\nd\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "upload.csv", data) })
}

func FuzzGeoJSON(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"名称":"甲"},"geometry":{"type":"Point","coordinates":[114,22]}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "upload.geojson", data) })
}

func FuzzXLSX(f *testing.F) {
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, "upload.xlsx", data) })
}
