package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
)

// The audit diff, one implementation for every write: the admin's edits and creations and the importers'
// creations and updates. Each path renders a record's content as auditValues (each field's value as JSON
// under its column's name: Go renders what Go holds, SQL what the database holds), and auditDiff compares
// two renderings.

// FieldChange is one field's entry in an audit diff.
type FieldChange struct {
	Old json.RawMessage `json:"old"`
	New json.RawMessage `json:"new"`
}

// auditValues is a record's content as its audit rows show it.
type auditValues map[string]json.RawMessage

// set renders value (a string, a list, a number, a bool, a time or raw JSON) under field.
func (v auditValues) set(field string, value any) {
	b, err := json.Marshal(value)
	if err != nil { // only for values JSON cannot hold (NaN): kept out rather than written wrong
		return
	}
	v[field] = b
}

// auditDiff is {"field": {"old": …, "new": …}} for every field of next whose value differs from old's.
// Empty values (null, "", [], {}) are alike: a list emptied is the same content as one never given, and a
// created record (old nil) lists the fields it was created with that are not empty, old null.
func auditDiff(old, next auditValues) map[string]FieldChange {
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

// The importers' audit in SQL-held data: a statement renders the rows' old and new values into the temp
// table import_audit (key: the staged row's line, or any order; old_values NULL for a creation), diffAudit
// fills in their diffs, and the statements that follow read them from there.
const importAuditDDL = `CREATE TEMP TABLE IF NOT EXISTS import_audit (key bigint PRIMARY KEY, id uuid,
	old_values jsonb, new_values jsonb NOT NULL, diff jsonb) ON COMMIT DROP`

// startAudit empties import_audit for the next statement's rows.
func (t *ImportTx) startAudit(ctx context.Context) error {
	if _, err := t.exec(ctx, "audit", importAuditDDL); err != nil {
		return err
	}
	_, err := t.exec(ctx, "audit", "TRUNCATE import_audit")
	return err
}

// auditPage bounds the rows diffAudit holds at once: memory stays flat whatever the run's size.
const auditPage = 5000

// diffAudit computes the diff of every row of import_audit, a page at a time.
func (t *ImportTx) diffAudit(ctx context.Context) error {
	after := int64(math.MinInt64)
	for {
		rows, err := t.tx.Query(ctx, `SELECT key, old_values, new_values FROM import_audit
			WHERE key > $1 ORDER BY key LIMIT $2`, after, auditPage)
		if err != nil {
			return fmt.Errorf("import audit: %w", Classify(err))
		}
		var keys []int64
		var diffs [][]byte
		for rows.Next() {
			var key int64
			var oldRaw, newRaw []byte
			if err := rows.Scan(&key, &oldRaw, &newRaw); err != nil {
				rows.Close()
				return fmt.Errorf("import audit: %w", err)
			}
			var old, next auditValues
			if oldRaw != nil {
				if err := json.Unmarshal(oldRaw, &old); err != nil {
					rows.Close()
					return fmt.Errorf("import audit: %w", err)
				}
			}
			if err := json.Unmarshal(newRaw, &next); err != nil {
				rows.Close()
				return fmt.Errorf("import audit: %w", err)
			}
			d, err := json.Marshal(auditDiff(old, next))
			if err != nil {
				rows.Close()
				return fmt.Errorf("import audit: %w", err)
			}
			keys, diffs = append(keys, key), append(diffs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("import audit: %w", Classify(err))
		}
		if len(keys) == 0 {
			return nil
		}
		if _, err := t.exec(ctx, "audit", `UPDATE import_audit a SET diff = d.diff
			FROM unnest($1::bigint[], $2::jsonb[]) AS d(key, diff) WHERE a.key = d.key`, keys, diffs); err != nil {
			return err
		}
		if len(keys) < auditPage {
			return nil
		}
		after = keys[len(keys)-1]
	}
}
