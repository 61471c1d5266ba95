package store

import (
	"bytes"
	"encoding/json"
)

// The audit diff, one implementation for every write: the admin's edits and creations and the importers'
// creations and updates. Each path renders a record's content as AuditValues (each field's value as JSON
// under its column's name: Go renders what Go holds, SQL what the database holds), and AuditDiff compares
// two renderings.

// FieldChange is one field's entry in an audit diff.
type FieldChange struct {
	Old json.RawMessage `json:"old"`
	New json.RawMessage `json:"new"`
}

// AuditValues is a record's content as its audit rows show it.
type AuditValues map[string]json.RawMessage

// Set renders value (a string, a list, a number, a bool, a time or raw JSON) under field.
func (v AuditValues) Set(field string, value any) {
	b, err := json.Marshal(value)
	if err != nil { // only for values JSON cannot hold (NaN): kept out rather than written wrong
		return
	}
	v[field] = b
}

// AuditDiff is {"field": {"old": …, "new": …}} for every field of next whose value differs from old's.
// Empty values (null, "", [], {}) are alike: a list emptied is the same content as one never given, and a
// created record (old nil) lists the fields it was created with that are not empty, old null.
func AuditDiff(old, next AuditValues) map[string]FieldChange {
	diff := map[string]FieldChange{}
	for k, nv := range next {
		if ov := old[k]; !jsonEqual(ov, nv) {
			diff[k] = FieldChange{Old: orNull(ov), New: orNull(nv)}
		}
	}
	return diff
}

func orNull(v json.RawMessage) json.RawMessage {
	if len(v) == 0 {
		return json.RawMessage("null")
	}
	return v
}

// jsonEqual compares two JSON values, all empty values alike.
func jsonEqual(a, b json.RawMessage) bool {
	if jsonEmpty(a) || jsonEmpty(b) {
		return jsonEmpty(a) && jsonEmpty(b)
	}
	if bytes.Equal(a, b) {
		return true
	}
	var ca, cb bytes.Buffer // the same value spaced differently (jsonb writes ", ")
	return json.Compact(&ca, a) == nil && json.Compact(&cb, b) == nil && bytes.Equal(ca.Bytes(), cb.Bytes())
}

func jsonEmpty(x json.RawMessage) bool {
	switch string(bytes.TrimSpace(x)) {
	case "", "null", `""`, "[]", "{}":
		return true
	}
	return false
}
