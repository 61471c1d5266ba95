package reader

import (
	"fmt"
	"io"
	"strings"
)

// csvRecord is one logical CSV record, possibly spanning several physical
// lines through quoted newlines.
type csvRecord struct {
	line    int      // physical line where it starts
	fields  []string // kept fields (content dropped once limits are hit)
	nfields int      // fields seen, kept or not
	prob    string   // first problem found, "" if none
	probCol int      // field index of the problem, -1 for the whole record
	eof     bool     // the record ran into the end of the file (unterminated quote)
}

func (r *csvRecord) fail(col int, reason string) {
	if r.prob == "" {
		r.prob, r.probCol = reason, col
	}
}

// csvParser is a small state machine over physical lines. It follows RFC
// 4180 strictly (as encoding/csv with LazyQuotes=false): a quote inside an
// unquoted field, or text after a closing quote, is an error for that
// record, and parsing resumes on the next line. It never holds more than
// maxRecord bytes of one record.
type csvParser struct {
	src       *lineSource
	delim     byte
	maxCell   int
	maxRecord int
	width     int // fields of the last record: room made for the next one's at once
}

// read returns the next non-blank record, or io.EOF.
func (p *csvParser) read() (csvRecord, error) {
	rec := csvRecord{probCol: -1, fields: make([]string, 0, min(p.width, maxColumns+1))}
	defer func() { p.width = len(rec.fields) }()
	var field strings.Builder
	fieldBig := false
	kept := 0 // bytes kept for this record
	inQuote, quoteLine := false, 0
	started := false

	add := func(s string) {
		if fieldBig {
			return
		}
		if field.Len()+len(s) > p.maxCell {
			fieldBig = true
			return
		}
		field.WriteString(s)
	}
	// endField ends a field whose text is s; clean: s is known to hold no NUL and no U+FFFD and to fit a cell.
	endField := func(s string, clean bool) {
		idx := rec.nfields
		rec.nfields++
		if fieldBig {
			rec.fail(idx, reasonCellTooLarge(p.maxCell))
			s = ""
		} else if !clean {
			if why := cellProblem(s, p.maxCell); why != "" {
				rec.fail(idx, why)
			}
		}
		fieldBig = false
		kept += len(s)
		switch {
		case rec.nfields > maxColumns+1:
			rec.fail(-1, "字段过多 / too many fields")
			return
		case kept > p.maxRecord:
			rec.fail(-1, "记录太大 / record too large")
			return
		}
		rec.fields = append(rec.fields, s)
	}
	end := func() {
		s := field.String()
		field.Reset()
		endField(s, false)
	}

	for {
		l, err := p.src.next()
		if err == io.EOF {
			if !started {
				return rec, io.EOF
			}
			// Only an open quote keeps a record going past its last line.
			rec.fail(-1, fmt.Sprintf("引号从第 %d 行开始直到文件末尾都未闭合 / unterminated quote opened on line %d", quoteLine, quoteLine))
			rec.eof = true
			end()
			return rec, nil
		}
		if !started {
			if l.note == "" && strings.TrimSpace(l.text) == "" {
				continue // blank line between records
			}
			started, rec.line = true, l.no
		}
		if l.note != "" && l.no == rec.line {
			rec.fail(-1, l.note)
		} else if l.note != "" {
			rec.fail(-1, fmt.Sprintf("第 %d 行 / line %d: %s", l.no, l.no, l.note))
		}
		text := l.text
		// Most lines hold neither a NUL nor an undecodable byte: their unquoted fields are taken as they
		// are, slices of the line, not copied and checked one by one. A line's text is valid UTF-8 (what
		// could not be decoded is U+FFFD), so the character is looked for as its bytes.
		clean := strings.IndexByte(text, 0) < 0 && !strings.Contains(text, "\uFFFD")
		i := 0
		for {
			if inQuote {
				j := strings.IndexByte(text[i:], '"')
				if j < 0 {
					add(text[i:])
					add("\n")
					break // the quoted field goes on on the next line
				}
				add(text[i : i+j])
				i += j + 1
				if i < len(text) && text[i] == '"' {
					add(`"`)
					i++
					continue
				}
				inQuote = false
				if i == len(text) {
					end()
					return rec, nil
				}
				if text[i] == p.delim {
					end()
					i++
					continue
				}
				rec.fail(rec.nfields, "闭合引号后还有字符 / extraneous text after a closing quote")
				end()
				return rec, nil
			}
			if i < len(text) && text[i] == '"' {
				inQuote, quoteLine = true, l.no
				i++
				continue
			}
			j := strings.IndexByte(text[i:], p.delim)
			seg := text[i:]
			if j >= 0 {
				seg = text[i : i+j]
			}
			if strings.IndexByte(seg, '"') >= 0 {
				rec.fail(rec.nfields, `未加引号的字段中有引号 " / bare quote in an unquoted field`)
			}
			if field.Len() == 0 && !fieldBig && len(seg) <= p.maxCell {
				endField(seg, clean)
			} else {
				add(seg)
				end()
			}
			if j < 0 {
				return rec, nil
			}
			i += j + 1
		}
	}
}

// sniffDelimiter picks the delimiter from the first of the given lines
// that has any: the most frequent of comma, tab and semicolon outside
// quotes, comma on a tie. Looking past the first line skips a title row.
// A full-width comma is never a delimiter.
func sniffDelimiter(lines []string) (byte, error) {
	fullWidth := false
	for _, line := range lines {
		counts := map[byte]int{}
		inQuote := false
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c == '"' {
				inQuote = !inQuote
				continue
			}
			if !inQuote && (c == ',' || c == '\t' || c == ';') {
				counts[c]++
			}
		}
		best := byte(',')
		for _, c := range []byte{'\t', ';'} {
			if counts[c] > counts[best] {
				best = c
			}
		}
		if counts[best] > 0 {
			return best, nil
		}
		fullWidth = fullWidth || strings.ContainsRune(line, '，')
	}
	if fullWidth {
		return 0, fileErrorf("表头只有全角逗号「，」，它不是分隔符；请用半角逗号、制表符或分号 / the header is separated by full-width commas, which are not delimiters: use ',' tab or ';'")
	}
	return ',', nil
}
