package pipeline

import (
	"context"
	"errors"
	"time"

	"legalmap/importers/reader"
	"legalmap/internal/store/importdb"
)

// runLawyers streams a lawyer list into the practitioner staging table and applies it: rows attach to their
// firms in the database, and the firms whose lawyers changed get fresh search documents (Run refreshes them).
func (r *runner) runLawyers(ctx context.Context, tx *importdb.ImportTx, table reader.Table, progress func(int64)) (importdb.ApplyResult, error) {
	env := r.rowEnv(table.Format())
	st := newStream(ctx, table, r.opt.Workers, env.practitioner, progress)
	defer st.close()
	c := r.newCollector()
	accepted := 0
	next := func() (*importdb.StagedPractitioner, error) {
		for {
			m, err := st.next()
			if err != nil {
				return nil, err
			}
			if c.take(m.line, m.id, m.licence, m.ok, m.reject, m.warns) {
				accepted++
				return m.rec, nil
			}
		}
	}
	staging := time.Now()
	if _, err := tx.StagePractitioners(ctx, next); err != nil {
		var fe *reader.FileError
		if errors.As(err, &fe) {
			return importdb.ApplyResult{}, &RefusedError{Reason: fe.Reason}
		}
		return importdb.ApplyResult{}, err
	}
	r.rep.Rows = c.rows
	r.rep.phase("read_stage", staging)
	applying := time.Now()
	if err := r.afterStaging(accepted); err != nil {
		return importdb.ApplyResult{}, err
	}
	res, err := tx.ApplyPractitioners(ctx, importdb.PractitionerApply{Role: r.kind.person.Role,
		PlaceKinds: r.kind.person.PlaceKinds, Fields: env.practitionerFields(),
		Snapshot: r.opt.Mode == ModeSnapshot, MaxWithdraw: r.opt.MaxWithdraw, Listed: c.listed})
	if err != nil {
		return res, snapshotRefusal(err)
	}
	r.rep.phase("apply", applying)
	r.takeRejects(res.Rejected)
	r.rep.Accepted -= len(res.Rejected)
	if r.rep.Accepted <= 0 {
		return res, &RefusedError{Reason: "没有一行被接受 / no row was accepted"}
	}
	if r.opt.Strict && r.rep.Rejected > 0 {
		return res, &RefusedError{Reason: "--strict：有行被拒绝 / --strict: rows rejected"}
	}
	return res, nil
}
