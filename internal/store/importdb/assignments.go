package importdb

import "context"

// applyAssignments writes the assignments of the linked advisers (import_adv): ends those of the file's
// points that the file no longer names, updates the changed ones and creates the new ones, each change
// with its audit row (diff over provider_id, practitioner_id, firm_id, firm_name, schedule).
func (t *ImportTx) applyAssignments(ctx context.Context, res *AdviserResult) error {
	src, actor, run := t.Run.Source, t.Run.Actor, t.RunID
	if _, err := t.exec(ctx, "assignments", `CREATE TEMP TABLE import_asg (id uuid, line int NOT NULL, point_id uuid NOT NULL,
		practitioner_id uuid NOT NULL, firm_id uuid, firm_name text NOT NULL, schedule jsonb NOT NULL, diff jsonb NOT NULL)
		ON COMMIT DROP`); err != nil {
		return err
	}
	if _, err := t.exec(ctx, "assignments", `INSERT INTO import_asg
		SELECT x.id, a.line, a.point_id, a.practitioner_id, a.firm_id, a.firm_name, a.schedule,
			CASE WHEN x.id IS NULL THEN jsonb_build_object(
				'provider_id', jsonb_build_object('old', NULL, 'new', a.point_id),
				'practitioner_id', jsonb_build_object('old', NULL, 'new', a.practitioner_id),
				'firm_id', jsonb_build_object('old', NULL, 'new', a.firm_id),
				'firm_name', jsonb_build_object('old', NULL, 'new', a.firm_name),
				'schedule', jsonb_build_object('old', NULL, 'new', a.schedule))
			ELSE
				CASE WHEN x.firm_id IS DISTINCT FROM a.firm_id THEN jsonb_build_object('firm_id', jsonb_build_object('old', x.firm_id, 'new', a.firm_id)) ELSE '{}' END
				|| CASE WHEN x.firm_name IS DISTINCT FROM a.firm_name THEN jsonb_build_object('firm_name', jsonb_build_object('old', x.firm_name, 'new', a.firm_name)) ELSE '{}' END
				|| CASE WHEN x.schedule IS DISTINCT FROM a.schedule THEN jsonb_build_object('schedule', jsonb_build_object('old', x.schedule, 'new', a.schedule)) ELSE '{}' END
			END
		FROM import_adv a LEFT JOIN assignments x ON x.provider_id = a.point_id AND x.practitioner_id = a.practitioner_id
		WHERE a.practitioner_id IS NOT NULL
		AND (x.id IS NULL OR ROW(x.firm_id, x.firm_name, x.schedule) IS DISTINCT FROM ROW(a.firm_id, a.firm_name, a.schedule))`); err != nil {
		return err
	}
	n, err := t.exec(ctx, "assignments", `WITH gone AS (
			DELETE FROM assignments x USING import_stage_providers s, providers pt
			WHERE pt.source = $1 AND pt.source_id = s.source_id AND x.provider_id = pt.id
			AND NOT EXISTS (SELECT 1 FROM import_adv a WHERE a.point_id = x.provider_id AND a.practitioner_id = x.practitioner_id)
			RETURNING x.id, x.provider_id, x.practitioner_id, x.firm_id, x.firm_name, x.schedule),
		aff AS (INSERT INTO import_affected (provider_id) SELECT provider_id FROM gone)
		INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'assignment', id, 'withdraw', $2, $3, jsonb_build_object(
			'provider_id', jsonb_build_object('old', provider_id, 'new', NULL),
			'practitioner_id', jsonb_build_object('old', practitioner_id, 'new', NULL),
			'firm_id', jsonb_build_object('old', firm_id, 'new', NULL),
			'firm_name', jsonb_build_object('old', firm_name, 'new', NULL),
			'schedule', jsonb_build_object('old', schedule, 'new', NULL))
		FROM gone`, src, actor, run)
	if err != nil {
		return err
	}
	res.AssignmentsEnded = int(n)
	if _, err := t.exec(ctx, "assignments", `INSERT INTO import_affected (provider_id) SELECT point_id FROM import_asg`); err != nil {
		return err
	}
	if _, err := t.exec(ctx, "assignments", `UPDATE assignments x SET firm_id = g.firm_id, firm_name = g.firm_name,
		schedule = g.schedule, updated_at = now() FROM import_asg g WHERE x.id = g.id`); err != nil {
		return err
	}
	if n, err = t.exec(ctx, "assignments", `INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'assignment', id, 'update', $1, $2, diff FROM import_asg WHERE id IS NOT NULL ORDER BY line`, actor, run); err != nil {
		return err
	}
	res.AssignmentsUpdated = int(n)
	n, err = t.exec(ctx, "assignments", `WITH ins AS (
			INSERT INTO assignments (practitioner_id, provider_id, firm_id, firm_name, schedule)
			SELECT practitioner_id, point_id, firm_id, firm_name, schedule FROM import_asg WHERE id IS NULL ORDER BY line
			RETURNING id, provider_id, practitioner_id)
		INSERT INTO changes (record_type, record_id, action, actor, import_run_id, diff)
		SELECT 'assignment', ins.id, 'create', $1, $2, g.diff
		FROM ins JOIN import_asg g ON g.point_id = ins.provider_id AND g.practitioner_id = ins.practitioner_id`, actor, run)
	if err != nil {
		return err
	}
	res.AssignmentsCreated = int(n)
	return nil
}
