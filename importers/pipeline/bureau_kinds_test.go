package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"legalmap/internal/store/vocabdb"
)

// writeGB18030 writes text as Excel on Chinese Windows saves a CSV.
func writeGB18030(t *testing.T, name, text string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeText(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAnyKindOfTheTableImports: the kinds seeded beside the first five (人民调解委员会 here) import with
// --kind CODE, their people (人民调解员) attach to them as lawyers do to firms, and a kind the bureau adds
// as a row imports with no code change; an unknown kind is refused naming those there are.
func TestAnyKindOfTheTableImports(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	committees := writeGB18030(t, "调委会.csv", "编号,名称,地址,经度,纬度,联系电话\n"+
		"TW1,福田区华富街道人民调解委员会,深圳市福田区华富街道深南中路1号,114.0720,22.5440,0755—83001234\n"+
		"TW2,南山区粤海街道人民调解委员会,深圳市南山区粤海街道科苑路2号,113.9500,22.5400,0755-26001234\n")
	rep := mustApply(t, Options{Kind: "mediation_committee", File: committees, CRS: "gcj02", Source: "tw"})
	if rep.Created != 2 || queryInt(t, "SELECT count(*) FROM providers WHERE kind = 'mediation_committee'") != 2 {
		t.Fatalf("committees: created %d\n%s", rep.Created, rep.JSON())
	}
	mediators := writeText(t, "mediators.csv", "编号,姓名,所属调委会\nM1,王调解,福田区华富街道人民调解委员会\nM2,李和,南山区粤海街道人民调解委员会\nM3,赵无,不存在的调解委员会\n")
	rep = mustApply(t, Options{Kind: "mediator", File: mediators, Source: "tw"})
	if rep.Created != 2 || rep.Rejected != 1 {
		t.Fatalf("mediators: created %d rejected %d\n%s", rep.Created, rep.Rejected, rep.JSON())
	}
	if n := queryInt(t, `SELECT count(*) FROM practitioners p JOIN providers f ON f.id = p.provider_id
		WHERE p.role = 'mediator' AND f.kind = 'mediation_committee'`); n != 2 {
		t.Fatalf("%d mediators attached to their committees, want 2", n)
	}

	// A kind the bureau adds.
	err := vocabdb.SaveKind(context.Background(), pool, vocabdb.Kind{Code: "veterans_service", NameZh: "退役军人法律服务站",
		NameEn: "Veterans' legal service point", Group: "legal_services", Colour: "#0f766e", Synonyms: []string{"退役军人"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	vets := writeText(t, "vets.csv", "编号,名称,经度,纬度\nV1,福田区退役军人法律服务站,114.05,22.54\n")
	rep = mustApply(t, Options{Kind: "veterans_service", File: vets, CRS: "wgs84", Source: "vet"})
	if rep.Created != 1 {
		t.Fatalf("added kind: created %d\n%s", rep.Created, rep.JSON())
	}
	if _, err := Run(context.Background(), pool, Options{Kind: "nosuch", File: vets}); err == nil ||
		!strings.Contains(err.Error(), "mediation_committee") || !strings.Contains(err.Error(), "veterans_service") {
		t.Fatalf("unknown kind: %v", err)
	}
}

// TestAddressOnlyRows: rows without coordinates are accepted when they have an address: placed at the
// centre of the smallest area the address names (approximate, with that area), unplaced when it names
// none (kept, not on the map), rejected with neither; the report counts each. A record placed exactly stays
// where it is when a later list gives only its address.
func TestAddressOnlyRows(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	f := writeGB18030(t, "公证处.csv", "编号,名称,地址,经度,纬度\n"+
		"N1,深圳市福田公证处,深圳市福田区华富街道深南中路2012号,114.0720,22.5440\n"+ // exact (gcj02)
		"N2,深圳市南山公证处,深圳市南山区南山大道1088号,,\n"+ // names 南山区: approximate at its centre
		"N3,深圳市宝安公证处,广东省深圳市宝安区新安街道创业一路,,\n"+ // 新安街道 has no centre: its district's
		"N4,深圳市某公证处,深南大道6008号,,\n"+ // names no area: unplaced
		"N5,无名公证处,,,\n") // neither: rejected
	rep := mustApply(t, Options{Kind: "notary", File: f, CRS: "gcj02", Source: "addr"})
	if rep.Created != 4 || rep.Rejected != 1 || rep.RejectedRows[0].Field != "address" {
		t.Fatalf("created %d rejected %d\n%s", rep.Created, rep.Rejected, rep.JSON())
	}
	if p := rep.Positions; p[PlacedExact] != 1 || p[PlacedApproximate] != 2 || p[PlacedUnplaced] != 1 {
		t.Fatalf("positions %v", p)
	}
	type row struct {
		placement, area string
		hasGeom         bool
	}
	get := func(id string) row {
		var r row
		if err := pool.QueryRow(context.Background(), `SELECT placement, coalesce(area_code, ''), geom IS NOT NULL
			FROM providers WHERE source = 'addr' AND source_id = $1`, id).Scan(&r.placement, &r.area, &r.hasGeom); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := get("N2"); r.placement != "approximate" || r.area != "440305" || !r.hasGeom {
		t.Errorf("N2 %+v", r)
	}
	if r := get("N3"); r.placement != "approximate" || r.area != "440306017" || !r.hasGeom {
		t.Errorf("N3 %+v", r)
	}
	if n := queryInt(t, `SELECT count(*) FROM providers p JOIN areas a ON a.code = '440305'
		WHERE p.source = 'addr' AND p.source_id = 'N2' AND ST_Equals(p.geom, a.centre)`); n != 1 {
		t.Error("N2 is not at 南山区's centre")
	}
	if r := get("N4"); r.placement != "unplaced" || r.hasGeom {
		t.Errorf("N4 %+v", r)
	}
	// The grid of the map never counts the unplaced record.
	if _, err := pool.Exec(context.Background(), `SELECT refresh_viewport_grid()`); err != nil {
		t.Fatal(err)
	}
	// N1 given again without coordinates keeps its exact point.
	again := writeText(t, "again.csv", "编号,名称,地址\nN1,深圳市福田公证处,深圳市福田区华富街道深南中路2012号\n")
	mustApply(t, Options{Kind: "notary", File: again, Source: "addr"})
	if r := get("N1"); r.placement != "exact" {
		t.Errorf("N1 after an address-only row: %+v", r)
	}
}

// TestNoSilentCoordinateGuess: a file with coordinates and no stated system is refused, the reason naming
// the systems of the common exports; an out-of-region rejection quotes the value as the file wrote it.
func TestNoSilentCoordinateGuess(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	f := writeText(t, "高德坐标.csv", "编号,名称,经度,纬度\nA1,甲,114.05,22.54\nA2,乙,１１６．４０,39.90\n")
	before := checksums(t, pool)
	rep, err := run(t, Options{Kind: "legal_aid", File: f, CRS: "none"})
	if !isRefused(err) || !strings.Contains(rep.Refusal, "gcj02") || !strings.Contains(rep.Refusal, "bd09") ||
		!strings.Contains(rep.Refusal, "Amap") {
		t.Fatalf("no crs: %v %q", err, rep.Refusal)
	}
	if after := checksums(t, pool); after["providers"] != before["providers"] {
		t.Error("a refused run changed the directory")
	}
	rep = mustApply(t, Options{Kind: "legal_aid", File: f, CRS: "gcj02"})
	if rep.Rejected != 1 || !strings.Contains(rep.RejectedRows[0].Reason, "「１１６．４０, 39.90」") {
		t.Fatalf("out of region: %+v", rep.RejectedRows)
	}
}

// TestAddressOnlyRowWithCommunity: a row without coordinates that names a community the directory does not
// know yet registers it without a centre and is placed at its street's district (the nearest area with a
// centre), approximate; an em-dash phone is stored in DESIGN.md's form.
func TestAddressOnlyRowWithCommunity(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	f := writeText(t, "调委会.csv", "编号,名称,区,街道,社区,地址,电话\nC1,新洲社区人民调解委员会,福田区,沙头街道,新洲社区,深圳市福田区沙头街道新洲社区,0755—83001234\n")
	rep := mustApply(t, Options{Kind: "mediation_committee", File: f, Source: "comm"})
	if rep.Positions[PlacedApproximate] != 1 || rep.AreasAdded != 1 {
		t.Fatalf("positions %v, areas added %d\n%s", rep.Positions, rep.AreasAdded, rep.JSON())
	}
	var placement, phone string
	var centreless int
	pool.QueryRow(context.Background(), `SELECT placement, phones[1] FROM providers WHERE source = 'comm'`).Scan(&placement, &phone)
	pool.QueryRow(context.Background(), `SELECT count(*) FROM areas WHERE level = 'community' AND name_zh = '新洲社区' AND centre IS NULL`).Scan(&centreless)
	if placement != "approximate" || phone != "0755-83001234" || centreless != 1 {
		t.Fatalf("placement %q phone %q, centreless community %d", placement, phone, centreless)
	}
}

// TestDefectsAcrossTheDirectory: a point another list already holds for an unrelated place is a warning
// (the same place in two lists is not); a licence number of another length than the file's others is a
// warning; notaries (公证员) import as people of their office.
func TestDefectsAcrossTheDirectory(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	aid := writeText(t, "aid.csv", "编号,名称,经度,纬度\nA1,福田区法律援助处,114.061,22.541\nA2,南山区法律援助处,113.930,22.533\n")
	mustApply(t, Options{Kind: "legal_aid", File: aid, Source: "aid"})
	notaries := writeText(t, "notary.csv", "编号,名称,经度,纬度,执业许可证号\n"+
		"N1,深圳市福田公证处,114.061,22.541,440300001\n"+ // A1's point: unrelated
		"N2,南山区法律援助处,113.930,22.533,440300002\n"+ // A2's point and name: the same place
		"N3,深圳市罗湖公证处,114.120,22.550,440300003\n"+
		"N4,深圳市宝安公证处,113.880,22.560,44030004\n"+ // a digit short
		"N5,深圳市龙岗公证处,114.250,22.720,440300005\n")
	rep := mustApply(t, Options{Kind: "notary", File: notaries, Source: "nt"})
	var shared, licence []int
	for _, w := range rep.WarningList {
		switch {
		case w.Field == "lng" && strings.Contains(w.Reason, "名录"):
			shared = append(shared, w.Line)
		case w.Field == "licence_no":
			licence = append(licence, w.Line)
		}
	}
	if len(shared) != 1 || shared[0] != 2 || len(licence) != 1 || licence[0] != 5 {
		t.Fatalf("shared-point warnings on lines %v (want [2]), licence warnings on %v (want [5])\n%s", shared, licence, rep.JSON())
	}
	people := writeText(t, "公证员.csv", "编号,姓名,执业证号,所属公证处\nP1,王公证,1440300001,深圳市福田公证处\n")
	rep = mustApply(t, Options{Kind: "notary_person", File: people, Source: "nt"})
	if rep.Created != 1 || queryInt(t, `SELECT count(*) FROM practitioners p JOIN providers f ON f.id = p.provider_id
		WHERE p.role = 'notary' AND f.kind = 'notary'`) != 1 {
		t.Fatalf("notaries: %s", rep.JSON())
	}
}

// TestSharedPointInALargeList: a list of more points than are looked up one by one finds the point another
// list holds all the same (the hashed form of the lookup).
func TestSharedPointInALargeList(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	mustApply(t, Options{Kind: "legal_aid", File: writeText(t, "aid.csv", "编号,名称,经度,纬度\nA1,福田区法律援助处,114.061,22.541\n"), Source: "aid"})
	var b strings.Builder
	b.WriteString("编号,名称,经度,纬度\n")
	n := 5200
	for i := range n {
		fmt.Fprintf(&b, "F%d,律师事务所%d,%.6f,%.6f\n", i, i, 113.85+float64(i%100)*0.005, 22.50+float64(i/100)*0.004)
	}
	fmt.Fprintf(&b, "F%d,深圳某律师事务所,114.061,22.541\n", n)
	rep := mustApply(t, Options{Kind: "law_firm", File: writeText(t, "firms.csv", b.String()), Source: "big"})
	found := 0
	for _, w := range rep.WarningList {
		if w.Field == "lng" && strings.Contains(w.Reason, "福田区法律援助处") && w.Line == n+2 {
			found++
		}
	}
	if rep.Created != n+1 || found != 1 {
		t.Fatalf("created %d, shared-point warnings naming the legal aid office on line %d: %d", rep.Created, n+2, found)
	}
}

// A list of people without an id or licence number column (人民调解员 have no licence) is imported with ids
// derived from each person's name and organisation, said in the report, instead of being refused whole; a
// person listed twice under the same organisation is rejected as such; running the file again changes
// nothing.
func TestPeopleWithoutIDsGetDerivedIDs(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	committees := writeText(t, "调委会.csv", "编号,名称,地址,经度,纬度\n"+
		"TD1,福田区莲花街道人民调解委员会,深圳市福田区莲花街道1号,114.0550,22.5550\n")
	mustApply(t, Options{Kind: "mediation_committee", File: committees, CRS: "wgs84", Source: "td"})
	mediators := writeText(t, "调解员.csv", "姓名,所属调委会,擅长领域\n"+
		"王调解,福田区莲花街道人民调解委员会,婚姻家庭\n李和,福田区莲花街道人民调解委员会,邻里纠纷\n王调解,福田区莲花街道人民调解委员会,婚姻家庭\n")
	rep, err := Run(context.Background(), pool, Options{Kind: "mediator", File: mediators, Source: "td", Workers: 2, Actor: "test"})
	if err != nil {
		t.Fatalf("a list of mediators without ids: %v\n%s", err, rep.JSON())
	}
	if rep.Created != 2 || rep.Rejected != 1 || !rep.IDsDerived || rep.IDsFrom != "name_organisation" {
		t.Fatalf("created %d rejected %d derived %v\n%s", rep.Created, rep.Rejected, rep.IDsDerived, rep.JSON())
	}
	if r := rep.RejectedRows[0]; r.Line != 4 || !strings.Contains(r.Reason, "姓名和所属机构与第 2 行相同") {
		t.Errorf("the repeated person: %+v", r)
	}
	again := mustApply(t, Options{Kind: "mediator", File: mediators, Source: "td"})
	if again.Created != 0 || again.Updated != 0 || again.Unchanged != 2 {
		t.Errorf("again: created %d updated %d unchanged %d", again.Created, again.Updated, again.Unchanged)
	}
}

// TestSharedPointOutsideTheRunsList: a record "outside the run's list" is one of another source or of
// another kind in the same source; the run's own records (the same file again) share no point with it.
func TestSharedPointOutsideTheRunsList(t *testing.T) {
	pool := testPool(t)
	emptyDirectory(t, pool)
	firms := writeText(t, "firms.csv", "编号,名称,经度,纬度\nF1,深圳甲律师事务所,114.061,22.541\n")
	mustApply(t, Options{Kind: "law_firm", File: firms, Source: "bureau"})
	sharedLines := func(rep *Report) []int {
		var lines []int
		for _, w := range rep.WarningList {
			if w.Field == "lng" && strings.Contains(w.Reason, "深圳甲律师事务所") {
				lines = append(lines, w.Line)
			}
		}
		return lines
	}
	if got := sharedLines(mustApply(t, Options{Kind: "law_firm", File: firms, Source: "bureau"})); len(got) != 0 {
		t.Fatalf("the same list again: shared-point warnings on lines %v, want none", got)
	}
	aid := writeText(t, "aid.csv", "编号,名称,经度,纬度\nA1,福田区法律援助处,114.061,22.541\n")
	if got := sharedLines(mustApply(t, Options{Kind: "legal_aid", File: aid, Source: "bureau"})); len(got) != 1 || got[0] != 2 {
		t.Fatalf("another kind of the same source: shared-point warnings on lines %v, want [2]", got)
	}
	other := writeText(t, "other.csv", "编号,名称,经度,纬度\nX1,深圳乙律师事务所,114.061,22.541\n")
	if got := sharedLines(mustApply(t, Options{Kind: "law_firm", File: other, Source: "district"})); len(got) != 1 || got[0] != 2 {
		t.Fatalf("the same kind from another source: shared-point warnings on lines %v, want [2]", got)
	}
}
