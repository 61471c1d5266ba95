package importdb

import (
	"context"
	"fmt"

	"legalmap/internal/store"
)

const affectedDDL = `CREATE TEMP TABLE IF NOT EXISTS import_affected (provider_id uuid NOT NULL) ON COMMIT DROP`

// ApplyPractitioners applies staged practitioners: each row is attached to its firm (by licence number or
// credit code, else by a name no other open firm bears; an unknown firm rejects the row), matched to an
// existing practitioner by source id or else by licence number, then updated, created or (snapshot)
// withdrawn with one audit row each. Firms whose practitioners changed are collected for RebuildDocs.
func (t *ImportTx) ApplyPractitioners(ctx context.Context, a PractitionerApply) (ApplyResult, error) {
	var res ApplyResult
	fs, err := selectFields(practitionerFields, a.Fields)
	if err != nil {
		return res, err
	}
	src, actor, run := t.Run.Source, t.Run.Actor, t.RunID
	if _, err := t.exec(ctx, "resolve", affectedDDL); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "resolve", `CREATE TEMP TABLE import_resolved (line int NOT NULL, source_id text NOT NULL,
		firm_id uuid, by_source uuid, by_licence uuid) ON COMMIT DROP`); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "resolve", `INSERT INTO import_resolved
		WITH `+firmKeys("$2")+`
		SELECT s.line, s.source_id, coalesce(fl.id, fn.id) AS firm_id, bs.id AS by_source, bl.id AS by_licence
		FROM import_stage_practitioners s
		LEFT JOIN firm_by_licence fl ON s.firm_licence <> '' AND fl.k = s.firm_licence
		LEFT JOIN firm_by_name fn ON s.firm_name <> '' AND fn.k = translate(replace(s.firm_name, ' ', ''), '（）', '()')
		LEFT JOIN practitioners bs ON bs.source = $1 AND bs.source_id = s.source_id
		LEFT JOIN practitioners bl ON bl.licence_no = s.licence_no`, src, a.PlaceKinds); err != nil {
		return res, err
	}
	if res.Rejected, err = t.rejectUnresolved(ctx); err != nil {
		return res, err
	}
	if a.Snapshot {
		if err := t.checkSnapshot(ctx, practitionerSnapshot, a.Role, a.Listed, a.MaxWithdraw, -1); err != nil {
			return res, err
		}
	}
	if _, err := t.exec(ctx, "compare", `CREATE TEMP TABLE import_changed_practitioners (id uuid NOT NULL,
		line int NOT NULL, changed boolean NOT NULL, action text NOT NULL, diff jsonb, old_provider uuid,
		new_provider uuid) ON COMMIT DROP`); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "compare", `INSERT INTO import_changed_practitioners
		SELECT o.id, s.line, `+fs.differs()+` AS changed,
			CASE WHEN o.status = 'closed' AND s.status <> 'closed' THEN 'restore' ELSE 'update' END AS action,
			NULL AS diff, o.provider_id AS old_provider, r.firm_id AS new_provider
		FROM import_stage_practitioners s JOIN import_resolved r ON r.line = s.line
		JOIN practitioners o ON o.id = coalesce(r.by_source, r.by_licence)
		WHERE `+fs.differs()+` OR o.search_doc IS DISTINCT FROM s.search_doc`, src); err != nil {
		return res, err
	}
	if err := t.startAudit(ctx); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "audit", `INSERT INTO import_audit (key, id, old_values, new_values)
		SELECT c.line, c.id, `+fs.oldValues()+`, `+fs.newValues()+`
		FROM import_changed_practitioners c JOIN import_stage_practitioners s ON s.line = c.line
		JOIN import_resolved r ON r.line = c.line JOIN practitioners o ON o.id = c.id
		WHERE c.changed`, src); err != nil {
		return res, err
	}
	if err := t.diffAudit(ctx); err != nil {
		return res, err
	}
	if _, err = t.exec(ctx, "audit", `UPDATE import_changed_practitioners c SET diff = a.diff, changed = a.diff <> '{}'
		FROM import_audit a WHERE a.key = c.line`); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "update", `UPDATE practitioners o SET `+fs.assignments()+`, search_doc = s.search_doc,
			version = o.version + c.changed::int,
			updated_at = CASE WHEN c.changed THEN now() ELSE o.updated_at END
		FROM import_changed_practitioners c JOIN import_stage_practitioners s ON s.line = c.line
		JOIN import_resolved r ON r.line = c.line
		WHERE o.id = c.id`, src); err != nil {
		return res, err
	}
	n, err := t.exec(ctx, "audit", `WITH a AS (
			INSERT INTO import_affected (provider_id)
			SELECT old_provider FROM import_changed_practitioners WHERE old_provider IS NOT NULL
			UNION SELECT new_provider FROM import_changed_practitioners)
		INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'practitioner', id, action, $1, $2, diff FROM import_changed_practitioners WHERE changed ORDER BY line`, actor, run)
	if err != nil {
		return res, err
	}
	res.Updated = int(n)
	// The records, then their audit rows over the same staged rows (no join on returned ids).
	n, err = t.exec(ctx, "create", `INSERT INTO practitioners (id, provider_id, role, name, licence_no, practice_areas,
			practice_notes, languages, status, source, source_id, search_doc)
		SELECT s.id, r.firm_id, s.role, s.name, s.licence_no, s.practice_areas, s.practice_notes, s.languages, s.status,
			$1, s.source_id, s.search_doc
		FROM import_stage_practitioners s JOIN import_resolved r ON r.line = s.line
		WHERE r.by_source IS NULL AND r.by_licence IS NULL`, src)
	if err != nil {
		return res, err
	}
	if err := t.startAudit(ctx); err != nil {
		return res, err
	}
	if _, err = t.exec(ctx, "audit", `INSERT INTO import_audit (key, id, new_values)
		SELECT s.line, s.id, `+fieldSet(practitionerFields).newValues()+`
		FROM import_stage_practitioners s JOIN import_resolved r ON r.line = s.line
		WHERE r.by_source IS NULL AND r.by_licence IS NULL`, src); err != nil {
		return res, err
	}
	if err := t.diffAudit(ctx); err != nil {
		return res, err
	}
	audited, err := t.exec(ctx, "create", `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'practitioner', id, 'create', $1, $2, diff FROM import_audit ORDER BY key`, actor, run)
	if err != nil {
		return res, err
	}
	if n != audited {
		return res, fmt.Errorf("import create: %d practitioners but %d audit rows", n, audited)
	}
	if _, err := t.exec(ctx, "create", `INSERT INTO import_affected (provider_id)
		SELECT DISTINCT firm_id FROM import_resolved WHERE by_source IS NULL AND by_licence IS NULL`); err != nil {
		return res, err
	}
	res.Created = int(n)
	if a.Snapshot {
		n, err := t.withdraw(ctx, practitionerSnapshot, a.Role, a.Listed)
		if err != nil {
			return res, err
		}
		res.Withdrawn = int(n)
	}
	var staged int
	if err := t.tx.QueryRow(ctx, "SELECT count(*) FROM import_stage_practitioners").Scan(&staged); err != nil {
		return res, store.Classify(err)
	}
	res.Unchanged = staged - res.Created - res.Updated
	return res, nil
}

