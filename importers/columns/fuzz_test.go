package columns

import (
	"strings"
	"testing"
)

// FuzzMap: any header (tab-separated here) and kind must map without a
// panic, every column placed at most once, and Get never out of range.
func FuzzMap(f *testing.F) {
	f.Add("编号\t名称\t经度\t纬度", "law_firm")
	f.Fuzz(func(t *testing.T, joined, kind string) {
		header := strings.Split(joined, "\t")
		m, err := Map(header, kind)
		if err != nil && err.Error() == "" {
			t.Fatal("an error without a message")
		}
		used := map[int]string{}
		for field, i := range m.Index {
			if i < 0 || i >= len(header) {
				t.Fatalf("%s at column %d of %d", field, i, len(header))
			}
			if other, dup := used[i]; dup {
				t.Fatalf("column %d is both %s and %s", i, other, field)
			}
			used[i] = field
			_ = m.Get(header[:i], field) // a short row
		}
		for _, d := range m.Dropped {
			if _, dup := used[d.Index]; dup || d.Index >= len(header) || header[d.Index] != d.Header {
				t.Fatalf("dropped %+v", d)
			}
		}
	})
}
