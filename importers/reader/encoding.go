package reader

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// textEncoding is how the bytes of a CSV or GeoJSON file map to text.
type textEncoding int

const (
	encUTF8 textEncoding = iota
	encGB18030
	encUTF16LE
	encUTF16BE
)

func (e textEncoding) String() string {
	return [...]string{"utf-8", "gb18030", "utf-16le", "utf-16be"}[e]
}

// detected is the outcome of encoding detection.
type detected struct {
	enc    textEncoding
	bomLen int  // bytes of byte order mark to skip
	auto   bool // chosen by detection, not by the caller
}

// detectEncoding decides how to decode a text file. A byte order mark
// always wins (it is an explicit statement inside the file). Otherwise the
// caller's choice wins, and "auto" means, over the whole file:
//  1. valid UTF-8 -> UTF-8;
//  2. mostly UTF-8 (at least twice as many valid non-ASCII lines as broken
//     ones) -> UTF-8, the broken lines become row errors (a UTF-8 list with
//     a few GBK lines pasted in);
//  3. decodes as GB18030 with no invalid sequence -> GB18030 (Excel on
//     Chinese Windows; GBK is a subset);
//  4. otherwise whichever of the two leaves fewer broken lines.
func detectEncoding(r io.ReaderAt, size int64, want string) (detected, error) {
	head := make([]byte, 4)
	n, _ := r.ReadAt(head, 0)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		return detected{enc: encUTF8, bomLen: 3}, nil
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		return detected{enc: encUTF16LE, bomLen: 2}, nil
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		return detected{enc: encUTF16BE, bomLen: 2}, nil
	case bytes.HasPrefix(head, []byte("\x84\x31\x95\x33")):
		return detected{enc: encGB18030, bomLen: 4}, nil
	}
	switch strings.ToLower(strings.TrimSpace(want)) {
	case "", "auto":
	case "utf-8", "utf8":
		return detected{enc: encUTF8}, nil
	case "gb18030", "gbk", "gb2312", "cp936":
		return detected{enc: encGB18030}, nil
	default:
		return detected{}, fileErrorf("不支持的编码 %q，可用 auto、utf-8、gb18030 / unsupported encoding %q: use auto, utf-8 or gb18030", want, want)
	}
	// A file that is valid UTF-8 throughout has no line to weigh: known in one fast pass.
	if validUTF8(io.NewSectionReader(r, 0, size)) {
		return detected{enc: encUTF8, auto: true}, nil
	}
	u := scanLines(io.NewSectionReader(r, 0, size))
	if u.invalid == 0 || u.goodMB >= 2*u.invalid {
		return detected{enc: encUTF8, auto: true}, nil
	}
	gb := scanLines(transform.NewReader(io.NewSectionReader(r, 0, size), simplifiedchinese.GB18030.NewDecoder()))
	if gb.replaced == 0 || gb.replaced < u.invalid {
		return detected{enc: encGB18030, auto: true}, nil
	}
	return detected{enc: encUTF8, auto: true}, nil
}

// lineStats counts lines by what their bytes look like as UTF-8.
type lineStats struct {
	goodMB   int // valid lines with at least one non-ASCII character
	invalid  int // lines with invalid UTF-8
	replaced int // lines with invalid UTF-8 or U+FFFD
}

// validUTF8 streams r once, in fixed memory, and says whether it is valid UTF-8 throughout.
func validUTF8(r io.Reader) bool {
	valid := true
	readChunks(r, func(chunk []byte, atEOF bool) (int, bool) {
		end := len(chunk)
		if !atEOF {
			end = whole(chunk, 0, end)
		}
		valid = utf8.Valid(chunk[:end])
		return len(chunk) - end, valid
	})
	return valid
}

// readChunks reads r in chunks of fixed size until it ends or each returns false. A chunk starts with the
// bytes the previous one kept: each says how many of its last bytes (an unfinished last character) the
// next chunk starts with.
func readChunks(r io.Reader, each func(chunk []byte, atEOF bool) (keep int, more bool)) {
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := io.ReadFull(r, buf[carry:])
		n += carry
		atEOF := err != nil
		keep, more := each(buf[:n], atEOF)
		if atEOF || !more {
			return
		}
		carry = copy(buf, buf[n-keep:n])
	}
}

// whole is where the complete characters of buf[from:n] end: before an unfinished last character, which
// waits for the next read.
func whole(buf []byte, from, n int) int {
	for s := n - 1; s >= max(from, n-utf8.UTFMax); s-- {
		if utf8.RuneStart(buf[s]) {
			if !utf8.FullRune(buf[s:n]) {
				return s
			}
			break
		}
	}
	return n
}

var replacement = []byte("\uFFFD")

// scanLines streams r once, in fixed memory.
func scanLines(r io.Reader) lineStats {
	var st lineStats
	var mb, bad, repl bool
	endLine := func() {
		if bad {
			st.invalid++
		}
		if bad || repl {
			st.replaced++
		} else if mb {
			st.goodMB++
		}
		mb, bad, repl = false, false, false
	}
	readChunks(r, func(buf []byte, atEOF bool) (int, bool) {
		n := len(buf)
		for i := 0; i < n; {
			c := buf[i]
			if c < utf8.RuneSelf {
				if c == '\n' {
					endLine()
				}
				i++
				continue
			}
			// A run of non-ASCII bytes is judged whole (a sequence never spans an ASCII byte); one that reaches
			// the end of the buffer keeps an unfinished last character for the next read.
			j := i + 1
			for j < n && buf[j] >= utf8.RuneSelf {
				j++
			}
			k := j
			if j == n && !atEOF {
				k = whole(buf, i, n)
			}
			switch run := buf[i:k]; {
			case len(run) == 0:
			case !utf8.Valid(run):
				bad = true
			case bytes.Contains(run, replacement):
				repl = true
			default:
				mb = true
			}
			if k < j {
				return n - k, true
			}
			i = j
		}
		if atEOF {
			endLine()
		}
		return 0, true
	})
	return st
}

// decodedStream returns the file's text as UTF-8 bytes, except for GB18030,
// which is decoded line by line by lineSource (so that a broken line is
// known by its number) and is returned raw here.
func decodedStream(r io.ReaderAt, size int64, d detected) io.Reader {
	body := io.NewSectionReader(r, int64(d.bomLen), size-int64(d.bomLen))
	switch d.enc {
	case encUTF16LE:
		return transform.NewReader(body, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case encUTF16BE:
		return transform.NewReader(body, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	}
	return body
}
