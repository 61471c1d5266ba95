package importdb

import (
	"context"
	"fmt"

	"legalmap/internal/directory"
	"legalmap/internal/store"
)

// AdviserResult counts what a community adviser run did beside its points: advisers created (a licence not
// yet known, or a name without one) and assignments created, changed or ended. Rows whose adviser could not
// be linked or created are warnings.
type AdviserResult struct {
	PractitionersCreated int         `json:"practitioners_created"`
	AssignmentsCreated   int         `json:"assignments_created"`
	AssignmentsUpdated   int         `json:"assignments_updated"`
	AssignmentsEnded     int         `json:"assignments_ended"`
	Warnings             []RowReject `json:"-"`
}

// ApplyAdvisers links each staged community adviser point to its adviser (an existing practitioner by
// licence number, else one this source created before for the same licence or point, else created now
// under the supplying firm) and writes the assignment (firm, schedule), auditing each change. Call it after
// ApplyProviders, which has created or updated the points. A point whose row names another adviser than
// before ends its old assignment.
func (t *ImportTx) ApplyAdvisers(ctx context.Context) (AdviserResult, error) {
	var res AdviserResult
	src, actor, run := t.Run.Source, t.Run.Actor, t.RunID
	steps := []struct {
		what, sql string
		args      []any
	}{
		{"advisers", affectedDDL, nil},
		{"advisers", `CREATE TEMP TABLE import_adv (line int NOT NULL, point_id uuid NOT NULL, point_source_id text NOT NULL,
			firm_id uuid, firm_name text NOT NULL, practitioner_id uuid, adviser_name text NOT NULL, adviser_licence text,
			schedule jsonb NOT NULL, adviser_doc tsvector NOT NULL) ON COMMIT DROP`, nil},
		{"advisers", `INSERT INTO import_adv
			WITH ` + firmKeys("$2") + `
			SELECT s.line, pt.id, s.source_id, coalesce(fl.id, fn.id), s.firm_name, pr.id, s.adviser_name,
				nullif(s.adviser_licence, ''), coalesce(s.schedule, '{}'), s.adviser_doc
			FROM import_stage_providers s JOIN providers pt ON pt.source = $1 AND pt.source_id = s.source_id
			LEFT JOIN firm_by_licence fl ON s.firm_licence <> '' AND fl.k = s.firm_licence
			LEFT JOIN firm_by_name fn ON s.firm_name <> '' AND fn.k = translate(replace(s.firm_name, ' ', ''), '（）', '()')
			LEFT JOIN practitioners pr ON s.adviser_licence <> '' AND pr.licence_no = s.adviser_licence
			WHERE s.adviser_name <> '' OR s.adviser_licence <> ''`, []any{src, []string{directory.KindLawFirm}}},
		// One this source created on an earlier run (same licence, or same point when there is no licence).
		{"advisers", `UPDATE import_adv a SET practitioner_id = pr.id FROM practitioners pr
			WHERE a.practitioner_id IS NULL AND pr.source = $1
			AND pr.source_id = 'adviser:' || coalesce(a.adviser_licence, a.point_source_id)`, []any{src}},
		// A firm's practitioner of that name, when it is the only one.
		{"advisers", `UPDATE import_adv a SET practitioner_id = m.id FROM (
				SELECT pr.provider_id, pr.name, min(pr.id::text)::uuid AS id FROM practitioners pr
				WHERE pr.provider_id IS NOT NULL AND pr.status <> 'closed' GROUP BY 1, 2 HAVING count(*) = 1) m
			WHERE a.practitioner_id IS NULL AND a.adviser_licence IS NULL AND a.firm_id = m.provider_id AND m.name = a.adviser_name`, nil},
	}
	for _, s := range steps {
		if _, err := t.exec(ctx, s.what, s.sql, s.args...); err != nil {
			return res, err
		}
	}
	if err := t.startAudit(ctx); err != nil {
		return res, err
	}
	n, err := t.exec(ctx, "advisers", `WITH ins AS (
			INSERT INTO practitioners (provider_id, role, name, licence_no, status, source, source_id, search_doc)
			SELECT DISTINCT ON (k) firm_id, 'adviser', adviser_name, adviser_licence, 'active', $1, k, adviser_doc
			FROM (SELECT *, 'adviser:' || coalesce(adviser_licence, point_source_id) AS k FROM import_adv
				WHERE practitioner_id IS NULL AND btrim(adviser_name) <> '') x
			ORDER BY k, line
			RETURNING id, source_id, provider_id, `+rowValues(practitionerFields)+` AS v),
		aff AS (INSERT INTO import_affected (provider_id) SELECT provider_id FROM ins WHERE provider_id IS NOT NULL),
		link AS (UPDATE import_adv a SET practitioner_id = ins.id FROM ins
			WHERE ins.source_id = 'adviser:' || coalesce(a.adviser_licence, a.point_source_id))
		INSERT INTO import_audit (key, id, new_values) SELECT row_number() OVER (ORDER BY source_id), id, v FROM ins`, src)
	if err != nil {
		return res, err
	}
	if err := t.diffAudit(ctx); err != nil {
		return res, err
	}
	if _, err := t.exec(ctx, "advisers", `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'practitioner', id, 'create', $1, $2, diff FROM import_audit ORDER BY key`, actor, run); err != nil {
		return res, err
	}
	res.PractitionersCreated = int(n)
	if res.Warnings, err = t.unlinkedAdvisers(ctx); err != nil {
		return res, err
	}
	if err := t.applyAssignments(ctx, &res); err != nil {
		return res, err
	}
	return res, nil
}

// unlinkedAdvisers reports rows whose adviser is neither known nor creatable (a licence number without a
// name: the point is imported without its adviser) and rows whose supplying firm is unknown (the firm's name
// is kept on the assignment as written).
func (t *ImportTx) unlinkedAdvisers(ctx context.Context) ([]RowReject, error) {
	rows, err := t.tx.Query(ctx, `SELECT line, point_source_id, 'adviser_licence_no', coalesce(adviser_licence, '')
			FROM import_adv WHERE practitioner_id IS NULL
		UNION ALL
		SELECT line, point_source_id, 'firm_name', firm_name FROM import_adv WHERE firm_id IS NULL AND firm_name <> ''
		ORDER BY 1, 3`)
	if err != nil {
		return nil, fmt.Errorf("import advisers: %w", store.Classify(err))
	}
	defer rows.Close()
	var out []RowReject
	for rows.Next() {
		var r RowReject
		var v string
		if err := rows.Scan(&r.Line, &r.SourceID, &r.Field, &v); err != nil {
			return nil, err
		}
		if r.Field == "firm_name" {
			r.Reason = fmt.Sprintf("派驻律所未知或名称不唯一：%s，仅保留名称 / supplying firm unknown (or its name is shared): %s; name kept as written", v, v)
		} else {
			r.Reason = fmt.Sprintf("顾问执业证号 %s 未知且未填写姓名，未关联顾问 / adviser licence %s unknown and no name given: point imported without its adviser", v, v)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
