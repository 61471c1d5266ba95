package importdb_test

import (
	"context"
	"fmt"
	"io"
	"testing"

	"legalmap/internal/store"
	"legalmap/internal/store/importdb"
	"legalmap/internal/store/storetest"
	"legalmap/internal/store/vocabdb"
)

// writeRun is one import of places through WriteProviders and ApplyProviders, as the pipeline drives them,
// with rows made here. classes, when set, overrides the class the SourceIndex gives a row.
func writeRun(t *testing.T, rows []*importdb.StagedProvider, snapshot bool, classes map[string]importdb.RowClass) importdb.ApplyResult {
	t.Helper()
	ctx := context.Background()
	mode := "upsert"
	if snapshot {
		mode = "snapshot"
	}
	tx, err := importdb.BeginImport(ctx, storetest.Pool(t), importdb.ImportRun{Importer: "law_firm", Source: "wt", Actor: "test",
		Mode: mode, CRS: "wgs84"})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	idx, err := tx.LoadSourceIndex(ctx, "law_firm")
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	w, err := tx.WriteProviders(ctx, "law_firm", snapshot, func() (*importdb.StagedProvider, error) {
		if i == len(rows) {
			return nil, io.EOF
		}
		p := *rows[i] // each run gets its own copy, as each run reads its own file
		i++
		p.FP = p.Fingerprint([]byte("basis"), nil)
		p.Class = idx.ClassOf(p.SourceID, p.FP)
		if c, ok := classes[p.SourceID]; ok {
			p.Class = c
		}
		if p.Class != importdb.RowUnchanged {
			p.Prepare()
		}
		return &p, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := tx.ApplyProviders(ctx, importdb.ProviderApply{Kind: "law_firm", Fields: []string{"address"}, Snapshot: snapshot,
		MaxWithdraw: 0.5, Written: w, Open: idx.Open})
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(ctx, res.ImportCounts, nil); err != nil {
		t.Fatal(err)
	}
	return res
}

func place(i int) *importdb.StagedProvider {
	return &importdb.StagedProvider{Line: int32(i + 1), SourceID: fmt.Sprintf("W%02d", i), Name: fmt.Sprintf("写入测试%d律师事务所", i),
		Address: fmt.Sprintf("华强北路%d号", i), AreaCode: "440304011", Lng: 114.08 + float64(i)/1000, Lat: 22.545,
		Status: "active", Languages: []string{"zh"}, Hours: []byte("{}"),
		SearchDoc: store.TSVector{A: []string{fmt.Sprintf("写入%d", i)}, B: []string{"k:law_firm"}}}
}

// TestWriteProvidersInSegments drives the writer with segments of a few rows, so every path between them is
// taken: new rows streamed or buffered behind staged ones, areas inserted between two segments before the
// row that names them, a row staged for an id the source does not hold (created by the apply, as a hash
// collision of the index would have it), ids listed for a snapshot in several batches.
func TestWriteProvidersInSegments(t *testing.T) {
	defer importdb.SetSegmentsForTest(3, 2, 4)()
	ctx := context.Background()
	pool := storetest.Pool(t)
	var rows []*importdb.StagedProvider
	for i := range 23 {
		rows = append(rows, place(i))
	}
	rows[12].AreaCode = "440304011577"
	rows[12].Areas = []vocabdb.Area{{Code: "440304011577", Level: "community", ParentCode: "440304011", NameZh: "写入测试社区"}}
	res := writeRun(t, rows, true, map[string]importdb.RowClass{"W05": importdb.RowCompare})
	if res.Created != 23 || res.Updated+res.Unchanged+res.Withdrawn != 0 {
		t.Fatalf("first run: %+v", res.ImportCounts)
	}
	count := func(sql string) int {
		t.Helper()
		var n int
		if err := pool.QueryRow(ctx, sql).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(`SELECT count(*) FROM providers p JOIN changes c ON c.record_id = p.id AND c.action = 'create'
		JOIN provider_fingerprints f ON f.provider_id = p.id AND f.version = 1 WHERE p.source = 'wt'`); n != 23 {
		t.Errorf("%d records with their create audit row and fingerprint, want 23", n)
	}
	if count(`SELECT count(*) FROM providers WHERE source = 'wt' AND source_id = 'W12' AND area_code = '440304011577'`) != 1 {
		t.Error("W12 not in the community added before it")
	}
	if count(`SELECT count(*) FROM changes c JOIN providers p ON p.id = c.record_id WHERE p.source_id = 'W07'
		AND c.diff = '{"name": {"new": "写入测试7律师事务所", "old": null}, "geom": {"new": [114.087, 22.545], "old": null},
		"status": {"new": "active", "old": null}, "address": {"new": "华强北路7号", "old": null},
		"area_code": {"new": "440304011", "old": null}, "languages": {"new": ["zh"], "old": null}}'::jsonb`) != 1 {
		t.Error("W07's create diff is not every non-empty field")
	}

	// The same rows: all vouched for, none withdrawn (their ids are listed).
	if res = writeRun(t, rows, true, nil); res.Unchanged != 23 || res.Created+res.Updated+res.Withdrawn != 0 {
		t.Errorf("same rows: %+v", res.ImportCounts)
	}
	// Ten new rows and two changed ones among the unchanged.
	for i := 23; i < 33; i++ {
		rows = append(rows, place(i))
	}
	rows[5], rows[17] = place(5), place(17)
	rows[5].Address, rows[17].Address = "新地址5", "新地址17"
	if res = writeRun(t, rows, false, nil); res.Created != 10 || res.Updated != 2 || res.Unchanged != 21 {
		t.Errorf("ten new, two changed: %+v", res.ImportCounts)
	}
	// Mostly changed rows (the segments then stream the staged ones and hold the new ones back).
	for i := range 20 {
		rows[i] = place(i)
		rows[i].Address = fmt.Sprintf("再改%d", i)
	}
	for i := 33; i < 36; i++ {
		rows = append(rows, place(i))
	}
	if res = writeRun(t, rows, false, nil); res.Created != 3 || res.Updated != 20 || res.Unchanged != 13 {
		t.Errorf("twenty changed, three new: %+v", res.ImportCounts)
	}
	if n := count(`SELECT count(*) FROM providers p JOIN provider_fingerprints f ON f.provider_id = p.id AND f.version = p.version
		WHERE p.source = 'wt'`); n != 36 {
		t.Errorf("%d records vouched for at their version, want 36", n)
	}
	if res = writeRun(t, rows, true, nil); res.Unchanged != 36 || res.Created+res.Updated+res.Withdrawn != 0 {
		t.Errorf("all again: %+v", res.ImportCounts)
	}
}
