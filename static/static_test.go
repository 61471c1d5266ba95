package static

import (
	"bufio"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// The binary embeds every front-end file vendor.txt names, whatever built it (a plain `go build` or
// `go install` from a clean clone included): the map page needs them all.
func TestVendoredFilesAreEmbedded(t *testing.T) {
	f, err := os.Open("vendor.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := strings.Fields(sc.Text())
		if len(line) != 2 || strings.HasPrefix(line[0], "#") {
			continue
		}
		b, err := fs.ReadFile(Site(), line[1])
		if err != nil || len(b) == 0 {
			t.Errorf("%s is not embedded (%d bytes, %v)", line[1], len(b), err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("vendor.txt lists no files")
	}
}
