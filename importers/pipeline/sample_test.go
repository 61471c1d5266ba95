package pipeline

import (
	"context"
	"testing"

	"legalmap/importers/sample"
	"legalmap/internal/search"
)

// TestSampleDirectoryLoadsAndReloadsUnchanged loads a whole synthetic directory (every kind, every format
// and coordinate system the generator writes) and loads it again: the second load must change nothing, not
// a version, not an audit row, not the directory's data version, not a search document.
func TestSampleDirectoryLoadsAndReloadsUnchanged(t *testing.T) {
	ctx := context.Background()
	pool := testPool(t)
	emptyDirectory(t, pool)
	files, err := sample.Write(sample.Options{Out: t.TempDir(), Scale: 400, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	load := func() []*Report {
		var reps []*Report
		for _, f := range files {
			reps = append(reps, mustApply(t, Options{Kind: f.Kind, File: f.Path, CRS: f.CRS, Source: sample.Source}))
		}
		return reps
	}
	for i, rep := range load() {
		f := files[i]
		if rep.Rows != f.Rows || rep.Created != f.Rows || rep.Rejected != 0 {
			t.Errorf("%s: rows %d created %d rejected %d, want %d created\n%s", f.Kind, rep.Rows, rep.Created, rep.Rejected, f.Rows, rep.JSON())
		}
	}
	places := queryInt(t, "SELECT count(*) FROM providers WHERE source = $1", sample.Source)
	if want := sample.PlanFor(400).Places(); places != want {
		t.Errorf("%d places, want %d", places, want)
	}
	if n := queryInt(t, "SELECT count(*) FROM providers WHERE area_code IS NULL"); n != 0 {
		t.Errorf("%d places without an area", n)
	}
	// Every point lies in the box of the district its area belongs to.
	if n := queryInt(t, `SELECT count(*) FROM providers p JOIN areas d ON d.code = left(p.area_code, 6)
		WHERE NOT ST_Contains(d.bbox, p.geom)`); n != 0 {
		t.Errorf("%d places outside their district's box", n)
	}
	changes := queryInt(t, "SELECT count(*) FROM changes")
	version := queryInt(t, "SELECT version::int FROM directory_state")
	for _, rep := range load() {
		if rep.Created+rep.Updated+rep.Withdrawn != 0 || rep.Unchanged != rep.Rows {
			t.Errorf("%s reloaded: created %d updated %d withdrawn %d unchanged %d of %d", rep.Kind, rep.Created, rep.Updated, rep.Withdrawn, rep.Unchanged, rep.Rows)
		}
		if rep.Advisers != nil && rep.Advisers.AssignmentsCreated+rep.Advisers.AssignmentsUpdated+rep.Advisers.AssignmentsEnded+rep.Advisers.PractitionersCreated != 0 {
			t.Errorf("advisers reloaded: %+v", rep.Advisers)
		}
	}
	if n := queryInt(t, "SELECT count(*) FROM changes"); n != changes {
		t.Errorf("reload wrote %d audit rows", n-changes)
	}
	if v := queryInt(t, "SELECT version::int FROM directory_state"); v != version {
		t.Errorf("reload moved the directory version %d -> %d", version, v)
	}
	if n := queryInt(t, "SELECT count(*) FROM providers WHERE version <> 1"); n != 0 {
		t.Errorf("%d places got a new version", n)
	}
	// The documents the import wrote are the ones the search engine's own rebuild writes.
	a, err := search.LoadAnalyzer(ctx, pool)
	if err != nil {
		t.Fatal(err)
	}
	np, nq, err := search.RebuildPG(ctx, pool, a, nil)
	if err != nil || np != 0 || nq != 0 {
		t.Errorf("a search rebuild after the import rewrote %d place and %d people documents (err %v)", np, nq, err)
	}
}
