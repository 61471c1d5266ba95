package reader

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// The streaming scans judge a file as reading it whole, line by line, would: whatever the lines, and
// wherever the chunks end (characters are cut at every chunk's edge in some of these files).
func TestScansAsWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	pieces := [][]byte{[]byte("abc,"), []byte("深圳市福田区"), []byte("\n"), []byte("\uFFFD"), {0xff}, {0xe6, 0xb7}, []byte("律师"), []byte(" 1,2\r\n")}
	for round := range 200 {
		var b bytes.Buffer
		size := 70000 + r.IntN(140000) // one to three chunks
		bad := round%3 == 0
		for b.Len() < size {
			p := pieces[r.IntN(len(pieces))]
			if !bad && (p[0] == 0xff || p[0] == 0xe6 && len(p) == 2) {
				continue
			}
			b.Write(p)
		}
		data := b.Bytes()
		var want lineStats
		for line := range bytes.Lines(data) {
			switch {
			case !utf8.Valid(line):
				want.invalid++
				want.replaced++
			case bytes.Contains(line, replacement):
				want.replaced++
			case bytes.IndexFunc(line, func(c rune) bool { return c >= utf8.RuneSelf }) >= 0:
				want.goodMB++
			}
		}
		if got := scanLines(bytes.NewReader(data)); got != want {
			t.Fatalf("round %d (%d bytes): scanned %+v, line by line %+v", round, len(data), got, want)
		}
		if got := validUTF8(bytes.NewReader(data)); got != utf8.Valid(data) {
			t.Fatalf("round %d (%d bytes): valid %v, whole %v", round, len(data), got, utf8.Valid(data))
		}
	}
}
