package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// derivedIDPrefix marks an id the pipeline made, so it is never mistaken for one a bureau's system issued.
const derivedIDPrefix = "auto-"

// derivedIDNote is the report's file-level warning when the ids are derived.
const derivedIDNote = "文件没有编号列：每行的编号由名称和地址（规范化后）生成；名称或地址改动的行将作为新记录导入 / " +
	"the file has no id column: each row's id is derived from its name and address (normalised); a row whose name " +
	"or address changes is imported as a new record"

// derivedPersonIDNote is derivedIDNote for a list of people with neither an id nor a licence number column.
const derivedPersonIDNote = "文件没有编号列和执业证号列：每人的编号由姓名和所属机构（规范化后）生成；姓名或机构改动的人将作为新记录导入 / " +
	"the file has no id or licence number column: each person's id is derived from their name and organisation " +
	"(normalised); a person whose name or organisation changes is imported as a new record"

// derivedID is the stable id of a row from a list without an id column: a hash of its normalised name and
// address, so the same list imported again finds the same records, whatever its row order, spacing or
// full-width characters.
func derivedID(name, address string) string {
	h := sha256.Sum256([]byte(idKey(name) + "\x00" + idKey(address)))
	return derivedIDPrefix + hex.EncodeToString(h[:8])
}

// idKey is the form of a name or address two lists of the same place agree on: full-width folded to
// half-width, lower case, without spaces and punctuation.
func idKey(s string) string {
	s = strings.ToLower(width.Fold.String(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}