// rejectUnresolved takes out of the staging tables the rows whose firm is unknown, and those whose source id
// and licence number name two different practitioners, and returns them as rejections.
func (t *ImportTx) rejectUnresolved(ctx context.Context) ([]RowReject, error) {
	rows, err := t.tx.Query(ctx, `WITH bad AS (
			DELETE FROM import_resolved r
			WHERE r.firm_id IS NULL OR (r.by_source IS NOT NULL AND r.by_licence IS NOT NULL AND r.by_source <> r.by_licence)
			RETURNING r.line, r.firm_id IS NULL AS no_firm),
		gone AS (DELETE FROM import_stage_practitioners s USING bad WHERE s.line = bad.line
			RETURNING s.line, s.source_id, s.licence_no, s.firm_licence, s.firm_name)
		SELECT g.line, g.source_id, coalesce(g.licence_no, ''), g.firm_licence, g.firm_name, b.no_firm
		FROM gone g JOIN bad b ON b.line = g.line ORDER BY g.line`)
	if err != nil {
		return nil, fmt.Errorf("import resolve: %w", store.Classify(err))
	}
	defer rows.Close()
	var out []RowReject
	for rows.Next() {
		var r RowReject
		var licence, firmLicence, firmName string
		var noFirm bool
		if err := rows.Scan(&r.Line, &r.SourceID, &licence, &firmLicence, &firmName, &noFirm); err != nil {
			return nil, err
		}
		switch {
		case noFirm && firmLicence == "" && firmName == "":
			r.Field, r.Reason = "firm_name", "缺少执业机构 / the row names no firm"
		case noFirm:
			r.Field = "firm_licence_no"
			what := firmLicence
			if what == "" {
				r.Field, what = "firm_name", firmName
			}
			r.Reason = fmt.Sprintf("执业机构未知或名称不唯一：%s / unknown firm (or a name several firms share): %s", what, what)
		default:
			r.Field = "licence_no"
			r.Reason = fmt.Sprintf("执业证号 %s 已属于另一名执业人员 / licence number %s already belongs to another practitioner", licence, licence)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
