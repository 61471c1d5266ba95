package relevance

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"legalmap/internal/search"
	"legalmap/internal/store/storetest"
	"legalmap/internal/store/vocabdb"
)

// doc is one record as the judgements see it: a record of ../testdata/docs.json, or a place of the sample
// directory with the practitioners who belong to it or serve there.
type doc struct {
	ID            string   `json:"id"`
	Kind          string   `json:"kind"`
	Name          string   `json:"name"`
	NameEn        string   `json:"name_en"`
	LicenceNo     string   `json:"licence_no"`
	Address       string   `json:"address"`
	Description   string   `json:"description"`
	AreaCodes     []string `json:"area_codes"`
	PracticeAreas []string `json:"practice_areas"`
	Categories    []string `json:"categories"` // a forensic institution's appraisal categories
	Practitioners []person `json:"practitioners"`
}

// person is a practitioner of a place: one of its lawyers, or one who serves there (a community adviser).
type person struct {
	Name          string   `json:"name"`
	LicenceNo     string   `json:"licence_no"`
	PracticeAreas []string `json:"practice_areas"`
}

// directory is a loaded directory (the fixture of docs.json, or the sample directory read back from its
// database): the records by their source ids, their database ids both ways, the engine and the analyzer.
type directory struct {
	docs   map[string]doc
	dbID   map[string]string // doc id -> providers.id
	docID  map[string]string // providers.id -> doc id
	engine search.Engine
	a      *search.Analyzer
	db     *pgxpool.Pool // the directory's database
}

var (
	dirOnce sync.Once
	dir     *directory
	dirErr  error
)

func loadDirectory(t testing.TB) *directory {
	t.Helper()
	dirOnce.Do(func() { dir, dirErr = load(context.Background(), storetest.Pool(t)) })
	if dirErr != nil {
		t.Fatal(dirErr)
	}
	return dir
}

func load(ctx context.Context, db *pgxpool.Pool) (*directory, error) {
	raw, err := os.ReadFile("../testdata/docs.json")
	if err != nil {
		return nil, err
	}
	var docs []doc
	if err := json.Unmarshal(raw, &docs); err != nil {
		return nil, err
	}
	d := &directory{docs: map[string]doc{}, dbID: map[string]string{}, docID: map[string]string{}}
	areas, err := vocabdb.Areas(ctx, db)
	if err != nil {
		return nil, err
	}
	centre := map[string][2]float64{}
	for _, a := range areas {
		if a.Centre != nil {
			centre[a.Code] = *a.Centre
		}
	}
	for _, x := range docs {
		area := ""
		if len(x.AreaCodes) > 0 {
			area = x.AreaCodes[0]
		}
		c := centre[area[:min(6, len(area))]]
		// Spread the places of a district around its centre, deterministically (a few kilometres).
		h := fnv.New64a()
		h.Write([]byte(x.ID))
		s := h.Sum64()
		lng := c[0] + (float64(s%1000)/1000-0.5)*0.06
		lat := c[1] + (float64(s/1000%1000)/1000-0.5)*0.04
		var id string
		err := db.QueryRow(ctx, `INSERT INTO providers (kind, name, name_en, licence_no, address, description, area_code,
				geom, practice_areas, source, source_id)
			VALUES ($1, $2, $3, $4, $5, $6, nullif($7, ''), ST_SetSRID(ST_MakePoint($8, $9), 4326), $10, 'judged', $11)
			RETURNING id::text`, x.Kind, x.Name, x.NameEn, x.LicenceNo, x.Address, x.Description, area, lng, lat,
			orEmpty(x.PracticeAreas), x.ID).Scan(&id)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", x.ID, err)
		}
		for i, p := range x.Practitioners {
			if _, err := db.Exec(ctx, `INSERT INTO practitioners (provider_id, role, name, licence_no, practice_areas, source, source_id)
				VALUES ($1, 'lawyer', $2, nullif($3, ''), $4, 'judged', $5) ON CONFLICT (licence_no) DO NOTHING`,
				id, p.Name, p.LicenceNo, orEmpty(p.PracticeAreas), fmt.Sprintf("%s-%d", x.ID, i)); err != nil {
				return nil, fmt.Errorf("%s practitioner %d: %w", x.ID, i, err)
			}
		}
		d.docs[x.ID], d.dbID[x.ID], d.docID[id] = x, id, x.ID
	}
	if d.a, err = search.LoadAnalyzer(ctx, db); err != nil {
		return nil, err
	}
	if _, _, err := search.RebuildPG(ctx, db, d.a, nil); err != nil {
		return nil, err
	}
	d.engine = search.NewPG(db)
	return d, nil
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
