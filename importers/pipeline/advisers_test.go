package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommunityAdvisers: a point without a name column is named after its community; a community not yet
// known becomes an area under its street; the adviser is linked by licence number, or created under the
// supplying firm when the licence is new; the schedule is kept on the assignment; a second run changes
// nothing, and a point whose adviser changes ends the old assignment.
func TestCommunityAdvisers(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	dir := filepath.Join("..", "testdata", "corpus")
	mustApply(t, Options{Kind: "law_firm", File: filepath.Join(dir, "firms-ok.csv"), Source: "ca"})
	mustApply(t, Options{Kind: "lawyer", File: filepath.Join(dir, "lawyers-ok.gb18030.csv"), Source: "ca"})
	opt := Options{Kind: "community_adviser", File: filepath.Join(dir, "advisers-no-name.csv"), Source: "ca"}
	rep := mustApply(t, opt)
	if a := rep.Advisers; a == nil || a.AssignmentsCreated != 3 || a.PractitionersCreated != 1 {
		t.Fatalf("advisers %+v", rep.Advisers)
	}
	if queryInt(t, `SELECT count(*) FROM providers p JOIN areas a ON a.code = p.area_code
		WHERE p.source_id = 'CA1' AND p.name = '华航社区法律顾问' AND a.level = 'community' AND a.parent_code = '440304011'
		AND a.name_zh = '华航社区' AND length(a.code) = 12`) != 1 {
		t.Error("CA1 not named after its community, or the community not registered under 华强北街道")
	}
	if queryInt(t, `SELECT count(*) FROM practitioners pr JOIN providers f ON f.id = pr.provider_id
		WHERE pr.licence_no = '14403202010000099' AND pr.name = '新顾问' AND f.name = '广东丙丁律师事务所'`) != 1 {
		t.Error("the new adviser was not created under the supplying firm")
	}
	if queryInt(t, `SELECT count(*) FROM assignments a JOIN providers p ON p.id = a.provider_id
		WHERE p.source_id = 'CA2' AND a.schedule->'weekly'->1->0->>'open' = '09:00' AND a.firm_name = '广东丙丁律师事务所'`) != 1 {
		t.Error("CA2's schedule (Tuesday 9:00) or firm not on its assignment")
	}
	if rep = mustApply(t, opt); rep.Unchanged != 3 || rep.Advisers.AssignmentsCreated+rep.Advisers.AssignmentsUpdated+rep.Advisers.AssignmentsEnded != 0 {
		t.Errorf("second run: %+v %+v", rep.ImportCounts, rep.Advisers)
	}
	changed := filepath.Join(t.TempDir(), "changed.csv")
	os.WriteFile(changed, []byte("编号,所属区,街道,社区,经度,纬度,法律顾问,顾问执业证号,派驻律所,驻点时间\n"+
		"CA1,福田区,华强北街道,华航社区,114.0860,22.5440,李四,14403201110000002,广东甲乙律师事务所,每周三 14:00-17:00\n"), 0o644)
	rep = mustApply(t, Options{Kind: "community_adviser", File: changed, Source: "ca"})
	if a := rep.Advisers; a.AssignmentsEnded != 1 || a.AssignmentsCreated != 1 {
		t.Errorf("adviser change: %+v", a)
	}
	if queryInt(t, `SELECT count(*) FROM assignments a JOIN providers p ON p.id = a.provider_id
		JOIN practitioners pr ON pr.id = a.practitioner_id WHERE p.source_id = 'CA1'`) != 1 {
		t.Error("CA1 should have exactly its new adviser")
	}
	if queryInt(t, "SELECT count(*) FROM providers WHERE source_id = 'CA1' AND search_doc @@ '李四'::tsquery") != 1 {
		t.Error("the point's document does not find its new adviser")
	}
}
