package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"time"

	"legalmap/importers/reader"
	"legalmap/internal/directory"
	"legalmap/internal/store/importdb"
)

// runProviders streams a file of places through the row workers into the run's transaction (new records
// written directly, records the file may change staged, unchanged ones skipped: see store.WriteProviders)
// and applies what was staged.
func (r *runner) runProviders(ctx context.Context, tx *importdb.ImportTx, table reader.Table, progress func(int64)) (importdb.ApplyResult, error) {
	indexing := time.Now()
	people, err := tx.PeopleBySourceID(ctx, r.opt.Kind)
	if err != nil {
		return importdb.ApplyResult{}, err
	}
	index, err := tx.LoadSourceIndex(ctx, r.opt.Kind)
	if err != nil {
		return importdb.ApplyResult{}, err
	}
	r.rep.phase("source_index", indexing)
	env := r.rowEnv(table.Format())
	env.people, env.index = people, index
	env.basis = r.fingerprintBasis(env)
	env.stageAll = r.opt.Kind == directory.KindCommunityAdviser && env.hasAdviser()
	st := newStream(ctx, table, r.opt.Workers, env.provider, progress)
	defer st.close()
	c := r.newCollector()
	shared := map[pointKey]sharedPoint{}
	looks := newKindTally(r.v.looks)
	licences := map[int][]int32{} // licence number length -> lines
	accepted, areas := 0, 0
	next := func() (*importdb.StagedProvider, error) {
		for {
			m, err := st.next()
			if err != nil {
				return nil, err
			}
			if !c.take(m.line, m.id, "", m.ok, m.reject, m.warns) {
				continue
			}
			r.rep.countPosition(m.rec.Placement)
			if l := len([]rune(m.rec.LicenceNo)); l > 0 {
				licences[l] = append(licences[l], int32(m.line))
			}
			// One point shared by unrelated records (different names) is worth a look: a copied coordinate.
			// Approximate points share their area's centre by design.
			if m.rec.Placement == PlacedExact {
				k := keyOf([2]float64{m.rec.Lng, m.rec.Lat})
				h := nameHash(m.rec.Name)
				if prev, seen := shared[k]; seen && prev.name != h {
					r.rep.warn(Issue{Line: m.line, Field: "lng", SourceID: m.id, Reason: sharedReason(int(prev.line))})
				} else if !seen {
					shared[k] = sharedPoint{line: int32(m.line), name: h}
				}
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
			return importdb.ApplyResult{}, &RefusedError{Reason: fe.Reason}
		}
		return importdb.ApplyResult{}, err
	}
	r.rep.Rows = c.rows
	if w, ok := looks.warning(r.opt.Kind); ok {
		r.rep.warn(w)
	}
	r.rep.phase("read_stage", staging)
	applying := time.Now()
	if err := r.afterStaging(accepted); err != nil {
		return importdb.ApplyResult{}, err
	}
	// Communities met only by rows that were then refused are registered all the same, as they always were.
	late, err := tx.AddAreas(ctx, r.v.areas.newAreas(areas))
	if err != nil {
		return importdb.ApplyResult{}, err
	}
	r.rep.AreasAdded, r.rep.Vouched = written.AreasAdded+late, written.Unchanged
	res, err := tx.ApplyProviders(ctx, importdb.ProviderApply{Kind: r.opt.Kind, Fields: env.providerFields(),
		Snapshot: r.opt.Mode == ModeSnapshot, MaxWithdraw: r.opt.MaxWithdraw, Listed: c.listed,
		Written: written, Open: index.Open})
	if err != nil {
		return res, snapshotRefusal(err)
	}
	r.rep.phase("apply", applying)
	if err := r.sharedAcrossDirectory(ctx, tx, shared); err != nil {
		return res, err
	}
	r.oddLicences(licences)
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

// sharedPoint is the first row of the file at a point: eight bytes beside its key, kept for every exact
// point of the file until it is read.
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
	var sr *importdb.SnapshotRefusedError
	if errors.As(err, &sr) {
		return &RefusedError{Reason: sr.Error()}
	}
	return err
}

// takeRejects adds the rows the apply refused (a conflicting id, an unknown firm) to the report.
func (r *runner) takeRejects(rs []importdb.RowReject) {
	for _, x := range rs {
		r.rep.reject(Issue{Line: x.Line, Field: x.Field, SourceID: x.SourceID, Reason: x.Reason})
	}
}

// sharedAcrossDirectory warns of the file's points that an unrelated open record of another list holds
// (the check within the file is done as the rows stream).
func (r *runner) sharedAcrossDirectory(ctx context.Context, tx *importdb.ImportTx, shared map[pointKey]sharedPoint) error {
	if len(shared) == 0 {
		return nil
	}
	xs, ys := make([]int64, 0, len(shared)), make([]int64, 0, len(shared))
	for k := range shared {
		xs, ys = append(xs, k[0]), append(ys, k[1])
	}
	held, err := tx.PointsHeldElsewhere(ctx, xs, ys, r.opt.Kind)
	if err != nil {
		return err
	}
	for _, h := range held {
		sp := shared[pointKey{h.X, h.Y}]
		if sp.name == nameHash(h.Name) {
			continue // the same place in another list
		}
		r.rep.warn(Issue{Line: int(sp.line), Field: "lng", Reason: fmt.Sprintf("与名录中的另一机构「%s」（%s）坐标相同，请核对 / same point as %s (%s) already in the directory: please check",
			h.Name, h.Kind, h.Name, h.Kind)})
	}
	return nil
}

// oddLicences warns of licence numbers whose length differs from the one most of the file's numbers have
// (a digit dropped or doubled when the list was typed): a list holds one kind's numbers, which share a
// form, whatever the city. Said only when the file shows a clear form: five numbers or more, four in five
// of one length.
func (r *runner) oddLicences(byLen map[int][]int32) {
	total, common := 0, 0
	for l, lines := range byLen {
		total += len(lines)
		if common == 0 || len(lines) > len(byLen[common]) {
			common = l
		}
	}
	if total < 5 || len(byLen[common])*5 < total*4 {
		return
	}
	for l, lines := range byLen {
		if l == common {
			continue
		}
		for _, line := range lines {
			r.rep.warn(Issue{Line: int(line), Field: "licence_no", Reason: fmt.Sprintf("许可证号长度 %d 位，本文件其他许可证号为 %d 位，请核对 / licence number of %d characters where the file's others have %d: please check",
				l, common, l, common)})
		}
	}
}
