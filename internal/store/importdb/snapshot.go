package importdb

import (
	"context"
	"fmt"

	"legalmap/internal/store"
)

// snapshotTarget is one table a snapshot may withdraw from, with its staging table and audit record type.
// Only these fixed literals reach the SQL.
type snapshotTarget struct {
	table, stage, recordType, scope string // scope: the condition on $2 that delimits the run's records
	affects                         bool   // practitioners: record the provider whose document changes
}

var (
	providerSnapshot     = snapshotTarget{"providers", "import_listed_providers", "provider", "kind = $2", false}
	practitionerSnapshot = snapshotTarget{"practitioners", "import_stage_practitioners", "practitioner", "role = $2", true}
)

// notListed is the condition "the record p is open, of this source and scope, and the file does not list it"
// ($1 source, $2 scope value, $3 ids of rejected rows, which the file does list).
func (s snapshotTarget) notListed() string {
	return fmt.Sprintf(`p.source = $1 AND p.%s AND p.status <> 'closed'
		AND NOT EXISTS (SELECT 1 FROM %s s WHERE s.source_id = p.source_id) AND NOT (p.source_id = ANY($3))`, s.scope, s.stage)
}

// checkSnapshot refuses the run when it would withdraw more than max of the source's open records: a file
// cut short or of the wrong office must not empty the map. open is that number as it was before the run
// wrote anything, or -1 when nothing has been written yet (it is counted here).
func (t *ImportTx) checkSnapshot(ctx context.Context, s snapshotTarget, scope string, listed []string, max float64, open int) error {
	var withdraw, now int
	err := t.tx.QueryRow(ctx, fmt.Sprintf(`SELECT
			(SELECT count(*) FROM %s p WHERE %s),
			(SELECT count(*) FROM %s p WHERE p.source = $1 AND p.%s AND p.status <> 'closed')`,
		s.table, s.notListed(), s.table, s.scope), t.Run.Source, scope, store.NonNil(listed)).Scan(&withdraw, &now)
	if err != nil {
		return fmt.Errorf("import snapshot check: %w", store.Classify(err))
	}
	if open < 0 {
		open = now
	}
	if open > 0 && float64(withdraw) > max*float64(open) {
		return &SnapshotRefusedError{Withdraw: withdraw, Open: open, Max: max}
	}
	return nil
}

// withdraw closes (never deletes) the records the file no longer lists, each with its audit row.
func (t *ImportTx) withdraw(ctx context.Context, s snapshotTarget, scope string, listed []string) (int64, error) {
	affected := ""
	if s.affects {
		affected = `, a AS (INSERT INTO import_affected (provider_id) SELECT provider_id FROM w WHERE provider_id IS NOT NULL)`
	}
	ret := "p.id, o.status AS old_status"
	if s.affects {
		ret += ", p.provider_id"
	}
	return t.exec(ctx, "withdraw", fmt.Sprintf(`WITH w AS (
			UPDATE %s p SET status = 'closed', version = p.version + 1, updated_at = now()
			FROM %s o WHERE o.id = p.id AND %s
			RETURNING %s)%s
		INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT '%s', id, 'withdraw', $4, $5, jsonb_build_object('status', jsonb_build_object('old', old_status, 'new', 'closed'))
		FROM w`, s.table, s.table, s.notListed(), ret, affected, s.recordType),
		t.Run.Source, scope, store.NonNil(listed), t.Run.Actor, t.RunID)
}
