package importdb

import (
	"context"
	"fmt"

	"legalmap/internal/store"
)

// ProviderApply says how the staged providers of a run are applied.
type ProviderApply struct {
	Kind     string
	Fields   []string // optional fields whose column the file has (see providerFields)
	Snapshot bool     // withdraw the source's records of this kind that the file no longer lists
	// MaxWithdraw is the share of the source's open records a snapshot may withdraw before it is refused.
	MaxWithdraw float64
	// Listed are the ids of rows the run rejected: still in the file, so a snapshot must not withdraw them.
	Listed []string
	// Written is what WriteProviders did (records it created, rows it found unchanged); Open is the
	// SourceIndex's count of open records before the run, the base of the snapshot's share.
	Written WriteResult
	Open    int
}

// ApplyResult is what an apply did. Rejected rows are rows the database refused as a whole set would
// (a conflicting id, an unknown firm); they were not applied and are not counted elsewhere.
type ApplyResult struct {
	ImportCounts
	Rejected []RowReject
	// Affected are providers whose practitioners changed: their search documents must be rebuilt.
	Affected int
}

// RowReject is one staged row refused by the apply.
type RowReject struct {
	Line     int
	SourceID string
	Field    string
	Reason   string
}

// SnapshotRefusedError: a snapshot would withdraw more than the allowed share of the source.
type SnapshotRefusedError struct {
	Withdraw, Open int
	Max            float64
}

func (e *SnapshotRefusedError) Error() string {
	return fmt.Sprintf("快照导入将撤下 %d / %d 条现有记录，超过允许的 %.0f%%，文件可能不完整，已拒绝 / snapshot would withdraw %d of %d open records, more than the allowed %.0f%%: the file looks incomplete, refused",
		e.Withdraw, e.Open, e.Max*100, e.Withdraw, e.Open, e.Max*100)
}

// ApplyProviders applies the staged providers (WriteProviders has created the new ones already): updates
// what changed (a new version and an audit row per record whose public fields changed; the search
// document alone changes silently), creates what is new (a staged row whose record is not there: an id
// the SourceIndex mistook for another), records the fingerprints of what it compared, and in snapshot
// mode withdraws what the file no longer lists. Set-based: a handful of statements whatever the file's
// size.
func (t *ImportTx) ApplyProviders(ctx context.Context, a ProviderApply) (ApplyResult, error) {
	var res ApplyResult
	fs, err := selectFields(providerFields, a.Fields)
	if err != nil {
		return res, err
	}
	src, actor, run := t.Run.Source, t.Run.Actor, t.RunID
	if res.Rejected, err = t.rejectForeignKind(ctx, a.Kind); err != nil {
		return res, err
	}
	if a.Snapshot {
		if err := t.checkSnapshot(ctx, providerSnapshot, a.Kind, a.Listed, a.MaxWithdraw, a.Open); err != nil {
			return res, err
		}
	}
	if _, err = t.exec(ctx, "compare", `CREATE TEMP TABLE import_changed_providers (
		id uuid NOT NULL, line int NOT NULL, changed boolean NOT NULL, action text NOT NULL, diff jsonb) ON COMMIT DROP`); err != nil {
		return res, err
	}
	_, err = t.exec(ctx, "compare", `INSERT INTO import_changed_providers
		SELECT o.id, s.line, `+fs.differs()+` AS changed,
			CASE WHEN o.status = 'closed' AND s.status <> 'closed' THEN 'restore' ELSE 'update' END AS action
		FROM import_stage_providers s JOIN providers o ON o.source = $1 AND o.source_id = s.source_id
		WHERE `+fs.differs()+` OR o.search_doc IS DISTINCT FROM s.search_doc`, src)
	if err != nil {
		return res, err
	}
	// The audit of what changed (store.AuditDiff); a change that is no change of content (an empty list for
	// none) is written without a new version or an audit row.
	if err := t.startAudit(ctx); err != nil {
		return res, err
	}
	if _, err = t.exec(ctx, "audit", `INSERT INTO import_audit (key, id, old_values, new_values)
		SELECT c.line, c.id, `+fs.oldValues()+`, `+fs.newValues()+`
		FROM import_changed_providers c JOIN import_stage_providers s ON s.line = c.line JOIN providers o ON o.id = c.id
		WHERE c.changed`); err != nil {
		return res, err
	}
	if err := t.diffAudit(ctx); err != nil {
		return res, err
	}
	if _, err = t.exec(ctx, "audit", `UPDATE import_changed_providers c SET diff = a.diff, changed = a.diff <> '{}'
		FROM import_audit a WHERE a.key = c.line`); err != nil {
		return res, err
	}
	if _, err = t.exec(ctx, "update", `UPDATE providers o SET `+fs.assignments()+`, search_doc = s.search_doc,
			version = o.version + c.changed::int,
			updated_at = CASE WHEN c.changed THEN now() ELSE o.updated_at END
		FROM import_changed_providers c JOIN import_stage_providers s ON s.line = c.line
		WHERE o.id = c.id`); err != nil {
		return res, err
	}
	n, err := t.exec(ctx, "audit", `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'provider', id, action, $1, $2, diff FROM import_changed_providers WHERE changed ORDER BY line`, actor, run)
	if err != nil {
		return res, err
	}
	res.Updated = int(n)
	// The audit rows first, then the records, both for the rows the source does not hold yet: two plain
	// anti-joins over the same state (the import lock keeps other imports out), no join on the ids the
	// INSERT returns, which the planner cannot estimate.
	audited, err := t.exec(ctx, "create", `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'provider', s.id, 'create', $2, $3, s.create_diff FROM import_stage_providers s
		WHERE NOT EXISTS (SELECT 1 FROM providers p WHERE p.source = $1 AND p.source_id = s.source_id)`, src, actor, run)
	if err != nil {
		return res, err
	}
	n, err = t.exec(ctx, "create", `INSERT INTO providers (id, kind, source, source_id, name, name_en, licence_no, credit_code,
			address, area_code, geom, placement, phones, email, website, hours, languages, practice_areas, practice_notes, free,
			fee_note, accessibility, description, categories, valid_from, valid_to, status, verified_at, search_doc)
		SELECT s.id, $1, $2, s.source_id, s.name, s.name_en, s.licence_no, s.credit_code, s.address, s.area_code,
			ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326), s.placement, s.phones, s.email, s.website, s.hours, s.languages,
			s.practice_areas, s.practice_notes, s.free, s.fee_note, s.accessibility, s.description, s.categories,
			s.valid_from, s.valid_to, s.status, s.verified_at, s.search_doc
		FROM import_stage_providers s
		WHERE NOT EXISTS (SELECT 1 FROM providers p WHERE p.source = $2 AND p.source_id = s.source_id)`, a.Kind, src)
	if err != nil {
		return res, err
	}
	if n != audited {
		return res, fmt.Errorf("import create: %d records but %d audit rows", n, audited)
	}
	res.Created = int(n)
	if err := t.fingerprintStaged(ctx); err != nil {
		return res, err
	}
	if a.Snapshot {
		n, err := t.withdraw(ctx, providerSnapshot, a.Kind, a.Listed)
		if err != nil {
			return res, err
		}
		res.Withdrawn = int(n)
	}
	var staged int
	if err := t.tx.QueryRow(ctx, "SELECT count(*) FROM import_stage_providers").Scan(&staged); err != nil {
		return res, store.Classify(err)
	}
	res.Unchanged = staged - res.Created - res.Updated + a.Written.Unchanged
	res.Created += a.Written.Created
	return res, nil
}

