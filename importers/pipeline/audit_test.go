package pipeline

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestUpdateAuditAndVersions: a changed field bumps the record's version once and writes one audit row with
// the field's old and new value; the same file again changes nothing; a snapshot withdraws (closes, never
// deletes) what the file no longer lists, and a later file that lists it again restores it.
func TestUpdateAuditAndVersions(t *testing.T) {
	ctx := context.Background()
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	opt := func(file, mode string) Options {
		return Options{Kind: "law_firm", File: filepath.Join(dir, file), Source: "audit", Mode: mode}
	}
	rep := mustApply(t, opt("firms-ok.csv", ""))
	if n := queryInt(t, "SELECT count(*) FROM changes WHERE import_run_id = $1 AND action = 'create'", rep.RunID); n != 5 {
		t.Errorf("%d create audit rows, want 5", n)
	}
	rep = mustApply(t, opt("firms-ok-changed.csv", ""))
	if rep.Updated != 1 {
		t.Fatalf("updated %d", rep.Updated)
	}
	var diff []byte
	var action string
	if err := pool.QueryRow(ctx, "SELECT action, diff FROM changes WHERE import_run_id = $1", rep.RunID).Scan(&action, &diff); err != nil {
		t.Fatal(err)
	}
	var d map[string]struct{ Old, New any }
	if err := json.Unmarshal(diff, &d); err != nil || action != "update" || len(d) != 1 ||
		d["address"].Old != "深圳市福田区华强北路1号" || d["address"].New != "深圳市福田区华强北路100号" {
		t.Errorf("audit %s %s, want one address change", action, diff)
	}
	if v := queryInt(t, "SELECT version FROM providers WHERE source = 'audit' AND source_id = 'F1'"); v != 2 {
		t.Errorf("version %d, want 2", v)
	}
	dirVersion := queryInt(t, "SELECT version::int FROM directory_state")
	rep = mustApply(t, opt("firms-ok-changed.csv", ""))
	if rep.Updated != 0 || queryInt(t, "SELECT count(*) FROM changes WHERE import_run_id = $1", rep.RunID) != 0 ||
		queryInt(t, "SELECT version::int FROM directory_state") != dirVersion {
		t.Errorf("the same file twice changed something: %+v", rep.ImportCounts)
	}

	emptyDirectory(t, pool)
	mustApply(t, opt("snapshot-base.csv", "snapshot"))
	rep = mustApply(t, opt("snapshot-drop-one.csv", "snapshot"))
	if rep.Withdrawn != 1 || queryInt(t, "SELECT count(*) FROM providers WHERE source = 'audit' AND source_id = 'SN10' AND status = 'closed'") != 1 {
		t.Fatalf("withdrawn %d; SN10 not closed", rep.Withdrawn)
	}
	if queryInt(t, "SELECT count(*) FROM changes WHERE import_run_id = $1 AND action = 'withdraw'", rep.RunID) != 1 {
		t.Error("no withdraw audit row")
	}
	// Upsert mode never withdraws.
	if rep = mustApply(t, opt("snapshot-broken.csv", "")); rep.Withdrawn != 0 {
		t.Errorf("upsert withdrew %d", rep.Withdrawn)
	}
	rep = mustApply(t, opt("snapshot-base.csv", "snapshot"))
	if rep.Updated != 1 || queryInt(t, "SELECT count(*) FROM changes WHERE import_run_id = $1 AND action = 'restore'", rep.RunID) != 1 {
		t.Errorf("SN10 not restored: %+v", rep.ImportCounts)
	}
	if queryInt(t, "SELECT count(*) FROM providers WHERE source = 'audit' AND status = 'active'") != 10 {
		t.Error("not all ten active again")
	}
}
