package reader

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchFile writes n records of a realistic list in format ("csv" or
// "geojson") and returns its path.
func benchFile(b *testing.B, format string, n int) string {
	b.Helper()
	var sb strings.Builder
	switch format {
	case "csv":
		sb.WriteString("编号,名称,地址,经度,纬度,联系电话,服务时间\n")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&sb, "A%d,深圳市某某律师事务所%d,\"福田区福中三路%d号,市民中心\",114.%04d,22.%04d,0755-8200%04d,周一至周五 9:00-12:00\n", i, i, i, i%10000, i%10000, i%10000)
		}
	case "geojson":
		sb.WriteString(`{"type":"FeatureCollection","features":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				sb.WriteString(",\n")
			}
			fmt.Fprintf(&sb, `{"type":"Feature","properties":{"编号":"A%d","名称":"深圳市某某律师事务所%d","地址":"福田区福中三路%d号","联系电话":"0755-8200%04d"},"geometry":{"type":"Point","coordinates":[114.%04d,22.%04d]}}`, i, i, i, i%10000, i%10000, i%10000)
		}
		sb.WriteString("]}\n")
	}
	path := filepath.Join(b.TempDir(), "bench."+format)
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchRead(b *testing.B, format string) {
	path := benchFile(b, format, 100_000)
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			_, err := t.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		t.Close()
		if n != 100_000 {
			b.Fatalf("%d rows", n)
		}
	}
}

func BenchmarkReadCSV(b *testing.B)     { benchRead(b, "csv") }
func BenchmarkReadGeoJSON(b *testing.B) { benchRead(b, "geojson") }
