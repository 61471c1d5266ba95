package reader

import "fmt"

// FileError refuses a whole file: it cannot be read at all (not a format we
// take, a bomb, too large, no header, broken JSON). Nothing from such a file
// may be applied.
type FileError struct {
	Reason string // "中文 / English"
}

func (e *FileError) Error() string { return e.Reason }

// RowError is a problem with one row only; the reader goes on with the next
// row where the format allows it.
type RowError struct {
	Line   int    // same numbering as Row.Line
	Column string // header of the offending column; "geometry" for GeoJSON geometry; "" when the row as a whole is wrong
	Reason string // "中文 / English"
}

func (e *RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("第 %d 行 / line %d: %s", e.Line, e.Line, e.Reason)
	}
	return fmt.Sprintf("第 %d 行「%s」/ line %d, column %q: %s", e.Line, e.Column, e.Line, e.Column, e.Reason)
}

func fileErrorf(format string, args ...any) *FileError {
	return &FileError{Reason: fmt.Sprintf(format, args...)}
}
