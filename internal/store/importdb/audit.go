package importdb

import (
	"context"
	"encoding/json"
	"fmt"
	"math"

	"legalmap/internal/store"
)

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
			return fmt.Errorf("import audit: %w", store.Classify(err))
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
			var old, next store.AuditValues
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
			d, err := json.Marshal(store.AuditDiff(old, next))
			if err != nil {
				rows.Close()
				return fmt.Errorf("import audit: %w", err)
			}
			keys, diffs = append(keys, key), append(diffs, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("import audit: %w", store.Classify(err))
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
