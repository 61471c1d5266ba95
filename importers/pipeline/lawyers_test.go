package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLawyersAttachAndAreSearchable: lawyers attach to their firm by licence number or unique name; the
// firm's search document then holds its lawyers' names (a lawyer's name finds the firm) and each lawyer has
// a document of their own; a lawyer moving firm moves their name from one firm's document to the other's.
func TestLawyersAttachAndAreSearchable(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	mustApply(t, Options{Kind: "law_firm", File: filepath.Join(dir, "firms-ok.csv"), Source: "lw"})
	rep := mustApply(t, Options{Kind: "lawyer", File: filepath.Join(dir, "lawyers-ok.gb18030.csv"), Source: "lw"})
	if rep.Created != 4 || rep.Reindexed != 3 {
		t.Fatalf("created %d, firms reindexed %d\n%s", rep.Created, rep.Reindexed, rep.JSON())
	}
	firmOf := func(licence string) string {
		var name string
		testPool(t).QueryRow(t.Context(), `SELECT f.name FROM practitioners p JOIN providers f ON f.id = p.provider_id
			WHERE p.licence_no = $1`, licence).Scan(&name)
		return name
	}
	for licence, firm := range map[string]string{"14403201010000001": "广东甲乙律师事务所", "14403201210000003": "广东丙丁律师事务所",
		"14403201310000004": "广东戊己律师事务所"} {
		if got := firmOf(licence); got != firm {
			t.Errorf("lawyer %s at %q, want %q", licence, got, firm)
		}
	}
	if queryInt(t, "SELECT count(*) FROM practitioners WHERE licence_no = '14403201210000003' AND status = 'temporarily_closed'") != 1 {
		t.Error("暂停执业 not imported as temporarily_closed")
	}
	if queryInt(t, "SELECT count(*) FROM practitioners WHERE search_doc = ''::tsvector") != 0 {
		t.Error("a lawyer without a search document")
	}
	// 张三's name (and its pinyin) is in his firm's document.
	hasZhang := func(firm string) bool {
		return queryInt(t, `SELECT count(*) FROM providers WHERE source = 'lw' AND name = $1
			AND search_doc @@ '张三 & zhangsan'::tsquery`, firm) == 1
	}
	if !hasZhang("广东甲乙律师事务所") {
		t.Error("the firm's document does not find its lawyer 张三")
	}
	// 张三 moves to 广东丙丁律师事务所.
	moved := filepath.Join(t.TempDir(), "moved.csv")
	os.WriteFile(moved, []byte("编号,姓名,执业证号,执业机构许可证号\nL1,张三,14403201010000001,31440000MA5F000002\n"), 0o644)
	rep = mustApply(t, Options{Kind: "lawyer", File: moved, Source: "lw"})
	if rep.Updated != 1 || hasZhang("广东甲乙律师事务所") || !hasZhang("广东丙丁律师事务所") {
		t.Errorf("after the move: updated %d, old firm finds him %v, new firm %v", rep.Updated, hasZhang("广东甲乙律师事务所"), hasZhang("广东丙丁律师事务所"))
	}
}
