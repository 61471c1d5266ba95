package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	"legalmap/importers/sample"
)

// TestDryRunWritesNothing: a dry run reports what would happen, leaves the directory as it was and records
// itself as a dry run.
func TestDryRunWritesNothing(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	before := checksums(t, pool)
	rep := mustApply(t, Options{Kind: "law_firm", File: filepath.Join("..", "testdata", "corpus", "firms-ok.csv"), Source: "dry", DryRun: true})
	if rep.Created != 5 || rep.Status != "dry_run" {
		t.Errorf("dry run: %s created %d", rep.Status, rep.Created)
	}
	if after := checksums(t, pool); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a dry run changed the live tables")
	}
	if queryInt(t, "SELECT count(*) FROM import_runs WHERE id = $1 AND status = 'dry_run' AND created = 5", rep.RunID) != 1 {
		t.Error("the dry run is not recorded")
	}
}

// TestInterruptedImportLeavesTheOldState: an import cut off half-way (its context cancelled while rows are
// streaming, as a killed process's connection is) leaves every live table as it was.
func TestInterruptedImportLeavesTheOldState(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := t.TempDir()
	files, err := sample.Write(sample.Options{Out: dir, Scale: 20000, Seed: 3, Only: []string{"law_firm"}})
	if err != nil {
		t.Fatal(err)
	}
	mustApply(t, Options{Kind: "law_firm", File: filepath.Join("..", "testdata", "corpus", "firms-ok.csv"), Source: sample.Source})
	before := checksums(t, pool)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rep, err := Run(ctx, pool, Options{Kind: "law_firm", File: files[0].Path, CRS: files[0].CRS, Source: sample.Source, Workers: 2,
		Progress: func(rows, _ int64) {
			if rows > 3000 {
				cancel()
			}
		}})
	var failed *FailedError
	if !errors.As(err, &failed) || rep.Status != "failed" {
		t.Fatalf("interrupted import: err %v, status %s", err, rep.Status)
	}
	if after := checksums(t, pool); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("an interrupted import changed the live tables")
	}
}

// TestPersonalDataNeverStored: the personal columns of a list (ID number, mobile, home address) are dropped,
// reported, and found nowhere in the database.
func TestPersonalDataNeverStored(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	rep := mustApply(t, Options{Kind: "law_firm", File: filepath.Join(dir, "firms-personal.csv"), Source: "pii"})
	if len(rep.Dropped) != 3 {
		t.Errorf("dropped %v, want ID number, mobile and home address", rep.Dropped)
	}
	mustApply(t, Options{Kind: "law_firm", File: filepath.Join(dir, "firms-ok.csv"), Source: "pii"})
	rep = mustApply(t, Options{Kind: "lawyer", File: filepath.Join(dir, "lawyers-licence-as-id.csv"), Source: "pii"})
	if len(rep.Dropped) != 2 || rep.Created != 1 {
		t.Errorf("lawyer list: dropped %v, created %d", rep.Dropped, rep.Created)
	}
	for _, secret := range []string{"440301199001011234", "13800000000", "某小区", "440301198001011234", "13900000000"} {
		for _, tbl := range []string{"providers", "practitioners", "changes", "import_runs"} {
			if n := queryInt(t, "SELECT count(*) FROM "+tbl+" t WHERE t::text LIKE '%' || $1 || '%'", secret); n != 0 {
				t.Errorf("%q stored in %s", secret, tbl)
			}
		}
	}
}

// TestForensicLicencePeriod: an expired licence is imported as not active and reported; a period that
// ends before it starts keeps its end only.
func TestForensicLicencePeriod(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	mustApply(t, Options{Kind: "forensic", File: filepath.Join("..", "testdata", "corpus", "forensic-expired.csv"), Source: "fo"})
	for id, want := range map[string]string{"FE1": "temporarily_closed", "FE2": "active", "FE3": "temporarily_closed"} {
		if queryInt(t, "SELECT count(*) FROM providers WHERE source_id = $1 AND status = $2", id, want) != 1 {
			t.Errorf("%s not %s", id, want)
		}
	}
	if queryInt(t, `SELECT count(*) FROM providers WHERE source_id = 'FE2' AND categories = '{文书,痕迹}'
		AND valid_from = '2022-01-01' AND valid_to = '2099-12-31'`) != 1 {
		t.Error("FE2's categories or period not read")
	}
	if queryInt(t, "SELECT count(*) FROM providers WHERE source_id = 'FE3' AND valid_from IS NULL AND valid_to = '2025-01-01'") != 1 {
		t.Error("FE3's reversed period not reduced to its end")
	}
}
