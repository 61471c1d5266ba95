package pipeline

import (
	"context"
	"errors"
	"hash/fnv"
	"time"

	"legalmap/importers/reader"
	"legalmap/internal/directory"
	"legalmap/internal/store"
)

// runProviders streams a file of places through the row workers into the run's transaction (new records
// written directly, records the file may change staged, unchanged ones skipped: see store.WriteProviders)
// and applies what was staged.
func (r *runner) runProviders(ctx context.Context, tx *store.ImportTx, table reader.Table, progress func(int64)) (store.ApplyResult, error) {
	people, err := tx.PeopleBySourceID(ctx, r.opt.Kind)
	if err != nil {
		return store.ApplyResult{}, err
	}
	index, err := tx.LoadSourceIndex(ctx, r.opt.Kind)
	if err != nil {
		return store.ApplyResult{}, err
	}
	env := r.rowEnv(table.Format())
	env.people, env.index = people, index
	env.basis = r.fingerprintBasis(env)
	env.stageAll = r.opt.Kind == directory.KindCommunityAdviser && env.hasAdviser()
	st := newStream(ctx, table, r.opt.Workers, env.provider, progress)
	defer st.close()
	c := r.newCollector()
	shared := map[pointKey]sharedPoint{}
	looks := newKindTally(r.v.looks)
	accepted, areas := 0, 0
	next := func() (*store.StagedProvider, error) {
		for {
			m, err := st.next()
			if err != nil {
				return nil, err
			}
			if !c.take(m.line, m.id, "", m.ok, m.reject, m.warns) {
				continue
			}
			// One point shared by unrelated records (different names) is worth a look: a copied coordinate.
			k := keyOf([2]float64{m.rec.Lng, m.rec.Lat})
			h := nameHash(m.rec.Name)
			if prev, seen := shared[k]; seen && prev.name != h {
				r.rep.warn(Issue{Line: m.line, Field: "lng", SourceID: m.id, Reason: sharedReason(int(prev.line))})
			} else if !seen {
				shared[k] = sharedPoint{line: int32(m.line), name: h}
			}
			// Communities the workers registered so far go in before this row, which may name one.
			m.rec.Areas = r.v.areas.newAreas(areas)
			areas += len(m.rec.Areas)
			looks.add(m.rec.Name)
			accepted++
			return m.rec, nil
		}
	}
	staging := time.Now()
	written, err := tx.WriteProviders(ctx, r.opt.Kind, r.opt.Mode == ModeSnapshot, next)
	if err != nil {
		var fe *reader.FileError
		if errors.As(err, &fe) {
			return store.ApplyResult{}, &RefusedError{Reason: fe.Reason}
		}
		return store.ApplyResult{}, err
	}
	r.rep.Rows = c.rows
	if w, ok := looks.warning(r.opt.Kind); ok {
		r.rep.warn(w)
	}
	r.rep.phase("read_stage", staging)
	applying := time.Now()
	if err := r.afterStaging(accepted); err != nil {
		return store.ApplyResult{}, err
	}
	// Communities met only by rows that were then refused are registered all the same, as they always were.
	late, err := tx.AddAreas(ctx, r.v.areas.newAreas(areas))
	if err != nil {
		return store.ApplyResult{}, err
	}
	r.rep.AreasAdded, r.rep.Vouched = written.AreasAdded+late, written.Unchanged
	res, err := tx.ApplyProviders(ctx, store.ProviderApply{Kind: r.opt.Kind, Fields: env.providerFields(),
		Snapshot: r.opt.Mode == ModeSnapshot, MaxWithdraw: r.opt.MaxWithdraw, Listed: c.listed,
		Written: written, Open: index.Open})
	if err != nil {
		return res, snapshotRefusal(err)
	}
	r.rep.phase("apply", applying)
	r.takeRejects(res.Rejected)
	r.rep.Accepted -= len(res.Rejected)
	if r.rep.Accepted <= 0 {
		return res, &RefusedError{Reason: "没有一行被接受 / no row was accepted"}
	}
	if env.stageAll {
		adv, err := tx.ApplyAdvisers(ctx)
		if err != nil {
			return res, err
		}
		r.rep.Advisers = &adv
		for _, w := range adv.Warnings {
			r.rep.warn(Issue{Line: w.Line, Field: w.Field, SourceID: w.SourceID, Reason: w.Reason})
		}
	}
	if r.opt.Strict && r.rep.Rejected > 0 {
		return res, &RefusedError{Reason: "--strict：有行被拒绝 / --strict: rows rejected"}
	}
	return res, nil
}

type sharedPoint struct {
	line int32
	name uint32
}

func nameHash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(placeKey(s)))
	return h.Sum32()
}

func snapshotRefusal(err error) error {
	var sr *store.SnapshotRefusedError
	if errors.As(err, &sr) {
		return &RefusedError{Reason: sr.Error()}
	}
	return err
}

// takeRejects adds the rows the apply refused (a conflicting id, an unknown firm) to the report.
func (r *runner) takeRejects(rs []store.RowReject) {
	for _, x := range rs {
		r.rep.reject(Issue{Line: x.Line, Field: x.Field, SourceID: x.SourceID, Reason: x.Reason})
	}
}