// fingerprintStaged records the fingerprint of every staged row at its record's version after the apply:
// the next run of the same file finds them vouched for. Only hashes that moved are written.
func (t *ImportTx) fingerprintStaged(ctx context.Context) error {
	_, err := t.exec(ctx, "fingerprints", `INSERT INTO provider_fingerprints AS f (provider_id, version, fp)
		SELECT p.id, p.version, s.fp FROM import_stage_providers s JOIN providers p ON p.source = $1 AND p.source_id = s.source_id
		ON CONFLICT (provider_id) DO UPDATE SET version = excluded.version, fp = excluded.fp
		WHERE (f.version, f.fp) IS DISTINCT FROM (excluded.version, excluded.fp)`, t.Run.Source)
	return err
}

// rejectForeignKind refuses staged rows whose source id belongs to a record of another kind in the same
// source (ids are unique per source), and takes them out of the staging table.
func (t *ImportTx) rejectForeignKind(ctx context.Context, kind string) ([]RowReject, error) {
	rows, err := t.tx.Query(ctx, `DELETE FROM import_stage_providers s USING providers p
		WHERE p.source = $1 AND p.source_id = s.source_id AND p.kind <> $2
		RETURNING s.line, s.source_id, p.kind`, t.Run.Source, kind)
	if err != nil {
		return nil, fmt.Errorf("import check ids: %w", store.Classify(err))
	}
	defer rows.Close()
	var out []RowReject
	for rows.Next() {
		var r RowReject
		var other string
		if err := rows.Scan(&r.Line, &r.SourceID, &other); err != nil {
			return nil, err
		}
		r.Field = "source_id"
		r.Reason = fmt.Sprintf("编号 %s 在来源 %s 中已属于另一类机构（%s）/ id already used in this source by a record of kind %s",
			r.SourceID, t.Run.Source, other, other)
		out = append(out, r)
	}
	return out, rows.Err()
}
