package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"legalmap/internal/store/recorddb"
)

// firmFile writes a law-firm list of n rows (F1…Fn) whose rows from newCommunityAt on name a community no
// area holds yet, and returns its path. edit may change a row's cells before it is written.
func firmFile(t *testing.T, n, newCommunityAt int, columns string, edit func(i int, cells []string)) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(columns + "\n")
	for i := 1; i <= n; i++ {
		community := ""
		if i >= newCommunityAt {
			community = "指纹测试社区"
		}
		cells := []string{fmt.Sprintf("F%d", i), fmt.Sprintf("广东测试%d律师事务所", i), "福田区", "华强北街道", community,
			fmt.Sprintf("深圳市福田区华强北路%d号", i), fmt.Sprintf("114.08%02d", i%100), "22.5450", "0755-83000001",
			"周一至周五 9:00-18:00", "婚姻家庭、劳动争议"}
		if edit != nil {
			edit(i, cells)
		}
		b.WriteString(strings.Join(cells[:len(strings.Split(columns, ","))], ",") + "\n")
	}
	path := filepath.Join(t.TempDir(), "firms.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const firmColumns = "编号,机构名称,所属区,街道,社区,办公地址,经度,纬度,联系电话,办公时间,业务领域"

// TestUnchangedRowsAreVouchedFor: a file imported again is recognised row by row from the fingerprints the
// first run stored (no analysis, no comparison, no write); whatever else wrote to a record since (an
// admin's edit, a withdrawal), or a change of columns or of the people in a place's document, makes the
// next run compare in full, as before, and store fresh fingerprints.
func TestUnchangedRowsAreVouchedFor(t *testing.T) {
	ctx := context.Background()
	pool := testPool(t)
	emptyDirectory(t, pool)
	file := firmFile(t, 40, 25, firmColumns, nil)
	opt := Options{Kind: "law_firm", File: file, Source: "fp"}
	rep := mustApply(t, opt)
	if rep.Created != 40 || rep.AreasAdded != 1 || rep.Vouched != 0 {
		t.Fatalf("first run: created %d, areas %d, vouched %d", rep.Created, rep.AreasAdded, rep.Vouched)
	}
	// Rows after the 25th name the community created mid-file: it went in before them.
	if n := queryInt(t, `SELECT count(*) FROM providers p JOIN areas a ON a.code = p.area_code
		WHERE p.source = 'fp' AND a.name_zh = '指纹测试社区' AND a.level = 'community'`); n != 16 {
		t.Errorf("%d places in the new community, want 16", n)
	}
	if n := queryInt(t, `SELECT count(*) FROM provider_fingerprints f JOIN providers p ON p.id = f.provider_id
		WHERE p.source = 'fp' AND f.version = p.version`); n != 40 {
		t.Errorf("%d fingerprints, want 40", n)
	}
	// Ids are time-ordered (UUIDv7) and given in file order.
	if n := queryInt(t, `SELECT count(*) FROM (SELECT id, lag(id) OVER (ORDER BY source_id::text COLLATE "C") AS prev,
		substr(id::text, 15, 1) AS v FROM providers WHERE source = 'fp' AND length(source_id) = 3) x
		WHERE v <> '7' OR prev > id`); n != 0 {
		t.Errorf("%d ids not time-ordered in file order", n)
	}
	// The community the first run registered is new vocabulary (a place name the analysis knows now), so
	// the second run compares every row once.
	if rep = mustApply(t, opt); rep.Unchanged != 40 || rep.Vouched != 0 {
		t.Errorf("after new vocabulary: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}
	audit := queryInt(t, "SELECT count(*) FROM changes")
	dirVersion := queryInt(t, "SELECT version::int FROM directory_state")
	rep = mustApply(t, opt)
	if rep.Unchanged != 40 || rep.Vouched != 40 || rep.Created+rep.Updated != 0 {
		t.Fatalf("same file again: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}
	if queryInt(t, "SELECT count(*) FROM changes") != audit || queryInt(t, "SELECT version::int FROM directory_state") != dirVersion {
		t.Error("an unchanged file wrote an audit row or moved the directory's version")
	}

	// An admin edits F3: its version moves, so its fingerprint no longer vouches for it; the file's
	// address comes back, audited, and the record is vouched for again at its new version.
	var id string
	if err := pool.QueryRow(ctx, "SELECT id::text FROM providers WHERE source = 'fp' AND source_id = 'F3'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	_, err := recorddb.UpdateProvider(ctx, pool, id, recorddb.Edit{Actor: "admin:test", Action: "update"}, func(r recorddb.Record) (recorddb.Record, error) {
		r.Address = "管理员改过的地址"
		return r, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep = mustApply(t, opt)
	if rep.Updated != 1 || rep.Unchanged != 39 || rep.Vouched != 39 {
		t.Errorf("after an admin's edit: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}
	if queryInt(t, `SELECT count(*) FROM changes WHERE import_run_id = $1 AND action = 'update'
		AND diff->'address'->>'old' = '管理员改过的地址' AND diff->'address'->>'new' = '深圳市福田区华强北路3号'`, rep.RunID) != 1 {
		t.Error("the admin's edit was not undone with an audit row")
	}
	if rep = mustApply(t, opt); rep.Vouched != 40 {
		t.Errorf("after the edit was undone: vouched %d, want 40", rep.Vouched)
	}

	// One changed cell: that row alone is compared and updated.
	phone7 := func(i int, c []string) {
		if i == 7 {
			c[8] = "0755-83999999"
		}
	}
	changed := firmFile(t, 40, 25, firmColumns, phone7)
	rep = mustApply(t, Options{Kind: "law_firm", File: changed, Source: "fp"})
	if rep.Updated != 1 || rep.Vouched != 39 {
		t.Errorf("one changed phone: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}

	// A change of columns (no hours column: the stored hours stay) compares every row once.
	noHours := firmFile(t, 40, 25, "编号,机构名称,所属区,街道,社区,办公地址,经度,纬度,联系电话", phone7)
	rep = mustApply(t, Options{Kind: "law_firm", File: noHours, Source: "fp"})
	if rep.Unchanged != 40 || rep.Vouched != 0 || rep.Updated != 0 {
		t.Errorf("other columns: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}
	if queryInt(t, "SELECT count(*) FROM providers WHERE source = 'fp' AND hours = '{}'") != 0 {
		t.Error("a file without an hours column wiped the hours")
	}
	if rep = mustApply(t, Options{Kind: "law_firm", File: noHours, Source: "fp"}); rep.Vouched != 40 {
		t.Errorf("the same columns again: vouched %d, want 40", rep.Vouched)
	}
}

// TestVouchedRowsInSnapshots: in snapshot mode the rows a fingerprint vouches for are still listed (not
// withdrawn), and the share a snapshot may withdraw is taken of the records that were there before the
// run, not diluted by the ones it creates.
func TestVouchedRowsInSnapshots(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	opt := func(file string) Options {
		return Options{Kind: "law_firm", File: file, Source: "fs", Mode: ModeSnapshot}
	}
	mustApply(t, opt(firmFile(t, 10, 99, firmColumns, nil)))
	// F10 is gone from the list; the other nine are unchanged.
	rep := mustApply(t, opt(firmFile(t, 9, 99, firmColumns, nil)))
	if rep.Withdrawn != 1 || rep.Vouched != 9 || rep.Unchanged != 9 {
		t.Errorf("one dropped: %+v, vouched %d", rep.ImportCounts, rep.Vouched)
	}
	if queryInt(t, "SELECT count(*) FROM providers WHERE source = 'fs' AND status = 'closed'") != 1 {
		t.Error("F10 not withdrawn (or more than F10)")
	}
	// Five of the nine open records, and thirty new ones: withdrawing four of nine is over 20%, however
	// many the file adds.
	half := firmFile(t, 35, 99, firmColumns, func(i int, c []string) {
		if i > 5 {
			c[0] = fmt.Sprintf("N%d", i)
		}
	})
	before := checksums(t, pool)
	rep, err := run(t, opt(half))
	if !isRefused(err) || !strings.Contains(rep.Refusal, "4 / 9") {
		t.Fatalf("a snapshot withdrawing 4 of 9 was not refused: %v\n%s", err, rep.JSON())
	}
	if after := checksums(t, pool); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("a refused snapshot changed the live tables")
	}
}

// TestPeopleInDocumentsAreFingerprinted: a place's search document holds its people, so when a lawyer list
// changes them, the place's next import compares it again (its document already holds them: nothing is
// written) instead of trusting a fingerprint taken with the old people.
func TestPeopleInDocumentsAreFingerprinted(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	firms := Options{Kind: "law_firm", File: filepath.Join(dir, "firms-ok.csv"), Source: "fpp"}
	mustApply(t, firms)
	if rep := mustApply(t, firms); rep.Vouched != 5 {
		t.Fatalf("firms again: vouched %d, want 5", rep.Vouched)
	}
	mustApply(t, Options{Kind: "lawyer", File: filepath.Join(dir, "lawyers-ok.gb18030.csv"), Source: "fpp"})
	docs := queryInt(t, "SELECT count(*) FROM providers WHERE source = 'fpp' AND search_doc @@ '张三'::tsquery")
	audit := queryInt(t, "SELECT count(*) FROM changes")
	rep := mustApply(t, firms)
	if rep.Vouched != 2 || rep.Unchanged != 5 || rep.Updated != 0 {
		t.Errorf("firms after their lawyers came: %+v, vouched %d (want the 2 firms without lawyers)", rep.ImportCounts, rep.Vouched)
	}
	if docs != 1 || queryInt(t, "SELECT count(*) FROM providers WHERE source = 'fpp' AND search_doc @@ '张三'::tsquery") != 1 ||
		queryInt(t, "SELECT count(*) FROM changes") != audit {
		t.Error("the firms' documents lost their lawyers, or the comparison wrote audit rows")
	}
	if rep = mustApply(t, firms); rep.Vouched != 5 {
		t.Errorf("firms once more: vouched %d, want 5", rep.Vouched)
	}
}
