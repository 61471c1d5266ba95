package reader

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// physLine is one physical line of text, without its line terminator.
type physLine struct {
	no   int
	text string
	note string // a problem with the whole line ("" if none)
}

// lineSource splits a text stream into physical lines, decodes each, and
// bounds memory: a line longer than maxLine is reported and skipped.
// Splitting the raw bytes on '\n' (or '\r') is safe for UTF-8 and GB18030,
// whose multi-byte sequences never contain a byte below 0x30.
type lineSource struct {
	br      *bufio.Reader
	gb      bool // decode lines as GB18030
	autoGB  bool // GB18030 chosen by detection: flag lines that look like UTF-8
	maxLine int
	sep     byte // '\n', or '\r' for old Mac files that end lines with CR only
	no      int
	back    []physLine // lines peeked at, in order
	done    bool
	err     error // a read error other than the end of the file
}

func newLineSource(r io.Reader, d detected, maxLine int) *lineSource {
	s := &lineSource{
		br:      bufio.NewReaderSize(r, 64<<10),
		gb:      d.enc == encGB18030,
		autoGB:  d.enc == encGB18030 && d.auto,
		maxLine: maxLine,
		sep:     '\n',
	}
	if head, _ := s.br.Peek(64 << 10); bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		s.sep = '\r'
	}
	return s
}

// peek returns the text of up to n non-blank lines ahead without
// consuming them.
func (s *lineSource) peek(n int) []string {
	var texts []string
	for len(texts) < n {
		l, err := s.read()
		if err != nil {
			break
		}
		s.back = append(s.back, l)
		if strings.TrimSpace(l.text) != "" {
			texts = append(texts, l.text)
		}
	}
	return texts
}

// next returns the next line or io.EOF.
func (s *lineSource) next() (physLine, error) {
	if len(s.back) > 0 {
		l := s.back[0]
		s.back = s.back[1:]
		return l, nil
	}
	return s.read()
}

func (s *lineSource) read() (physLine, error) {
	if s.done {
		return physLine{}, io.EOF
	}
	raw, tooLong, err := s.readRaw()
	if err != nil {
		s.done = true
		if err != io.EOF {
			s.err = err
		}
		if len(raw) == 0 && !tooLong {
			return physLine{}, io.EOF
		}
	}
	s.no++
	l := physLine{no: s.no}
	if tooLong {
		l.note = "行太长，已跳过 / line too long, skipped"
		return l, nil
	}
	raw = bytes.TrimSuffix(raw, []byte("\r"))
	switch {
	case s.gb:
		l.text = decodeGB(raw)
		if s.autoGB && looksUTF8(raw) {
			l.note = "该行像是 UTF-8 而文件是 GB18030（编码混用）/ line looks like UTF-8 in a GB18030 file (mixed encodings)"
		}
	case utf8.Valid(raw):
		l.text = string(raw)
	default:
		l.text = strings.ToValidUTF8(string(raw), "\uFFFD")
	}
	return l, nil
}

// readRaw reads one line without its '\n'. A line over maxLine bytes is
// drained, not kept.
func (s *lineSource) readRaw() ([]byte, bool, error) {
	var line []byte
	tooLong := false
	for {
		frag, err := s.br.ReadSlice(s.sep)
		if !tooLong {
			if len(line)+len(frag) > s.maxLine+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil {
			return bytes.TrimSuffix(line, []byte{s.sep}), tooLong, nil
		}
		return line, tooLong, err
	}
}

func decodeGB(raw []byte) string {
	for _, c := range raw {
		if c >= utf8.RuneSelf {
			out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
			if err != nil {
				return strings.ToValidUTF8(string(raw), "\uFFFD")
			}
			return string(out)
		}
	}
	return string(raw)
}

// looksUTF8 tells a line pasted from a UTF-8 source into a GB18030 file: it
// is valid UTF-8 with at least two three-byte (CJK) sequences, which GBK
// text almost never is by chance.
func looksUTF8(raw []byte) bool {
	if !utf8.Valid(raw) {
		return false
	}
	n := 0
	for i := 0; i < len(raw); {
		_, sz := utf8.DecodeRune(raw[i:])
		if sz == 3 {
			n++
		}
		i += sz
	}
	return n >= 2
}
