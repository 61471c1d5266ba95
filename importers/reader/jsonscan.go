package reader

import (
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"
)

// A small scanner over one JSON value that the streaming decoder has
// already checked for syntax. Walking members by hand keeps their order
// (a map would lose it) and is several times faster than a second decoder
// per feature. Every index is bounds-checked, so even unchecked input
// cannot make it panic.

var errScan = errors.New("malformed JSON value")

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the index just past the string starting at b[i] == '"'.
func stringEnd(b []byte, i int) (int, error) {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, errScan
}

// valueEnd returns the index just past the value starting at b[i].
func valueEnd(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, errScan
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				end, err := stringEnd(b, j)
				if err != nil {
					return 0, err
				}
				j = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errScan
	}
	j := i
	for j < len(b) && !strings.ContainsRune(",}] \t\r\n", rune(b[j])) {
		j++
	}
	if j == i {
		return 0, errScan
	}
	return j, nil
}

// members calls fn with each key and raw value of the object in b.
func members(b []byte, fn func(key string, val []byte)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return errScan
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return errScan
		}
		switch b[i] {
		case '}':
			return nil
		case ',':
			i++
			continue
		case '"':
		default:
			return errScan
		}
		end, err := stringEnd(b, i)
		if err != nil {
			return err
		}
		key := unquote(b[i:end])
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return errScan
		}
		i = skipSpace(b, i+1)
		vend, err := valueEnd(b, i)
		if err != nil {
			return err
		}
		fn(key, b[i:vend])
		i = vend
	}
}

// elements calls fn with each raw element of the array in b.
func elements(b []byte, fn func(val []byte)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return errScan
	}
	i++
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return errScan
		}
		switch b[i] {
		case ']':
			return nil
		case ',':
			i++
			continue
		}
		end, err := valueEnd(b, i)
		if err != nil {
			return err
		}
		fn(b[i:end])
		i = end
	}
}

// unquote decodes a JSON string literal the way encoding/json does:
// invalid UTF-8 and lone surrogates become U+FFFD, which the cell checks
// then report as undecodable.
func unquote(raw []byte) string {
	if len(raw) >= 2 && !containsByte(raw, '\\') {
		s := string(raw[1 : len(raw)-1])
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		return s
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return "\uFFFD"
	}
	return s
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}
