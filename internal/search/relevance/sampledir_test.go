package relevance

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/importers/pipeline"
	"legalmap/importers/sample"
	"legalmap/internal/search"
	"legalmap/internal/store/storetest"
)

// sampleSeed is the seed of the judged sample directory: the CLI's default, so the ids in
// ../testdata/sample_judged.tsv are the records `legalmap sample` (and `make run`) shows.
const sampleSeed = 1

var (
	sampleOnce sync.Once
	sampleDir  *directory
	sampleErr  error
)

// loadSample writes the sample directory (default scale), imports it into a database of its own through the
// import pipeline, file by file in load order as `legalmap sample --load` does, and reads it back as judged
// records. Once per package run.
func loadSample(t testing.TB) *directory {
	t.Helper()
	sampleOnce.Do(func() {
		start := time.Now()
		// A database of its own: the fixture directory and the sample must not rank among each other's records.
		sampleDir, sampleErr = importSample(context.Background(), storetest.ExtraPool(t, "sample"))
		if sampleErr == nil {
			t.Logf("sample directory: %d places loaded in %.1f s", len(sampleDir.docs), time.Since(start).Seconds())
		}
	})
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sampleDir
}

func importSample(ctx context.Context, db *pgxpool.Pool) (*directory, error) {
	dir, err := os.MkdirTemp("", "legalmap-relevance-sample-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	files, err := sample.Write(sample.Options{Out: dir, Seed: sampleSeed})
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		rep, err := pipeline.Run(ctx, db, pipeline.Options{Kind: f.Kind, File: f.Path, CRS: f.CRS, Source: sample.Source})
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", f.Kind, err)
		}
		if rep.Rejected > 0 {
			return nil, fmt.Errorf("import %s: %d rows rejected: %s", f.Kind, rep.Rejected, rep.Summary())
		}
	}
	return readDirectory(ctx, db)
}

// readDirectory reads the imported places back as judged records: what the importer made of the files is
// what a query is judged against. A place's practitioners are its own and those serving there (a
// community adviser point's adviser), as the practice-area filter counts them; closed records are shown
// to no one and answer nothing.
func readDirectory(ctx context.Context, db *pgxpool.Pool) (*directory, error) {
	d := &directory{docs: map[string]doc{}, dbID: map[string]string{}, docID: map[string]string{}, engine: search.NewPG(db), db: db}
	rows, err := db.Query(ctx, `SELECT id::text, source_id, kind, name, name_en, licence_no, coalesce(area_code, ''),
			practice_areas, coalesce(description, ''), categories FROM providers WHERE status <> 'closed'`)
	if err != nil {
		return nil, err
	}
	var id, area string
	var x doc
	if _, err := pgx.ForEachRow(rows, []any{&id, &x.ID, &x.Kind, &x.Name, &x.NameEn, &x.LicenceNo, &area, &x.PracticeAreas, &x.Description, &x.Categories}, func() error {
		x.AreaCodes = []string{area}
		x.PracticeAreas = slices.Clone(x.PracticeAreas) // the scan may reuse the slice
		x.Categories = slices.Clone(x.Categories)
		d.docs[x.ID], d.dbID[x.ID], d.docID[id] = x, id, x.ID
		return nil
	}); err != nil {
		return nil, err
	}
	rows, err = db.Query(ctx, `SELECT pr.provider_id::text, pr.name, coalesce(pr.licence_no, ''), pr.practice_areas
		FROM practitioners pr WHERE pr.provider_id IS NOT NULL AND pr.status <> 'closed'
		UNION ALL
		SELECT a.provider_id::text, pr.name, coalesce(pr.licence_no, ''), pr.practice_areas
		FROM assignments a JOIN practitioners pr ON pr.id = a.practitioner_id WHERE pr.status <> 'closed'`)
	if err != nil {
		return nil, err
	}
	var p person
	if _, err := pgx.ForEachRow(rows, []any{&id, &p.Name, &p.LicenceNo, &p.PracticeAreas}, func() error {
		if src, ok := d.docID[id]; ok {
			x := d.docs[src]
			x.Practitioners = append(x.Practitioners, person{p.Name, p.LicenceNo, slices.Clone(p.PracticeAreas)})
			d.docs[src] = x
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// The analyzer as the API builds it, from the vocabularies and the areas after the import.
	if d.a, err = search.LoadAnalyzer(ctx, db); err != nil {
		return nil, err
	}
	return d, nil
}
